import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { contentDigest } from '../indexer/content-digest';
import { devSearchMiddleware, devSearchStatus } from '../dev/dev-server';

describe('the dev server tells a missing, stale or current index', () => {
  const root = mkdtempSync(join(tmpdir(), 'dev-search-'));
  const contentDir = join(root, 'content');
  const outDir = join(root, 'dist');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('follows the content on disk', () => {
    mkdirSync(join(contentDir, 'ai-g3'), { recursive: true });
    writeFileSync(join(contentDir, 'ai-g3', 'a.mdx'), '---\ntitle: 가\n---\n본문');
    expect(devSearchStatus({ outDir, contentDir })).toEqual({ state: 'missing' });

    mkdirSync(join(outDir, 'pagefind-ko'), { recursive: true });
    writeFileSync(join(outDir, 'pagefind-ko', 'manifest.json'), JSON.stringify({ contentDigest: contentDigest(contentDir) }));
    expect(devSearchStatus({ outDir, contentDir })).toEqual({ state: 'current' });

    writeFileSync(join(contentDir, 'ai-g3', 'a.mdx'), '---\ntitle: 가\n---\n고친 본문');
    expect(devSearchStatus({ outDir, contentDir })).toEqual({ state: 'stale' });

    // A renamed file changes the digest even with the same bytes.
    cpSync(join(contentDir, 'ai-g3', 'a.mdx'), join(contentDir, 'ai-g3', 'b.mdx'));
    const withCopy = contentDigest(contentDir);
    rmSync(join(contentDir, 'ai-g3', 'a.mdx'));
    expect(contentDigest(contentDir)).not.toBe(withCopy);

    writeFileSync(join(outDir, 'pagefind-ko', 'manifest.json'), '{ not json');
    expect(devSearchStatus({ outDir, contentDir })).toEqual({ state: 'missing' });
  });
});

describe("the dev server serves the last build's search folders", () => {
  const root = mkdtempSync(join(tmpdir(), 'dev-serve-'));
  const outDir = join(root, 'dist');
  const contentDir = join(root, 'content');
  mkdirSync(join(outDir, 'pagefind'), { recursive: true });
  mkdirSync(join(outDir, 'pagefind-ko', 'doc'), { recursive: true });
  mkdirSync(contentDir);
  writeFileSync(join(outDir, 'pagefind', 'pagefind.js'), 'export {};');
  writeFileSync(join(outDir, 'pagefind', 'pagefind.ko_1.pf_meta'), 'meta');
  writeFileSync(join(outDir, 'pagefind-ko', 'doc', 'a.gz'), gzipSync('{"title":"가"}'));
  writeFileSync(join(root, 'secret.txt'), 'secret');
  const middleware = devSearchMiddleware({ outDir, base: '/kr/', contentDir });
  const server = createServer((req, res) => middleware(req, res, () => res.writeHead(299).end('next')));
  const listening = new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const get = async (path: string) => {
    await listening;
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    return fetch(`http://127.0.0.1:${address.port}${path}`);
  };
  afterAll(() => {
    server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('sends files under the base path, never cached', async () => {
    const js = await get('/kr/pagefind/pagefind.js');
    expect([js.status, js.headers.get('content-type'), js.headers.get('cache-control'), await js.text()]).toEqual([
      200,
      'text/javascript',
      'no-store',
      'export {};',
    ]);
    const meta = await get('/kr/pagefind/pagefind.ko_1.pf_meta');
    expect([meta.status, meta.headers.get('content-type'), await meta.text()]).toEqual([200, 'application/octet-stream', 'meta']);
    // Sent with Content-Encoding: gzip, as astro preview does; the search script takes it inflated or not.
    const doc = await get('/kr/pagefind-ko/doc/a.gz');
    expect([doc.status, doc.headers.get('content-type'), await doc.text()]).toEqual([200, 'application/octet-stream', '{"title":"가"}']);
  });

  it('answers the status, a missing file, a folder and a climb out of the output folder', async () => {
    const status = await get('/kr/pagefind-ko/dev-status.json');
    expect([status.headers.get('cache-control'), await status.json()]).toEqual(['no-store', { state: 'missing' }]);
    for (const path of ['/kr/pagefind-ko/doc/none.gz', '/kr/pagefind-ko/doc/', '/kr/pagefind/..%2f..%2fsecret.txt', '/kr/pagefind/pagefind.js%3Fx']) {
      const res = await get(path);
      expect([path, res.status, res.headers.get('cache-control'), await res.text()]).toEqual([
        path,
        404,
        'no-store',
        '검색 색인이 없습니다: npm run build를 한 번 실행하세요.',
      ]);
    }
    for (const path of ['/pagefind/pagefind.js', '/kr/glossary/', '/kr/%E0%A4%A']) expect((await get(path)).status).toBe(299);
  });
});
