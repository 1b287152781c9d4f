/**
 * Asks Pagefind for the ids of the pages matching a token query: in our own
 * worker (pagefind-worker.ts) where the browser runs module workers, on the
 * main thread otherwise or when the worker cannot start.
 *
 * The filter indexes are never preloaded: once loaded, Pagefind counts every
 * filter value against every result on every search (filter.rs get_filters),
 * which on a large site multiplies a query's time (docs/benchmarks.md).
 * Pagefind loads them itself when a reader applies a section or tag filter.
 */
import { createPagefindRunner, type PagefindReply, type PagefindRequest } from './pagefind-module';

export interface PagefindClientOptions {
  /** Where Pagefind's bundle lives, e.g. /pagefind/. */
  pagefindBase: string;
  /** Starts our worker (pagefind-worker.ts); it may throw where module workers are missing. */
  createWorker(): Worker;
}

type Filters = Record<string, string>;

interface Pending {
  request: PagefindRequest;
  resolve: (ids: string[]) => void;
  reject: (error: Error) => void;
}

export class PagefindClient {
  private worker: Worker | null = null;
  /** Set once the worker failed to start; everything then runs on the main thread. */
  private workerFailed = typeof Worker === 'undefined';
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  private mainThread: ((request: PagefindRequest) => Promise<string[]>) | null = null;
  private warming: Promise<string[]> | null = null;

  constructor(private readonly options: PagefindClientOptions) {}

  /** Starts loading Pagefind (worker, WASM, metadata) ahead of the first search; once, unless it failed. */
  warmUp(): void {
    if (this.warming) return;
    this.warming = this.send({ id: ++this.nextId, kind: 'init' }).catch(() => {
      this.warming = null;
      return [];
    });
  }

  /** Drops the loaded Pagefind, so the next search fetches every file again (after a damaged one). */
  reset(): void {
    this.warming = null;
    this.send({ id: ++this.nextId, kind: 'reset' }).catch(() => undefined);
  }

  /** Ids of the matching pages, best first. */
  search(term: string, filters: Filters = {}): Promise<string[]> {
    return this.send({ id: ++this.nextId, kind: 'search', term, filters });
  }

  private send(request: PagefindRequest): Promise<string[]> {
    const worker = this.startWorker();
    if (!worker) return this.runOnMainThread(request);
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, { request, resolve, reject });
      worker.postMessage(request);
    });
  }

  private startWorker(): Worker | null {
    if (this.workerFailed) return null;
    if (this.worker) return this.worker;
    try {
      const worker = this.options.createWorker();
      worker.addEventListener('message', (event: MessageEvent<PagefindReply>) => {
        const reply = event.data;
        const pending = this.pending.get(reply.id);
        if (!pending) return;
        this.pending.delete(reply.id);
        if (reply.ok) pending.resolve(reply.ids);
        else pending.reject(new Error(reply.error));
      });
      // A worker that cannot load (blocked, 404, no module workers) reports an
      // error event; its requests are answered on the main thread instead.
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        this.abandonWorker();
      });
      this.worker = worker;
      return worker;
    } catch {
      this.workerFailed = true;
      return null;
    }
  }

  private abandonWorker(): void {
    this.workerFailed = true;
    this.worker?.terminate();
    this.worker = null;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const { request, resolve, reject } of waiting) this.runOnMainThread(request).then(resolve, reject);
  }

  private runOnMainThread(request: PagefindRequest): Promise<string[]> {
    this.mainThread ??= createPagefindRunner(this.options.pagefindBase);
    return this.mainThread(request);
  }
}
