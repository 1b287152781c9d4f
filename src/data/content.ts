import { getCollection, type CollectionEntry } from 'astro:content';
import { SECTIONS, SECTION_SLUGS, getSection, type SectionSlug } from './sections';
import { TAG_IDS, TAGS, type TagId } from './tags';
import { milestoneSortKey } from '../lib/format';
import type { Milestone } from '../schemas/fields';
import { findContentProblems, formatProblem, pagePath } from '../lib/content-checks';
import { must } from '../lib/must';
import { withBase } from '../lib/urls';

export type PolicyEntry = CollectionEntry<SectionSlug>;
export type GlossaryEntry = CollectionEntry<'glossary'>;

interface ContentIndex {
  sections: { section: (typeof SECTIONS)[number]; overview: PolicyEntry; policies: PolicyEntry[] }[];
  policies: PolicyEntry[];
  byKey: Map<string, PolicyEntry>;
  glossary: GlossaryEntry[];
}

let cached: Promise<ContentIndex> | undefined;

/**
 * Every page of every section. The site keeps one collection per section (each
 * section's folder is its own collection, see content.config.ts); this is the one
 * place that walks them, so the rest of the code sees a single typed list.
 */
export async function getPolicyEntries(): Promise<PolicyEntry[]> {
  return (await Promise.all(SECTION_SLUGS.map((slug) => getCollection(slug)))).flat();
}

/**
 * Loads every section and checks what the schemas cannot: that references point at
 * real entries (Astro only logs unknown references), one overview per section, and
 * that no alias collides with a page or another alias. Any problem stops the build.
 */
export function loadContent(): Promise<ContentIndex> {
  cached ??= buildIndex();
  return cached;
}

const keyOf = (collection: string, id: string) => `${collection}/${id}`;

async function buildIndex(): Promise<ContentIndex> {
  const glossary = (await getCollection('glossary')).sort((a, b) => a.data.term.localeCompare(b.data.term, 'ko'));
  const entries = await getPolicyEntries();
  const problems = findContentProblems({
    sections: SECTIONS.map((s) => s.slug),
    pages: entries.map((e) => ({
      collection: e.collection,
      id: e.id,
      file: e.filePath ?? e.id,
      kind: e.data.kind,
      aliases: e.data.aliases,
      related: e.data.related,
      terms: e.data.terms,
    })),
    glossary: glossary.map((g) => ({ id: g.id, file: g.filePath ?? g.id })),
    tags: TAG_IDS,
  });
  if (problems.length > 0) throw new Error(problems.map(formatProblem).join('\n'));

  const byKey = new Map(entries.map((e) => [keyOf(e.collection, e.id), e]));
  const sections: ContentIndex['sections'] = SECTIONS.map((section) => {
    const inSection = entries.filter((e) => e.collection === section.slug);
    return {
      section,
      overview: must(
        inSection.find((e) => e.data.kind === 'overview'),
        `${section.slug} overview`,
      ),
      policies: inSection.filter((e) => e.data.kind === 'policy').sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id)),
    };
  });
  return { sections, policies: sections.flatMap((s) => s.policies), byKey, glossary };
}

/** The page's route path (without the base path): what aliases and the collision check compare. */
export function entryPath(entry: PolicyEntry): string {
  return pagePath({ collection: entry.collection, id: entry.id, kind: entry.data.kind });
}

/** The page's URL under the site's base path, for links. */
export function entryUrl(entry: PolicyEntry): string {
  return withBase(entryPath(entry));
}

export function sectionOf(entry: PolicyEntry) {
  return getSection(entry.collection);
}

export async function getRelated(entry: PolicyEntry): Promise<PolicyEntry[]> {
  const { byKey } = await loadContent();
  return entry.data.related.map((ref) => must(byKey.get(keyOf(ref.collection, ref.id)), `related ${keyOf(ref.collection, ref.id)}`));
}

export async function getTerms(entry: PolicyEntry): Promise<GlossaryEntry[]> {
  const { glossary } = await loadContent();
  const ids = entry.data.terms;
  return glossary.filter((g) => ids.includes(g.id));
}

/** Previous and next policy within the same section, in section order. */
export async function getNeighbours(entry: PolicyEntry): Promise<{ prev?: PolicyEntry; next?: PolicyEntry }> {
  const { sections } = await loadContent();
  const list = must(
    sections.find((s) => s.section.slug === entry.collection),
    `section ${entry.collection}`,
  ).policies;
  const i = list.findIndex((p) => p.id === entry.id);
  return { prev: i > 0 ? list[i - 1] : undefined, next: i >= 0 && i < list.length - 1 ? list[i + 1] : undefined };
}

/** Pages (overviews included) that use a glossary term. */
export async function getPagesUsingTerm(termId: string): Promise<PolicyEntry[]> {
  const { byKey } = await loadContent();
  return [...byKey.values()].filter((e) => e.data.terms.includes(termId));
}

export async function getTagIndex(): Promise<{ id: TagId; label: string; pages: PolicyEntry[] }[]> {
  const { byKey } = await loadContent();
  const entries = [...byKey.values()];
  return (Object.keys(TAGS) as TagId[])
    .map((id) => ({ id, label: TAGS[id], pages: entries.filter((e) => e.data.tags.includes(id)) }))
    .filter((t) => t.pages.length > 0);
}

export type TimelineItem = Milestone & { entry: PolicyEntry };

/** Every milestone of every page, earliest first. */
export async function getTimeline(): Promise<TimelineItem[]> {
  const { byKey } = await loadContent();
  return [...byKey.values()]
    .flatMap((entry) => entry.data.milestones.map((m) => ({ ...m, entry })))
    .sort((a, b) => milestoneSortKey(a.when) - milestoneSortKey(b.when) || a.entry.data.title.localeCompare(b.entry.data.title, 'ko'));
}
