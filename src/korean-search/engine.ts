/**
 * The browser search engine without its UI: for a page that draws its own results,
 * and for the benchmarks, which bundle it on their own. `createWorker` starts the
 * Pagefind worker (node.ts names its source file for a bundler) as a module worker,
 * however the caller bundled it (the site's UI lets Vite bundle it: client/search-ui.ts).
 */
export { SearchEngine, type SearchEngineOptions, type SearchOutcome, type SearchFilters } from './client/engine';
