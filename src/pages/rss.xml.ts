import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { entryUrl, loadContent, sectionOf } from '../data/content';
import { SITE } from '../lib/site';
import { absoluteUrl, homeUrl } from '../lib/urls';

export async function GET(context: APIContext) {
  const { policies } = await loadContent();
  return rss({
    title: SITE.name,
    description: SITE.description,
    // The channel links to the home page; item links (URLs under the base path) resolve against it.
    site: absoluteUrl(homeUrl(), context.site),
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
