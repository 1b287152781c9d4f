import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createKoreanAnalyzer, describeToken, termWordToken } from '../core/analyzer';
import { encodeToken } from '../core/pagefind-adapter';
import {
  cleanQuery,
  coverTerm,
  holdsPhrase,
  knownItemsFirst,
  pagefindQuery,
  phraseFirst,
  phraseTokens,
  planQuery,
  queryKeys,
  titleHoldsEvery,
  syllableWithParticle,
  withoutTermWords,
  resolveStems,
  searchTokens,
  termsWithUnknownTokens,
  typedWords,
  unitKey,
  unjoinedTerms,
  holdsTermsInARow,
  wordTokens,
} from '../core/query';
import { suggest } from '../core/suggest';

const analyzer = createKoreanAnalyzer({ synonyms: [{ id: 'ai', members: ['AI', '인공지능'] }] });
/** An analyser without synonyms, and the plan it makes of a query that has something to search. */
const plain = createKoreanAnalyzer();
const planOf = (query: string) => {
  const plan = planQuery(query, plain);
  if (plan.status !== 'ok') throw new Error('expected a plan');
  return plan;
};

describe('planQuery', () => {
  it.each([
    ['', 'empty'],
    ['   \n\t', 'empty'],
    ['\u200b\u200b', 'empty'],
    ['법', 'ok'],
    ['및', 'no-terms'],
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
  const shown = (tokens: string[]) => tokens.map(describeToken);

  it('sends every bigram of a word, so its syllables must stand together', () => {
    const [term] = planOf('혁신전략').analyzed.terms;
    expect(shown(coverTerm(term!))).toEqual(['혁신', '신전', '전략']);
    // A Latin or digit run is implied by the bigrams around it; alone it is the token.
    const [mixed] = planOf('AI기본법').analyzed.terms;
    expect(shown(coverTerm(mixed!))).toEqual(['ai|기', '기본', '본법']);
    const [run] = planOf('CTO').analyzed.terms;
    expect(shown(coverTerm(run!))).toEqual(['cto']);
  });

  it('every join of every word is covered, and only tokens of the query are sent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30, unit: fc.constantFrom(...'가나다라마바사아자 AIr&d1'.split('')) }), (query) => {
        const plan = planQuery(query, plain);
        if (plan.status !== 'ok') return;
        for (const term of plan.analyzed.terms) {
          const cover = coverTerm(term);
          for (const token of cover) expect(term.tokens).toContain(token);
          if (!term.pieces) continue;
          const units = Math.max(...term.pieces.map((p) => p.to)) + 1;
          for (let u = 0; u + 1 < units; u++) expect(term.pieces.some((p) => cover.includes(p.token) && p.from <= u && u + 1 <= p.to)).toBe(true);
        }
        for (const token of pagefindQuery(plan).split(' ')) expect(plan.encoded).toContain(token);
      }),
    );
  });
});

describe('known words', () => {
  it('asks for the one token of a word the index holds as a word, else for its bigrams', () => {
    const plan = planOf('바이오위원회 혁신전략을');
    const raw = [...plan.tokens, ...plan.analyzed.terms.flatMap((t) => termWordToken(t) ?? [])];
    const shown = (encoded: string[]) => encoded.map((e) => describeToken(raw.find((t) => encodeToken(t) === e)!));
    const [bioWord] = wordTokens(plan);
    expect(wordTokens(plan)).toHaveLength(2);
    expect(shown(searchTokens(plan, (t) => t === bioWord))).toEqual(['word:바이오위원회', '혁신', '신전', '전략']);
    // Nothing known: every bigram.
    expect(shown(searchTokens(plan))).toEqual(['바이', '이오', '오위', '위원', '원회', '혁신', '신전', '전략']);
  });

  it('a word of two units is its bigram; a synonym keeps its own token', () => {
    expect(wordTokens(planOf('외교 CTO'))).toEqual([]);
    const plan = planQuery('인공지능', analyzer);
    expect(plan.status === 'ok' && wordTokens(plan)).toEqual([]);
  });
});

describe('phrases', () => {
  const phraseOf = (query: string) => plain.analyzeQuery(query).phrase?.text;

  it('runs the searched words together, only the last without its ending', () => {
    expect(phraseOf('과학기술 외교를')).toBe('과학기술외교');
    expect(phraseOf('출연연의 역할')).toBe('출연연의역할');
    expect(phraseOf('양자컴퓨터 개발 뭐예요')).toBe('양자컴퓨터개발');
  });

  it('has none for one word, or when a dropped question word stands between the words', () => {
    expect(phraseOf('국가바이오위원회가 뭐예요')).toBeUndefined();
    expect(phraseOf('양자컴퓨터는 언제 개발하나요')).toBeUndefined();
    expect(phraseOf('바이오위원회')).toBeUndefined();
  });

  it('asks Pagefind for the bigrams that join the words too', () => {
    const plan = planQuery('과학기술 외교', plain);
    if (plan.status !== 'ok') throw new Error('expected a plan');
    expect(phraseTokens(plan)).toContain(encodeToken('술외'));
  });

  it('puts phrase pages first and keeps each group in order', () => {
    expect(phraseFirst(['a', 'b', 'c', 'd'], ['d', 'b'])).toEqual(['b', 'd', 'a', 'c']);
    expect(phraseFirst(['a', 'b'], [])).toEqual(['a', 'b']);
  });
});

describe('unitKey and holdsPhrase', () => {
  it('keys a text by its units', () => {
    expect(unitKey('R&D 예산')).toBe('\u0001r&d\u0001예\u0001산\u0001');
    expect(unitKey('…')).toBe('');
  });

  it('finds a phrase in one block, spacing and punctuation ignored', () => {
    expect(holdsPhrase(['제목', '과학기술 외교를 강화합니다'], '과학기술외교')).toBe(true);
    expect(holdsPhrase(['과학·기술 외교'], '과학기술 외교')).toBe(true);
  });

  it('does not find it split over two blocks, in another order, or inside a longer Latin run', () => {
    expect(holdsPhrase(['과학기술', '외교'], '과학기술 외교')).toBe(false);
    expect(holdsPhrase(['외교와 과학기술'], '과학기술 외교')).toBe(false);
    expect(holdsPhrase(['the chairman said'], 'ai')).toBe(false);
    expect(holdsPhrase(['무엇이든'], '…')).toBe(false);
  });
});

describe('resolveStems', () => {
  const vocabulary = (known: string[], seams: string[] = []) => {
    const entries = new Map<string, { pages: number; bridgeOnly: boolean }>();
    for (const t of known) entries.set(encodeToken(t), { pages: 3, bridgeOnly: false });
    for (const t of seams) entries.set(encodeToken(t), { pages: 3, bridgeOnly: true });
    return (token: string) => entries.get(token);
  };
  const words = (plan: ReturnType<typeof planOf>) => plan.analyzed.terms.map((t) => t.text);

  it('keeps a stem that is a word of the site', () => {
    const plan = planOf('기술이');
    expect(resolveStems(plan, vocabulary(['기술', '술이']))).toBe(plan);
    expect(words(plan)).toEqual(['기술']);
  });

  it('gives up a stem that ends in a seam between two words for the word as typed', () => {
    const plan = planOf('고양이');
    const resolved = resolveStems(plan, vocabulary([], ['고양']));
    expect(words(resolved)).toEqual(['고양이']);
    expect(resolved.encoded).toEqual(['고양', '양이'].map(encodeToken));
  });

  it('takes the next less stripped form whose end is not a seam', () => {
    const plan = planOf('고양이를');
    expect(words(plan)).toEqual(['고양']);
    expect(words(resolveStems(plan, vocabulary(['양이', '이를'], ['고양'])))).toEqual(['고양이']);
    expect(words(resolveStems(plan, vocabulary(['이를'], ['고양', '양이'])))).toEqual(['고양이를']);
  });

  it('judges only the end of the stem: a phrase typed without its space keeps its stem', () => {
    const plan = planOf('인공지능기본법을');
    expect(resolveStems(plan, vocabulary(['인공', '공지', '지능', '기본', '본법'], ['능기']))).toBe(plan);
  });
});

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

describe('knownItemsFirst / queryKeys', () => {
  const page = (title: string, ...headings: string[]) => ({ title, sections: headings.map((heading) => ({ anchor: '', heading, text: '' })) });
  const keysOf = (query: string) => queryKeys(query, planOf(query).analyzed);

  it('compares the query as typed first, then less stripped before more stripped', () => {
    expect(keysOf('설치하기를')).toEqual(['설치하기를', '설치하기', '설치'].map(unitKey));
    expect(keysOf('미들웨어 API')[0]).toBe(unitKey('미들웨어 API'));
  });

  it('puts the page titled exactly as the query first, then one headed so, the rest in their order', () => {
    const pages = [page('미들웨어 API 참조', '미들웨어'), page('세션'), page('미들웨어'), page('기타')];
    expect(knownItemsFirst(['a', 'b', 'c', 'd'], pages, keysOf('미들웨어로'))).toEqual(['c', 'a', 'b', 'd']);
  });

  it('ranks a closer form of the query above a more stripped one, whether title or heading', () => {
    const pages = [page('설치'), page('시작', '설치하기'), page('설치하기')];
    expect(knownItemsFirst(['a', 'b', 'c'], pages, keysOf('설치하기를'))).toEqual(['c', 'b', 'a']);
  });

  it('keeps the order when no title or heading is the query (spacing and punctuation aside)', () => {
    const pages = [page('반응성 기본'), page('반응성 심화')];
    expect(knownItemsFirst(['a', 'b'], pages, keysOf('반응성'))).toEqual(['a', 'b']);
    expect(knownItemsFirst(['a', 'b'], pages, keysOf('반응성기본!'))).toEqual(['a', 'b']);
    expect(knownItemsFirst(['a', 'b'], [page('반응성 심화'), page('반응성, 기본')], keysOf('반응성기본'))).toEqual(['b', 'a']);
  });
});

describe('titleHoldsEvery', () => {
  it('holds when every query word is somewhere in the title, spacing aside', () => {
    expect(titleHoldsEvery('기초연구 역대 최대 예산 2조 9,300억 원', ['기초연구', '예산'])).toBe(true);
    expect(titleHoldsEvery('기초 연구의 질적 전환', ['기초연구', '예산'])).toBe(false);
    expect(titleHoldsEvery('아무 제목', [])).toBe(false);
  });
});

describe('unjoinedTerms and holdsTermsInARow', () => {
  const unjoined = (query: string, known: string[] = []) =>
    unjoinedTerms(planOf(query), (encoded) => known.some((w) => encodeToken(`\u0004${w}`) === encoded)).map((t) => t.text);

  it('checks a word of three syllables or more that the site has as no word', () => {
    expect(unjoined('된장찌개')).toEqual(['된장찌개']);
    expect(unjoined('된장찌개 레시피', ['레시피'])).toEqual(['된장찌개']);
  });

  it('leaves known words, two-syllable words and words with a Latin run to the index', () => {
    expect(unjoined('된장찌개', ['된장찌개'])).toEqual([]);
    expect(unjoined('경력')).toEqual([]);
    expect(unjoined('AI기본법')).toEqual([]);
  });

  it('a page holds an unknown word when its syllables stand in a row in one block, spacing ignored', () => {
    const terms = planOf('경력단절').analyzed.terms;
    expect(holdsTermsInARow(['경력 단절 여성 지원'], terms)).toBe(true);
    expect(holdsTermsInARow(['경력단절 여성'], terms)).toBe(true);
    // Each bigram is on the page, the word is not: 경력 단절 apart, 력단 across a space elsewhere.
    expect(holdsTermsInARow(['경력 개발', '이력 단절', '노력 단계'], terms)).toBe(false);
  });
});

describe('syllableWithParticle', () => {
  const wordsOf = (query: string) => syllableWithParticle(planOf(query).analyzed);
  it('names a one-syllable word with 은, 는 or 를 when other words are left', () => {
    expect(wordsOf('패턴이 사용될 모든 곳은')).toEqual(['곳은']);
    expect(wordsOf('곳은')).toEqual([]);
    // 을 ends two-syllable nouns (마을, 가을), and 가 ends 국가: neither is taken for a particle.
    expect(wordsOf('가을 축제')).toEqual([]);
    expect(wordsOf('국가 전략')).toEqual([]);
  });
});

describe('withoutTermWords', () => {
  it('takes out the typed words that are exactly the terms, punctuation aside, never a longer word holding one', () => {
    expect(withoutTermWords('모든 곳-은', ['곳은'])).toEqual({ rest: '모든', removed: ['곳-은'] });
    expect(withoutTermWords('이곳은 곳은', ['곳은'])).toEqual({ rest: '이곳은', removed: ['곳은'] });
    expect(withoutTermWords('이곳은 정책', ['곳은'])).toEqual({ rest: '이곳은 정책', removed: [] });
  });
});
