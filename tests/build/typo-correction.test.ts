/**
 * Typo correction on the built site, through the site's own engine and Pagefind in
 * Node (src/korean-search/node/node-search.ts): a one-jamo slip in a site word still finds its
 * page, and a word that is not on the site finds nothing. Seeded, so a failure
 * reproduces.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeSearch, type SearchOutcome } from '../../src/korean-search/node';
import { EVERYDAY_WORDS, JAMO, indexedDocs, nodeCorrector, siteText, siteWords, slip, type SiteWord } from '../../scripts/lib/typo-eval';
import { DIST, assertBuilt } from '../helpers/built-site';

let search: Awaited<ReturnType<typeof startNodeSearch>>;
let words: SiteWord[];
let text: string;
let corrector: ReturnType<typeof nodeCorrector>;

beforeAll(async () => {
  assertBuilt();
  search = await startNodeSearch(DIST);
  corrector = nodeCorrector(DIST);
  const docs = indexedDocs(DIST);
  words = siteWords(docs, corrector.analyzer, 3);
  text = siteText(docs);
});
afterAll(() => search?.close());

const SEED = 20251;

async function urls(outcome: SearchOutcome): Promise<string[]> {
  return outcome.kind === 'results' ? Promise.all(outcome.ids.map(async (id) => (await search.engine.loadDoc(id)).url)) : [];
}

describe('typo correction', () => {
  it.each([
    ['인공지눙', '인공지능', null],
    ['바이오위원희', '바이오위원회', '/bio-quantum/national-bio-committee/'],
    ['출연언', '출연연', '/glossary/gri/'],
  ] as const)('「%s」 searches 「%s」 and says so', async (typed, corrected, page) => {
    const outcome = await search.engine.search(typed);
    expect(outcome.kind).toBe('results');
    if (outcome.kind !== 'results') return;
    expect(outcome.correction).toEqual({ from: typed, to: corrected });
    expect(outcome.total).toBeGreaterThan(0);
    if (page) expect(await urls(outcome)).toContain(page);
    // As typed, with correction off: today's answer, nothing.
    const asTyped = await search.engine.search(typed, {}, undefined, { correct: false });
    expect(asTyped.kind).toBe('unknown');
  });

  it('a slip as close to two site words searches both and says so (통신뱨: 통신비 and 통신부)', async () => {
    const outcome = await search.engine.search('통신뱨');
    expect(outcome.kind).toBe('results');
    if (outcome.kind !== 'results') return;
    expect(outcome.correction?.similar).toEqual({ words: ['통신뱨'], candidates: ['통신비', '통신부'] });
    expect(await urls(outcome)).toContain('/digital-life/telecom-costs/');
    expect(await outcome.ordered).toEqual(expect.arrayContaining(outcome.ids.slice(0, 5)));
  });

  it('a slip whose bigrams are all on the site, apart, is corrected when the search as typed finds nothing', async () => {
    // 세액·액공·공지 are each on the site, 세액공지 on no page.
    const asTyped = await search.engine.search('세액공지', {}, undefined, { correct: false });
    expect(asTyped.kind === 'results' && asTyped.total).toBe(0);
    const outcome = await search.engine.search('세액공지');
    expect(outcome.kind === 'results' && outcome.correction).toEqual({ from: '세액공지', to: '세액공제' });
    expect(await urls(outcome)).toContain('/ai-g3/ai-tax-credit/');
  });

  it('a two-syllable slip beside words on the site is searched by its candidates with them', async () => {
    const outcome = await search.engine.search('과학기술 외굑');
    expect(outcome.kind).toBe('results');
    if (outcome.kind !== 'results') return;
    expect(outcome.correction).toEqual({ from: '과학기술 외굑', to: '과학기술 외교' });
    expect((await urls(outcome))[0]).toBe('/glossary/science-diplomacy/');
    // Alone, nothing narrows its neighbours down: as before, nothing.
    expect((await search.engine.search('외굑')).kind).toBe('unknown');
  });

  it.each(['된장찌개 끓이는 뻡', '야구 중계 일정', '컴퓨팅센터 맛집', '아파트 청약'])('「%s」 still finds nothing', async (query) => {
    const outcome = await search.engine.search(query);
    expect(outcome.kind).toBe('unknown');
  });

  it('a slip that made another site word: the results as typed, then the page titled with the word it slipped from (루가 ← 추가)', async () => {
    const query = 'AI 분야의 국가전략기술 루가';
    const asTyped = await search.engine.search(query, {}, undefined, { correct: false });
    expect(asTyped.kind).toBe('results');
    if (asTyped.kind !== 'results') return;
    expect(asTyped.total).toBeGreaterThan(0);
    expect(await urls(asTyped)).not.toContain('/strategic-technology/ai-national-strategic-technology/');
    const outcome = await search.engine.search(query);
    expect(outcome.kind).toBe('results');
    if (outcome.kind !== 'results') return;
    expect(outcome.correction?.similar).toEqual({ words: ['루가'], candidates: ['추가'], withTyped: true });
    expect(outcome.ids.slice(0, asTyped.total)).toEqual(asTyped.ids);
    expect((await urls(outcome)).slice(asTyped.total)).toEqual(['/strategic-technology/ai-national-strategic-technology/']);
  });

  it('a one-jamo slip in a title word of three syllables or more finds the word’s page (corrected, or among close candidates)', async () => {
    expect(words.length).toBeGreaterThan(20);
    let tried = 0;
    let first = 0;
    let offered = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.nat(),
        fc.constantFrom('substitute', 'insert', 'delete' as const),
        fc.nat(),
        fc.constantFrom(...JAMO),
        async (w, at, kind, position, jamo) => {
          const { word, page } = words[w % words.length]!;
          const typed = slip(word, at % word.length, kind, position, jamo);
          // Only slips that are real syllables and not themselves on the site (those are searched as typed).
          fc.pre(typed !== undefined && corrector.unknownTerms(typed).length > 0);
          tried++;
          const outcome = await search.engine.search(typed);
          const found = await urls(outcome);
          expect(found, `「${typed}」 (slip of 「${word}」) → ${outcome.kind}`).toContain(page);
          // A slip as close to another site word (통신뱨: 통신비 and 통신부) is not guessed:
          // both are searched together, the word among them.
          if (outcome.kind === 'results' && outcome.correction?.similar) {
            expect(outcome.correction.similar.candidates).toContain(word);
            offered++;
            return;
          }
          if (outcome.kind === 'results') expect(outcome.correction?.to).toBe(word);
          if (found[0] === page) first++;
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
    expect(tried).toBe(300);
    // Searching close candidates together instead of correcting is rare (bench:typo: 23 of 7,650 slips of 3+ syllables; this seed: 1 of 300).
    expect(offered / tried).toBeLessThan(0.05);
    // Many slips find the page first (the rest rank it among the word's other pages).
    expect(first / tried).toBeGreaterThan(0.3);
  }, 300_000);

  it('a random Hangul word of 3–4 syllables that is not on the site finds nothing', async () => {
    const syllable = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c));
    await fc.assert(
      fc.asyncProperty(fc.array(syllable, { minLength: 3, maxLength: 4 }), async (syllables) => {
        const word = syllables.join('');
        fc.pre(!text.includes(word));
        const outcome = await search.engine.search(word);
        expect(outcome.kind, `「${word}」`).toBe('unknown');
      }),
      { seed: SEED, numRuns: 300 },
    );
  }, 300_000);

  it('everyday words that are not on the site find nothing, and are not corrected', async () => {
    const unrelated = EVERYDAY_WORDS.filter((w) => !text.includes(w));
    expect(unrelated.length).toBeGreaterThan(100);
    const found: string[] = [];
    for (const word of unrelated) {
      const outcome = await search.engine.search(word);
      if (outcome.kind !== 'unknown') found.push(`${word} → ${outcome.kind}`);
    }
    expect(found).toEqual([]);
  }, 300_000);
});
