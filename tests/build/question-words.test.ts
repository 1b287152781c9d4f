/**
 * Question endings, one-syllable words and unknown words on the build, through the
 * site's own engine and Pagefind in Node (docs/search.md: 질문 낱말, 한 음절 낱말,
 * 모르는 낱말은 원문에서 이어서 있는지 확인).
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractSearchPage, listBuiltPages, pageBlocks, startNodeSearch, unitKey, urlOfBuiltFile, type SearchPage } from '../../src/korean-search/node';
import { CONTENT, DIST, assertBuilt, contentPages } from '../helpers/built-site';

let search: Awaited<ReturnType<typeof startNodeSearch>>;
let pages: SearchPage[];

beforeAll(async () => {
  assertBuilt();
  search = await startNodeSearch(DIST);
  pages = listBuiltPages(DIST).flatMap((file) => extractSearchPage(readFileSync(file, 'utf8'), urlOfBuiltFile(relative(DIST, file))) ?? []);
});
afterAll(() => search?.close());

const resultUrls = async (query: string, first = Infinity) => {
  const outcome = await search.engine.search(query, {}, undefined, { correct: false });
  if (outcome.kind !== 'results') return { outcome, urls: [] as string[] };
  const ids = outcome.ids.slice(0, first);
  return { outcome, urls: await Promise.all(ids.map(async (id) => (await search.engine.loadDoc(id)).url)) };
};

describe('question endings', () => {
  it('「<policy title> 어떻게 하나요」 finds the policy among the first five, and names the ending as not searched', async () => {
    const policies = contentPages(CONTENT).filter((p) => p.kind === 'policy');
    expect(policies.length).toBeGreaterThan(30);
    const misses: string[] = [];
    for (const policy of policies) {
      const { outcome, urls } = await resultUrls(`${policy.title} 어떻게 하나요`, 5);
      if (!urls.includes(policy.path)) misses.push(`「${policy.title} 어떻게 하나요」 → ${urls.join(' ') || outcome.kind}`);
      if (outcome.kind === 'results') expect(outcome.dropped.slice(-2)).toEqual(['어떻게', '하나요']);
    }
    expect(misses, misses.join('\n')).toEqual([]);
  }, 180_000);

  it('an unrelated question still finds nothing', async () => {
    const { outcome } = await resultUrls('야구 중계 일정 어떻게 하나요');
    expect(outcome.kind).toBe('unknown');
  });
});

describe('one-syllable words', () => {
  const standsAsWord = (page: SearchPage, syllable: string) =>
    pageBlocks(page).some((block) => block.split(/\s+/).some((word) => word.replace(/[^\p{L}\p{N}]/gu, '') === syllable));

  it('a one-syllable word alone finds the pages that have it as a word of their own, not every page holding the syllable', async () => {
    const counts = new Map<string, number>();
    for (const page of pages)
      for (const block of pageBlocks(page)) for (const word of block.split(/\s+/)) if (/^[가-힣]$/.test(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
    const syllable = [...counts.entries()].filter(([s]) => !['및', '등'].includes(s)).sort((a, b) => b[1] - a[1])[0]?.[0];
    expect(syllable, 'a one-syllable word on the site').toBeDefined();
    if (!syllable) return;
    const { outcome, urls } = await resultUrls(syllable);
    expect(outcome.kind).toBe('results');
    const expected = pages.filter((p) => standsAsWord(p, syllable)).map((p) => p.url);
    for (const url of expected) expect(urls).toContain(url);
    const inside = pages.filter((p) => pageBlocks(p).some((b) => b.includes(syllable)) && !urls.includes(p.url));
    expect(inside.length, `pages holding ${syllable} only inside longer words`).toBeGreaterThan(0);
  });
});

describe('unknown words', () => {
  it('a word whose bigrams a page holds apart, but no page in a row, finds nothing', async () => {
    const keys = pages.flatMap((p) => pageBlocks(p).map(unitKey)).join('\n');
    // On one page: a word ending in XY and a word starting in YZ, where no block holds XYZ.
    let apart: string | undefined;
    for (const page of pages) {
      const words = pageBlocks(page).flatMap((b) =>
        b
          .split(/\s+/)
          .map((w) => w.replace(/[^가-힣]/g, ''))
          .filter((w) => w.length >= 3),
      );
      const ends = new Set(words.map((w) => w.slice(-2)));
      for (const word of words) {
        const start = word.slice(0, 2);
        for (const end of ends) {
          if (end[1] !== start[0]) continue;
          const candidate = end + start[1];
          if (!keys.includes(unitKey(candidate))) apart = candidate;
        }
        if (apart) break;
      }
      if (apart) break;
    }
    expect(apart, 'a pair of words on one page to join').toBeDefined();
    if (!apart) return;
    const { outcome } = await resultUrls(apart);
    expect(outcome.kind === 'results' ? outcome.total : 0, `「${apart}」`).toBe(0);
  });

  it('a word standing in a row inside a compound or across a space is still found', async () => {
    // The middle of a long run of Hangul in a title: in a row on its page, though never a word of its own.
    const longRun = (page: SearchPage) => page.title.split(/[^가-힣]+/).find((run) => run.length >= 6);
    const page = pages.find((p) => longRun(p) !== undefined);
    const run = page && longRun(page);
    expect(run, 'a title with six Hangul syllables in a row').toBeDefined();
    if (!page || !run) return;
    const { urls } = await resultUrls(run.slice(1, 4));
    expect(urls).toContain(page.url);
  });

  it('two title words written together find the title written apart', async () => {
    const pairOf = (page: SearchPage) => {
      const words = page.title.split(' ');
      const at = words.findIndex((w, i) => /^[가-힣]{2,}$/.test(w) && /^[가-힣]{2,}$/.test(words[i + 1] ?? ''));
      return at < 0 ? undefined : `${words[at]}${words[at + 1]}`;
    };
    const page = pages.find((p) => pairOf(p) !== undefined);
    const joined = page && pairOf(page);
    expect(joined, 'a title with two Hangul words in a row').toBeDefined();
    if (!page || !joined) return;
    const { urls } = await resultUrls(joined);
    expect(urls, `「${joined}」`).toContain(page.url);
  });
});
