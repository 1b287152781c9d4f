/**
 * Search in `astro dev`: the dev server answers the search data URLs from the last
 * build's output folder, and /pagefind-ko/dev-status.json says whether that index
 * exists and matches the content on disk, so the search UI can tell a writer why a
 * fresh edit is not found yet (src/korean-search/client/search-ui.ts shows the notice).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { SEARCH_DATA_DIR, type SearchManifest } from '../core/data-files';
import { routeUnderBase } from '../core/site-paths';
import { contentDigest } from '../indexer/content-digest';
import { DEV_STATUS_FILE, type DevSearchStatus } from '../core/dev-status';


const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.gz': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export interface DevSearchOptions {
  outDir: string;
  base: string;
  contentDir: string;
}

export function devSearchStatus({ outDir, contentDir }: Omit<DevSearchOptions, 'base'>): DevSearchStatus {
  const manifestFile = join(outDir, SEARCH_DATA_DIR, 'manifest.json');
  if (!existsSync(manifestFile)) return { state: 'missing' };
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Partial<SearchManifest>;
    return { state: manifest.contentDigest === contentDigest(contentDir) ? 'current' : 'stale' };
  } catch {
    return { state: 'missing' };
  }
}

/** Connect middleware for Vite's dev server; anything outside the search folders goes on to Astro. */
export function devSearchMiddleware(options: DevSearchOptions) {
  const root = resolve(options.outDir);
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    let path: string | null;
    try {
      path = routeUnderBase(decodeURIComponent(new URL(req.url ?? '/', 'http://dev').pathname), options.base);
    } catch {
      return next();
    }
    if (!path || !(path.startsWith('/pagefind/') || path.startsWith(`/${SEARCH_DATA_DIR}/`))) return next();
    const send = (status: number, type: string, body: string | Buffer) => {
      res.statusCode = status;
      res.setHeader('Content-Type', type);
      res.setHeader('Cache-Control', 'no-store');
      res.end(body);
    };
    if (path === `/${SEARCH_DATA_DIR}/${DEV_STATUS_FILE}`) {
      return send(200, TYPES['.json']!, JSON.stringify(devSearchStatus(options)));
    }
    const file = resolve(root, `.${path}`);
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      return send(404, 'text/plain; charset=utf-8', '검색 색인이 없습니다: npm run build를 한 번 실행하세요.');
    }
    send(200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
  };
}
