/**
 * Korean-aware text analysis shared by the search index builder and the
 * browser. Pagefind splits words only on white space, so Korean compounds
 * (국가AI컴퓨팅센터), particles (센터를) and spacing variants (경력단절 / 경력 단절)
 * never meet. Both sides therefore reduce text to the same small tokens:
 *
 * - syllable bigrams of every pair of adjacent units, where a unit is one Hangul
 *   syllable, one Latin run or one digit run. Pairs are taken across spaces
 *   and punctuation too ("bridges"), so a query written without the space
 *   still finds the text written with it, and vice versa;
 * - every Latin run and digit run as a token of its own (AI, R&D, 1000);
 * - one canonical token per glossary synonym group (AI = 인공지능);
 * - the 초성 (initial consonants) of every Hangul word (ㅇㅈㅋㅍㅌ → 양자컴퓨터);
 * - one token for each one-syllable word standing as a word (법, 법을; not 법 in 기본법).
 *
 * A query keeps only the tokens inside each of its words (no bridges between
 * query words, since they need not be adjacent in the text) after stripping
 * particles and endings. Stripping only ever removes bigrams, so a query can
 * only become broader than the text it was taken from, never miss it. The one
 * exception is a synonym of several Latin words (National Bio Committee): it is
 * matched over whole query words as a phrase, since its words alone are not
 * the name and the Korean text does not hold them.
 */
import { getChoseong } from 'es-hangul';
import { must } from './must';

export type UnitKind = 'hangul' | 'latin' | 'digit';

/** One searchable unit of text with its position in the normalized string. */
export interface TextUnit {
  text: string;
  kind: UnitKind;
  /** Index of the white-space-delimited word the unit belongs to. */
  word: number;
}

/** A glossary synonym group: every member stands for the same concept. */
export interface SynonymGroup {
  /** Stable ASCII id (the glossary entry id). */
  id: string;
  /** Spellings: term, full form, aliases. */
  members: readonly string[];
}

export type QueryTermKind = 'word' | 'synonym' | 'choseong';

/** One analysed piece of a query; a page must carry every token of every term. */
export interface QueryTerm {
  /** The query text this term came from, after particle stripping. */
  text: string;
  kind: QueryTermKind;
  /** Raw (unencoded) tokens. */
  tokens: string[];
  /** For synonym terms: the spellings that count as a match (for highlighting). */
  variants: string[];
  /**
   * For word terms: which units (0-based, inclusive) each token spans, so a
   * planner can send Pagefind a subset of tokens that still covers every unit.
   */
  pieces?: TermPiece[];
  /**
   * For a word term whose query word lost a particle or ending: the word with fewer
   * endings removed, least stripped last (고양이 → [고양이] for the term 고양). The
   * engine falls back to them when the stem is only ever a seam between two words
   * on the site (see resolveStems in query.ts).
   */
  lessStripped?: QueryTerm[];
}

/** A token of a word term and the span of units it stands for. */
export interface TermPiece {
  token: string;
  from: number;
  to: number;
}

export interface AnalyzedQuery {
  terms: QueryTerm[];
  /** Query words that carry no searchable token (one syllable, a lone particle). */
  ignored: string[];
  /**
   * Query words, as typed, that carry no topic (뭐예요, 언제, 정책) and were left out
   * because other words say what to find; a query of nothing else keeps them.
   */
  dropped: string[];
  /** True when the query was cut to MAX_QUERY_LENGTH characters. */
  truncated: boolean;
  /**
   * For a query of several words: the words run together as one word term, the
   * last without its ending (「과학기술 외교를」 → 과학기술외교). Pages holding it
   * rank first; it is never required.
   */
  phrase?: QueryTerm;
}

/** Longer queries are cut: nobody types more, and every word costs index fetches. */
export const MAX_QUERY_LENGTH = 100;

/**
 * The precomposed Hangul syllables 가–힣, the one test for them (regexes write the
 * same class as [가-힣]). es-hangul 2.4 exports no such test, and the token code
 * (pagefind-adapter.ts) needs the range itself.
 */
export const HANGUL_FIRST = 0xac00;
export const HANGUL_LAST = 0xd7a3;
const isHangulSyllable = (c: string) => {
  const code = c.charCodeAt(0);
  return code >= HANGUL_FIRST && code <= HANGUL_LAST;
};
/**
 * A compatibility consonant ㄱ–ㅎ, as typed in a choseong query. Wider than es-hangul's
 * canBeChoseong (19 letters, no ㄳ): with that, 「ㅇㅈㄳ」 would search as 「ㅇㅈ」.
 */
const isChoseongJamo = (c: string) => /^[ㄱ-ㅎ]$/.test(c);
const isLatin = (c: string) => c >= 'a' && c <= 'z';
const isDigit = (c: string) => c >= '0' && c <= '9';

/** Marks a bigram whose units are not both Hangul, so "a"+"i" never equals the run "ai". */
const UNIT_JOINER = '\u0001';
/** Prefix of the canonical token of a synonym group. */
const SYNONYM_PREFIX = '\u0002';
/** Prefix of a 초성 token. */
const CHOSEONG_PREFIX = '\u0003';
/** Prefix of a known-word token (see KoreanAnalyzerOptions.knownWords). */
const WORD_PREFIX = '\u0004';
/** Prefix of the token of a one-syllable word standing as a word of its own (standaloneSyllables). */
const SYLLABLE_WORD_PREFIX = '\u0005';

/** Known words are three syllables or more: a word of two is a single bigram already. */
export const KNOWN_WORD_MIN_UNITS = 3;
/** Longer words are not known words: they are rare and would lengthen the scan at every unit of the text. */
export const KNOWN_WORD_MAX_UNITS = 12;

/**
 * NFC, ASCII lower case, full-width ASCII folded to ASCII. Every step maps one
 * UTF-16 code unit to one, so offsets in the result are offsets in the input
 * (after NFC) and highlights can be placed on the original text.
 */
export function normalizeChars(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0).toLowerCase();
    else if (code >= 0x41 && code <= 0x5a) out += String.fromCharCode(code + 32);
    else out += ch;
  }
  return out;
}

/**
 * Splits normalized text into units. "&" stays inside a Latin run (r&d), "," and "."
 * stay inside a digit run when digits follow (9,300 → 9300, 2.5 stays 2.5).
 */
export function toUnits(normalized: string): TextUnit[] {
  const units: TextUnit[] = [];
  let word = 0;
  let i = 0;
  const chars = [...normalized];
  while (i < chars.length) {
    const c = must(chars[i], 'character');
    if (/\s/u.test(c)) {
      word++;
      i++;
    } else if (isHangulSyllable(c)) {
      units.push({ text: c, kind: 'hangul', word });
      i++;
    } else if (isLatin(c)) {
      let run = c;
      i++;
      while (i < chars.length && (isLatin(chars[i] ?? '') || (chars[i] === '&' && isLatin(chars[i + 1] ?? '')))) run += chars[i++];
      units.push({ text: run, kind: 'latin', word });
    } else if (isDigit(c)) {
      let run = c;
      i++;
      while (i < chars.length) {
        const next = chars[i];
        if (next === undefined) break;
        if (isDigit(next)) run += chars[i++];
        else if (next === ',' && isDigit(chars[i + 1] ?? '')) i++;
        else if (next === '.' && isDigit(chars[i + 1] ?? '')) run += chars[i++];
        else break;
      }
      units.push({ text: run, kind: 'digit', word });
    } else {
      i++;
    }
  }
  return units;
}

function bigram(a: TextUnit, b: TextUnit): string {
  return a.kind === 'hangul' && b.kind === 'hangul' ? a.text + b.text : a.text + UNIT_JOINER + b.text;
}

/** The token of a known word, given as its syllables. */
function wordToken(syllables: readonly string[]): string {
  return WORD_PREFIX + syllables.join('');
}

/**
 * The known-word token a query term is found by, when the site has the term's text as a
 * word (the engine checks the vocabulary). Only for words of Hangul syllables: a Latin or
 * digit run has more than one spelling in units (A.I. and AI, Chat GPT and ChatGPT, which
 * the bigrams and merged runs find alike), so such words keep their bigrams.
 */
export function termWordToken(term: QueryTerm): string | undefined {
  if (term.kind !== 'word') return undefined;
  const syllables = [...term.text];
  if (!syllables.every(isHangulSyllable)) return undefined;
  return syllables.length >= KNOWN_WORD_MIN_UNITS && syllables.length <= KNOWN_WORD_MAX_UNITS ? wordToken(syllables) : undefined;
}

/** Tokens of a unit sequence taken as contiguous: adjacent-pair bigrams plus Latin/digit runs. */
function contiguousTokens(units: readonly TextUnit[]): string[] {
  const tokens: string[] = [];
  for (const [i, unit] of units.entries()) {
    if (unit.kind !== 'hangul') tokens.push(unit.text);
    const next = units[i + 1];
    if (next) tokens.push(bigram(unit, next));
  }
  return tokens;
}

/**
 * The bigram of every pair of adjacent units in a text, and whether the pair
 * straddles a space (하고 양자 → 고양 across, 양자 within). The indexer records which
 * bigrams only ever straddle one, so a query can tell a real stem from a seam.
 */
export function joinBigrams(text: string): { token: string; acrossSpace: boolean }[] {
  const units = toUnits(normalizeChars(text));
  const joins: { token: string; acrossSpace: boolean }[] = [];
  for (const [i, unit] of units.entries()) {
    const next = units[i + 1];
    if (next) joins.push({ token: bigram(unit, next), acrossSpace: unit.word !== next.word });
  }
  return joins;
}

/** The tokens of contiguousTokens, each with the units it spans. */
function contiguousPieces(units: readonly TextUnit[]): TermPiece[] {
  const pieces: TermPiece[] = [];
  for (const [i, unit] of units.entries()) {
    if (unit.kind !== 'hangul') pieces.push({ token: unit.text, from: i, to: i });
    const next = units[i + 1];
    if (next) pieces.push({ token: bigram(unit, next), from: i, to: i + 1 });
  }
  return pieces;
}

/**
 * Latin words written apart in the text but run together in a query
 * (Chief Technology → chieftechnology) form a single Latin run there, so
 * runs of two or three Latin units are also indexed merged, with bigrams to
 * their neighbours.
 */
function mergedLatinTokens(units: readonly TextUnit[]): string[] {
  const tokens: string[] = [];
  for (let i = 0; i < units.length; i++) {
    for (let length = 2; length <= 3; length++) {
      const parts = units.slice(i, i + length);
      const first = parts[0];
      if (!first || parts.length < length || parts.some((u) => u.kind !== 'latin')) break;
      const merged: TextUnit = { text: parts.map((u) => u.text).join(''), kind: 'latin', word: first.word };
      tokens.push(merged.text);
      const before = units[i - 1];
      const after = units[i + length];
      if (before) tokens.push(bigram(before, merged));
      if (after) tokens.push(bigram(merged, after));
    }
  }
  return tokens;
}

/**
 * Particles (조사) and endings (어미, 접미) stripped from the end of a query word,
 * longest first. Stripping only broadens a query, so a generous list is safe.
 */
const SUFFIXES = [
  // Question endings: 개발하나요 → 개발, 기술인가요 → 기술.
  '하겠습니까',
  '되었나요',
  '하였나요',
  '했나요',
  '되나요',
  '하나요',
  '인가요',
  '입니까',
  '합니까',
  '습니까',
  '이에요',
  '할까요',
  '까요',
  '나요',
  '예요',
  '에요',
  '하겠습니다',
  '되었습니다',
  '했습니다',
  '합니다',
  '됩니다',
  '입니다',
  '으로부터',
  '에서부터',
  '에게서',
  '으로서',
  '으로써',
  '으로는',
  '으로도',
  '이라는',
  '이라고',
  '에서는',
  '에서도',
  '에서의',
  '하려면',
  '되려면',
  '하려는',
  '하기로',
  '하도록',
  '되도록',
  '하여야',
  '해야',
  '하였다',
  '했다',
  '한다',
  '된다',
  '되는',
  '되어',
  '되고',
  '되며',
  '하는',
  '하고',
  '하여',
  '해서',
  '하며',
  '하기',
  '하면',
  // A verb stem + 려면 (만들려면 → 만들); after 하려면, so 설치하려면 → 설치.
  '려면',
  '적으로',
  '적인',
  '들에게',
  '들의',
  '들이',
  '들은',
  '들을',
  '들도',
  '들과',
  '로부터',
  '에게',
  '한테',
  '까지',
  '부터',
  '으로',
  '로서',
  '로써',
  '보다',
  '처럼',
  '만큼',
  '마다',
  '조차',
  '마저',
  '이나',
  '라는',
  '라고',
  '과의',
  '와의',
  '에는',
  '에도',
  '에의',
  '에서',
  '이다',
  '이며',
  '이고',
  '의',
  '을',
  '를',
  '이',
  '가',
  '은',
  '는',
  '도',
  '만',
  '에',
  '로',
  '와',
  '과',
  '들',
  '한',
  '된',
  '적',
  '나',
  '랑',
  '께',
] as const;

/**
 * Particles that end no two-syllable noun, so 법을 is 법 + 을 (a one-syllable
 * stem, then ignored as too short) while 국가 keeps its 가.
 */
const UNAMBIGUOUS_PARTICLES = new Set(['을', '를', '에서', '으로', '에게', '까지', '부터', '처럼', '에서는', '으로는']);

/** Query words that are pure function words in this domain. */
const STOP_WORDS = new Set(['및', '등', '또는', '그리고', '위한', '위해', '통한', '통해', '대한', '관련', '관한', '대해']);

/**
 * Words of a question that name no topic: interrogatives and their polite forms. A
 * query drops them when another word says what to find (「국가바이오위원회가 뭐예요」
 * searches 국가바이오위원회); every other word must still match.
 */
const QUESTION_WORDS = new Set([
  '뭐',
  '뭘',
  '뭔',
  '무엇',
  '무슨',
  '어떤',
  '언제',
  '어디',
  '어디서',
  '어떻게',
  '왜',
  '누가',
  '누구',
  '얼마',
  '얼마나',
  '몇',
  '뭐예요',
  '뭐에요',
  '뭔가요',
  '뭐죠',
  '뭐지',
  '뭐야',
  '무엇인가요',
  '무엇입니까',
  '무엇인지',
  '어떤가요',
  '어떻게요',
  '왜요',
  '언제요',
  '어디요',
  '있나요',
  '있어요',
  '있습니까',
  '인가요',
  '알려줘',
  '알려주세요',
  '궁금해요',
  '궁금합니다',
  '설명해줘',
  '설명해주세요',
  // Question and request endings written as words of their own (「… 어떻게 하나요」,
  // 「… 어떻게 하면 되나요」): they ask how, and name nothing to find.
  '하나요',
  '해요',
  '하죠',
  '하는지',
  '하는지요',
  '하면',
  '하면요',
  '할까요',
  '합니까',
  '되나요',
  '돼요',
  '되요',
  '되죠',
  '됩니까',
  '될까요',
  '하려면',
  '되려면',
  '일까요',
  '입니까',
  '싶어요',
  '싶습니다',
]);

/**
 * Words every page of this site is about. Dropped only where they close the query
 * (「AI 정책」, 「출연연 정책이 뭐예요」); before another word they are part of a name
 * (「정책 펀드」) and must match.
 */
const TOPIC_WORDS = new Set(['정책', '내용', '정보', '소개']);

/** A query word (as typed) without a trailing question mark, particle or ending. */
const bareWord = (word: string) => stripSuffix(stripSuffix(word.replace(/[?？!.…~]+$/u, '')));
const isQuestionWord = (word: string) => QUESTION_WORDS.has(word.replace(/[?？!.…~]+$/u, '')) || QUESTION_WORDS.has(bareWord(word));

/**
 * Removes one trailing particle or ending from a Hangul string when at least
 * two syllables stay (국가 keeps its 가), or one before an unambiguous particle
 * (법을). When the word has a Latin or digit part before the Hangul (AI를),
 * the whole Hangul tail may go.
 */
export function stripSuffix(hangul: string, hasNonHangulStem = false): string {
  for (const suffix of SUFFIXES) {
    if (!hangul.endsWith(suffix)) continue;
    const stem = hangul.slice(0, -suffix.length);
    if (stem.length >= 2 || (stem.length === 1 && UNAMBIGUOUS_PARTICLES.has(suffix)) || (hasNonHangulStem && stem.length === 0)) return stem;
  }
  return hangul;
}

/**
 * A word's forms with up to two suffixes stripped from its trailing Hangul run, most
 * stripped first and the word itself last, without repeats (과학자들의 → 과학자,
 * 과학자들, 과학자들의).
 */
function strippedForms(units: TextUnit[]): TextUnit[][] {
  let start = units.length;
  while (start > 0 && units[start - 1]?.kind === 'hangul') start--;
  if (start === units.length) return [units];
  const tail = units
    .slice(start)
    .map((u) => u.text)
    .join('');
  const once = stripSuffix(tail, start > 0);
  const twice = stripSuffix(once, start > 0);
  const lengths = [...new Set([twice, once, tail].map((t) => [...t].length))];
  return lengths.map((length) => units.slice(0, start + length));
}

/** The most stripped form of a word (과학자들의 → 과학자). */
function stripWordUnits(units: TextUnit[]): TextUnit[] {
  return must(strippedForms(units)[0], 'stripped form');
}

function choseongToken(hangul: string): string {
  return CHOSEONG_PREFIX + getChoseong(hangul);
}

/** The token of a one-syllable word standing as a word (훅, 법을): see standaloneSyllables. */
function syllableWordToken(syllable: string): string {
  return SYLLABLE_WORD_PREFIX + syllable;
}

/**
 * The one-syllable words of a text: white-space words of Hangul only that are one
 * syllable once stripped of a particle as a query word is (법, 법을, 법에서는; not
 * 법은, since 은 also ends two-syllable nouns). A syllable inside a longer word (법 in
 * 기본법) is not one: a one-syllable query finds the pages holding it as a word, not
 * every page holding the syllable. Stop words are left out, as a query leaves them out.
 */
function standaloneSyllables(units: readonly TextUnit[]): string[] {
  const syllables: string[] = [];
  for (let start = 0; start < units.length;) {
    let end = start;
    const word = must(units[start], 'unit').word;
    while (end < units.length && units[end]?.word === word) end++;
    const wordUnits = units.slice(start, end);
    if (wordUnits.every((u) => u.kind === 'hangul')) {
      const [stem, ...rest] = stripWordUnits(wordUnits);
      if (stem && rest.length === 0 && !STOP_WORDS.has(stem.text)) syllables.push(stem.text);
    }
    start = end;
  }
  return syllables;
}

function synonymToken(id: string): string {
  return SYNONYM_PREFIX + id;
}

interface CompiledSynonym {
  id: string;
  member: string;
  units: string[];
  /** Two or more units, none Hangul (National Bio Committee, S&T diplomacy): a query may write it over several words. */
  phrase: boolean;
}

function compileSynonyms(groups: readonly SynonymGroup[]): CompiledSynonym[] {
  const compiled: CompiledSynonym[] = [];
  for (const group of groups) {
    for (const member of group.members) {
      const parsed = toUnits(normalizeChars(member));
      const units = parsed.map((u) => u.text);
      // A one-syllable member would match inside countless words.
      if (units.length === 0 || (units.length === 1 && isHangulSyllable(units[0] ?? ''))) continue;
      compiled.push({ id: group.id, member, units, phrase: units.length >= 2 && parsed.every((u) => u.kind !== 'hangul') });
    }
  }
  // Longest first, so 정부출연연구기관 wins over 출연연 inside it.
  return compiled.sort((a, b) => b.units.length - a.units.length);
}

function matchesAt(units: readonly TextUnit[], at: number, pattern: readonly string[]): boolean {
  if (at + pattern.length > units.length) return false;
  for (let k = 0; k < pattern.length; k++) if (units[at + k]?.text !== pattern[k]) return false;
  return true;
}

/** Whether all of `units` equal `pattern` from position `from` on. */
function continuesPattern(units: readonly TextUnit[], pattern: readonly string[], from: number): boolean {
  return from + units.length <= pattern.length && units.every((u, k) => u.text === pattern[from + k]);
}

export interface KoreanAnalyzer {
  /** Every token a block of page text is found by (with repetitions, in text order). */
  indexTokens(text: string): string[];
  /**
   * The words of a block of page text as a query would have them: the Hangul runs of
   * each white-space word without its particle or ending (the whole word when it is all
   * Hangul), as syllables, when KNOWN_WORD_MIN_UNITS to KNOWN_WORD_MAX_UNITS long.
   * The indexer gathers them from every page into knownWords.
   */
  wordStems(text: string): string[][];
  /** The terms of a reader's query. */
  analyzeQuery(query: string): AnalyzedQuery;
  /** Spellings of a synonym group (for highlighting), by group id. */
  synonymMembers(id: string): string[];
}

export interface KoreanAnalyzerOptions {
  synonyms?: readonly SynonymGroup[];
  /**
   * Words of the site as syllables (from wordStems), each indexed as one token wherever
   * its syllables occur in a row in a block, across spaces too (바이오 위원회 holds
   * 바이오위원회). A query word that is a known word is then searched by that one token
   * instead of all its bigrams: every page holding the word in a row, which the bigrams
   * also match (they match a page holding each pair somewhere as well), from one
   * posting list instead of several long ones (docs/search.md). Only the indexer passes them.
   */
  knownWords?: Iterable<readonly string[]>;
}

/** A trie of known words by unit; `end` marks a whole word. */
interface WordTrie {
  next: Map<string, WordTrie>;
  end: boolean;
}

function buildWordTrie(words: Iterable<readonly string[]>): WordTrie {
  const root: WordTrie = { next: new Map(), end: false };
  for (const word of words) {
    if (word.length < KNOWN_WORD_MIN_UNITS || word.length > KNOWN_WORD_MAX_UNITS) continue;
    let node = root;
    for (const unit of word) {
      let child = node.next.get(unit);
      if (!child) node.next.set(unit, (child = { next: new Map(), end: false }));
      node = child;
    }
    node.end = true;
  }
  return root;
}

export function createKoreanAnalyzer(options: KoreanAnalyzerOptions = {}): KoreanAnalyzer {
  const synonyms = compileSynonyms(options.synonyms ?? []);
  const knownWords = options.knownWords ? buildWordTrie(options.knownWords) : null;
  const phrases = synonyms.filter((s) => s.phrase);
  const membersById = new Map<string, string[]>();
  for (const group of options.synonyms ?? []) membersById.set(group.id, [...group.members]);

  function indexTokens(text: string): string[] {
    const units = toUnits(normalizeChars(text));
    const tokens = contiguousTokens(units);
    tokens.push(...mergedLatinTokens(units));
    // 초성 of every Hangul word without its particle or ending, the form a reader
    // types (ㅇㅈㅋㅍㅌ finds 양자컴퓨터를). One form per word, not also the whole
    // word: 초성 tokens were over a quarter of all postings, and the memory of
    // Pagefind's index build grows with the number of postings.
    for (const run of hangulRuns(units)) {
      if (run.length < 2) continue;
      const stem = stripSuffix(stripSuffix(run));
      tokens.push(choseongToken(stem.length >= 2 ? stem : run));
    }
    for (let at = 0; at < units.length; at++) {
      for (const synonym of synonyms) {
        if (!matchesAt(units, at, synonym.units)) continue;
        // A Latin member must be a whole run; matchesAt compares whole runs already.
        tokens.push(synonymToken(synonym.id));
      }
    }
    for (const syllable of standaloneSyllables(units)) tokens.push(syllableWordToken(syllable));
    if (knownWords) {
      for (let at = 0; at < units.length; at++) {
        let node: WordTrie | undefined = knownWords;
        for (let k = at; k < units.length && (node = node.next.get(must(units[k], 'unit').text)); k++) {
          if (node.end) tokens.push(wordToken(units.slice(at, k + 1).map((u) => u.text)));
        }
      }
    }
    return tokens;
  }

  function wordStems(text: string): string[][] {
    const units = toUnits(normalizeChars(text));
    const stems: string[][] = [];
    for (let start = 0; start < units.length;) {
      let end = start;
      const word = must(units[start], 'unit').word;
      while (end < units.length && units[end]?.word === word) end++;
      const stem = stripWordUnits(units.slice(start, end));
      // Known words are Hangul only (termWordToken says why); a Latin or digit run bounds
      // a word as a space does: 1페타바이트급 holds 페타바이트급.
      for (let from = 0; from < stem.length;) {
        let to = from;
        while (to < stem.length && stem[to]?.kind === 'hangul') to++;
        if (to - from >= KNOWN_WORD_MIN_UNITS && to - from <= KNOWN_WORD_MAX_UNITS) stems.push(stem.slice(from, to).map((u) => u.text));
        from = Math.max(to, from + 1);
      }
      start = end;
    }
    return stems;
  }

  /**
   * A phrase synonym written over whole query words from `start` on, two words at
   * least (a member inside one word is found by the word's own scan). Every word
   * must be a whole part of the member and the member must be complete, so
   * "national", "national bio" or "bio committees" never matches; the last word
   * may carry a particle (committee의). Words of punctuation only are skipped,
   * as the index skips them.
   */
  function matchPhrase(words: readonly string[], wordUnits: readonly TextUnit[][], start: number): { synonym: CompiledSynonym; last: number } | undefined {
    if (!wordUnits[start]?.length) return undefined;
    for (const synonym of phrases) {
      let at = 0;
      for (let k = start; k < words.length; k++) {
        const units = must(wordUnits[k], 'word units');
        if (units.length === 0) continue;
        if (units.length < synonym.units.length - at && continuesPattern(units, synonym.units, at)) {
          at += units.length;
          continue;
        }
        const stem = stripWordUnits(units);
        if (k > start && stem.length === synonym.units.length - at && continuesPattern(stem, synonym.units, at)) return { synonym, last: k };
        break;
      }
    }
    return undefined;
  }

  function analyzeQuery(rawQuery: string): AnalyzedQuery {
    const truncated = rawQuery.length > MAX_QUERY_LENGTH;
    const query = normalizeChars(rawQuery.slice(0, MAX_QUERY_LENGTH));
    const terms: QueryTerm[] = [];
    const ignored: string[] = [];
    const words = query.split(/\s+/).filter(Boolean);
    const wordUnits = words.map((w) => toUnits(w));
    const fillers: number[] = [];
    /** One-syllable words (standaloneSyllables), searched only when nothing longer is. */
    const syllableWords: string[] = [];
    for (let w = 0; w < words.length; w++) {
      const phrase = phrases.length > 0 ? matchPhrase(words, wordUnits, w) : undefined;
      if (phrase) {
        const text = words.slice(w, phrase.last + 1).join(' ');
        terms.push({ text, kind: 'synonym', tokens: [synonymToken(phrase.synonym.id)], variants: membersById.get(phrase.synonym.id) ?? [] });
        w = phrase.last;
        continue;
      }
      const closesQuery = words.slice(w + 1).every(isQuestionWord);
      const word = must(words[w], 'query word');
      if (isQuestionWord(word) || (closesQuery && TOPIC_WORDS.has(bareWord(word)))) fillers.push(w);
      else analyzeWord(w);
    }
    // A one-syllable word narrows little next to a longer word, and the page may write it
    // inside a compound (법 개정 → 기본법 개정); alone it is the query, found where the
    // site has it as a word of its own.
    if (terms.length === 0 && syllableWords.length > 0) {
      for (const syllable of syllableWords) {
        terms.push({ text: syllable, kind: 'word', tokens: [syllableWordToken(syllable)], variants: [] });
        ignored.splice(ignored.indexOf(syllable), 1);
      }
    }
    // Filler words are left out only when something else is searched; alone they are the query.
    const dropped: string[] = [];
    if (terms.length > 0) dropped.push(...fillers.map((w) => must(words[w], 'query word')));
    else for (const w of fillers) analyzeWord(w);
    return { terms: dedupeTerms(terms), ignored, dropped, truncated, ...phraseOf() };

    /** The searched words as one run, when there are two or more and no dropped filler stands between them. */
    function phraseOf(): { phrase?: QueryTerm } {
      const droppedWords = dropped.length > 0 ? fillers : [];
      const kept = words.map((_, w) => w).filter((w) => (wordUnits[w]?.length ?? 0) > 0 && !droppedWords.includes(w));
      const first = kept[0];
      const last = kept.at(-1);
      if (kept.length < 2 || first === undefined || last === undefined || droppedWords.some((f) => f > first && f < last)) return {};
      const units = kept.flatMap((w) => {
        const units = must(wordUnits[w], 'word units');
        return w === last ? stripWordUnits(units) : units;
      });
      const pieces = contiguousPieces(units);
      return { phrase: { text: units.map((u) => u.text).join(''), kind: 'word', tokens: unique(pieces.map((p) => p.token)), variants: [], pieces } };
    }

    function analyzeWord(w: number): void {
      const word = must(words[w], 'query word');
      const jamo = [...word].filter(isChoseongJamo).join('');
      if (jamo.length >= 2 && toUnits(word).length === 0) {
        terms.push({ text: jamo, kind: 'choseong', tokens: [CHOSEONG_PREFIX + jamo], variants: [] });
        return;
      }
      const forms = strippedForms(must(wordUnits[w], 'word units'));
      const units = must(forms[0], 'stripped form');
      const surface = units.map((u) => u.text).join('');
      if (units.length === 0 || STOP_WORDS.has(surface)) {
        if (word.trim()) ignored.push(word);
        return;
      }
      // Synonym members inside the word are replaced by their group token; the
      // rest of the word is analysed on its own, without bridging over the member.
      let segment: TextUnit[] = [];
      const flush = () => {
        const [single] = segment;
        if (segment.length === 1 && single?.kind === 'hangul') {
          ignored.push(single.text);
          const whole = units.length === 1 && must(wordUnits[w], 'word units').every((u) => u.kind === 'hangul');
          if (whole && !STOP_WORDS.has(single.text)) syllableWords.push(single.text);
        } else if (segment.length > 0) {
          const pieces = contiguousPieces(segment);
          terms.push({ text: segment.map((u) => u.text).join(''), kind: 'word', tokens: unique(pieces.map((p) => p.token)), variants: [], pieces });
        }
        segment = [];
      };
      const firstTerm = terms.length;
      for (let at = 0; at < units.length;) {
        const synonym = synonyms.find((s) => matchesAt(units, at, s.units));
        if (synonym) {
          flush();
          const text = units
            .slice(at, at + synonym.units.length)
            .map((u) => u.text)
            .join('');
          terms.push({ text, kind: 'synonym', tokens: [synonymToken(synonym.id)], variants: membersById.get(synonym.id) ?? [] });
          at += synonym.units.length;
        } else {
          segment.push(must(units[at], 'unit'));
          at++;
        }
      }
      flush();
      // A word that became one plain term keeps its less stripped forms for the engine.
      const only = terms.length === firstTerm + 1 ? terms[firstTerm] : undefined;
      if (only?.kind === 'word' && only.text === surface && forms.length > 1) {
        only.lessStripped = forms.slice(1).map((form) => {
          const pieces = contiguousPieces(form);
          return { text: form.map((u) => u.text).join(''), kind: 'word', tokens: unique(pieces.map((p) => p.token)), variants: [], pieces };
        });
      }
    }
  }

  return { indexTokens, wordStems, analyzeQuery, synonymMembers: (id) => membersById.get(id) ?? [] };
}

function* hangulRuns(units: readonly TextUnit[]): Generator<string> {
  let run = '';
  let word = -1;
  for (const unit of units) {
    if (unit.kind === 'hangul' && (run === '' || unit.word === word)) {
      run += unit.text;
      word = unit.word;
    } else {
      if (run) yield run;
      run = unit.kind === 'hangul' ? unit.text : '';
      word = unit.word;
    }
  }
  if (run) yield run;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function dedupeTerms(terms: QueryTerm[]): QueryTerm[] {
  const seen = new Set<string>();
  return terms.filter((t) => {
    const key = t.tokens.join('\n');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** All distinct tokens of a query, in order. */
export function queryTokens(query: AnalyzedQuery): string[] {
  return unique(query.terms.flatMap((t) => t.tokens));
}

// ---------------------------------------------------------------------------
/** Human-readable form of a raw token, for debugging and test messages. */
export function describeToken(token: string): string {
  return token
    .replace(UNIT_JOINER, '|')
    .replace(SYNONYM_PREFIX, 'syn:')
    .replace(CHOSEONG_PREFIX, 'cho:')
    .replace(WORD_PREFIX, 'word:')
    .replace(SYLLABLE_WORD_PREFIX, 'syllable:');
}
