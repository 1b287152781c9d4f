/**
 * A query of several words: its search answers without waiting for the phrase search
 * when the main search's first results page is already final, every page on it holding
 * the phrase (SearchEngine.orderByPhrase), and waits for it otherwise; a failing phrase
 * search loses no result. Run on the build through the site's own engine and Pagefind
 * in Node, with the phrase search's answer held back (or failing).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  startNodeSearch,
  RESULTS_PAGE_SIZE,
  SEARCH_DATA_DIR,
  pageBlocks,
  createKoreanAnalyzer,
  holdsPhrase,
  titleHoldsEvery,
  phraseFirst,
  phraseTokens,
  planQuery,
  type SearchManifest,
  type SearchEngine,
  type SearchOutcome,
} from '../../src/korean-search/node';
import { DIST, assertBuilt } from '../helpers/built-site';

let search: Awaited<ReturnType<typeof startNodeSearch>>;
let engine: SearchEngine;
let manifest: SearchManifest;
/** The Pagefind query of the phrase search under test (the bigrams joining its words). */
let phraseTerm: string | null = null;
/** What the phrase search under test does: answer only when released, or fail. */
let phraseMode: 'hold' | 'fail' = 'hold';
let mainIds: string[] = [];
let phraseIds: string[] = [];
let releasePhrase: () => void = () => undefined;
let phraseHeld = false;

beforeAll(async () => {
  assertBuilt();
  manifest = JSON.parse(readFileSync(join(DIST, SEARCH_DATA_DIR, 'manifest.json'), 'utf8')) as SearchManifest;
  search = await startNodeSearch(DIST, {
    wrapPagefind: (pagefind) => ({
      warmUp: () => pagefind.warmUp(),
      search: async (term, filters) => {
        const ids = await pagefind.search(term, filters);
        if (term !== phraseTerm) {
          mainIds = ids;
          return ids;
        }
        phraseIds = ids;
        phraseHeld = true;
        if (phraseMode === 'fail') throw new Error('phrase search failed (test)');
        await new Promise<void>((resolve) => (releasePhrase = resolve));
        return ids;
      },
    }),
  });
});
// A fresh engine for each test: no result text is in its cache yet, so every text the
// test sees requested was requested by the search under test.
beforeEach(() => {
  phraseTerm = null;
  engine = search.newEngine();
});
afterEach(() => releasePhrase());
afterAll(async () => {
  releasePhrase();
  await search?.close();
});

const docPath = `/${SEARCH_DATA_DIR}/doc/`;
const docsRequested = () =>
  search
    .traffic()
    .paths.filter((path) => path.startsWith(docPath))
    .map((path) => decodeURIComponent(path.slice(docPath.length).split('?')[0]!.replace(/\.gz$/, '')));

/** The phrase search's Pagefind query, as the engine makes it: the joining bigrams that are not tokens of the words. */
function phraseSearchTerm(query: string): string {
  const plan = planQuery(query, createKoreanAnalyzer({ synonyms: manifest.synonyms }));
  if (plan.status !== 'ok') throw new Error(`${query}: ${plan.status}`);
  return phraseTokens(plan)
    .filter((token) => !plan.encoded.includes(token))
    .join(' ');
}

/**
 * Starts the query with its phrase search held back (or failing); resolves once the
 * phrase search has been asked and the main search has answered, and the first
 * results page's texts were requested by the engine itself.
 */
async function start(query: string, mode: 'hold' | 'fail' = 'hold'): Promise<{ answer: Promise<SearchOutcome>; settled: () => boolean; phrase: string }> {
  phraseTerm = phraseSearchTerm(query);
  expect(phraseTerm).not.toBe('');
  phraseMode = mode;
  mainIds = [];
  phraseHeld = false;
  search.resetTraffic();
  let phrase = '';
  let settled = false;
  const answer = engine.search(query, {}, (trace) => (phrase = trace.phrase ?? ''));
  void answer.then(
    () => (settled = true),
    () => (settled = true),
  );
  await expect.poll(() => phraseHeld, { timeout: 10_000 }).toBe(true);
  await expect.poll(() => mainIds.length, { timeout: 10_000 }).toBeGreaterThan(1);
  expect(phrase).not.toBe('');
  // Requested by the engine before the test reads any text itself.
  await expect.poll(() => mainIds.slice(0, RESULTS_PAGE_SIZE).every((id) => docsRequested().includes(id)), { timeout: 10_000 }).toBe(true);
  return { answer, settled: () => settled, phrase };
}

/** Whether each page holds the phrase, or every word of the query in its title (SearchEngine.orderByPhrase). */
async function holdingOf(ids: string[], phrase: string, query: string): Promise<boolean[]> {
  const plan = planQuery(query, createKoreanAnalyzer({ synonyms: manifest.synonyms }));
  const words = plan.status === 'ok' ? plan.analyzed.terms.map((t) => t.text) : [];
  const docs = await Promise.all(ids.map((id) => engine.loadDoc(id)));
  return docs.map((doc) => holdsPhrase(pageBlocks(doc), phrase) || titleHoldsEvery(doc.title, words));
}
const holdsOnFirstPage = (phrase: string, query: string) => holdingOf(mainIds.slice(0, RESULTS_PAGE_SIZE), phrase, query);

/** The pages past the first results page that the phrase search named and whose text holds the phrase: the ones the engine checks. */
async function confirmedFurther(phrase: string, query: string): Promise<string[]> {
  const candidates = mainIds
    .slice(RESULTS_PAGE_SIZE)
    .filter((id) => phraseIds.includes(id))
    .slice(0, 3 * RESULTS_PAGE_SIZE);
  const held = await holdingOf(candidates, phrase, query);
  return candidates.filter((_, i) => held[i]);
}

describe('phrase order and the phrase search', () => {
  it('answers before the phrase search when every page of the first results page holds the phrase', async () => {
    const { answer, settled, phrase } = await start('대학 부설 연구소');
    expect((await holdsOnFirstPage(phrase, '대학 부설 연구소')).every(Boolean)).toBe(true);
    const firstPage = mainIds.slice(0, RESULTS_PAGE_SIZE);
    await expect.poll(settled, { timeout: 10_000 }).toBe(true);
    const outcome = await answer;
    if (outcome.kind !== 'results') throw new Error(outcome.kind);
    expect(outcome.ids.slice(0, RESULTS_PAGE_SIZE)).toEqual(firstPage);
    // The whole order comes with the phrase search's answer.
    let orderedYet = false;
    void outcome.ordered.then(() => (orderedYet = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(orderedYet).toBe(false);
    releasePhrase();
    const ordered = await outcome.ordered;
    // Pages the phrase search names move up only when their text holds the phrase.
    expect(ordered).toEqual(phraseFirst(mainIds, [...firstPage, ...(await confirmedFurther(phrase, '대학 부설 연구소'))]));
    expect(ordered.slice(0, RESULTS_PAGE_SIZE)).toEqual(firstPage);
  }, 60_000);

  it('waits for the phrase search when a page of the first results page does not hold the phrase', async () => {
    const { answer, settled, phrase } = await start('데이터센터 규제');
    const held = await holdsOnFirstPage(phrase, '데이터센터 규제');
    expect(held.includes(false)).toBe(true);
    // The first page's texts loaded while the phrase search runs (start), and the answer still waits.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled()).toBe(false);
    releasePhrase();
    const outcome = await answer;
    if (outcome.kind !== 'results') throw new Error(outcome.kind);
    const heldIds = mainIds.slice(0, RESULTS_PAGE_SIZE).filter((_, i) => held[i]);
    expect(outcome.ids).toEqual(phraseFirst(mainIds, [...heldIds, ...(await confirmedFurther(phrase, '데이터센터 규제'))]));
    expect(await outcome.ordered).toEqual(outcome.ids);
  }, 60_000);

  it('a failing phrase search costs the order, not the results: pages of the first page holding the phrase still come first', async () => {
    const { answer, phrase } = await start('기초연구 예산', 'fail');
    const outcome = await answer;
    if (outcome.kind !== 'results') throw new Error(outcome.kind);
    const held = await holdsOnFirstPage(phrase, '기초연구 예산');
    const heldIds = mainIds.slice(0, RESULTS_PAGE_SIZE).filter((_, i) => held[i]);
    expect(outcome.ids).toEqual(phraseFirst(mainIds, heldIds));
    expect(await outcome.ordered).toEqual(outcome.ids);
  }, 60_000);
});
