/**
 * Turns what a reader typed into a search plan, or into the reason there is
 * none. Every input gets an answer: empty, a function word, punctuation or emoji
 * only, markup, and very long text.
 */
import type { SearchPage } from '../options';
import { normalizeChars, queryTokens, toUnits, termWordToken, type AnalyzedQuery, type KoreanAnalyzer, type QueryTerm, type TermPiece } from './analyzer';
import { encodeToken } from './pagefind-adapter';
import type { VocabularyEntry } from './vocabulary';

export type QueryPlan =
  | { status: 'empty' }
  /** Nothing searchable is left: a function word (및), punctuation, emoji, a lone particle. */
  | { status: 'no-terms'; ignored: string[]; truncated: boolean }
  | { status: 'ok'; analyzed: AnalyzedQuery; tokens: string[]; encoded: string[] };

/** Control characters and zero-width marks never belong to a query. */
// eslint-disable-next-line no-control-regex -- control characters are what this pattern removes
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g;

/** The query as it should appear in the search box and the URL. */
export function cleanQuery(raw: string): string {
  return raw.replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
}

export type SearchPlan = Extract<QueryPlan, { status: 'ok' }>;

export function planQuery(raw: string, analyzer: KoreanAnalyzer): QueryPlan {
  const query = cleanQuery(raw);
  if (!query) return { status: 'empty' };
  const analyzed = analyzer.analyzeQuery(query);
  const tokens = queryTokens(analyzed);
  if (tokens.length === 0) return { status: 'no-terms', ignored: analyzed.ignored, truncated: analyzed.truncated };
  return { status: 'ok', analyzed, tokens, encoded: tokens.map(encodeToken) };
}

/** The encoded tokens of the less stripped forms of the plan's words, which resolveStems may look up. */
export function alternativeTokens(plan: SearchPlan): string[] {
  return [...new Set(plan.analyzed.terms.flatMap((t) => t.lessStripped ?? []).flatMap((t) => t.tokens.map(encodeToken)))];
}

/**
 * Stripping an ending can leave a seam instead of a stem: 고양이 loses 이 as
 * 기술이 does, but 고양 is on the site only as the seam of 「수립하고 양자」, never
 * inside a word. A stripped word whose last bigram (where the ending was cut) is one
 * the vocabulary marks bridge-only gives way to the next less stripped form, up to
 * the word as typed (here 고양이, then reported as not on the site). Only the last
 * bigram counts: 인공지능기본법을 keeps its stem although 능기 is a seam on a site
 * that writes 「인공지능 기본법」. Returns the plan itself when no word changes.
 */
export function resolveStems(plan: SearchPlan, lookup: (encodedToken: string) => VocabularyEntry | undefined): SearchPlan {
  const endsInSeam = (term: QueryTerm) => {
    const joins = term.pieces?.filter((p) => p.to > p.from) ?? [];
    const last = joins.reduce<TermPiece | undefined>((end, p) => (!end || p.to > end.to ? p : end), undefined);
    return last !== undefined && lookup(encodeToken(last.token))?.bridgeOnly === true;
  };
  let changed = false;
  const terms = plan.analyzed.terms.map((term) => {
    if (!term.lessStripped?.length || !endsInSeam(term)) return term;
    changed = true;
    return term.lessStripped.find((form) => !endsInSeam(form)) ?? term.lessStripped.at(-1) ?? term;
  });
  if (!changed) return plan;
  const analyzed = { ...plan.analyzed, terms };
  const tokens = queryTokens(analyzed);
  return { status: 'ok', analyzed, tokens, encoded: tokens.map(encodeToken) };
}

/**
 * The tokens of one term that Pagefind is asked for: every piece that spans the
 * join of two adjacent units (each bigram), so a result holds every pair of
 * neighbouring units of the word. Covering each unit once is not enough: 혁신 and
 * 전략 cover every syllable of 혁신전략, but also match a page holding the two
 * words far apart, while 신전 ties them together (npm run bench:scale counts such
 * extra results). A Latin or digit run inside the word is implied by the bigrams
 * around it; a word of one unit is its own token.
 */
export function coverTerm(term: QueryTerm): string[] {
  const joins = term.pieces?.filter((p) => p.to > p.from) ?? [];
  return joins.length > 0 ? [...new Set(joins.map((p) => p.token))] : term.tokens;
}

/**
 * Which known-word tokens (termWordToken) the index holds, by encoded token; the
 * engine answers from the vocabulary shards it has loaded.
 */
export type KnownToken = (encodedToken: string) => boolean;

/**
 * The encoded tokens Pagefind is asked for, without repeats: for each term its known-word
 * token when the index holds one, else its cover (coverTerm). The word token finds the
 * pages holding the word in a row; the cover finds those and any page holding each pair
 * apart (none in the benchmark's 10,000 pages, docs/benchmarks.md).
 */
export function searchTokens(plan: SearchPlan, known: KnownToken = () => false): string[] {
  const termTokens = (term: QueryTerm) => {
    const word = termWordToken(term);
    return word !== undefined && known(encodeToken(word)) ? [word] : coverTerm(term);
  };
  return [...new Set(plan.analyzed.terms.flatMap(termTokens).map(encodeToken))];
}

/**
 * The terms whose syllables a result must be checked to hold in a row: words of three
 * Hangul syllables or more that the site has as no word (no known-word token), so they
 * are searched by their bigrams, which a page may hold apart (the end of one word, the
 * start of another). A known word's token already means the syllables in a row; a word
 * with a Latin or digit run is left to its bigrams, since such runs have several
 * spellings (unitKey would not see ChatGPT in 「Chat GPT」).
 */
export function unjoinedTerms(plan: SearchPlan, known: KnownToken): QueryTerm[] {
  return plan.analyzed.terms.filter((term) => {
    if (term.kind !== 'word' || !(term.pieces ?? []).every((p) => p.to > p.from) || coverTerm(term).length < 2) return false;
    const word = termWordToken(term);
    return word === undefined || !known(encodeToken(word));
  });
}

/** Whether a page's blocks (pageBlocks) hold each term's text in a row, within one block, spacing ignored. */
export function holdsTermsInARow(blocks: readonly string[], terms: readonly QueryTerm[]): boolean {
  return terms.every((term) => holdsPhrase(blocks, term.text));
}

/** The known-word tokens of the plan's terms (encoded), for the engine to look up. */
export function wordTokens(plan: SearchPlan): string[] {
  return plan.analyzed.terms.flatMap((t) => termWordToken(t) ?? []).map(encodeToken);
}

/** The search terms Pagefind receives: encoded tokens separated by spaces. */
export function pagefindQuery(plan: SearchPlan, known?: KnownToken): string {
  return searchTokens(plan, known).join(' ');
}

/** The encoded tokens of the plan's phrase (its words run together), or none for a one-word query. */
export function phraseTokens(plan: SearchPlan): string[] {
  const phrase = plan.analyzed.phrase;
  return phrase ? [...new Set(coverTerm(phrase).map(encodeToken))] : [];
}

/** Separates units in a unit key, so 「ai」 cannot match inside 「chairman」. */
const UNIT_SEPARATOR = '\u0001';

/**
 * A text's units (Hangul syllables, Latin and digit runs), joined and framed by
 * UNIT_SEPARATOR: a unit key holds another text's key when that text stands in it as
 * a run of whole units, spacing and punctuation ignored.
 */
export function unitKey(text: string): string {
  const units = toUnits(normalizeChars(text)).map((u) => u.text);
  return units.length === 0 ? '' : UNIT_SEPARATOR + units.join(UNIT_SEPARATOR) + UNIT_SEPARATOR;
}

/** Whether one of a page's blocks (pageBlocks: title, headings, paragraphs) holds the phrase, spacing ignored. */
export function holdsPhrase(blocks: readonly string[], phrase: string): boolean {
  const needle = unitKey(phrase);
  return needle !== '' && blocks.some((block) => unitKey(block).includes(needle));
}

/**
 * Known items first: among `ids`, the pages whose title or a heading is the query
 * move up, each group in its own order. `keys` are the query's forms, closest to what
 * was typed first (queryKeys), compared by unitKey (spacing and punctuation aside);
 * a closer form ranks higher, and at one form a title before a heading, so
 * 「설치하기를」 puts the page titled 설치하기 before the one titled 설치.
 */
export function knownItemsFirst(ids: readonly string[], pages: readonly Pick<SearchPage, 'title' | 'sections'>[], keys: readonly string[]): string[] {
  const rankOf = new Map<string, number>();
  keys.forEach((key, i) => {
    if (key !== '' && !rankOf.has(key)) rankOf.set(key, i);
  });
  const none = keys.length * 2;
  const tier = (i: number) => {
    const page = pages[i];
    if (!page) return none;
    const title = rankOf.get(unitKey(page.title));
    const heading = Math.min(...page.sections.map((section) => rankOf.get(unitKey(section.heading)) ?? keys.length));
    return Math.min(title === undefined ? none : title * 2, heading < keys.length ? heading * 2 + 1 : none);
  };
  const tiers = ids.map((_, i) => tier(i));
  return ids
    .map((id, i) => ({ id, tier: tiers[i] ?? none, i }))
    .sort((a, b) => a.tier - b.tier || a.i - b.i)
    .map((entry) => entry.id);
}

/**
 * The forms of a query a known item's title or heading is compared with
 * (knownItemsFirst): as typed, with particles and endings stripped, and stripped
 * less, level by level (설치하기를 → 설치, 설치하기, 설치하기를).
 */
export function queryKeys(query: string, analyzed: Pick<AnalyzedQuery, 'terms'>): string[] {
  const alternatives = analyzed.terms.map((term) => [term.text, ...(term.lessStripped ?? []).map((t) => t.text)]);
  const levels = Math.max(1, ...alternatives.map((a) => a.length));
  const keys = new Set([unitKey(cleanQuery(query))]);
  // Least stripped first: the closer a form is to what was typed, the earlier.
  for (let level = levels - 1; level >= 0; level--) keys.add(unitKey(alternatives.map((a) => a[Math.min(level, a.length - 1)] ?? '').join('')));
  return [...keys];
}

/**
 * Whether a page's title holds every word of the query, wherever they stand in it: for
 * phrase-first ordering such a page is as much about the query as one that holds the
 * phrase (「기초연구 예산」 and the page titled 「기초연구 역대 최대 예산 …」).
 */
export function titleHoldsEvery(title: string, words: readonly string[]): boolean {
  const key = unitKey(title);
  return words.length > 0 && words.every((word) => unitKey(word) !== '' && key.includes(unitKey(word)));
}

/** Result ids with the pages that hold the query as a phrase first, each group in its own order. */
export function phraseFirst(ids: readonly string[], phraseIds: Iterable<string>): string[] {
  const phrase = new Set(phraseIds);
  return [...ids.filter((id) => phrase.has(id)), ...ids.filter((id) => !phrase.has(id))];
}

/**
 * Query words that are one syllable and a topic or object particle (곳은, 법는, 책를),
 * in a query of several words. The analyser keeps such a word whole (the syllable alone
 * would be dropped); when no page holds it as written, or no page holds it with the
 * other words, the engine leaves it out, as it leaves out a lone syllable. Only 은, 는
 * and 를 count: they seldom end a two-syllable noun (을 does: 마을, 가을).
 */
export function syllableWithParticle(analyzed: Pick<AnalyzedQuery, 'terms'>): string[] {
  if (analyzed.terms.length < 2) return [];
  const found = analyzed.terms.filter((t) => /^[가-힣][은는를]$/.test(t.text)).map((t) => t.text);
  // Some other word must be left to search.
  return found.length < analyzed.terms.length ? found : [];
}

/**
 * The query without the typed words that are exactly `terms` (spacing and punctuation
 * aside: 곳-은 is the term 곳은), and the words taken out; nothing is taken out of a
 * longer word that merely holds a term (이곳은).
 */
export function withoutTermWords(query: string, terms: readonly string[]): { rest: string; removed: string[] } {
  const keys = new Set(terms.map(unitKey));
  const words = cleanQuery(query).split(' ');
  const removed = words.filter((word) => keys.has(unitKey(word)));
  return { rest: words.filter((word) => !keys.has(unitKey(word))).join(' '), removed };
}

/** Which query terms hold at least one unknown token: the words to tell the reader about. */
export function termsWithUnknownTokens(analyzed: AnalyzedQuery, unknownEncoded: ReadonlySet<string>): string[] {
  return analyzed.terms.filter((t) => t.tokens.some((token) => unknownEncoded.has(encodeToken(token)))).map((t) => t.text);
}

/**
 * The words as the reader typed them, for messages: a term is reported by the query
 * word it came from (담그 → 담그는), since a stripped stem reads like a typo.
 */
export function typedWords(query: string, termTexts: readonly string[]): string[] {
  const words = cleanQuery(query).split(' ');
  const typed = termTexts.map((text) => words.find((w) => normalizeChars(w).includes(normalizeChars(text))) ?? text);
  return [...new Set(typed)];
}
