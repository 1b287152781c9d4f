/**
 * Pagefind's browser API as our search uses it, and the one way to run a
 * request against it: shared by our worker (pagefind-worker.ts) and by the
 * main-thread fallback (pagefind-client.ts), so both load and answer alike.
 */

import { PAGEFIND_RANKING, type PagefindModule } from '../core/pagefind-adapter';
import { underBase } from '../core/site-paths';

/** Where Pagefind's own bundle (pagefind.js, its WASM and index chunks) is served. */
export const PAGEFIND_BASE = underBase('/pagefind/');

export type PagefindRequest = { id: number; kind: 'init' } | { id: number; kind: 'search'; term: string; filters: Record<string, string> };

export type PagefindReply = { id: number; ok: true; ids: string[] } | { id: number; ok: false; error: string };

/**
 * Loads Pagefind from `basePath` on first use (again after a failed load) and
 * answers requests with result ids, best first; `init` only loads. `importModule`
 * loads pagefind.js (Node, which cannot import over http, passes a file import).
 */
export function createPagefindRunner(
  basePath: string,
  importModule: () => Promise<unknown> = () => import(/* @vite-ignore */ `${basePath}pagefind.js`),
): (request: PagefindRequest) => Promise<string[]> {
  let pagefind: Promise<PagefindModule> | null = null;
  const load = () => {
    pagefind ??= (async () => {
      const module = (await importModule()) as PagefindModule;
      await module.options({ basePath, ranking: PAGEFIND_RANKING });
      await module.init();
      return module;
    })();
    pagefind.catch(() => (pagefind = null));
    return pagefind;
  };
  return async (request) => {
    const module = await load();
    if (request.kind === 'init') return [];
    const response = await module.search(request.term, { filters: request.filters });
    return (response?.results ?? []).map((r) => r.id);
  };
}
