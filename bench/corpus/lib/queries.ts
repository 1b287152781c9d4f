/**
 * Known-item queries over the corpus (pure: no file system). Each query names the
 * one page a reader looking for it wants; negatives name none and hold words that
 * occur nowhere in the corpus. The same pages and seed always give the same queries.
 *
 * A page's queries all fall in one part, dev or held out, by a seeded hash of its
 * id, so tuning the engine to the dev part cannot learn the held-out pages.
 */
import { assemble, disassemble, hasBatchim, josa } from 'es-hangul';
import { z } from 'astro/zod';
import { createRng } from '../../../scripts/lib/scale-content';
import { compact, h2Headings, plainText } from './source-markdown';

export const QUERY_KINDS = ['title', 'spacing', 'particle', 'heading', 'typo', 'english', 'question', 'negative'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];
export const QUESTION_FORMS = ['뭐예요', '어떻게 하나요', '하려면', '인가요'] as const;

export const benchQuerySchema = z
  .object({
    kind: z.enum(QUERY_KINDS),
    query: z.string().min(1),
    /** Route path of the page sought; null for a negative. */
    expect: z.string().nullable(),
    part: z.enum(['dev', 'heldout']),
    /** Which question template (question kind only). */
    form: z.enum(QUESTION_FORMS).optional(),
  })
  .strict();

export const queryFileSchema = z.object({ seed: z.number().int(), pages: z.number().int(), queries: z.array(benchQuerySchema) }).strict();

export type BenchQuery = z.output<typeof benchQuerySchema>;
export type QueryFile = z.output<typeof queryFileSchema>;

export interface QueryPage {
  id: string;
  /** Route path on the built site. */
  url: string;
  title: string;
  body: string;
}

/** Queries per kind; question is split evenly over its four forms. */
export const QUERY_COUNTS: Record<QueryKind, number> = { title: 50, spacing: 40, particle: 40, heading: 50, typo: 40, english: 40, question: 60, negative: 20 };

/** Share of pages whose queries are held out. */
export const HELDOUT_SHARE = 0.3;

/** FNV-1a, 32 bits: a stable hash for choosing the part. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export const partOf = (seed: number, key: string): 'dev' | 'heldout' => (fnv1a(`${seed}:${key}`) % 1000 < HELDOUT_SHARE * 1000 ? 'heldout' : 'dev');

type Rng = () => number;

function shuffled<T>(rng: Rng, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const CONSONANTS = [...'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ'];
const VOWELS = [...'ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅛㅜㅠㅡㅣ'];

/** Positions where two words' jamo differ, or -1 when their jamo counts differ. */
export function jamoDifferences(a: string, b: string): number {
  const x = [...disassemble(a)];
  const y = [...disassemble(b)];
  if (x.length !== y.length) return -1;
  return x.filter((j, i) => j !== y[i]).length;
}

/**
 * The word with one jamo of one syllable replaced by another of its kind (consonant
 * for consonant, vowel for vowel), the result still one syllable; the first such
 * word in seeded order that `accept` takes, or undefined.
 */
export function jamoTypo(word: string, rng: Rng, accept: (typo: string) => boolean = () => true): string | undefined {
  const syllables = [...word];
  for (const at of shuffled(
    rng,
    syllables.map((_, i) => i),
  )) {
    const syllable = syllables[at] ?? '';
    if (!/^[가-힣]$/.test(syllable)) continue;
    const parts = [...disassemble(syllable)];
    for (const position of shuffled(
      rng,
      parts.map((_, i) => i),
    )) {
      const old = parts[position] ?? '';
      for (const jamo of shuffled(
        rng,
        (VOWELS.includes(old) ? VOWELS : CONSONANTS).filter((j) => j !== old),
      )) {
        const next = [...parts];
        next[position] = jamo;
        let made: string;
        try {
          made = assemble(next);
        } catch {
          continue;
        }
        if (!/^[가-힣]$/.test(made)) continue;
        const typo = [...syllables.slice(0, at), made, ...syllables.slice(at + 1)].join('');
        if (jamoDifferences(word, typo) === 1 && accept(typo)) return typo;
      }
    }
  }
  return undefined;
}

/** Everyday words and phrases far from technical documentation; the generator keeps those found nowhere. */
export const EVERYDAY_QUERIES = [
  '김치찌개',
  '된장찌개 끓이는 법',
  '떡볶이 맛집',
  '삼겹살',
  '비빔밥',
  '냉면',
  '오늘 날씨',
  '장마철 빨래',
  '미세먼지',
  '태풍 경로',
  '축구 국가대표',
  '야구 중계',
  '농구 경기',
  '마라톤 대회',
  '골프 레슨',
  '제주도 여행',
  '해운대',
  '미용실 예약',
  '치과 치료',
  '감기약',
  '고양이 사료',
  '강아지 산책',
  '결혼식 축사',
  '생일 선물',
  '부동산 양도세',
  '아파트 청약',
  '수능 시험',
  '김장',
  '설날 세뱃돈',
  '추석 송편',
  '등산복',
  '자전거 타기',
];

/** The Hangul words of a title (two syllables or more). */
export const titleWords = (title: string) => title.split(/[^가-힣]+/).filter((w) => w.length >= 2);

const endsInHangul = (text: string) => /[가-힣]$/.test(text);
/** Titles that end as a sentence (…합니다, …하세요) take no particle or copula. */
const endsAsNoun = (text: string) => endsInHangul(text) && !/(다|요|까|기)$/.test(text);
/** Endings of a word that is not a bare noun (particles, verb endings), for 「…이 뭐예요」. */
const NOT_NOUN = /(에|로|을|를|은|는|의|와|과|가|도|서|고|기|지|게|다|요|면|며|한|된|할|인|하|려|러)$/;

/** Latin terms of a page (identifiers and words of three letters or more), as written. */
function latinTerms(page: QueryPage): Set<string> {
  // Identifiers in code spans: terms a reader copies, not words of English prose.
  const code = [...page.body.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '').join(' ');
  const terms = new Set<string>();
  for (const m of code.matchAll(/[A-Za-z][A-Za-z0-9]*(?:[._-][A-Za-z0-9]+)*/g)) {
    if (m[0].length >= 3 && m[0].length <= 24) terms.add(m[0]);
  }
  return terms;
}

export interface GenerateOptions {
  seed: number;
  counts?: Partial<Record<QueryKind, number>>;
  /** Extra text that is searchable besides the pages (section overviews), for the checks that a word occurs nowhere. */
  extraText?: readonly string[];
}

export function generateQueries(pages: readonly QueryPage[], { seed, counts: given = {}, extraText = [] }: GenerateOptions): BenchQuery[] {
  const counts = { ...QUERY_COUNTS, ...given };
  const rng = createRng(seed);
  const haystack = [...pages.map((p) => compact(`${p.title}\n${plainText(p.body)}`)), ...extraText.map(compact)].join('\n');
  const nowhere = (text: string) => !haystack.includes(compact(text));
  const titleKeys = pages.map((p) => compact(p.title));
  const out: BenchQuery[] = [];
  const add = (kind: QueryKind, query: string, page: QueryPage, form?: (typeof QUESTION_FORMS)[number]) =>
    out.push({ kind, query, expect: page.url, part: partOf(seed, page.id), ...(form ? { form } : {}) });
  const take = (kind: QueryKind, make: (page: QueryPage) => string | undefined, n = counts[kind]) => {
    let made = 0;
    for (const page of shuffled(rng, pages)) {
      if (made >= n) break;
      const query = make(page);
      if (query === undefined) continue;
      add(kind, query, page);
      made++;
    }
  };

  const hangulTitle = (p: QueryPage) => /[가-힣]/.test(p.title);
  take('title', (p) => (hangulTitle(p) ? p.title : undefined));
  take('spacing', (p) => (hangulTitle(p) && /\s/.test(p.title.trim()) ? p.title.replace(/\s+/g, '') : undefined));
  const particles = ['은/는', '이/가', '을/를', '으로/로', '와/과'] as const;
  take('particle', (p) => {
    if (!endsAsNoun(p.title) && !p.title.endsWith('기')) return undefined;
    const particle = particles[Math.floor(rng() * particles.length)] ?? '을/를';
    return josa(p.title, particle);
  });

  // A heading is unique when no other page has it as a heading and it is not a title.
  const headingCount = new Map<string, number>();
  for (const p of pages) for (const h of new Set(h2Headings(p.body).map(compact))) headingCount.set(h, (headingCount.get(h) ?? 0) + 1);
  const titleSet = new Set(titleKeys);
  take('heading', (p) => {
    const unique = h2Headings(p.body).filter((h) => {
      const key = compact(h);
      return headingCount.get(key) === 1 && !titleSet.has(key) && (h.match(/[가-힣]/g) ?? []).length >= 3;
    });
    return unique.length ? unique[Math.floor(rng() * unique.length)] : undefined;
  });

  take('typo', (p) => {
    const words = titleWords(p.title).sort((a, b) => b.length - a.length);
    const word = words[0];
    if (!word) return undefined;
    const typo = jamoTypo(word, rng, nowhere);
    return typo === undefined ? undefined : p.title.replace(word, typo);
  });

  // Document frequency of each Latin term, case ignored.
  const termPages = new Map<string, number>();
  const pageTerms = new Map(pages.map((p) => [p.id, latinTerms(p)]));
  for (const terms of pageTerms.values()) for (const t of new Set([...terms].map((x) => x.toLowerCase()))) termPages.set(t, (termPages.get(t) ?? 0) + 1);
  take('english', (p) => {
    const word = titleWords(p.title).sort((a, b) => b.length - a.length)[0];
    if (!word) return undefined;
    const titleKey = p.title.toLowerCase();
    const rare = [...(pageTerms.get(p.id) ?? [])].filter((t) => (termPages.get(t.toLowerCase()) ?? 0) <= 3 && !titleKey.includes(t.toLowerCase())).sort();
    const term = rare[Math.floor(rng() * rare.length)];
    return term === undefined ? undefined : `${term} ${word}`;
  });

  const perForm = Math.ceil(counts.question / QUESTION_FORMS.length);
  const questionMakers: Record<(typeof QUESTION_FORMS)[number], (p: QueryPage) => string | undefined> = {
    뭐예요: (p) => {
      // A title word found in no other title, so the question still names one page.
      const own = titleWords(p.title).filter((w) => !NOT_NOUN.test(w) && titleKeys.filter((k) => k.includes(w)).length === 1);
      const word = own.sort((a, b) => b.length - a.length)[0];
      return word === undefined ? undefined : `${josa(word, '이/가')} 뭐예요`;
    },
    '어떻게 하나요': (p) => (hangulTitle(p) ? `${p.title} 어떻게 하나요` : undefined),
    하려면: (p) => {
      // 「…하기」, 「…만들기」 titles: the verb stem takes 려면 (으려면 after a consonant other than ㄹ).
      const stem = /([가-힣]+)기$/.exec(p.title)?.[1];
      if (!stem || stem.length < 1 || !/[가-힣]{2,}기$/.test(p.title)) return undefined;
      const last = stem.at(-1) ?? '';
      const rieul = hasBatchim(last, { only: 'single' }) && disassemble(last).endsWith('ㄹ');
      return `${p.title.slice(0, -1)}${hasBatchim(last) && !rieul ? '으려면' : '려면'}`;
    },
    인가요: (p) => (endsAsNoun(p.title) ? `${p.title}인가요` : undefined),
  };
  for (const form of QUESTION_FORMS) {
    let made = 0;
    for (const page of shuffled(rng, pages)) {
      if (made >= perForm) break;
      const query = questionMakers[form](page);
      if (query === undefined) continue;
      add('question', query, page, form);
      made++;
    }
  }

  const negatives = EVERYDAY_QUERIES.filter((q) => nowhere(q) && q.split(/\s+/).every(nowhere)).slice(0, counts.negative);
  for (const query of negatives) out.push({ kind: 'negative', query, expect: null, part: partOf(seed, query) });
  return out;
}
