import { getCollection, type CollectionEntry } from 'astro:content';
import { SECTIONS, getSection, type SectionSlug } from './sections';
import { TAG_IDS, TAGS, type TagId } from './tags';
import { milestoneSortKey } from '../lib/format';
import { FIXED_PATHS, assertSlug, glossaryPath, policyPath, sectionPath, tagPath, withBase } from '../lib/urls';

export type PolicyEntry = CollectionEntry<SectionSlug>;
export type GlossaryEntry = CollectionEntry<'glossary'>;

/** Thrown for content that parses but is inconsistent; names the file and the field. */
export class ContentError extends Error {
  constructor(entry: { filePath?: string; id: string }, field: string, message: string) {
    super(`[content] ${entry.filePath ?? entry.id}: ${field}: ${message}`);
    this.name = 'ContentError';
  }
}

interface ContentIndex {
  sections: { section: (typeof SECTIONS)[number]; overview: PolicyEntry; policies: PolicyEntry[] }[];
  policies: PolicyEntry[];
  byKey: Map<string, PolicyEntry>;
  glossary: GlossaryEntry[];
}

let cached: Promise<ContentIndex> | undefined;

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
  const glossaryIds = new Set(glossary.map((g) => g.id));
  for (const g of glossary) assertSlug(g.id, `${g.filePath}: 파일 이름`);

  const byKey = new Map<string, PolicyEntry>();
  const sections: ContentIndex['sections'] = [];
  for (const section of SECTIONS) {
    const entries = (await getCollection(section.slug)) as PolicyEntry[];
    const overviews = entries.filter((e) => e.data.kind === 'overview');
    if (overviews.length !== 1) {
      throw new Error(`[content] content/${section.slug}/: kind: overview 페이지가 정확히 하나 있어야 합니다 (현재 ${overviews.length}개)`);
    }
    const policies = entries.filter((e) => e.data.kind === 'policy').sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
    for (const entry of entries) {
      assertSlug(entry.id, `${entry.filePath}: 파일 이름`);
      byKey.set(keyOf(entry.collection, entry.id), entry);
    }
    sections.push({ section, overview: overviews[0]!, policies });
  }

  const urls = new Map<string, string>();
  const claim = (url: string, by: string, entry: PolicyEntry, field: string) => {
    const owner = urls.get(url);
    if (owner) throw new ContentError(entry, field, `주소 ${url}가 이미 ${owner}에 쓰이고 있습니다 (중복 slug/별칭)`);
    urls.set(url, by);
  };
  // Fixed routes and generated pages are claimed first, so an alias that shadows one
  // is reported against its own file and field rather than as a route conflict.
  for (const fixed of [...Object.values(FIXED_PATHS), glossaryPath(), tagPath(), ...glossary.map((g) => glossaryPath(g.id)), ...TAG_IDS.map((t) => tagPath(t))]) {
    urls.set(fixed, `사이트의 고정 페이지 ${fixed}`);
  }
  for (const entry of byKey.values()) {
    const by = entry.filePath ?? entry.id;
    claim(entryPath(entry), by, entry, 'id');
  }
  for (const entry of byKey.values()) {
    entry.data.aliases.forEach((alias, i) => claim(alias, entry.filePath ?? entry.id, entry, `aliases[${i}]`));
    entry.data.related.forEach((ref, i) => {
      if (!byKey.has(keyOf(ref.collection, ref.id))) {
        throw new ContentError(entry, `related[${i}]`, `없는 페이지를 가리킵니다: ${ref.collection}/${ref.id}`);
      }
    });
    entry.data.terms.forEach((ref, i) => {
      if (!glossaryIds.has(ref.id)) throw new ContentError(entry, `terms[${i}]`, `용어집에 없는 용어입니다: ${ref.id}`);
    });
  }

  return { sections, policies: sections.flatMap((s) => s.policies), byKey, glossary };
}

/** The page's route path (without the base path): what aliases and the collision check compare. */
export function entryPath(entry: PolicyEntry): string {
  return entry.data.kind === 'overview' ? sectionPath(entry.collection) : policyPath(entry.collection, entry.id);
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
  return entry.data.related.map((ref) => byKey.get(keyOf(ref.collection, ref.id))!);
}

export async function getTerms(entry: PolicyEntry): Promise<GlossaryEntry[]> {
  const { glossary } = await loadContent();
  const ids = entry.data.terms.map((t) => t.id);
  return glossary.filter((g) => ids.includes(g.id));
}

/** Previous and next policy within the same section, in section order. */
export async function getNeighbours(entry: PolicyEntry): Promise<{ prev?: PolicyEntry; next?: PolicyEntry }> {
  const { sections } = await loadContent();
  const list = sections.find((s) => s.section.slug === entry.collection)!.policies;
  const i = list.findIndex((p) => p.id === entry.id);
  return { prev: i > 0 ? list[i - 1] : undefined, next: i >= 0 && i < list.length - 1 ? list[i + 1] : undefined };
}

/** Pages (overviews included) that use a glossary term. */
export async function getPagesUsingTerm(termId: string): Promise<PolicyEntry[]> {
  const { byKey } = await loadContent();
  return [...byKey.values()].filter((e) => e.data.terms.some((t) => t.id === termId));
}

export async function getTagIndex(): Promise<{ id: TagId; label: string; pages: PolicyEntry[] }[]> {
  const { byKey } = await loadContent();
  const entries = [...byKey.values()];
  return (Object.keys(TAGS) as TagId[])
    .map((id) => ({ id, label: TAGS[id], pages: entries.filter((e) => e.data.tags.includes(id)) }))
    .filter((t) => t.pages.length > 0);
}

export interface TimelineItem {
  when: string;
  until: boolean;
  sourceWording?: string;
  text: string;
  entry: PolicyEntry;
}

/** Every milestone of every page, earliest first. */
export async function getTimeline(): Promise<TimelineItem[]> {
  const { byKey } = await loadContent();
  return [...byKey.values()]
    .flatMap((entry) => entry.data.milestones.map((m) => ({ ...m, entry })))
    .sort((a, b) => milestoneSortKey(a.when) - milestoneSortKey(b.when) || a.entry.data.title.localeCompare(b.entry.data.title, 'ko'));
}

