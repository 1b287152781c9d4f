/**
 * Runs Pagefind in our own module worker (dist/pagefind-ko/pagefind-worker.js)
 * and answers each search with result ids only.
 *
 * Why not Pagefind's own worker: its main-thread wrapper receives every result
 * (page hash, score, word positions) by structured clone and registers a
 * data() callback plus a FinalizationRegistry entry per result. A query with
 * 8,000 results at 10,000 pages then spends 30 ms or more on the main thread,
 * and later garbage collection releases those callbacks one message at a time.
 * Inside a worker Pagefind has no window, so it runs its search in place here;
 * only a list of ids crosses to the page.
 */
import type { PagefindModule } from './pagefind-module';

export type PagefindRequest = { id: number; kind: 'init' } | { id: number; kind: 'search'; term: string; filters: Record<string, string> };

export type PagefindReply = { id: number; ok: true; ids: string[] } | { id: number; ok: false; error: string };

const scope = globalThis as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<PagefindRequest>) => void): void;
  postMessage(message: PagefindReply): void;
};

let pagefind: Promise<PagefindModule> | null = null;

function loadPagefind(basePath: string): Promise<PagefindModule> {
  pagefind ??= (async () => {
    const module = (await import(/* @vite-ignore */ `${basePath}pagefind.js`)) as PagefindModule;
    await module.options({ basePath });
    await module.init();
    return module;
  })();
  pagefind.catch(() => (pagefind = null));
  return pagefind;
}

/** Pagefind's base path comes from the worker's own URL: ?base=/pagefind/. */
const basePath = new URL(import.meta.url).searchParams.get('base') ?? '/pagefind/';

scope.addEventListener('message', (event) => {
  const request = event.data;
  void (async () => {
    try {
      const module = await loadPagefind(basePath);
      if (request.kind === 'init') return scope.postMessage({ id: request.id, ok: true, ids: [] });
      const response = await module.search(request.term, { filters: request.filters });
      scope.postMessage({ id: request.id, ok: true, ids: (response?.results ?? []).map((r) => r.id) });
    } catch (error) {
      scope.postMessage({ id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  })();
});
