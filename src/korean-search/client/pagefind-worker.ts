/**
 * Runs Pagefind in our own module worker (bundled by Vite as _astro/pagefind-worker-<hash>.js)
 * and answers each search with result ids only.
 *
 * Why not Pagefind's own worker: its main-thread wrapper receives every result
 * (page hash, score, word positions) by structured clone and registers a
 * data() callback plus a FinalizationRegistry entry per result, a cost that grows
 * with the results of a query (docs/benchmarks.md). Inside a worker Pagefind has no window, so it runs its search in
 * place here; only a list of ids crosses to the page.
 */
import { PAGEFIND_BASE, createPagefindRunner, type PagefindReply, type PagefindRequest } from './pagefind-module';

const scope = globalThis as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<PagefindRequest>) => void): void;
  postMessage(message: PagefindReply): void;
};

// Pagefind runs in place here, fetching with this scope's fetch: a file it cannot load fails the search (guardPagefindFetches).
const run = createPagefindRunner(PAGEFIND_BASE, undefined, { guardFetches: true });

scope.addEventListener('message', (event) => {
  const request = event.data;
  run(request).then(
    (ids) => scope.postMessage({ id: request.id, ok: true, ids }),
    (error: unknown) => scope.postMessage({ id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});
