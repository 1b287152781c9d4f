/**
 * Pieces for judging typo correction on a built site, shared by `npm run bench:typo`
 * (which chose the rules in src/korean-search/core/typo/correct.ts) and tests/build/typo-correction.test.ts:
 *
 * - the site's words: Hangul words of three syllables or more in the indexed pages'
 *   titles (policy titles and glossary terms), each with its page;
 * - one-jamo slips of a word (one jamo of one syllable substituted, inserted or
 *   deleted, the result still one syllable), with es-hangul;
 * - everyday words that are not on the site;
 * - correctQuery run in Node straight from the built files (no Pagefind), so every
 *   slip of every word can be tried in seconds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { assemble, disassemble } from 'es-hangul';
import {
  createKoreanAnalyzer,
  normalizeChars,
  SEARCH_DATA_DIR,
  parseJson,
  searchManifestSchema,
  searchPageSchema,
  encodeToken,
  planQuery,
  correctQuery,
  parseShard,
  shardOf,
  TypoLoader,
  type KoreanAnalyzer,
  type SearchPage,
  type QueryCorrection,
  type TypoRules,
  type VocabularyEntry,
} from '../../src/korean-search/node';

/** Jamo as es-hangul's disassemble gives them: 19 consonants, 14 vowels. */
export const JAMO = [...'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎㅏㅐㅑㅒㅓㅔㅕㅖㅗㅛㅜㅠㅡㅣ'];

export type SlipKind = 'substitute' | 'insert' | 'delete';

/** One jamo of syllable `at` substituted, inserted or deleted; undefined when the result is not one syllable, or is the same. */
export function slip(word: string, at: number, kind: SlipKind, position: number, jamo: string): string | undefined {
  const syllables = [...word];
  const original = syllables[at];
  if (original === undefined) return undefined;
  const parts = [...disassemble(original)];
  if (kind === 'insert') parts.splice(position % (parts.length + 1), 0, jamo);
  else if (kind === 'delete') parts.splice(position % parts.length, 1);
  else parts[position % parts.length] = jamo;
  let syllable: string;
  try {
    syllable = assemble(parts);
  } catch {
    return undefined;
  }
  if (!/^[가-힣]$/.test(syllable) || syllable === syllables[at]) return undefined;
  syllables[at] = syllable;
  return syllables.join('');
}

/** Every one-jamo slip of a word. */
export function allSlips(word: string): string[] {
  const out = new Set<string>();
  [...word].forEach((syllable, at) => {
    const length = disassemble(syllable).length;
    for (let position = 0; position <= length; position++) {
      if (position < length) out.add(slip(word, at, 'delete', position, '') ?? '');
      for (const jamo of JAMO) {
        if (position < length) out.add(slip(word, at, 'substitute', position, jamo) ?? '');
        out.add(slip(word, at, 'insert', position, jamo) ?? '');
      }
    }
  });
  out.delete('');
  return [...out].sort();
}

/**
 * Everyday words and phrases with nothing to do with science and ICT policy. The
 * caller drops the ones that do occur on the site.
 */
export const EVERYDAY_WORDS = [
  '된장찌개',
  '김치찌개',
  '야구중계',
  '고양이사료',
  '강아지간식',
  '떡볶이',
  '비빔밥',
  '삼겹살',
  '냉장고',
  '세탁기',
  '에어컨청소',
  '자동차보험',
  '운전면허',
  '여행가방',
  '제주도',
  '해운대',
  '미용실',
  '헬스장',
  '다이어트',
  '영화관',
  '놀이공원',
  '편의점',
  '도시락',
  '커피숍',
  '아이스크림',
  '초콜릿',
  '생일파티',
  '결혼식',
  '장례식',
  '감기약',
  '두통약',
  '병원예약',
  '치과치료',
  '학원비',
  '수능시험',
  '대학입시',
  '졸업식',
  '입학식',
  '택배조회',
  '배달음식',
  '중고거래',
  '월세계약',
  '전세사기',
  '관리비',
  '주차장',
  '지하철노선',
  '버스시간표',
  '기차표예매',
  '비행기표',
  '호텔예약',
  '캠핑장',
  '낚시터',
  '등산로',
  '요가학원',
  '피아노',
  '바이올린',
  '드라마',
  '예능프로',
  '아이돌',
  '콘서트',
  '뮤지컬',
  '부동산',
  '양도세',
  '아파트청약',
  '주식투자',
  '수익률',
  '노벨상',
  '수상자',
  '국가대표',
  '축구경기',
  '김장김치',
  '고등어구이',
  '미역국',
  '잡채',
  '불고기',
  '갈비찜',
  '순두부',
  '칼국수',
  '냉면',
  '짜장면',
  '짬뽕',
  '탕수육',
  '치킨',
  '피자배달',
  '햄버거',
  '샌드위치',
  '오므라이스',
  '카레라이스',
  '돈가스',
  '수영장',
  '스키장',
  '골프장',
  '볼링장',
  '노래방',
  '피시방',
  '찜질방',
  '목욕탕',
  '세차장',
  '주유소',
  '정비소',
  '타이어교체',
  '엔진오일',
  '휴대폰요금',
  '요금제',
  '와이파이비번',
  '가습기',
  '제습기',
  '공기청정기',
  '청소기',
  '전자레인지',
  '밥솥',
  '식기세척기',
  '빨래건조대',
  '이삿짐센터',
  '포장이사',
  '인테리어',
  '도배장판',
  '곰팡이제거',
  '벌레퇴치',
  '모기약',
  '선크림',
  '화장품',
  '향수',
  '운동화',
  '등산화',
];

export interface SiteWord {
  word: string;
  /** Route path of the page whose title has it. */
  page: string;
}

/** The indexed pages as shown in results (dist/pagefind-ko/doc/*.gz). */
export function indexedDocs(dist: string): SearchPage[] {
  const dir = join(dist, SEARCH_DATA_DIR, 'doc');
  return readdirSync(dir).map((name) => parseJson(searchPageSchema, gunzipSync(readFileSync(join(dir, name))).toString('utf8'), join(dir, name)));
}

/** Hangul words of at least `minSyllables` in the titles of the indexed pages, each with its page, as the analyser reads them. */
export function siteWords(docs: readonly SearchPage[], analyzer: KoreanAnalyzer, minSyllables = 3): SiteWord[] {
  const seen = new Set<string>();
  const words: SiteWord[] = [];
  for (const doc of [...docs].sort((a, b) => a.url.localeCompare(b.url))) {
    for (const term of analyzer.analyzeQuery(doc.title).terms) {
      if (!new RegExp(`^[가-힣]{${minSyllables},}$`).test(term.text) || seen.has(term.text)) continue;
      seen.add(term.text);
      words.push({ word: term.text, page: doc.url });
    }
  }
  return words;
}

/** All the text of the indexed pages, normalized and without spaces, to tell whether a word occurs on the site. */
export function siteText(docs: readonly SearchPage[]): string {
  return normalizeChars(docs.map((d) => [d.title, ...d.sections.flatMap((s) => [s.heading, s.text])].join('\n')).join('\n')).replace(/\s+/g, '');
}

/** correctQuery in Node over the built files: what the browser would decide, without Pagefind. */
export function nodeCorrector(dist: string) {
  const dataDir = join(dist, SEARCH_DATA_DIR);
  const manifestFile = join(dataDir, 'manifest.json');
  const manifest = parseJson(searchManifestSchema, readFileSync(manifestFile, 'utf8'), manifestFile);
  const typo = manifest.typo;
  if (!typo) throw new Error(`${manifestFile}: 오타 교정 파일이 없는 옛 색인입니다. npm run build로 다시 만드세요.`);
  const analyzer = createKoreanAnalyzer({ synonyms: manifest.synonyms });
  const files: string[] = [];
  const loader = new TypoLoader((path) => {
    files.push(path);
    return Promise.resolve(gunzipSync(readFileSync(join(dataDir, path))).toString('utf8'));
  });
  const vocab = new Map<number, Map<string, VocabularyEntry>>();
  const pages = (token: string) => {
    const n = shardOf(token, manifest.vocabularyShards);
    let shard = vocab.get(n);
    if (!shard) vocab.set(n, (shard = parseShard(gunzipSync(readFileSync(join(dataDir, 'vocab', `${n}.gz`))).toString('utf8'))));
    return shard.get(token)?.pages;
  };
  /** The query's terms holding a token not on the site (what the engine would try to correct). */
  const unknownTerms = (query: string): string[] => {
    const plan = planQuery(query, analyzer);
    if (plan.status !== 'ok') return [];
    return plan.analyzed.terms.filter((t) => t.tokens.some((token) => pages(encodeToken(token)) === undefined)).map((t) => t.text);
  };
  return {
    manifest,
    analyzer,
    unknownTerms,
    /** The files the lookup has read since the last call of this function. */
    takeFiles: () => files.splice(0),
    correct: (query: string, rules?: TypoRules): Promise<QueryCorrection> =>
      correctQuery(query, unknownTerms(query), {
        analyzer,
        rules,
        loadLookup: (needs) => loader.lookup(typo, needs),
        pageCounts: (encoded) => Promise.resolve(encoded.map(pages)),
      }),
  };
}
