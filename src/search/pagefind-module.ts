/**
 * Pagefind's browser API as our search uses it, and the one way to run a
 * request against it: shared by our worker (pagefind-worker.ts) and by the
 * main-thread fallback (pagefind-client.ts), so both load and answer alike.
 */

import type { PagefindModule } from '../lib/pagefind-adapter';
import { withBase } from '../lib/urls';

/** Where Pagefind's own bundle (pagefind.js, its WASM and index chunks) is served. */
export const PAGEFIND_BASE = withBase('/pagefind/');

/** `parts`: the other index bundles, relative to the main one (SearchManifest.pagefindParts); read by the first request. */
export type PagefindRequest = { id: number; kind: 'init'; parts: readonly string[] } | { id: number; kind: 'search'; parts: readonly string[]; term: string; filters: Record<string, string> };

export type PagefindReply = { id: number; ok: true; ids: string[] } | { id: number; ok: false; error: string };

/**
 * Loads Pagefind from `basePath` on first use (again after a failed load), with the
 * request's index parts merged in, and answers requests with result ids, best first
 * across all parts; `init` only loads. `importModule` loads pagefind.js (Node, which
 * cannot import over http, passes a file import).
 */
export function createPagefindRunner(
  basePath: string,
  importModule: () => Promise<unknown> = () => import(/* @vite-ignore */ `${basePath}pagefind.js`),
): (request: PagefindRequest) => Promise<string[]> {
  let pagefind: Promise<PagefindModule> | null = null;
  const load = (parts: readonly string[]) => {
    pagefind ??= (async () => {
      const module = (await importModule()) as PagefindModule;
      await module.options({ basePath });
      await module.init();
      // After init: a merged index reuses the main bundle's WASM and waits for it.
      await Promise.all(parts.map((part) => module.mergeIndex(`${basePath}${part}`)));
      return module;
    })();
    pagefind.catch(() => (pagefind = null));
    return pagefind;
  };
  return async (request) => {
    const module = await load(request.parts);
    if (request.kind === 'init') return [];
    const response = await module.search(request.term, { filters: request.filters });
    return (response?.results ?? []).map((r) => r.id);
  };
}
