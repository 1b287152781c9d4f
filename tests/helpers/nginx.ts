/**
 * Serves a built site with Debian's nginx (/usr/sbin/nginx, installed by
 * scripts/ensure-browser.sh) and the production config, deploy/nginx.conf, so the
 * e2e tests see what readers will: the same headers, redirects, 404 page and gzip.
 *
 * nginx runs as the current user in a temporary prefix with its own pid file, logs
 * and temp folders, in the foreground (`daemon off`, so this process owns it),
 * on 127.0.0.1 and a free port. The wrapper config gives it what Debian's
 * /etc/nginx/nginx.conf gives conf.d/ (mime.types, sendfile, gzip on) and includes
 * deploy/nginx.conf with four lines rewritten, each found exactly once:
 *
 * - `listen 80;`                 → the test address;
 * - `root /var/www/kr-policy;`   → <tmp>/www;
 * - the redirect map's include   → the build's nginx-redirects.map;
 * - `error_page … /404.html;`    → <base>404.html.
 *
 * The site is reached through a symlink: <tmp>/www → siteDir at a root, and
 * <tmp>/www/<base> → siteDir under a base path, which is how the config's comment
 * says to host a SITE_BASE build.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { assertBasePath } from '../../src/lib/http-headers';
import { REPO_ROOT } from './astro-build';

export const NGINX_BIN = process.env.NGINX_BIN ?? '/usr/sbin/nginx';
export const DEPLOY_CONF = resolve(REPO_ROOT, 'deploy/nginx.conf');

export interface NginxServer {
  /** Origin plus the base path without its trailing slash: `${url}/search/` is the search page. */
  url: string;
  origin: string;
  base: string;
  /** Responses since the last reset: bytes on the wire (headers and body), count, request URIs with their query. */
  traffic(): { bytes: number; requests: number; paths: string[] };
  resetTraffic(): void;
  /** nginx's error log so far (warnings included). */
  errorLog(): string;
  close(): Promise<void>;
}

export interface NginxOptions {
  /** The base path the site is served under: '/' or '/seg/…/'. */
  base?: string;
}

/** Debian's http { } lines around `include conf.d/*.conf`, which deploy/nginx.conf relies on. */
const DEBIAN_HTTP = [
  'sendfile on;',
  'tcp_nopush on;',
  'types_hash_max_size 2048;',
  'include /etc/nginx/mime.types;',
  'default_type application/octet-stream;',
  'gzip on;',
];

function replaceOnce(text: string, pattern: RegExp, replacement: string, what: string): string {
  const matches = text.match(new RegExp(pattern.source, 'gm'));
  if (matches?.length !== 1) throw new Error(`deploy/nginx.conf: ${what} 줄이 정확히 한 번 있어야 시험 설정을 만들 수 있습니다 (${matches?.length ?? 0}번)`);
  return text.replace(new RegExp(pattern.source, 'm'), (_, indent: string) => `${indent}${replacement}`);
}

/** deploy/nginx.conf with the listen, root, redirect-map and error_page lines pointed at the test copy. */
export function rewriteDeployConf(conf: string, opts: { port: number; root: string; redirectMap: string; base: string }): string {
  for (const path of [opts.root, opts.redirectMap]) {
    if (/[\s;"'{}$]/.test(path)) throw new Error(`nginx 설정에 쓸 수 없는 경로입니다: ${path}`);
  }
  let out = replaceOnce(conf, /^(\s*)listen 80;$/, `listen 127.0.0.1:${opts.port};`, '`listen 80;`');
  out = replaceOnce(out, /^(\s*)root \/var\/www\/kr-policy;$/, `root ${opts.root};`, '`root /var/www/kr-policy;`');
  out = replaceOnce(out, /^(\s*)include \/var\/www\/kr-policy\/nginx-redirects\.map;$/, `include ${opts.redirectMap};`, 'the redirect map include');
  out = replaceOnce(
    out,
    /^(\s*)error_page 403 404 =404 \/404\.html;$/,
    `error_page 403 404 =404 ${opts.base}404.html;`,
    '`error_page 403 404 =404 /404.html;`',
  );
  if (out.split('\n').some((l) => !l.trim().startsWith('#') && l.includes('/var/www/kr-policy')))
    throw new Error('deploy/nginx.conf: /var/www/kr-policy가 다시 쓰지 않은 줄에 남아 있습니다');
  return out;
}

/** The whole nginx.conf for the test instance: a main context that stays inside `prefix`, then deploy/nginx.conf. */
export function testNginxConf(opts: { prefix: string; deployConf: string }): string {
  const p = (name: string) => join(opts.prefix, name);
  return [
    'daemon off;',
    'master_process on;',
    'worker_processes 1;',
    `pid ${p('nginx.pid')};`,
    `error_log ${p('error.log')} warn;`,
    // As root (CI) nginx would hand the workers to "nobody", who cannot enter the temp folder.
    ...(process.getuid?.() === 0 ? [`user ${userInfo().username};`] : []),
    'events { worker_connections 256; }',
    'http {',
    ...DEBIAN_HTTP.map((l) => `    ${l}`),
    // What traffic() reads: one line a response, written when it completes (no buffer= here).
    "    log_format kr_traffic '$status $bytes_sent $request_uri';",
    `    access_log ${p('access.log')} kr_traffic;`,
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `    ${t}_temp_path ${p(`temp/${t}`)};`),
    '',
    '    # ---- deploy/nginx.conf ----',
    ...opts.deployConf.split('\n').map((l) => (l ? `    ${l}` : l)),
    '}',
    '',
  ].join('\n');
}

/** A port free on 127.0.0.1 right now (the servers the tests start listen there). */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? ok(address.port) : fail(new Error('포트를 얻지 못했습니다'))));
    });
  });
}

const canConnect = (port: number) =>
  new Promise<boolean>((ok) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), ok(true)));
    socket.once('error', () => ok(false));
  });

/** nginx's log escaping (\xHH for quotes, backslashes and non-ASCII bytes) undone. */
function unescapeLog(text: string): string {
  return Buffer.from(
    text.replace(/\\x([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}

/** Lays out the prefix (temp folders, the site symlink, the redirect map, nginx.conf) and starts nginx on a free port. */
async function launch(prefix: string, site: string, base: string, errorLog: () => string): Promise<{ child: ChildProcess; port: number }> {
  for (const t of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(prefix, 'temp', t), { recursive: true });
  const www = join(prefix, 'www');
  if (base === '/') symlinkSync(site, www);
  else {
    mkdirSync(join(www, dirname(base.slice(1, -1))), { recursive: true });
    symlinkSync(site, join(www, base.slice(1, -1)));
  }
  // The build writes nginx-redirects.map (src/integrations/hosting-files.ts); without it the config cannot load.
  const redirectMap = join(www, base.slice(1), 'nginx-redirects.map');
  if (!existsSync(join(site, 'nginx-redirects.map'))) throw new Error(`${site}에 nginx-redirects.map이 없습니다: 먼저 npm run build를 실행하세요`);
  const confFile = join(prefix, 'nginx.conf');
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const deployConf = rewriteDeployConf(readFileSync(DEPLOY_CONF, 'utf8'), { port, root: www, redirectMap, base });
    const conf = testNginxConf({ prefix, deployConf });
    writeFileSync(confFile, conf);
    const child = spawn(NGINX_BIN, ['-p', `${prefix}/`, '-e', join(prefix, 'error.log'), '-c', confFile], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    let exited = false;
    child.once('exit', () => (exited = true));
    const deadline = Date.now() + 10_000;
    while (!exited && Date.now() < deadline && !(await canConnect(port))) await new Promise((r) => setTimeout(r, 25));
    if (!exited && (await canConnect(port))) return { child, port };
    child.kill('SIGTERM');
    const log = `${stderr}${errorLog()}`;
    // Another process took the port between the probe and nginx's bind: try another.
    if (attempt < 5 && /Address already in use/.test(log)) continue;
    throw new Error(`nginx가 시작하지 않았습니다:\n${log || '(로그 없음)'}\n--- nginx.conf ---\n${conf}`);
  }
}

export async function startNginx(siteDir: string, options: NginxOptions = {}): Promise<NginxServer> {
  const base = assertBasePath(options.base ?? '/');
  const site = resolve(siteDir);
  if (!existsSync(join(site, 'index.html'))) throw new Error(`${site}에 빌드된 사이트가 없습니다`);
  if (!existsSync(NGINX_BIN))
    throw new Error(`${NGINX_BIN}가 없습니다: bash scripts/ensure-browser.sh 로 Debian의 nginx를 설치하세요 (npm test는 pretest에서 실행합니다).`);

  const prefix = mkdtempSync(join(tmpdir(), 'kr-policy-nginx-'));
  const accessLog = join(prefix, 'access.log');
  const errorLogFile = join(prefix, 'error.log');
  const errorLog = () => (existsSync(errorLogFile) ? readFileSync(errorLogFile, 'utf8') : '');
  let child: ChildProcess;
  let port: number;
  try {
    ({ child, port } = await launch(prefix, site, base, errorLog));
  } catch (error) {
    rmSync(prefix, { recursive: true, force: true });
    throw error;
  }
  // A test run that ends without close() still stops its nginx and removes its folder.
  const stopOnExit = () => {
    child.kill('SIGTERM');
    rmSync(prefix, { recursive: true, force: true });
  };
  process.once('exit', stopOnExit);

  let offset = 0;
  const lines = () => {
    if (!existsSync(accessLog)) return [];
    const text = readFileSync(accessLog).subarray(offset).toString('latin1');
    return text.split('\n').filter(Boolean);
  };
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${base.slice(0, -1)}`,
    origin,
    base,
    traffic: () => {
      let bytes = 0;
      const paths: string[] = [];
      for (const line of lines()) {
        const [, sent, uri] = /^\d{3} (\d+) (.*)$/.exec(line) ?? [];
        if (sent === undefined || uri === undefined) continue;
        bytes += Number(sent);
        paths.push(unescapeLog(uri));
      }
      return { bytes, requests: paths.length, paths };
    },
    resetTraffic: () => {
      offset = existsSync(accessLog) ? statSync(accessLog).size : 0;
    },
    errorLog,
    close: async () => {
      process.off('exit', stopOnExit);
      const proc = child;
      if (proc.exitCode === null && proc.signalCode === null) {
        const exited = new Promise<void>((ok) => proc.once('exit', () => ok()));
        proc.kill('SIGTERM'); // fast shutdown: the master stops its workers, then itself
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      }
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
