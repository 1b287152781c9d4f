/**
 * Turns what a reader typed into a search plan, or into the reason there is
 * none. Every input gets an answer: empty, one syllable, punctuation or emoji
 * only, markup, and very long text.
 */
import { normalizeChars, queryTokens, type AnalyzedQuery, type KoreanAnalyzer, type QueryTerm } from './korean-analyzer';
import { encodeToken } from './pagefind-adapter';

export type QueryPlan =
  | { status: 'empty' }
  /** Nothing searchable is left: one syllable, punctuation, emoji, a lone particle. */
  | { status: 'no-terms'; ignored: string[]; truncated: boolean }
  | { status: 'ok'; analyzed: AnalyzedQuery; tokens: string[]; encoded: string[] };

/** Control characters and zero-width marks never belong to a query. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g;

/** The query as it should appear in the search box and the URL. */
export function cleanQuery(raw: string): string {
  return raw.replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
}

export function planQuery(raw: string, analyzer: KoreanAnalyzer): QueryPlan {
  const query = cleanQuery(raw);
  if (!query) return { status: 'empty' };
  const analyzed = analyzer.analyzeQuery(query);
  const tokens = queryTokens(analyzed);
  if (tokens.length === 0) return { status: 'no-terms', ignored: analyzed.ignored, truncated: analyzed.truncated };
  return { status: 'ok', analyzed, tokens, encoded: tokens.map(encodeToken) };
}

/**
 * Cost of sending one encoded token to Pagefind, or undefined when unknown.
 * With document frequencies (pages holding the token) the planner prefers rare
 * tokens; without, every token costs the same and the fewest are sent.
 */
export type TokenCost = (encodedToken: string) => number | undefined;

/**
 * The tokens of one term that Pagefind is asked for: the cheapest set whose
 * spans cover every unit of the word (바이오위원회 → 바이·오위·원회, not all five
 * bigrams). A page holding the word holds all its tokens, so any subset finds
 * it too: the cover only keeps extra results (pages holding the pieces apart)
 * about as rare as before, while Pagefind scores far fewer posting lists.
 */
export function coverTerm(term: QueryTerm, cost: TokenCost = () => undefined): string[] {
  const pieces = term.pieces;
  if (!pieces || pieces.length <= 1) return term.tokens;
  const units = Math.max(...pieces.map((p) => p.to)) + 1;
  // A token of unknown cost counts 1, so without frequencies the fewest tokens win.
  const price = (token: string) => cost(encodeToken(token)) ?? 1;
  // best[k]: cheapest set of pieces covering units 0..k-1 exactly up to k.
  const best: { total: number; chosen: string[] }[] = [{ total: 0, chosen: [] }];
  for (let k = 1; k <= units; k++) best.push({ total: Infinity, chosen: [] });
  const byEnd = [...pieces].sort((a, b) => a.to - b.to || a.from - b.from);
  for (const piece of byEnd) {
    let from = best[piece.from]!;
    for (let m = piece.from + 1; m <= piece.to; m++) if (best[m]!.total < from.total) from = best[m]!;
    const total = from.total + price(piece.token);
    if (total < best[piece.to + 1]!.total) best[piece.to + 1] = { total, chosen: [...from.chosen, piece.token] };
  }
  const cover = best[units]!;
  return Number.isFinite(cover.total) ? [...new Set(cover.chosen)] : term.tokens;
}

/** The encoded tokens Pagefind is asked for: a cover of each term, without repeats. */
export function searchTokens(plan: Extract<QueryPlan, { status: 'ok' }>, cost?: TokenCost): string[] {
  return [...new Set(plan.analyzed.terms.flatMap((t) => coverTerm(t, cost)).map(encodeToken))];
}

/** The search terms Pagefind receives: encoded tokens separated by spaces. */
export function pagefindQuery(plan: Extract<QueryPlan, { status: 'ok' }>, cost?: TokenCost): string {
  return searchTokens(plan, cost).join(' ');
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
