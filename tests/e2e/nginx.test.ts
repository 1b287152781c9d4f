/**
 * The production server config (deploy/nginx.conf) on real nginx over the built
 * site: security headers on every response (pages, assets, redirects, 404), the
 * Cache-Control rules of src/lib/http-headers.ts, relative 301s for directories and
 * content aliases, the custom 404 page, long search links, hidden host files, the
 * pre-gzipped search index sent as stored, and gzip for HTML. The site is served under
 * the base path it was built for: npm run test:subpath runs this file on its
 * SITE_BASE=/kr-policy/ build, served as the config's comment says. Run `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMMUTABLE, REVALIDATE, SECURITY_HEADERS, renderNetlifyHeaders, renderNginxRedirectMap, renderRedirects } from '../../src/lib/http-headers';
import { BASE, DIST, assertBuilt, at, contentPages } from '../helpers/built-site';
import { DEPLOY_CONF, NGINX_BIN, startNginx, type NginxServer } from '../helpers/nginx';

const HOST_FILES = ['_headers', '_redirects', 'nginx-redirects.map'];
const ALIASES = contentPages().flatMap((page) => page.aliases.map((from) => ({ from, to: page.path })));

let server: NginxServer;

beforeAll(async () => {
  assertBuilt();
  server = await startNginx(DIST, { base: BASE });
});

afterAll(async () => {
  await server?.close();
});

/** GET a route path (under the base path the build was made for), redirects not followed. */
const get = (path: string, headers: Record<string, string> = {}, prefix = () => server.url) =>
  fetch(`${prefix()}${path}`, { redirect: 'manual', headers: { 'accept-encoding': 'identity', ...headers } });
/** GET a URL path as the built HTML names it (base path included). */
const getUrlPath = (urlPath: string, prefix = () => server.origin) => get(urlPath, {}, prefix);

function expectSecurityHeaders(response: Response, what: string): void {
  for (const { name, value } of SECURITY_HEADERS) expect(response.headers.get(name), `${what}: ${name}`).toBe(value);
}

/** Files of the build under `dir` (relative), for picking real hashed names. */
const filesIn = (dir: string) => (existsSync(join(DIST, dir)) ? readdirSync(join(DIST, dir)).filter((n) => !n.startsWith('.')) : []);

describe('the build', () => {
  it('wrote the host files from the header list', () => {
    const missing = HOST_FILES.filter((name) => !existsSync(join(DIST, name)));
    if (missing.length > 0) {
      throw new Error(
        `${DIST}에 ${missing.join(', ')}가 없습니다: 빌드(src/integrations/hosting-files.ts)가 쓰는 파일입니다. ` +
          '이 빌드는 그 이전 것이니 `npm run build`로 다시 빌드하세요 (그동안 nginx는 frontmatter에서 만든 리디렉션 목록을 씁니다).',
      );
    }
    expect(readFileSync(join(DIST, '_headers'), 'utf8')).toBe(renderNetlifyHeaders(BASE));
    expect(readFileSync(join(DIST, '_redirects'), 'utf8')).toBe(renderRedirects(ALIASES, BASE));
    expect(readFileSync(join(DIST, 'nginx-redirects.map'), 'utf8')).toBe(renderNginxRedirectMap(ALIASES, BASE));
  });
});

describe('the config file', () => {
  // nginx -t opens the stock config's logs and pid path, which only root may.
  it.skipIf(process.getuid?.() !== 0)("passes nginx -t as a conf.d file inside Debian's stock nginx.conf, without warnings", () => {
    const dir = mkdtempSync(join(tmpdir(), 'kr-policy-nginx-t-'));
    try {
      const map = join(dir, 'nginx-redirects.map');
      writeFileSync(map, renderNginxRedirectMap(ALIASES, '/'));
      writeFileSync(
        join(dir, 'kr-policy.conf'),
        readFileSync(DEPLOY_CONF, 'utf8').replace('include /var/www/kr-policy/nginx-redirects.map;', `include ${map};`),
      );
      const stock = readFileSync('/etc/nginx/nginx.conf', 'utf8');
      expect(stock, '/etc/nginx/nginx.conf includes conf.d/*.conf').toContain('include /etc/nginx/conf.d/*.conf;');
      writeFileSync(join(dir, 'nginx.conf'), stock.replace('include /etc/nginx/conf.d/*.conf;', `include ${join(dir, 'kr-policy.conf')};`));
      const result = spawnSync(NGINX_BIN, ['-t', '-c', join(dir, 'nginx.conf')], { encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stderr).not.toMatch(/\[(?:warn|crit|alert|emerg)\]/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('headers', () => {
  it('a page gets every security header and no-cache, as UTF-8 HTML, without the nginx version', async () => {
    for (const path of ['/', '/ai-g3/', '/search/']) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expectSecurityHeaders(response, path);
      expect(response.headers.get('cache-control'), path).toBe(REVALIDATE);
      expect(response.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
      expect(response.headers.get('server'), path).toBe('nginx');
    }
  });

  it('content-hashed /_astro/ files the pages use are immutable', async () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const astro = at('/_astro/').replace(/[/.]/g, '\\$&');
    const assets = [...new Set([...html.matchAll(new RegExp(`(?:href|src)="(${astro}[^"]+\\.(?:css|js))"`, 'g'))].map((m) => m[1]!))];
    expect(assets, 'index.html가 /_astro/의 CSS·JS 파일을 쓰지 않습니다').not.toEqual([]);
    for (const asset of assets) {
      const response = await getUrlPath(asset);
      expect(response.status, asset).toBe(200);
      expect(response.headers.get('cache-control'), asset).toBe(IMMUTABLE);
      expectSecurityHeaders(response, asset);
    }
  });

  it("Pagefind's hashed chunks are immutable, its entry points revalidate", async () => {
    const index = filesIn('pagefind/index')[0];
    const meta = filesIn('pagefind').find((n) => n.endsWith('.pf_meta'));
    expect(index && meta, 'pagefind/index/와 *.pf_meta가 빌드에 없습니다').toBeTruthy();
    for (const path of [`/pagefind/index/${index}`, `/pagefind/${meta}`]) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe(IMMUTABLE);
      expect(response.headers.get('content-type'), path).toBe('application/octet-stream');
    }
    const wasm = filesIn('pagefind').find((n) => n.startsWith('wasm.'));
    for (const path of ['/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', ...(wasm ? [`/pagefind/${wasm}`] : [])]) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe(REVALIDATE);
    }
  });

  it('a missing hashed file is a 404 that is not cached as immutable', async () => {
    const response = await get('/_astro/no-such-file.Abc123.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe(REVALIDATE);
    expectSecurityHeaders(response, '404');
  });
});

describe('redirects', () => {
  it('a directory without its slash answers 301 with a relative Location', async () => {
    const response = await get('/ai-g3');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(at('/ai-g3/'));
    expectSecurityHeaders(response, '301');
  });

  it('every content alias answers 301 with its page, keeping the query', async () => {
    expect(ALIASES).toContainEqual({ from: '/ai/computing-center/', to: '/ai-g3/national-ai-computing-center/' });
    for (const { from, to } of ALIASES) {
      const response = await get(from);
      expect(response.status, from).toBe(301);
      expect(response.headers.get('location'), from).toBe(at(to));
      expectSecurityHeaders(response, from);
      expect((await get(from.slice(0, -1))).headers.get('location'), `${from} without slash`).toBe(at(to));
      expect((await get(`${from}?q=AI`)).headers.get('location'), `${from}?q=AI`).toBe(`${at(to)}?q=AI`);
    }
  });
});

describe('not found', () => {
  const notFoundPage = () => readFileSync(join(DIST, '404.html'), 'utf8');

  it('an unknown URL gets status 404, the site 404 page and the security headers', async () => {
    const response = await get('/no-such-page/');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expectSecurityHeaders(response, '404');
    expect(await response.text()).toBe(notFoundPage());
  });

  it.each([...HOST_FILES, '.hidden', '.git/config', 'pagefind/'])('/%s is not served', async (name) => {
    const response = await get(`/${name}`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe(notFoundPage());
  });
});

describe('transfer', () => {
  it('a search link with a 6,000-syllable query is served, not refused with 414', async () => {
    const query = Array.from({ length: 6_000 }, (_, i) => String.fromCharCode(0xac00 + ((i * 37) % 11_172))).join('');
    const path = `/search/?q=${encodeURIComponent(query)}`;
    expect(path.length).toBeGreaterThan(54_000);
    const response = await get(path);
    expect(response.status).toBe(200);
    expectSecurityHeaders(response, 'long search link');
  });

  it('the pre-gzipped search index goes out as stored, without Content-Encoding', async () => {
    const folder = ['pagefind-ko/vocab', 'pagefind-ko/doc'].find((d) => filesIn(d).some((n) => n.endsWith('.gz')));
    expect(folder, 'pagefind-ko/에 .gz 파일이 없습니다').toBeTruthy();
    const name = filesIn(folder!).find((n) => n.endsWith('.gz'))!;
    const response = await get(`/${folder}/${name}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('cache-control')).toBe(REVALIDATE);
    expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(join(DIST, folder!, name)))).toBe(true);
  });

  it('HTML is gzip-compressed when the browser asks, and only then', async () => {
    const zipped = await get('/', { 'accept-encoding': 'gzip' });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toBe('Accept-Encoding');
    expect(await zipped.text()).toBe(readFileSync(join(DIST, 'index.html'), 'utf8'));
    expect((await get('/')).headers.get('content-encoding')).toBeNull();
  });

  it('records the requests it served, query included', async () => {
    server.resetTraffic();
    await (await get('/search/?q=%EA%B0%80')).arrayBuffer();
    await new Promise((r) => setTimeout(r, 50));
    const { paths, requests, bytes } = server.traffic();
    expect(paths).toEqual([`${at('/search/')}?q=%EA%B0%80`]);
    expect(requests).toBe(1);
    expect(bytes).toBeGreaterThan(1_000);
  });

  it('logs no warning or worse', () => {
    expect(server.errorLog()).not.toMatch(/\[(?:warn|crit|alert|emerg)\]/);
  });
});
