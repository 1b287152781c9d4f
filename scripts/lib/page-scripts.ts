/**
 * What a content page may load before search is opened, shared by bench:pages and
 * the e2e tests: raw bytes of the pre-paint theme script, the page module (search trigger, reader controls,
 * copy-link, share) and Vite's dynamic-import helper. The e2e suite holds every page to it.
 */
export const PAGE_SCRIPT_BUDGET = 7_000;
/** The search UI and its worker: loaded only when search is used. */
export const isSearchUiScript = (url: string) => /\/_astro\/(search-page|pagefind-worker|highlight)[.-][\w-]+\.js$/.test(new URL(url, 'http://x').pathname);
