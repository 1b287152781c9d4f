import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  KNOWN_WORD_MAX_UNITS,
  KNOWN_WORD_MIN_UNITS,
  MAX_QUERY_LENGTH,
  createKoreanAnalyzer,
  describeToken,
  normalizeChars,
  queryTokens,
  stripSuffix,
  termWordToken,
  toUnits,
  type SynonymGroup,
} from '../core/analyzer';
import { TOKEN_SENTINEL, encodeToken } from '../core/pagefind-adapter';

const SYNONYMS: SynonymGroup[] = [
  { id: 'ai', members: ['AI', '인공지능'] },
  { id: 'rnd', members: ['R&D', '연구개발'] },
  { id: 'feasibility-study', members: ['예비타당성조사', '예타', '예비 타당성 조사'] },
  { id: 'gri', members: ['출연연', '정부출연연구기관'] },
];
const analyzer = createKoreanAnalyzer({ synonyms: SYNONYMS });

/** Does a page with this text match the query (every query token indexed)? */
function finds(query: string, text: string): boolean {
  const indexed = new Set(text.split('\n').flatMap((p) => analyzer.indexTokens(p)));
  const tokens = queryTokens(analyzer.analyzeQuery(query));
  return tokens.length > 0 && tokens.every((t) => indexed.has(t));
}

describe('finding what Korean readers type', () => {
  it.each([
    ['컴퓨팅센터', '국가AI컴퓨팅센터를 구축합니다'],
    ['기본법', '지난해 제정된 AI기본법을 통해'],
    ['큐비트', '1000큐비트급 양자컴퓨터 개발'],
    ['1000큐비트급', '1000큐비트급 양자컴퓨터 개발'],
    ['바이오위원회', '국가바이오위원회를 출범시켜'],
  ])('compound part: %s in "%s"', (query, text) => expect(finds(query, text)).toBe(true));

  it.each([
    ['경력단절', '여성 과학자들의 경력 단절을 방지하기 위해'],
    ['정책펀드', '정책 펀드를 구축할 예정입니다'],
    ['정책 펀드', '정책펀드를 구축할 예정입니다'],
    ['AI 컴퓨팅 센터', '국가AI컴퓨팅센터'],
    ['연구소기업', '전략 기술 기반의 연구소 기업을 육성할 계획'],
  ])('spacing variant: %s in "%s"', (query, text) => expect(finds(query, text)).toBe(true));

  it.each([
    ['센터를', '국가AI컴퓨팅센터 구축'],
    ['바이오 제조를', 'AI 기술을 활용한 바이오 제조 혁신'],
    ['과학자들의', '여성 과학자 지원'],
    ['AI를', 'AI 산업'],
    ['지원하는', '지원 확대'],
  ])('particle or ending stripped: %s in "%s"', (query, text) => expect(finds(query, text)).toBe(true));

  it.each([
    ['인공지능 기본법', 'AI기본법'],
    ['AI', '인공지능 산업의 안전성'],
    ['연구개발', '지역R&D 지원'],
    ['예타', '신속한 예비타당성조사 폐지'],
    ['예비타당성조사', '예타 면제'],
    ['예비타당성조사', '예비 타당성 조사를 거쳐'],
    ['정부출연연구기관', '출연연 혁신'],
  ])('synonym: %s in "%s"', (query, text) => expect(finds(query, text)).toBe(true));

  it.each([
    ['지역R&D', '지역R&D 지원과 더불어'],
    ['R&D 투자', '2027년까지 R&D 투자를 확대'],
    ['2027년', '향후 2027년까지'],
    ['9300억', '2조 9,300억 원을 지원해'],
  ])('mixed Hangul, Latin and digits: %s in "%s"', (query, text) => expect(finds(query, text)).toBe(true));

  it('초성 finds a whole word, with or without its particle', () => {
    expect(finds('ㅇㅈㅋㅍㅌ', '1000큐비트급 양자컴퓨터 개발')).toBe(true);
    expect(finds('ㅇㅈㅋㅍㅌ', '양자컴퓨터를 개발')).toBe(true);
    expect(finds('ㅇㅈㅋㅍㅌ', '양자 기술과 컴퓨터')).toBe(false);
  });

  it('indexes one 초성 token per word, of the word without its particle', () => {
    const choseong = (text: string) =>
      analyzer
        .indexTokens(text)
        .map(describeToken)
        .filter((t) => t.startsWith('cho:'));
    expect(choseong('양자컴퓨터를')).toEqual(['cho:ㅇㅈㅋㅍㅌ']);
    // A one-syllable stem is no word to type in 초성: the whole word stays.
    expect(choseong('법을')).toEqual(['cho:ㅂㅇ']);
  });

  it.each([
    ['김치 담그는 법', '국가AI컴퓨팅센터를 구축하고 AI기본법의 하위 법령을 마련합니다'],
    ['센터 맛집', '국가AI컴퓨팅센터 구축'],
    ['main', 'AI 산업'],
    ['기본법', 'AI기본 방침'],
    ['컴퓨팅센터', '컴퓨팅 자원과 데이터센터'],
  ])('does not find: %s in "%s"', (query, text) => expect(finds(query, text)).toBe(false));

  it('a Latin synonym never matches inside a longer Latin word', () => {
    expect(analyzer.indexTokens('domain maintenance').map(describeToken)).not.toContain('syn:ai');
  });
});

describe('question and filler words', () => {
  const texts = (query: string) => analyzer.analyzeQuery(query).terms.map((t) => t.text);

  it.each([
    ['국가바이오위원회가 뭐예요', ['국가바이오위원회'], ['뭐예요']],
    ['양자컴퓨터는 언제 개발하나요', ['양자컴퓨터', '개발'], ['언제']],
    ['AI기본법이 무엇인가요?', ['ai', '기본법'], ['무엇인가요?']],
    ['AI 정책', ['ai'], ['정책']],
    ['출연연 정책은 어떻게 바뀌나요', ['출연연', '정책', '바뀌'], ['어떻게']],
    ['출연연 정책이 뭐예요', ['출연연'], ['정책이', '뭐예요']],
    ['정책 펀드', ['정책', '펀드'], []],
    ['데이터 공유 어떻게 하나요', ['데이터', '공유'], ['어떻게', '하나요']],
    ['출연금 신청 어떻게 하면 되나요?', ['출연금', '신청'], ['어떻게', '하면', '되나요?']],
    ['연구과제 설치하려면', ['연구과제', '설치'], []],
    ['보고서 만들려면', ['보고서', '만들'], []],
    ['양자컴퓨터인가요', ['양자컴퓨터'], []],
  ])('%s searches %j and names %j as not searched', (query, searched, dropped) => {
    const analyzed = analyzer.analyzeQuery(query);
    expect(texts(query)).toEqual(searched);
    expect(analyzed.dropped).toEqual(dropped);
  });

  it('keeps a filler word that is the whole query (정책 alone is what the reader asks for)', () => {
    expect(texts('정책')).toEqual(['정책']);
    expect(analyzer.analyzeQuery('정책').dropped).toEqual([]);
  });

  it('never drops a content word: an unrelated query still has its words to match', () => {
    expect(texts('된장찌개 끓이는 뻡')).toEqual(['된장찌개', '끓이', '뻡'].filter((w) => w.length > 1));
    expect(texts('야구 중계 일정')).toEqual(['야구', '중계', '일정']);
    expect(analyzer.analyzeQuery('야구 중계 일정').dropped).toEqual([]);
    expect(texts('야구 중계 일정 어떻게 하나요')).toEqual(['야구', '중계', '일정']);
  });

  it('searches a question ending when it is the whole query', () => {
    expect(texts('하나요')).toEqual(['하나요']);
    expect(analyzer.analyzeQuery('하나요').dropped).toEqual([]);
  });
});

describe('stripSuffix', () => {
  it.each([
    ['센터를', '센터'],
    ['기업들의', '기업'],
    ['법을', '법'],
    ['과학기술과', '과학기술'],
    ['국가', '국가'],
    ['평가', '평가'],
    ['성과', '성과'],
  ])('%s → %s', (word, stem) => expect(stripSuffix(word)).toBe(stem));

  it('removes a whole Hangul tail after a Latin stem', () => expect(stripSuffix('를', true)).toBe(''));
});

describe('analyzeQuery on bad input', () => {
  it.each(['', '   ', '!!!', '😀🎉', '...,,,', '\u200b'])('"%s" has no terms', (query) => {
    expect(queryTokens(analyzer.analyzeQuery(query))).toEqual([]);
  });

  it('cuts a 500-character query and says so', () => {
    const result = analyzer.analyzeQuery('양자컴퓨터 '.repeat(84));
    expect(result.truncated).toBe(true);
    expect(queryTokens(result).length).toBeGreaterThan(0);
    expect(result.terms.map((t) => t.text).join('').length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string({ maxLength: 600, unit: 'grapheme' }), (query) => void analyzer.analyzeQuery(query)));
  });

  it('a one-syllable word is reported as ignored, not silently dropped', () => {
    const result = analyzer.analyzeQuery('AI 법');
    expect(result.ignored).toEqual(['법']);
  });
});

describe('one-syllable words', () => {
  it.each([
    ['법', '법'],
    ['법을', '법'],
    ['법 뭐예요', '법'],
  ])('"%s" alone searches %s as a word of its own', (query, syllable) => {
    const result = analyzer.analyzeQuery(query);
    expect(result.terms.map((t) => t.tokens.map(describeToken))).toEqual([[`syllable:${syllable}`]]);
    expect(result.ignored).toEqual([]);
  });

  it.each([
    ['법', '법 개정'],
    ['법', '「법」'],
    ['법을', '이 법을 따른다'],
    ['법', '법에서는 이렇게'],
  ])('finds %s where it stands as a word: "%s"', (query, text) => expect(finds(query, text)).toBe(true));

  it.each([
    ['법', '기본법 개정'],
    ['법', '방법'],
    ['법', '법률'],
    ['국', '국가'],
    ['법', 'AI법'],
  ])('does not find %s inside a longer word: "%s"', (query, text) => expect(finds(query, text)).toBe(false));

  it('leaves stop words and words with a Latin run alone', () => {
    expect(queryTokens(analyzer.analyzeQuery('및'))).toEqual([]);
    expect(analyzer.indexTokens('기술 및 정책').map(describeToken)).not.toContain('syllable:및');
  });
});

describe('token encoding', () => {
  const anyToken = fc.string({ minLength: 1, maxLength: 8, unit: 'binary' }).filter((s) => s.length > 0);

  it('gives distinct tokens distinct codes', () => {
    fc.assert(fc.property(anyToken, anyToken, (a, b) => a === b || encodeToken(a) !== encodeToken(b)));
  });

  it('uses only lower-case ASCII letters and digits, which Pagefind keeps as they are', () => {
    fc.assert(fc.property(anyToken, (token) => /^[0-9a-z]+$/.test(encodeToken(token))));
  });

  it('ends every token with a sentinel found nowhere else, so no token is a prefix of another', () => {
    fc.assert(
      fc.property(anyToken, anyToken, (a, b) => {
        const ea = encodeToken(a);
        const eb = encodeToken(b);
        expect(ea.indexOf(TOKEN_SENTINEL)).toBe(ea.length - 1);
        return a === b || !eb.startsWith(ea);
      }),
    );
  });
});

// ---------------------------------------------------------------------------
// Property over the real content: a 1–3 word phrase taken from any page —
// as written, run together, or with a particle attached — finds that page.

describe('Latin words run together', () => {
  it('finds Chief Technology written as one word', () => {
    expect(finds('ChiefTechnology', '최고기술책임자(Chief Technology Officer)')).toBe(true);
    expect(finds('책임자ChiefTechnologyOfficer', '최고기술책임자(Chief Technology Officer)')).toBe(true);
  });
});

describe('known words', () => {
  const plain = createKoreanAnalyzer();
  it('gathers the words of a text without their endings, three units and longer (논의한다 → 논의 is a bigram)', () => {
    expect(plain.wordStems('국가바이오위원회가 새로 AI기본법을 논의한다').map((w) => w.join(''))).toEqual(['국가바이오위원회', '기본법']);
    // Hangul only: a Latin or digit run bounds a word, and the Hangul on either side is a word.
    expect(plain.wordStems('1페타바이트급의 국가AI컴퓨팅센터 지역R&D').map((w) => w.join(''))).toEqual(['페타바이트급', '컴퓨팅센터']);
  });

  it('indexes a known word wherever its units stand in a row, across a space too, and never apart', () => {
    const words = [
      ['바', '이', '오', '위', '원', '회'],
      ['기', '본', '법'],
    ];
    const known = createKoreanAnalyzer({ knownWords: words });
    const token = (query: string) => termWordToken(known.analyzeQuery(query).terms[0]!)!;
    expect(known.indexTokens('국가바이오위원회가 출범')).toContain(token('바이오위원회'));
    expect(known.indexTokens('바이오 위원회')).toContain(token('바이오위원회'));
    expect(known.indexTokens('AI기본법')).toContain(token('기본법을'));
    // A word with a Latin or digit run has several spellings in units (A.I., AI): it keeps its bigrams.
    expect(termWordToken(known.analyzeQuery('AI기본법').terms[0]!)).toBeUndefined();
    expect(known.indexTokens('바이오 산업 위원회')).not.toContain(token('바이오위원회'));
    // Without known words nothing changes.
    expect(plain.indexTokens('국가바이오위원회')).not.toContain(token('바이오위원회'));
  });

  it("a page holds a known word exactly when the word's units stand in a row in it", () => {
    const syllable = fc.constantFrom('가', '나', '다', '라');
    const page = fc.array(fc.constantFrom('가', '나', '다', '라', ' ', 'AI', '1', '.'), { maxLength: 16 }).map((parts) => parts.join(''));
    const query = fc.array(syllable, { maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(page, query, (page, query) => {
        const units = (t: string) => toUnits(normalizeChars(t)).map((u) => u.text);
        const word = units(query);
        if (word.length < KNOWN_WORD_MIN_UNITS || word.length > KNOWN_WORD_MAX_UNITS) return;
        const known = createKoreanAnalyzer({ knownWords: [word] });
        const token = termWordToken({ text: word.join(''), kind: 'word', tokens: [], variants: [] });
        expect(token).toBeDefined();
        const held = units(page);
        const inRow = held.some((_, at) => word.every((u, k) => held[at + k] === u));
        expect(known.indexTokens(page).includes(token!)).toBe(inRow);
      }),
    );
  });
});
