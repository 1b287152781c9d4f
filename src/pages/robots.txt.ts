import type { APIContext } from 'astro';
import { absoluteUrl, withBase } from '../lib/urls';

export function GET(context: APIContext) {
  const sitemap = absoluteUrl(withBase('/sitemap-index.xml'), context.site);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
