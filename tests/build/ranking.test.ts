/**
 * Ranking on the build, through the site's own engine and Pagefind in Node:
 * searching a policy's exact title puts that page first, for every policy page, and
 * pages holding a query of several words as one phrase rank above pages that only
 * hold its words apart.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startNodeSearch,
  createKoreanAnalyzer,
  holdsPhrase,
  titleHoldsEvery,
  RESULTS_PAGE_SIZE,
  SEARCH_DATA_DIR,
  pageBlocks,
  type SearchManifest,
} from '../../src/korean-search/node';
import { pageTexts, passRank, readQueries } from '../../scripts/lib/search-judge';
import { CONTENT, DIST, assertBuilt, contentPages } from '../helpers/built-site';

let search: Awaited<ReturnType<typeof startNodeSearch>>;

beforeAll(async () => {
  assertBuilt();
  search = await startNodeSearch(DIST);
});
afterAll(() => search?.close());

describe('exact titles rank first', () => {
  it('every policy title finds its own page first', async () => {
    const policies = contentPages(CONTENT).filter((p) => p.kind === 'policy');
    expect(policies.length).toBeGreaterThan(30);
    const misses: string[] = [];
    for (const policy of policies) {
      const outcome = await search.engine.search(policy.title);
      const first = outcome.kind === 'results' && outcome.ids[0] ? (await search.engine.loadDoc(outcome.ids[0])).url : `(${outcome.kind})`;
      if (first !== policy.path) misses.push(`「${policy.title}」 → ${first} (expected ${policy.path})`);
    }
    expect(misses, misses.join('\n')).toEqual([]);
  }, 120_000);
});

describe('the development query set', () => {
  // The same queries and the same judge as `npm run bench:search`, without a browser.
  it('puts a right page first for every positive query and returns nothing for every negative one', async () => {
    const queries = readQueries(join(process.cwd(), 'data', 'search-eval', 'queries.dev.json'));
    expect(queries.length).toBeGreaterThan(30);
    const texts = pageTexts(DIST);
    const misses: string[] = [];
    for (const query of queries) {
      const outcome = await search.engine.search(query.query);
      const ids = outcome.kind === 'results' ? outcome.ids.slice(0, 1) : [];
      const urls = await Promise.all(ids.map(async (id) => (await search.engine.loadDoc(id)).url));
      const total = outcome.kind === 'results' ? outcome.ids.length : 0;
      if (query.expect === null ? total > 0 : passRank({ query, urls }, texts) !== 1) {
        misses.push(`${query.id} 「${query.query}」 → ${outcome.kind} ${urls.join(' ')}`);
      }
    }
    expect(misses, misses.join('\n')).toEqual([]);
  }, 120_000);
});

describe('phrases rank above their parts', () => {
  const QUERIES = [
    '과학기술 외교',
    '범부처 CTO',
    '대학 부설 연구소',
    '지역 경제',
    '신진 연구자',
    '규제 완화',
    '기술사업화 플랫폼',
    'AI 컴퓨팅 센터',
    '양자 컴퓨터',
    '국가 전략 기술',
    '연구 개발',
    '인공지능 기본법을',
  ];

  it('every page holding the query as a phrase (or all its words in its title) comes before every page holding only its words', async () => {
    const manifest = JSON.parse(readFileSync(join(DIST, SEARCH_DATA_DIR, 'manifest.json'), 'utf8')) as SearchManifest;
    const analyzer = createKoreanAnalyzer({ synonyms: manifest.synonyms });
    const problems: string[] = [];
    let mixed = 0;
    for (const query of QUERIES) {
      const analyzed = analyzer.analyzeQuery(query);
      const phrase = analyzed.phrase;
      expect(phrase, query).toBeDefined();
      const outcome = await search.engine.search(query);
      if (outcome.kind !== 'results') {
        problems.push(`「${query}」 → ${outcome.kind}`);
        continue;
      }
      // The search may answer before its phrase search (SearchEngine.orderByPhrase):
      // its first results page must already be the final one.
      const ordered = await outcome.ordered;
      if (outcome.ids.slice(0, RESULTS_PAGE_SIZE).join() !== ordered.slice(0, RESULTS_PAGE_SIZE).join())
        problems.push(`「${query}」: the first results page changed when the phrase search answered`);
      if ([...outcome.ids].sort().join() !== [...ordered].sort().join()) problems.push(`「${query}」: the final order holds other pages`);
      const holds: boolean[] = [];
      for (const id of ordered) {
        const doc = await search.engine.loadDoc(id);
        holds.push(
          holdsPhrase(pageBlocks(doc), phrase!.text) ||
            titleHoldsEvery(
              doc.title,
              analyzed.terms.map((t) => t.text),
            ),
        );
      }
      const firstApart = holds.indexOf(false);
      if (firstApart >= 0 && holds.lastIndexOf(true) > firstApart)
        problems.push(`「${query}」: a page with the words apart (#${firstApart + 1}) precedes a phrase page (#${holds.lastIndexOf(true) + 1})`);
      if (holds.includes(true) && holds.includes(false)) mixed++;
    }
    expect(problems, problems.join('\n')).toEqual([]);
    // The order is tested only if some query finds both kinds of page.
    expect(mixed).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
