/**
 * The Korean search's public entry for Node tools (search:explain, benchmarks, tests):
 * search a built site with the browser's own engine, read the files the index wrote,
 * and the analysis the index and the engine share, for tools that judge results
 * against the page texts. Sites use index.ts (the integration) and the two browser
 * entries (open-search.ts, search-page.ts); nothing outside this folder imports
 * another of its files.
 */

// Searching a built site in Node.
/** The browser worker's source file, for a bundler's entry point (engine.ts's SearchEngine starts it). */
export const PAGEFIND_WORKER_SOURCE = new URL('./client/pagefind-worker.ts', import.meta.url);
export { startNodeSearch } from './node/node-search';
export { startStaticServer, type StaticServer } from './node/static-server';
export type { PagefindSearcher, SearchEngine, SearchOutcome, SearchTrace } from './client/engine';
export { correctionText } from './core/correction-text';

// The files of an index.
export { PRELOADED_VOCABULARY_TOKENS, RESULTS_PAGE_SIZE, SEARCH_DATA_DIR, pageBlocks, type SearchManifest } from './core/data-files';
export { parseJson, searchManifestSchema, searchPageSchema } from './options';
export { parseShard, shardOf, type VocabularyEntry } from './core/vocabulary';
export { TYPO_DIR } from './core/typo/lookup-files';
export { readFragments } from './indexer/pagefind-files';
export { listBuiltPages } from './indexer/built-pages';
export { extractSearchPage, urlOfBuiltFile, type SearchPage } from './indexer/extract-page';

// The analysis shared by the index and the engine.
export {
  HANGUL_FIRST,
  HANGUL_LAST,
  createKoreanAnalyzer,
  describeToken,
  normalizeChars,
  queryTokens,
  type KoreanAnalyzer,
  type QueryTerm,
  type SynonymGroup,
} from './core/analyzer';
export { encodeToken } from './core/pagefind-adapter';
export { holdsPhrase, phraseFirst, phraseTokens, planQuery, resolveStems, titleHoldsEvery, unitKey } from './core/query';
export { TYPO_RULES, correctQuery, type QueryCorrection, type TypoRules } from './core/typo/correct';
export { TypoLoader } from './client/typo-loader';
