/**
 * While the phrase search of a several-word query is still running, the engine already
 * loads the texts of the main search's first results page (SearchEngine.prefetchFirstPage),
 * so they arrive during the phrase search instead of after it. Run on the build through
 * the site's own engine and Pagefind in Node, with the phrase search's answer held back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeSearch } from '../../scripts/lib/node-search';
import { RESULTS_PAGE_SIZE, SEARCH_DATA_DIR, type SearchManifest } from '../../src/lib/search-data';
import { DIST, assertBuilt } from '../helpers/built-site';

let search: Awaited<ReturnType<typeof startNodeSearch>>;
/** The query the engine's trace names as its main Pagefind query. */
let mainQuery: string | null = null;
let mainIds: string[] = [];
let releasePhrase: () => void = () => undefined;
let phraseHeld = false;
/** Set for the query under test: before it, every search answers at once. */
let holding = false;

beforeAll(async () => {
  assertBuilt();
  search = await startNodeSearch(DIST, {
    wrapPagefind: (pagefind) => ({
      warmUp: () => pagefind.warmUp(),
      search: async (term, filters) => {
        const ids = await pagefind.search(term, filters);
        if (!holding || term === mainQuery) {
          mainIds = ids;
          return ids;
        }
        // Any other search of the query is its phrase search: answer only when released.
        phraseHeld = true;
        await new Promise<void>((resolve) => (releasePhrase = resolve));
        return ids;
      },
    }),
  });
});
afterAll(async () => {
  releasePhrase();
  await search?.close();
});

const docPath = `/${SEARCH_DATA_DIR}/doc/`;
const docsRequested = () => search.traffic().paths.filter((path) => path.startsWith(docPath)).map((path) => decodeURIComponent(path.slice(docPath.length).split('?')[0]!.replace(/\.gz$/, '')));

describe('phrase search and result texts', () => {
  it('loads the first results page of the main search while the phrase search runs', async () => {
    // A first query, after which the engine loads the whole vocabulary: the next query's
    // trace then comes before any Pagefind answer, naming the main query.
    const { vocabularyShards } = JSON.parse(readFileSync(join(DIST, SEARCH_DATA_DIR, 'manifest.json'), 'utf8')) as SearchManifest;
    search.resetTraffic();
    expect((await search.engine.search('양자')).kind).toBe('results');
    await expect.poll(() => new Set(search.traffic().paths.filter((path) => path.includes(`/${SEARCH_DATA_DIR}/vocab/`))).size, { timeout: 10_000 }).toBe(vocabularyShards);
    search.resetTraffic();
    holding = true;
    const answer = search.engine.search('과학기술 외교', {}, (trace) => (mainQuery = trace.pagefindQuery));
    await expect.poll(() => phraseHeld, { timeout: 10_000 }).toBe(true);
    expect(mainQuery).not.toBeNull();
    await expect.poll(() => mainIds.length, { timeout: 10_000 }).toBeGreaterThan(1);
    const firstPage = mainIds.slice(0, RESULTS_PAGE_SIZE);
    await expect.poll(() => firstPage.filter((id) => docsRequested().includes(id)).length, { timeout: 10_000 }).toBe(firstPage.length);
    releasePhrase();
    const outcome = await answer;
    expect(outcome.kind).toBe('results');
    if (outcome.kind === 'results') expect([...outcome.ids].sort()).toEqual([...mainIds].sort());
  }, 60_000);
});
