import { describe, expect, it } from 'vitest';
import { createKoreanAnalyzer, encodeToken } from '../../src/korean-search/node';
import { searchedTerms, truthFor as truthOf, truthPage, type TruthPage } from '../harness/search-truth';

const analyzer = createKoreanAnalyzer({ synonyms: [{ id: 'ai', members: ['인공지능', 'AI'] }] });
const page = (url: string, ...blocks: string[]) => truthPage(url, blocks, analyzer);
/** The truth with every token known and none a seam (resolveStems keeps every stem). */
const truthFor = (pages: TruthPage[], query: string) =>
  truthOf(
    pages,
    searchedTerms(query, analyzer, () => ({ pages: 1, bridgeOnly: false })),
  );

describe('benchmark ground truth', () => {
  it('never matches a Latin run inside a longer one', () => {
    const chairman = page('/a/', 'the chairman said');
    expect(truthFor([chairman], 'ai').size).toBe(0);
  });

  it('counts a word held across a space or punctuation, but not across two paragraphs', () => {
    const pages = [page('/spaced/', '혁신 전략을 세운다'), page('/split/', '혁신', '전략'), page('/bridge/', '계획을 수립하고 양자 기술')];
    expect([...truthFor(pages, '혁신전략')]).toEqual(['/spaced/']);
    // 「수립하고 양자」 holds 고양 (spacing ignored).
    expect([...truthFor(pages, '고양')]).toEqual(['/bridge/']);
  });

  it('judges the stem the engine searches: 고양이 stays whole when 고양 is only a seam on the site', () => {
    const pages = [page('/bridge/', '계획을 수립하고 양자 기술')];
    const seam = encodeToken('고양');
    const terms = searchedTerms('고양이', analyzer, (t) => (t === seam ? { pages: 1, bridgeOnly: true } : undefined));
    expect(terms.map((t) => t.text)).toEqual(['고양이']);
    expect(truthOf(pages, terms).size).toBe(0);
    // Where 고양 is a word of the site, 고양이 is 고양 with a particle.
    expect(truthFor(pages, '고양이').size).toBe(1);
  });

  it('needs every word of the query, each anywhere on the page, after particles and question words go', () => {
    const pages = [page('/both/', '양자 컴퓨터', '개발 계획'), page('/one/', '양자 컴퓨터')];
    expect([...truthFor(pages, '양자컴퓨터를 언제 개발하나요')]).toEqual(['/both/']);
    expect([...truthFor(pages, '양자컴퓨터')].sort()).toEqual(['/both/', '/one/']);
  });

  it('counts any spelling of a synonym group', () => {
    const pages = [page('/ko/', '인공지능 기본법'), page('/en/', 'AI 기본법'), page('/none/', '기본법')];
    expect([...truthFor(pages, 'AI 기본법')].sort()).toEqual(['/en/', '/ko/']);
  });

  it('has no right answer for a query with nothing to search', () => {
    expect(truthFor([page('/a/', '및')], '및').size).toBe(0);
  });

  it('holds a one-syllable word where it stands as a word, not inside a longer one', () => {
    const pages = [page('/word/', '이 법을 따른다'), page('/inside/', '기본법과 방법')];
    expect([...truthFor(pages, '법')]).toEqual(['/word/']);
  });
});
