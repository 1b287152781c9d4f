import type { APIContext } from 'astro';
import { entryUrl, loadContent, sectionOf } from '../../data/content';
import { SITE } from '../../lib/site';
import { OPEN_DATA_PATHS, absoluteUrl, homeUrl, withBase } from '../../lib/urls';
import { STATUS_LABELS } from '../../schemas/fields';
import { openDataSchema, type OpenData } from '../../schemas/open-data';

/** Every policy as data; checked against its own schema, so the file can never drift from it. */
export async function GET(context: APIContext) {
  const { policies } = await loadContent();
  const data: OpenData = {
    $schema: absoluteUrl(withBase(OPEN_DATA_PATHS.schema), context.site),
    title: SITE.name,
    site: absoluteUrl(homeUrl(), context.site),
    policies: policies.map((entry) => {
      const section = sectionOf(entry);
      const { title, summary, status, figures, milestones, sources, updated } = entry.data;
      return {
        url: absoluteUrl(entryUrl(entry), context.site),
        section: { slug: section.slug, title: section.title },
        title,
        summary,
        status,
        statusLabel: STATUS_LABELS[status],
        figures,
        milestones,
        sources,
        ...(updated ? { updated } : {}),
      };
    }),
  };
  return new Response(JSON.stringify(openDataSchema.parse(data), null, 1), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
