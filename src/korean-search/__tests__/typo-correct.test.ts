import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createKoreanAnalyzer } from '../core/analyzer';
import { encodeToken } from '../core/pagefind-adapter';
import { planQuery } from '../core/query';
import {
  TYPO_RULES,
  chooseCorrection,
  correctQuery,
  editDistance,
  jamoDistance,
  lookupNeeds,
  shareByResults,
  wordCorrections,
  type TypoLookup,
} from '../core/typo/correct';
import { TypoLookupBuilder, parseRuns, parseSyllableShard, runFile, syllableShardOf, type SyllableNeighbours } from '../core/typo/lookup-files';

const PAGES = [
  '인공지능 기본법 시행',
  '국가바이오위원회 출범',
  '출연연 혁신과 국가적 임무',
  'AI 관련 세액공제',
  '인공지능 공지 사항',
  '국가AI컴퓨팅센터 구축',
  'quantum computing 연구',
  '통신비 절감과 통신부 개편',
  '출연이 늘었다',
];
const analyzer = createKoreanAnalyzer({ synonyms: [{ id: 'ai', members: ['AI', '인공지능'] }] });

/** The lookup of PAGES as the browser reads it: built, written, parsed back. */
function lookupOf(texts: readonly string[]): TypoLookup {
  const builder = new TypoLookupBuilder();
  for (const text of texts) builder.addText(text);
  const { manifest, files } = builder.build();
  const shards = new Map<string, SyllableNeighbours>();
  const runs = new Map<number, Set<string>>();
  for (const file of files) {
    if (/\/s\d+\.gz$/.test(file.path)) for (const [k, v] of parseSyllableShard(file.text)) shards.set(k, v);
    else runs.set(Number(/r(\d+)\.gz$/.exec(file.path)![1]), parseRuns(file.text));
  }
  expect(files.filter((f) => f.path.startsWith('typo/s'))).toHaveLength(manifest.syllableShards);
  expect(manifest.runLengths.map(runFile)).toEqual(files.filter((f) => f.path.startsWith('typo/r')).map((f) => f.path));
  return {
    neighbours: (s) => shards.get(s) ?? { after: new Set(), before: new Set(), after2: new Set(), before2: new Set() },
    runs: (n) => runs.get(n) ?? new Set(),
  };
}
const lookup = lookupOf(PAGES);

/** Pages holding each encoded token of PAGES, as the vocabulary shards would say. */
const vocabulary = new Map<string, number>();
for (const page of PAGES) for (const token of new Set(analyzer.indexTokens(page).map(encodeToken))) vocabulary.set(token, (vocabulary.get(token) ?? 0) + 1);

const context = {
  analyzer,
  loadLookup: async () => ({ lookup, files: ['typo/s0.gz'] }),
  pageCounts: async (encoded: readonly string[]) => encoded.map((t) => vocabulary.get(t)),
};
/** The terms the engine would try to correct: those with a token not in `vocabulary`. */
function unknownTerms(query: string): string[] {
  const plan = planQuery(query, analyzer);
  return plan.status === 'ok' ? plan.analyzed.terms.filter((t) => t.tokens.some((token) => !vocabulary.has(encodeToken(token)))).map((t) => t.text) : [];
}
const correct = (query: string) => correctQuery(query, unknownTerms(query), context);

describe('distances', () => {
  it('counts jamo as es-hangul splits them: compound vowels and final clusters in parts', () => {
    expect(jamoDistance('희', '회')).toBe(1); // ㅎㅡㅣ → ㅎㅗㅣ
    expect(jamoDistance('눙', '능')).toBe(1);
    expect(jamoDistance('언', '연')).toBe(1);
    expect(jamoDistance('지', '직')).toBe(1);
    expect(jamoDistance('가', '나')).toBe(1);
    expect(jamoDistance('가', '녀')).toBe(2);
  });

  it('edit distance is a metric on short strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), (a, b, c) => {
        expect(editDistance(a, a)).toBe(0);
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, c)).toBeLessThanOrEqual(editDistance(a, b) + editDistance(b, c));
      }),
    );
    expect(editDistance('quantun', 'quantum')).toBe(1);
    expect(editDistance('quantum', 'quantu')).toBe(1);
  });
});

describe('the typo lookup files', () => {
  it('hold each syllable’s neighbours and three-syllable pieces inside words, never across a space', () => {
    const n = lookup.neighbours('지')!;
    expect(n.after.has('능')).toBe(true);
    expect(n.before.has('공')).toBe(true);
    expect(n.after2.has('능')).toBe(false);
    expect(lookup.neighbours('공')!.after2.has('지능')).toBe(true);
    expect(lookup.neighbours('능')!.before2.has('공지')).toBe(true);
    // 인공지능 기본법: 능 and 기 are in different words.
    expect(lookup.neighbours('능')!.after.has('기')).toBe(false);
    expect(lookup.runs(7)!.has('quantum')).toBe(true);
    expect(lookup.runs(2)!.has('ai')).toBe(false);
  });

  it('refuses a broken or foreign file', () => {
    expect(() => parseSyllableShard('<!doctype html>')).toThrow(/syllable after before/);
    expect(() => parseSyllableShard('지 능 공 능')).toThrow(/syllable after before/);
    expect(() => parseSyllableShard('지 능 공 능력원 ')).toThrow(/syllable after before/);
    expect(() => parseRuns('quantum\n<html>')).toThrow(/Latin run/);
  });

  it('spreads syllables over the shards (FNV-1a alone would sort them by final consonant)', () => {
    const syllables = Array.from({ length: 2000 }, (_, i) => String.fromCharCode(0xac00 + i * 5));
    const counts = new Array(16).fill(0);
    for (const s of syllables) counts[syllableShardOf(s, 16)]++;
    expect(Math.min(...counts)).toBeGreaterThan(2000 / 16 / 2);
    expect(Math.max(...counts)).toBeLessThan((2000 / 16) * 1.5);
  });
});

describe('candidate generation', () => {
  it.each([
    ['인공지눙', ['인공지능']],
    ['국가바이오위원희', ['국가바이오위원회']],
    ['출연언', ['출연연']],
    ['ai컴퓨팅센타', ['ai컴퓨팅센터']],
    // 공지 is a site word, but 액공지 a piece of none.
    ['세액공재', ['세액공제']],
    ['quantun', ['quantum']],
  ])('%s → %j', (typed, expected) => {
    expect(wordCorrections(typed, lookup)).toEqual(expected);
  });

  it('a slip as close to two site words yields both', () => {
    expect(wordCorrections('통신뱨', lookup)).toEqual(['통신부', '통신비']);
  });

  it('leaves short words alone: two syllables, Latin runs under four letters', () => {
    expect(wordCorrections('출연', lookup)).toEqual([]);
    expect(wordCorrections('aj', lookup)).toEqual([]);
    expect(lookupNeeds('야구')).toEqual({ syllables: [], runLengths: [] });
    expect(lookupNeeds('인공지눙')).toEqual({ syllables: ['인', '공', '지', '눙'], runLengths: [] });
    expect(lookupNeeds('quantun')).toEqual({ syllables: [], runLengths: [6, 7, 8] });
  });

  it('every candidate is one jamo (or one letter) from the word, and never the word', () => {
    const words = ['인공지눙', '국가바이오위원희', '출연언', '세액공재', '통신뱨', '인공지능', '기본뱁'];
    for (const word of words) {
      for (const candidate of wordCorrections(word, lookup)) {
        expect(candidate).not.toBe(word);
        const changed = [...word].map((s, i) => [s, [...candidate][i]!] as const).filter(([a, b]) => a !== b);
        expect(changed).toHaveLength(1);
        expect(jamoDistance(changed[0]![0], changed[0]![1])).toBe(1);
      }
    }
  });
});

describe('the choice rule', () => {
  it('corrects when there is one candidate, or the best has dominance× the pages of the next', () => {
    expect(chooseCorrection([{ text: 'a', pages: 1 }])).toEqual({ chosen: { text: 'a', pages: 1 }, reason: 'only' });
    expect(
      chooseCorrection([
        { text: 'a', pages: 2 },
        { text: 'b', pages: 9 },
      ]),
    ).toEqual({ chosen: { text: 'b', pages: 9 }, reason: 'dominant' });
    expect(
      chooseCorrection([
        { text: 'a', pages: 4 },
        { text: 'b', pages: 9 },
      ]),
    ).toEqual({ chosen: null, reason: 'close' });
    expect(chooseCorrection([])).toEqual({ chosen: null, reason: 'none' });
    const many = Array.from({ length: TYPO_RULES.maxCandidates + 1 }, (_, i) => ({ text: String(i), pages: i === 0 ? 1000 : 1 }));
    expect(chooseCorrection(many).reason).toBe('too-many');
  });
});

describe('correcting a query', () => {
  it('rewrites the unknown word in the query as typed, keeping particles, case and the other words', async () => {
    expect((await correct('인공지눙')).query).toBe('인공지능');
    expect((await correct('인공지눙을')).query).toBe('인공지능을');
    expect((await correct('AI컴퓨팅센타 구축')).query).toBe('AI컴퓨팅센터 구축');
    expect((await correct('출연언 혁신')).query).toBe('출연연 혁신');
  });

  it('corrects only when every unknown word has a clear correction', async () => {
    // 국가바이오위원희 alone is corrected; with 된장찌개 (no correction) the query is not.
    expect((await correct('국가바이오위원희')).query).toBe('국가바이오위원회');
    const mixed = await correct('국가바이오위원희 된장찌개');
    expect(mixed.query).toBeUndefined();
    expect(mixed.alternatives).toEqual([]);
    expect((await correct('된장찌개 끓이는 뻡')).query).toBeUndefined();
    expect((await correct('야구 중계 일정')).query).toBeUndefined();
  });

  it('offers the close candidates instead of guessing', async () => {
    const result = await correct('통신뱨 절감');
    expect(result.query).toBeUndefined();
    expect(result.words[0]!.choice).toBe('close');
    expect([...result.alternatives].sort()).toEqual(['통신부 절감', '통신비 절감']);
  });

  it('rewrites only the slipped characters, keeping brackets the analyser passes over', async () => {
    // 국가AI컴퓨팅(센타) is analysed as one word, 국가ai컴퓨팅센타.
    expect((await correct('국가AI컴퓨팅(센타)')).query).toBe('국가AI컴퓨팅(센터)');
  });

  it('rejects a candidate the analyser would not search whole (a slip that made a particle)', async () => {
    // 출연이 is on a page, but a query 출연이 is 출연 + 이: no correction of 출연잉 into it.
    expect(wordCorrections('출연잉', lookup)).toContain('출연이');
    const result = await correct('출연잉');
    expect(result.query).toBeUndefined();
    expect(result.words[0]!.candidates).toContainEqual({ text: '출연이', pages: undefined });
  });

  it('beside words of the site, takes a candidate that loses an ending: those words must be on its pages', async () => {
    // 출연이 is searched as 출연, with 혁신: a page must hold both.
    const result = await correct('출연잉 혁신');
    expect(result.words[0]!.candidates).toContainEqual({ text: '출연이', pages: expect.any(Number) });
    expect(result.query).toBe('출연이 혁신');
  });
});

describe('when no correction is clear: searching the candidates together', () => {
  it('lists every candidate query of a word with close candidates, most pages first', async () => {
    const result = await correct('통신뱨 절감');
    expect(result.query).toBeUndefined();
    expect(result.candidateQueries.map((c) => c.query)).toEqual(['통신부 절감', '통신비 절감']);
    expect(result.candidateQueries.map((c) => c.words)).toEqual([['통신부'], ['통신비']]);
  });

  it('a clear correction is also the only candidate query (tried when it finds nothing)', async () => {
    const result = await correct('출연언 혁신');
    expect(result.query).toBe('출연연 혁신');
    expect(result.candidateQueries.map((c) => c.query)).toEqual(['출연연 혁신']);
  });

  it('searches a two-syllable word by its candidates only beside words on the site, never corrects it', async () => {
    // 출연 is one jamo from 출엽; beside 혁신 (on the site) its candidates are searched with it.
    const beside = await correct('출엽 혁신');
    expect(beside.query).toBeUndefined();
    expect(beside.words[0]).toMatchObject({ word: '출엽', choice: 'beside-known-words' });
    expect(beside.candidateQueries.map((c) => c.query)).toContain('출연 혁신');
    // Alone, or beside another unknown word, it is left as typed: nothing narrows its many neighbours down.
    for (const query of ['출엽', '출엽 된장찌개']) {
      const alone = await correct(query);
      expect(alone.query).toBeUndefined();
      expect(alone.candidateQueries).toEqual([]);
    }
  });

  it('every word needs a candidate: an unrelated word beside site words finds nothing to search', async () => {
    for (const query of ['국가바이오위원희 된장찌개', '컴퓨팅센터 맛집', '야구 중계 일정', '된장찌개 끓이는 뻡']) {
      expect((await correct(query)).candidateQueries).toEqual([]);
    }
  });

  it('gives up past maxCandidateQueries combinations', async () => {
    const result = await correctQuery('통신뱨 절감', unknownTerms('통신뱨 절감'), { ...context, rules: { ...TYPO_RULES, maxCandidateQueries: 1 } });
    expect(result.candidateQueries).toEqual([]);
    expect(result.alternatives).toHaveLength(2);
  });

  it('shares the top among the candidates’ results in proportion to their sizes, without repeats', () => {
    expect(
      shareByResults(
        [
          ['a1', 'a2', 'a3', 'a4'],
          ['b1', 'b2'],
        ],
        [40, 20],
      ),
    ).toEqual(['a1', 'a2', 'b1', 'a3', 'a4', 'b2']);
    expect(
      shareByResults(
        [
          ['a1', 'x'],
          ['x', 'b2'],
        ],
        [2, 2],
      ),
    ).toEqual(['a1', 'x', 'b2']);
    expect(shareByResults([], [])).toEqual([]);
  });

  it('the first page of the shared list draws on each list’s first page only', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 12 }), fc.integer({ min: 1, max: 100 })), { maxLength: 5 }),
        (lists) => {
          const ids = lists.map(([l]) => l.map(String));
          const merged = shareByResults(
            ids,
            lists.map(([, t]) => t),
          );
          expect(new Set(merged)).toEqual(new Set(ids.flat()));
          const firstPages = new Set(ids.flatMap((l) => l.slice(0, 5)));
          for (const id of merged.slice(0, 5)) expect(firstPages.has(id)).toBe(true);
        },
      ),
    );
  });
});
