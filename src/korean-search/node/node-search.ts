/**
 * The site's own SearchEngine and Pagefind, run in Node over a built site served on
 * a loopback port: what a reader's browser does, without a browser. Used by
 * `npm run search:explain` and by tests that search every title.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SearchEngine, type PagefindSearcher } from '../client/engine';
import { createPagefindRunner } from '../client/pagefind-module';
import { SEARCH_DATA_DIR } from '../core/data-files';
import { startStaticServer, type StaticServer } from './static-server';

/**
 * `wrapPagefind` lets a test stand between the engine and Pagefind (to hold an answer back, say).
 */
export async function startNodeSearch(
  dist: string,
  { wrapPagefind = (pagefind) => pagefind }: { wrapPagefind?: (pagefind: PagefindSearcher) => PagefindSearcher } = {},
): Promise<{
  engine: SearchEngine;
  /** Another engine on the same server and Pagefind, with empty caches (no result text loaded yet). */
  newEngine(): SearchEngine;
  traffic: StaticServer['traffic'];
  resetTraffic(): void;
  close: () => Promise<void>;
}> {
  const server = await startStaticServer(dist);
  // Node cannot import over http, so pagefind.js comes from the file; its data comes from the server.
  const run = createPagefindRunner(`${server.url}/pagefind/`, () => import(pathToFileURL(join(dist, 'pagefind', 'pagefind.js')).href));
  let nextId = 0;
  // The engine may leave a search running after it answered (an unknown word's, whose
  // answer it drops; a phrase search that orders later results): the server stays up
  // until every search has settled.
  const running = new Set<Promise<unknown>>();
  const newEngine = () =>
    new SearchEngine({
      dataBase: `${server.url}/${SEARCH_DATA_DIR}/`,
      pagefind: wrapPagefind({
        warmUp: () => undefined,
        reset: () => void run({ id: ++nextId, kind: 'reset' }),
        search: (term, filters = {}) => {
          const search = run({ id: ++nextId, kind: 'search', term, filters });
          const settled = search.then(
            () => undefined,
            () => undefined,
          );
          running.add(settled);
          void settled.then(() => running.delete(settled));
          return search;
        },
      }),
    });
  return {
    engine: newEngine(),
    newEngine,
    traffic: () => server.traffic(),
    resetTraffic: () => server.resetTraffic(),
    close: async () => {
      await Promise.all(running);
      await server.close();
    },
  };
}
