/**
 * Turns what a reader typed into a search plan, or into the reason there is
 * none. Every input gets an answer: empty, one syllable, punctuation or emoji
 * only, markup, and very long text.
 */
import { encodeToken, queryTokens, type AnalyzedQuery, type KoreanAnalyzer } from './korean-analyzer';

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

/** The search terms Pagefind receives: encoded tokens separated by spaces. */
export function pagefindQuery(plan: Extract<QueryPlan, { status: 'ok' }>): string {
  return plan.encoded.join(' ');
}

/** Which query terms hold at least one unknown token: the words to tell the reader about. */
export function termsWithUnknownTokens(analyzed: AnalyzedQuery, unknownEncoded: ReadonlySet<string>): string[] {
  return analyzed.terms.filter((t) => t.tokens.some((token) => unknownEncoded.has(encodeToken(token)))).map((t) => t.text);
}
