/**
 * The stored article as sentences, the quote comparison, and the link to a
 * sentence (src/lib/source-text.ts).
 */
import { describe, expect, it } from 'vitest';
import { findQuotedSentence, loadStoredSources, normalizeForQuote, sentenceLink, splitSourceSentences } from '../../src/lib/source-text';
import { must } from '../../src/lib/must';

const ROOT = new URL('../..', import.meta.url).pathname;
const article = must(loadStoredSources(ROOT)[0], 'the stored article');

describe('the stored article as sentences', () => {
  it('takes the body only, headings and list items each a sentence of their own', () => {
    const texts = article.sentences.map((s) => s.text);
    expect(texts[0]).toBe('AI 분야의 국가전략 기술로의 발전');
    expect(texts.at(-1)).toBe('대한민국의 미래는 변화와 혁신의 발전을 통해 더욱 밝고 희망찬 모습으로 나아갈 것입니다.');
    expect(texts).toContain('AI 관련 세액공제를 통해 민간 기업의 투자를 증대시키겠습니다.');
    // The page chrome around the body is not the article.
    expect(texts.some((t) => t.includes('Last Updated') || t.includes('chungbukzine.com'))).toBe(false);
    expect(article.sentences.filter((s) => s.heading).map((s) => s.text)).toHaveLength(10);
  });

  it('keeps a row of keywords under its heading as a sentence, not a heading', () => {
    const keywords = must(
      article.sentences.find((s) => s.text.startsWith('R&D 기획의 투명성 확보')),
      'keyword line',
    );
    expect(keywords).toMatchObject({ heading: false, section: '선도형 R&D 시스템의 정착과 전략적 투자' });
  });

  it('refuses a text whose body bounds are missing', () => {
    expect(() => splitSourceSentences('본문만 있습니다.', { bodyAfter: 'Last Updated :', bodyUntil: '끝' })).toThrow(/시작 줄/);
  });
});

describe('quotes', () => {
  it('match whatever the spacing and punctuation', () => {
    expect(normalizeForQuote(' 「국가AI 컴퓨팅센터」의, 구축 ')).toBe(normalizeForQuote("'국가AI컴퓨팅센터'의 구축"));
    expect(findQuotedSentence(article, '국가 AI컴퓨팅센터 의 구축과 필수 데이터센터')).toMatchObject({ status: 'found', sentence: { n: 9 } });
  });

  it('are missing when a word differs, and ambiguous when two sentences hold them', () => {
    expect(findQuotedSentence(article, '국가AI컴퓨팅센터를 올해 완공')).toEqual({ status: 'missing' });
    expect(findQuotedSentence(article, '').status).toBe('missing');
    const ambiguous = findQuotedSentence(article, '계획입니다');
    expect(ambiguous.status).toBe('ambiguous');
  });
});

describe('the link to a sentence', () => {
  it('is a text fragment with the first and last words of a long sentence, its syntax characters escaped', () => {
    const link = sentenceLink('https://example.org/a#top', { text: '정부는 AI 분야를 국가전략기술로 추가하고, 향후 2027년까지 R&D 투자를 확대할 계획입니다.' });
    expect(link.startsWith('https://example.org/a#:~:text=')).toBe(true);
    const [start, end, extra] = decodeURIComponent(link.split('#:~:text=')[1] ?? '').split(/(?<!%2C),/);
    expect([start, end, extra]).toEqual(['정부는 AI 분야를 국가전략기술로', 'R&D 투자를 확대할 계획입니다.', undefined]);
    // A comma or hyphen inside the quoted words would end or negate a part of the directive.
    expect(sentenceLink('https://example.org/', { text: '민·관 합작, 정책-펀드' })).toBe(
      'https://example.org/#:~:text=%EB%AF%BC%C2%B7%EA%B4%80%20%ED%95%A9%EC%9E%91%2C%20%EC%A0%95%EC%B1%85%2D%ED%8E%80%EB%93%9C',
    );
  });
});
