/**
 * Ground truth for search benchmarks: which pages are right answers to a query.
 *
 * A page is a right answer when it holds every term the search looks for, each
 * on its own and anywhere on the page: the query as the analyser reads it
 * (particles and endings stripped, question words dropped), with the stems the
 * engine settles on given the site's vocabulary (resolveStems). A word term must
 * occur as a contiguous run of units (Hangul syllables, Latin and digit runs)
 * inside one block (title, heading or paragraph), spacing and punctuation
 * ignored: 「혁신 전략」 holds 혁신전략, 「수립하고 양자」 holds 고양, and 「chairman」
 * does not hold ai, because a Latin run is one unit. A synonym term is held when
 * the block holds any spelling of its group (the analyser's own synonym match,
 * the definition of a synonym). A 초성 term is held when a word of the page has
 * those initials, and a one-syllable word where the page has it as a word of its
 * own (likewise the analyser's own tokens).
 *
 * Blocks are compared one by one because the indexer analyses them apart: a
 * word that runs over the end of one paragraph into the next is not in the text.
 */
import { planQuery, resolveStems, unitKey, type KoreanAnalyzer, type QueryTerm, type VocabularyEntry } from '../../src/korean-search/node';

export interface TruthPage {
  url: string;
  /** Each block's unit key (unitKey). */
  blocks: string[];
  /** Synonym-group and 초성 tokens of the page (the analyser's own, in index form). */
  analyserTokens: Set<string>;
}

/** A page's blocks (title, headings, paragraphs) prepared for truthFor. */
export function truthPage(url: string, blocks: readonly string[], analyzer: KoreanAnalyzer): TruthPage {
  const analyserTokens = new Set<string>();
  for (const block of blocks) for (const token of analyzer.indexTokens(block)) analyserTokens.add(token);
  return { url, blocks: blocks.map(unitKey).filter(Boolean), analyserTokens };
}

/** Whether a page holds one analysed query term. */
export function holdsTerm(page: TruthPage, term: QueryTerm): boolean {
  // A one-syllable word is held where it stands as a word of its own (the analyser's token), not inside a longer word.
  if (term.kind !== 'word' || [...term.text].length === 1) return term.tokens.every((t) => page.analyserTokens.has(t));
  const needle = unitKey(term.text);
  return needle !== '' && page.blocks.some((block) => block.includes(needle));
}

/** The terms the engine searches for a query, given the site's vocabulary (none when nothing is searchable). */
export function searchedTerms(query: string, analyzer: KoreanAnalyzer, lookup: (encodedToken: string) => VocabularyEntry | undefined): QueryTerm[] {
  const plan = planQuery(query, analyzer);
  return plan.status === 'ok' ? resolveStems(plan, lookup).analyzed.terms : [];
}

/** The right answers to a query: the pages holding every term searched for it. No term, no right answer. */
export function truthFor(pages: readonly TruthPage[], terms: readonly QueryTerm[]): Set<string> {
  if (terms.length === 0) return new Set();
  return new Set(pages.filter((p) => terms.every((t) => holdsTerm(p, t))).map((p) => p.url));
}
