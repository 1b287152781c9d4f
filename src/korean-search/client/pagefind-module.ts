/**
 * Pagefind's browser API as our search uses it, and the one way to run a
 * request against it: shared by our worker (pagefind-worker.ts) and by the
 * main-thread fallback (pagefind-client.ts), so both load and answer alike.
 */

import { FRAGMENT_SIGNATURE, PAGEFIND_RANKING, type PagefindModule } from '../core/pagefind-adapter';
import { underBase } from '../core/site-paths';

/** Where Pagefind's own bundle (pagefind.js, its WASM and index chunks) is served. */
export const PAGEFIND_BASE = underBase('/pagefind/');

/** `reset` drops the loaded Pagefind, so the next request loads every file again (after a damaged file). */
export type PagefindRequest =
  { id: number; kind: 'init' } | { id: number; kind: 'reset' } | { id: number; kind: 'search'; term: string; filters: Record<string, string> };

export type PagefindReply = { id: number; ok: true; ids: string[] } | { id: number; ok: false; error: string };

/** What a request answers when a file Pagefind needed failed to load or decode. */
export const DAMAGED_INDEX_ERROR = '검색 색인 파일을 읽지 못했습니다';

/** Every binary file of Pagefind's (chunks, metadata, WASM) starts with this once inflated. */
const PAGEFIND_SIGNATURE = [...FRAGMENT_SIGNATURE].map((c) => c.charCodeAt(0));

const signed = (bytes: Uint8Array) => PAGEFIND_SIGNATURE.every((byte, i) => bytes[i] === byte);

/** The file inflated, or null when it is neither gzip nor inflates (truncated, corrupt, a CRC that does not match). */
async function inflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer> | null> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return null;
  try {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    return null;
  }
}

/**
 * Pagefind logs and drops an index chunk, filter chunk or metadata file it cannot
 * load or decode, and its search then answers as if that part of the index held
 * nothing: a word the site holds would read as "no results". Where Pagefind runs in
 * place (our worker), `fetch` is wrapped so that every file under `base` must answer
 * OK and, but for the entry JSON (which Pagefind parses itself and throws on), inflate
 * to Pagefind's signature; any other answer calls `onFailure`. A good file is handed
 * on inflated, which Pagefind takes as is, so it is inflated once.
 */
export function guardPagefindFetches(scope: { fetch: typeof fetch }, base: URL, onFailure: (path: string) => void): void {
  const original = scope.fetch.bind(scope);
  scope.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), base);
    if (!url.href.startsWith(base.href)) return original(input, init);
    try {
      const response = await original(input, init);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      if (url.pathname.endsWith('.json')) return response;
      const bytes = new Uint8Array(await response.arrayBuffer());
      const file = signed(bytes) ? bytes : await inflate(bytes);
      if (!file || !signed(file)) throw new Error('not a Pagefind file');
      return new Response(file, { status: response.status, headers: response.headers });
    } catch (error) {
      onFailure(url.pathname);
      throw error;
    }
  };
}

interface LoadedPagefind {
  module: Promise<PagefindModule>;
  /** A file this Pagefind needed failed (guardPagefindFetches): its answers may miss pages. */
  damaged: boolean;
}

/**
 * Loads Pagefind from `basePath` on first use (again after a failed load or a
 * damaged file) and answers requests with result ids, best first; `init` only
 * loads. `importModule` loads pagefind.js (Node, which cannot import over http,
 * passes a file import). With `guardFetches` (where Pagefind runs in place and
 * fetches with this global scope's `fetch`: our worker), a request during which a
 * file failed rejects with DAMAGED_INDEX_ERROR.
 */
export function createPagefindRunner(
  basePath: string,
  importModule: () => Promise<unknown> = () => import(/* @vite-ignore */ `${basePath}pagefind.js`),
  { guardFetches = false }: { guardFetches?: boolean } = {},
): (request: PagefindRequest) => Promise<string[]> {
  let current: LoadedPagefind | null = null;
  /** The dropped instance's teardown, which the next load waits for (pagefind.js holds one instance per module). */
  let dropping: Promise<void> = Promise.resolve();
  // Pagefind keeps a failed chunk as loaded and empty, so a damaged instance is dropped:
  // the next request (a retry) loads a new one, which fetches every file again.
  const drop = (loaded: LoadedPagefind) => {
    if (current !== loaded) return;
    current = null;
    dropping = loaded.module.then(
      (module) => module.destroy().catch(() => undefined),
      () => undefined,
    );
  };
  if (guardFetches)
    guardPagefindFetches(globalThis, new URL(basePath, globalThis.location.href), () => {
      if (current) current.damaged = true;
    });
  const load = (): LoadedPagefind => {
    if (current) return current;
    const loaded: LoadedPagefind = {
      module: (async () => {
        await dropping;
        const module = (await importModule()) as PagefindModule;
        await module.options({ basePath, ranking: PAGEFIND_RANKING });
        await module.init();
        return module;
      })(),
      damaged: false,
    };
    loaded.module.catch(() => drop(loaded));
    return (current = loaded);
  };
  return async (request) => {
    if (request.kind === 'reset') {
      if (current) drop(current);
      return [];
    }
    const loaded = load();
    const module = await loaded.module;
    const ids = request.kind === 'init' ? [] : ((await module.search(request.term, { filters: request.filters }))?.results ?? []).map((r) => r.id);
    if (loaded.damaged) {
      drop(loaded);
      throw new Error(DAMAGED_INDEX_ERROR);
    }
    return ids;
  };
}
