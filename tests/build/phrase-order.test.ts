/**
 * A query of several words: its search answers without waiting for the phrase search
 * when the main search's first results page is already final, every page on it holding
 * the phrase (SearchEngine.orderByPhrase), and waits for it otherwise. Run on the build
 * through the site's own engine and Pagefind in Node, with the phrase search's answer
 * held back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeSearch } from '../../scripts/lib/node-search';
import { RESULTS_PAGE_SIZE, SEARCH_DATA_DIR, pageBlocks, type SearchManifest } from '../../src/lib/search-data';
import { holdsPhrase, phraseFirst } from '../../src/lib/search-query';
import type { SearchOutcome } from '../../src/search/engine';
import { DIST, assertBuilt } from '../helpers/built-site';

let search: Awaited<ReturnType<typeof startNodeSearch>>;
/** The query the engine's trace names as its main Pagefind query. */
let mainQuery: string | null = null;
let mainIds: string[] = [];
let phraseIds: string[] = [];
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
        phraseIds = ids;
        phraseHeld = true;
        await new Promise<void>((resolve) => (releasePhrase = resolve));
        return ids;
      },
    }),
  });
  // A first query, after which the engine loads the whole vocabulary: the next query's
  // trace then comes before any Pagefind answer, naming the main query.
  const { vocabularyShards } = JSON.parse(readFileSync(join(DIST, SEARCH_DATA_DIR, 'manifest.json'), 'utf8')) as SearchManifest;
  if ((await search.engine.search('양자')).kind !== 'results') throw new Error('양자: no results');
  const shardsLoaded = () => new Set(search.traffic().paths.filter((path) => path.includes(`/${SEARCH_DATA_DIR}/vocab/`))).size;
  for (const started = Date.now(); shardsLoaded() < vocabularyShards; ) {
    if (Date.now() - started > 10_000) throw new Error(`vocabulary shards loaded: ${shardsLoaded()} of ${vocabularyShards}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
});
afterAll(async () => {
  releasePhrase();
  await search?.close();
});

const docPath = `/${SEARCH_DATA_DIR}/doc/`;
const docsRequested = () => search.traffic().paths.filter((path) => path.startsWith(docPath)).map((path) => decodeURIComponent(path.slice(docPath.length).split('?')[0]!.replace(/\.gz$/, '')));

/** Starts the query with its phrase search held back; resolves once that search is held, with the main answer known. */
async function startHeld(query: string): Promise<{ answer: Promise<SearchOutcome>; settled: () => boolean; phrase: string }> {
  mainQuery = null;
  mainIds = [];
  phraseHeld = false;
  holding = true;
  search.resetTraffic();
  let phrase = '';
  let settled = false;
  const answer = search.engine.search(query, {}, (trace) => {
    mainQuery = trace.pagefindQuery;
    phrase = trace.phrase ?? '';
  });
  void answer.then(() => (settled = true), () => (settled = true));
  await expect.poll(() => phraseHeld, { timeout: 10_000 }).toBe(true);
  expect(mainQuery).not.toBeNull();
  expect(phrase).not.toBe('');
  await expect.poll(() => mainIds.length, { timeout: 10_000 }).toBeGreaterThan(1);
  return { answer, settled: () => settled, phrase };
}

async function holdsOnFirstPage(phrase: string): Promise<boolean[]> {
  const docs = await Promise.all(mainIds.slice(0, RESULTS_PAGE_SIZE).map((id) => search.engine.loadDoc(id)));
  return docs.map((doc) => holdsPhrase(pageBlocks(doc), phrase));
}

describe('phrase order and the phrase search', () => {
  it('answers before the phrase search when every page of the first results page holds the phrase', async () => {
    const { answer, settled, phrase } = await startHeld('대학 부설 연구소');
    expect((await holdsOnFirstPage(phrase)).every(Boolean)).toBe(true);
    const firstPage = mainIds.slice(0, RESULTS_PAGE_SIZE);
    await expect.poll(settled, { timeout: 10_000 }).toBe(true);
    expect(phraseHeld).toBe(true);
    const outcome = await answer;
    if (outcome.kind !== 'results') throw new Error(outcome.kind);
    expect(outcome.ids.slice(0, RESULTS_PAGE_SIZE)).toEqual(firstPage);
    expect(firstPage.every((id) => docsRequested().includes(id))).toBe(true);
    // The whole order comes with the phrase search's answer.
    let orderedYet = false;
    void outcome.ordered.then(() => (orderedYet = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(orderedYet).toBe(false);
    releasePhrase();
    const ordered = await outcome.ordered;
    expect(ordered).toEqual(phraseFirst(mainIds, [...phraseIds, ...firstPage]));
    expect(ordered.slice(0, RESULTS_PAGE_SIZE)).toEqual(firstPage);
  }, 60_000);

  it('waits for the phrase search when a page of the first results page does not hold the phrase', async () => {
    const { answer, settled, phrase } = await startHeld('데이터센터 규제');
    const held = await holdsOnFirstPage(phrase);
    expect(held.includes(false)).toBe(true);
    // The first page's texts load while the phrase search runs, and the answer still waits.
    await expect.poll(() => mainIds.slice(0, RESULTS_PAGE_SIZE).every((id) => docsRequested().includes(id)), { timeout: 10_000 }).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled()).toBe(false);
    releasePhrase();
    const outcome = await answer;
    if (outcome.kind !== 'results') throw new Error(outcome.kind);
    const heldIds = mainIds.slice(0, RESULTS_PAGE_SIZE).filter((_, i) => held[i]);
    expect(outcome.ids).toEqual(phraseFirst(mainIds, [...phraseIds, ...heldIds]));
    expect(await outcome.ordered).toEqual(outcome.ids);
  }, 60_000);
});
