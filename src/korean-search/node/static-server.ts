/**
 * A static server for the benchmarks that compresses like a production host:
 * text types (HTML, CSS, JS, JSON, SVG, XML, WASM) go out brotli- or gzip-encoded
 * when the browser asks for it, so the byte counts are transfer sizes, not file
 * sizes. Directory URLs get index.html, unknown paths 404.html with status 404.
 * Compressed bodies are cached in memory, so latency measures the search, not zlib.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt', '.wasm']);

export interface StaticServer {
  url: string;
  /** Bytes sent (status line, headers and body as encoded) and responses since the last reset. */
  traffic(): { bytes: number; requests: number; paths: string[] };
  resetTraffic(): void;
  close(): Promise<void>;
}

export async function startStaticServer(dir: string): Promise<StaticServer> {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) throw new Error(`${root}에 빌드된 사이트가 없습니다`);
  const cache = new Map<string, Buffer>();
  let bytes = 0;
  let requests = 0;
  let paths: string[] = [];

  const resolveFile = (pathname: string): string | undefined => {
    const clean = decodeURIComponent(pathname.split('?', 1)[0] ?? '');
    const base = resolve(root, '.' + clean);
    if (base !== root && !base.startsWith(root + sep)) return undefined;
    for (const candidate of [base, join(base, 'index.html'), base + '.html']) {
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    return undefined;
  };

  const send = (req: IncomingMessage, res: ServerResponse, file: string, status: number) => {
    const ext = extname(file);
    const accept = String(req.headers['accept-encoding'] ?? '');
    const encoding = COMPRESSIBLE.has(ext) ? (/\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : undefined) : undefined;
    const key = `${encoding ?? 'identity'}:${file}`;
    let body = cache.get(key);
    if (!body) {
      const raw = readFileSync(file);
      body =
        encoding === 'br'
          ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
          : encoding === 'gzip'
            ? gzipSync(raw, { level: 9 })
            : raw;
      cache.set(key, body);
    }
    res.statusCode = status;
    res.setHeader('Content-Type', TYPES[ext] ?? 'application/octet-stream');
    res.setHeader('Content-Length', body.length);
    res.setHeader('Cache-Control', 'public, max-age=3600');
    if (encoding) res.setHeader('Content-Encoding', encoding);
    res.setHeader('Vary', 'Accept-Encoding');
    const sent = req.method === 'HEAD' ? 0 : body.length;
    res.on('finish', () => {
      // Headers as sent on the wire (status line, each header, blank line) plus the body.
      const head =
        `HTTP/1.1 ${status} OK\r\n` +
        Object.entries(res.getHeaders())
          .map(([k, v]) => `${k}: ${String(v)}\r\n`)
          .join('') +
        '\r\n';
      bytes += head.length + sent;
      requests++;
      paths.push(req.url ?? '');
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const server = createServer((req, res) => {
    const file = resolveFile(new URL(req.url ?? '/', 'http://x').pathname);
    if (file) return send(req, res, file, 200);
    const notFound = join(root, '404.html');
    if (existsSync(notFound)) return send(req, res, notFound, 404);
    res.statusCode = 404;
    res.end('Not found');
  });
  // As nginx's tcp_nodelay: small responses go out at once instead of waiting on Nagle's algorithm.
  server.on('connection', (socket) => socket.setNoDelay(true));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('서버 주소를 알 수 없습니다');
  return {
    url: `http://127.0.0.1:${address.port}`,
    traffic: () => ({ bytes, requests, paths: [...paths] }),
    resetTraffic: () => {
      bytes = 0;
      requests = 0;
      paths = [];
    },
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
