import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { entryUrl, loadContent, sectionOf } from '../data/content';
import { SITE } from '../lib/site';

export async function GET(context: APIContext) {
  const { policies } = await loadContent();
  return rss({
    title: SITE.name,
    description: SITE.description,
    site: context.site ?? 'http://localhost:4321',
    customData: '<language>ko</language>',
    items: policies.map((entry) => ({
      title: entry.data.title,
      description: entry.data.summary,
      link: entryUrl(entry),
      categories: [sectionOf(entry).title],
      ...(entry.data.updated ? { pubDate: new Date(entry.data.updated) } : {}),
    })),
  });
}
