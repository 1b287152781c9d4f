/**
 * A site indexed as several Pagefind bundles (indexParts in src/lib/pagefind-adapter.ts)
 * answers like the same site in one bundle: the built site is copied, indexed again in
 * parts of a few pages each, and both copies are searched with the site's own engine.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeSearch } from '../../scripts/lib/node-search';
import { buildSearchIndex, type SearchIndexSummary } from '../../src/integrations/korean-search/indexer';
import { PART_BUNDLE_FILES } from '../../src/lib/pagefind-adapter';
import { SEARCH_DATA_DIR, type SearchManifest } from '../../src/lib/search-data';
import { DIST, assertBuilt } from '../helpers/built-site';
import { REPO_ROOT } from '../helpers/astro-build';

const PAGES_PER_PART = 25;
const dir = mkdtempSync(join(tmpdir(), 'index-parts-'));
const split = join(dir, 'dist');
let summary: SearchIndexSummary;
let whole: Awaited<ReturnType<typeof startNodeSearch>>;
let parted: Awaited<ReturnType<typeof startNodeSearch>>;

/** The development queries and the extra ones: every kind the evaluation judges, negatives included. */
const QUERIES = ['data/search-eval/queries.dev.json', 'scripts/queries.extra.json'].flatMap(
  (file) => (JSON.parse(readFileSync(join(REPO_ROOT, file), 'utf8')) as { queries: { query: string }[] }).queries.map((q) => q.query),
);

beforeAll(async () => {
  assertBuilt();
  cpSync(DIST, split, { recursive: true });
  summary = await buildSearchIndex({ distDir: split, contentDigest: 'index-parts-test', pagesPerPart: PAGES_PER_PART });
  whole = await startNodeSearch(DIST);
  parted = await startNodeSearch(split);
}, 300_000);

afterAll(async () => {
  await whole?.close();
  await parted?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The result pages of a query as sorted URLs, or the outcome's kind when it has no results. */
async function answer(search: typeof whole, query: string, filters = {}): Promise<string[] | string> {
  const outcome = await search.engine.search(query, filters);
  if (outcome.kind !== 'results') return outcome.kind;
  return (await Promise.all(outcome.ids.map(async (id) => (await search.engine.loadDoc(id)).url))).sort();
}

describe('a site indexed in parts', () => {
  it('is split into several bundles, each other part holding only its index in a folder named after its content', () => {
    const manifest = JSON.parse(readFileSync(join(split, SEARCH_DATA_DIR, 'manifest.json'), 'utf8')) as SearchManifest;
    expect(summary.indexParts).toBeGreaterThanOrEqual(3);
    expect(manifest.pagefindParts).toHaveLength(summary.indexParts - 1);
    for (const part of manifest.pagefindParts) {
      expect(part).toMatch(/^parts\/[0-9a-f]{12}\/$/);
      const names = readdirSync(join(split, 'pagefind', part));
      expect(names.every((n) => PART_BUNDLE_FILES.test(n)), names.join(', ')).toBe(true);
      expect(names).toContain('pagefind-entry.json');
    }
    // The site as built for the tests is one bundle.
    const single = JSON.parse(readFileSync(join(DIST, SEARCH_DATA_DIR, 'manifest.json'), 'utf8')) as SearchManifest;
    expect(single.pagefindParts).toEqual([]);
  });

  it('finds the same pages for every evaluation query as the site in one bundle', async () => {
    expect(QUERIES.length).toBeGreaterThan(40);
    const differences: string[] = [];
    let withResults = 0;
    for (const query of QUERIES) {
      const [one, parts] = [await answer(whole, query), await answer(parted, query)];
      if (Array.isArray(one) && one.length > 0) withResults++;
      if (JSON.stringify(one) !== JSON.stringify(parts)) differences.push(`「${query}」: ${JSON.stringify(one)} ≠ ${JSON.stringify(parts)}`);
    }
    expect(differences, differences.join('\n')).toEqual([]);
    expect(withResults).toBeGreaterThan(30);
  }, 120_000);

  it('applies a section filter across every part', async () => {
    const one = await answer(whole, '연구', { section: 'glossary' });
    expect(Array.isArray(one) && one.length).toBeGreaterThan(1);
    expect(await answer(parted, '연구', { section: 'glossary' })).toEqual(one);
  }, 60_000);
});
