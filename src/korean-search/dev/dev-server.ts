/**
 * Search in `astro dev`: the dev server answers the search data URLs from the last
 * build's output folder, and /pagefind-ko/dev-status.json says whether that index
 * exists and matches the content on disk, so the search UI can tell a writer why a
 * fresh edit is not found yet (src/korean-search/client/search-ui.ts shows the notice).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';
import { lookup } from 'mrmime';
import sirv from 'sirv';
import { SEARCH_DATA_DIR } from '../core/data-files';
import { parseJson, searchManifestSchema } from '../options';
import { routeUnderBase } from '../core/site-paths';
import { contentDigest } from '../indexer/content-digest';
import { DEV_STATUS_FILE, type DevSearchStatus } from '../core/dev-status';

const NO_INDEX = '검색 색인이 없습니다: npm run build를 한 번 실행하세요.';

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('Cache-Control', 'no-store');
  res.end(body);
}

export interface DevSearchOptions {
  outDir: string;
  base: string;
  contentDir: string;
}

export function devSearchStatus({ outDir, contentDir }: Omit<DevSearchOptions, 'base'>): DevSearchStatus {
  const manifestFile = join(outDir, SEARCH_DATA_DIR, 'manifest.json');
  if (!existsSync(manifestFile)) return { state: 'missing' };
  try {
    const manifest = parseJson(searchManifestSchema.pick({ contentDigest: true }).partial(), readFileSync(manifestFile, 'utf8'), manifestFile);
    return { state: manifest.contentDigest === contentDigest(contentDir) ? 'current' : 'stale' };
  } catch {
    return { state: 'missing' };
  }
}

/** Connect middleware for Vite's dev server; anything outside the search folders goes on to Astro. */
export function devSearchMiddleware(options: DevSearchOptions) {
  const root = resolve(options.outDir);
  // dev: each request looks at the folder afresh (a build may rewrite it while the server
  // runs) and goes out with Cache-Control: no-store; exact file names only.
  const serve = sirv(root, {
    dev: true,
    extensions: [],
    onNoMatch: (_req, res) => send(res, 404, 'text/plain; charset=utf-8', NO_INDEX),
    // Pagefind's binary files and the .gz index have no registered type; nginx.conf sends them as this too.
    setHeaders: (res, pathname) => {
      if (pathname.endsWith('.gz') || !lookup(pathname)) res.setHeader('Content-Type', 'application/octet-stream');
    },
  });
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    let path: string | null;
    try {
      path = routeUnderBase(decodeURIComponent(new URL(req.url ?? '/', 'http://dev').pathname), options.base);
    } catch {
      return next();
    }
    if (!path || !(path.startsWith('/pagefind/') || path.startsWith(`/${SEARCH_DATA_DIR}/`))) return next();
    if (path === `/${SEARCH_DATA_DIR}/${DEV_STATUS_FILE}`) {
      return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(devSearchStatus(options)));
    }
    // The decoded path: an encoded climb (..%2f) is refused here, before sirv sees it.
    if (!resolve(root, `.${path}`).startsWith(root + sep)) return send(res, 404, 'text/plain; charset=utf-8', NO_INDEX);
    // sirv decodes req.url with decodeURI: this gives back the path, "?" and "#" included.
    req.url = encodeURI(path).replaceAll('?', '%3F').replaceAll('#', '%23');
    serve(req, res);
  };
}
