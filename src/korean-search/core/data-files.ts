/**
 * The files the search builder writes next to Pagefind's bundle, and how a
 * page becomes a Pagefind record. Shared by the indexer (src/korean-search/),
 * the browser code and the tests, so all three agree on one format.
 */
import { joinBigrams, type KoreanAnalyzer } from './analyzer';
import { encodeToken } from './pagefind-adapter';
import type { SearchPage } from '../options';

/** Results the search UI renders at once ("더 보기" adds the next batch); the benchmarks load as many texts per query. */
export const RESULTS_PAGE_SIZE = 5;

/**
 * A vocabulary of at most this many tokens is loaded whole after
 * the first search answers, so later queries fetch no vocabulary and choose their
 * tokens (known words) before asking Pagefind; a larger one is loaded shard by shard
 * as queries need it (src/korean-search/client/engine.ts).
 */
export const PRELOADED_VOCABULARY_TOKENS = 10_000;

/** Where our files live, next to /pagefind/. */
export const SEARCH_DATA_DIR = 'pagefind-ko';

/** manifest.json (its schema and why two fields are optional: searchManifestSchema in ../options.ts, which the browser bundle leaves out). */
export type { SearchManifest, TypoManifest } from '../options';

/**
 * How often one token is indexed per page. Every position is stored in the
 * posting lists and returned for every result, so more positions make a query
 * with many results carry much more JSON out of Pagefind's WASM
 * (docs/benchmarks.md). One position keeps the page and its title boost; both
 * evaluation query sets ranked the same with 1 as with 3 (npm run bench:search).
 */
export const MAX_TOKEN_REPEATS = 1;

export interface SearchRecord {
  /** Space-separated encoded tokens: what Pagefind indexes. */
  content: string;
  /** Encoded tokens of the title, given to Pagefind as the title meta for its title boost. */
  titleTokens: string;
  /** Encoded tokens of the h2/h3 headings, given to Pagefind as the headings meta (PAGEFIND_RANKING weighs it). */
  headingTokens: string;
  /** Distinct encoded tokens of the page, for the vocabulary. */
  vocabulary: Set<string>;
  /** Encoded bigrams the page holds inside a word, and those it holds across a space (the indexer keeps the ones no page holds inside a word). */
  withinWord: Set<string>;
  acrossSpace: Set<string>;
}

/** The blocks of a page the index reads apart: title, then each heading and paragraph (no token bridges two). */
export function pageBlocks(page: Pick<SearchPage, 'title' | 'sections'>): string[] {
  return [page.title, ...page.sections.flatMap((section) => [section.heading, ...section.text.split('\n')])];
}

/** Analyses a page into the record Pagefind indexes. */
export function buildSearchRecord(page: Pick<SearchPage, 'title' | 'sections'>, analyzer: KoreanAnalyzer): SearchRecord {
  const counts = new Map<string, number>();
  const content: string[] = [];
  const add = (tokens: readonly string[]) => {
    for (const token of tokens) {
      const encoded = encodeToken(token);
      const seen = counts.get(encoded) ?? 0;
      if (seen >= MAX_TOKEN_REPEATS) continue;
      counts.set(encoded, seen + 1);
      content.push(encoded);
    }
  };
  const withinWord = new Set<string>();
  const acrossSpace = new Set<string>();
  const addBlock = (text: string) => {
    const tokens = analyzer.indexTokens(text);
    add(tokens);
    for (const join of joinBigrams(text)) (join.acrossSpace ? acrossSpace : withinWord).add(encodeToken(join.token));
    return tokens;
  };
  // Paragraphs are analysed apart so no bigram bridges two unrelated paragraphs.
  const titleTokens = addBlock(page.title);
  const headingTokens: string[] = [];
  for (const section of page.sections) {
    headingTokens.push(...addBlock(section.heading));
    for (const line of section.text.split('\n')) addBlock(line);
  }
  const distinct = (tokens: string[]) => [...new Set(tokens.map(encodeToken))].join(' ');
  return {
    content: content.join(' '),
    titleTokens: distinct(titleTokens),
    headingTokens: distinct(headingTokens),
    vocabulary: new Set(counts.keys()),
    withinWord,
    acrossSpace,
  };
}

/** True for gzip data; hosts may already have inflated a .gz file on the way. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}
