import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createKoreanAnalyzer, describeToken } from '../../src/lib/korean-analyzer';
import { encodeToken } from '../../src/lib/pagefind-adapter';
import { cleanQuery, coverTerm, pagefindQuery, planQuery, termsWithUnknownTokens, typedWords } from '../../src/lib/search-query';
import { suggest } from '../../src/lib/search-suggest';

const analyzer = createKoreanAnalyzer({ synonyms: [{ id: 'ai', members: ['AI', '인공지능'] }] });

describe('planQuery', () => {
  it.each([
    ['', 'empty'],
    ['   \n\t', 'empty'],
    ['\u200b\u200b', 'empty'],
    ['법', 'no-terms'],
    ['😀🎉', 'no-terms'],
    ['?!…·,.', 'no-terms'],
    ['양자컴퓨터', 'ok'],
    ['<script>alert("x")</script>', 'ok'],
  ])('"%s" → %s', (query, status) => expect(planQuery(query, analyzer).status).toBe(status));

  it('sends Pagefind only encoded tokens: ASCII words, never the raw text', () => {
    const plan = planQuery('<img src=x onerror=alert(1)> 양자', analyzer);
    expect(plan.status).toBe('ok');
    if (plan.status !== 'ok') return;
    expect(pagefindQuery(plan)).toMatch(/^[0-9a-z]+( [0-9a-z]+)*$/);
  });

  it('a 500-character query is cut, not refused', () => {
    const plan = planQuery('가나다라마바사 '.repeat(63), analyzer);
    expect(plan.status).toBe('ok');
    if (plan.status === 'ok') expect(plan.analyzed.truncated).toBe(true);
  });

  it('never throws, whatever is typed', () => {
    fc.assert(fc.property(fc.string({ maxLength: 500, unit: 'grapheme' }), (query) => void planQuery(query, analyzer)));
  });

  it('cleanQuery collapses white space and removes control characters', () => {
    expect(cleanQuery('  양자\u0000 컴퓨터\n ')).toBe('양자 컴퓨터');
  });
});

describe('termsWithUnknownTokens', () => {
  it('names the query words that hold an unknown token', () => {
    const plan = planQuery('김치찌개 양자컴퓨터', analyzer);
    if (plan.status !== 'ok') throw new Error('expected a plan');
    const kimchi = plan.analyzed.terms.find((t) => t.text === '김치찌개')!;
    const unknown = new Set([encodeToken(kimchi.tokens[0]!)]);
    expect(termsWithUnknownTokens(plan.analyzed, unknown)).toEqual(['김치찌개']);
    expect(kimchi.tokens.map(describeToken)).toContain('김치');
  });
});

describe('suggest', () => {
  const targets = [
    { label: '양자컴퓨터', path: '/glossary/quantum-computer/' },
    { label: 'AI기본법', path: '/glossary/ai-basic-act/', alsoKnownAs: ['인공지능 기본법'] },
    { label: '첨단 바이오와 양자 기술', path: '/bio-quantum/' },
  ];

  it('ranks similar targets first', () => {
    expect(suggest('양자컴퓨터 가격', targets).map((t) => t.path)[0]).toBe('/glossary/quantum-computer/');
    expect(suggest('인공지능 법', targets).map((t) => t.path)[0]).toBe('/glossary/ai-basic-act/');
  });

  it('is never empty when there are targets', () => {
    expect(suggest('김치찌개', targets).length).toBeGreaterThan(0);
  });
});

describe('coverTerm / pagefindQuery', () => {
  const plain = createKoreanAnalyzer();
  const planOf = (query: string) => {
    const plan = planQuery(query, plain);
    if (plan.status !== 'ok') throw new Error('expected a plan');
    return plan;
  };
  const shown = (tokens: string[]) => tokens.map(describeToken);

  it('sends the fewest bigrams that cover every syllable', () => {
    const [term] = planOf('바이오위원회').analyzed.terms;
    expect(shown(coverTerm(term!))).toEqual(['바이', '오위', '원회']);
    const [odd] = planOf('데이터센터로').analyzed.terms;
    expect(coverTerm(odd!)).toHaveLength(3);
  });

  it('prefers rare tokens when document frequencies are known', () => {
    const [term] = planOf('데이터센터').analyzed.terms;
    const frequency = new Map([['데이', 50], ['이터', 900], ['터센', 10], ['센터', 40]].map(([t, n]) => [encodeToken(t as string), n as number]));
    expect(shown(coverTerm(term!, (t) => frequency.get(t)))).toEqual(['데이', '터센', '센터']);
  });

  it('every unit of every word stays covered, and only tokens of the query are sent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30, unit: fc.constantFrom(...'가나다라마바사아자 AIr&d1'.split('')) }), fc.integer({ min: 0, max: 1000 }), (query, seed) => {
        const plan = planQuery(query, plain);
        if (plan.status !== 'ok') return;
        for (const term of plan.analyzed.terms) {
          const cover = coverTerm(term, (t) => (fnv(t) ^ seed) % 97);
          for (const token of cover) expect(term.tokens).toContain(token);
          if (!term.pieces) continue;
          const units = Math.max(...term.pieces.map((p) => p.to)) + 1;
          for (let u = 0; u < units; u++) expect(term.pieces.some((p) => cover.includes(p.token) && p.from <= u && u <= p.to)).toBe(true);
        }
        for (const token of pagefindQuery(plan).split(' ')) expect(plan.encoded).toContain(token);
      }),
    );
  });
});

function fnv(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

describe('typedWords', () => {
  it('reports a stripped term by the word the reader typed', () => {
    const plan = planQuery('김치 담그는 법', analyzer);
    if (plan.status !== 'ok') throw new Error('expected a plan');
    const texts = plan.analyzed.terms.map((t) => t.text);
    expect(texts).toContain('담그');
    expect(typedWords('김치 담그는 법', texts)).toEqual(['김치', '담그는']);
  });

  it('matches Latin case-insensitively and keeps unmatched text as is', () => {
    expect(typedWords('  AI기본법을 ', ['ai기본법'])).toEqual(['AI기본법을']);
    expect(typedWords('양자', ['없는말'])).toEqual(['없는말']);
  });
});
