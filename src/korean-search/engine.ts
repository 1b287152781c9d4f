/**
 * The browser search engine without its UI: for a page that draws its own results,
 * and for the benchmarks, which bundle it with the worker below on their own.
 * `createWorker` starts PAGEFIND_WORKER_SOURCE as a module worker, however the caller
 * bundled it (the site's UI lets Vite bundle it: client/search-ui.ts).
 */
export { SearchEngine, type SearchEngineOptions, type SearchOutcome, type SearchFilters } from './client/engine';

/** The worker's source file, for a bundler's entry point (a URL, so it also resolves in Node). */
export const PAGEFIND_WORKER_SOURCE = new URL('./client/pagefind-worker.ts', import.meta.url);
