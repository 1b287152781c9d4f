/**
 * Serves a built site on a free loopback port, the way a static host would:
 * directory URLs get index.html, unknown paths get 404.html with status 404.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sirv from 'sirv';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(dir = 'dist'): Promise<RunningServer> {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) throw new Error(`${root}에 빌드된 사이트가 없습니다. 먼저 npm run build를 실행하세요.`);
  const notFoundPage = join(root, '404.html');
  const serve = sirv(root, { dev: false, etag: true, gzip: false, brotli: false, extensions: ['html'] });
  const server: Server = createServer((req, res) =>
    serve(req, res, () => {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(existsSync(notFoundPage) ? readFileSync(notFoundPage) : 'Not found');
    }),
  );
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('서버 주소를 알 수 없습니다');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
