/**
 * The HTTP response headers of the built site, in one place: the security headers
 * every response carries and the Cache-Control each path gets. Every server config
 * is generated from, or checked against, these lists:
 *
 * - `_headers` (Netlify, Cloudflare Pages) and `_redirects`: written into the build
 *   output by the build, `deploy/_headers` (base '/') by `npm run generate:deploy`;
 * - `nginx-redirects.map`: written into the build output, included by deploy/nginx.conf;
 * - deploy/nginx.conf: its marked blocks are rewritten by `npm run generate:deploy`
 *   (scripts/generate-deploy-config.ts), and a unit test fails when they drift.
 *
 * Pure TypeScript (no Node imports): the Astro integration, the scripts and the
 * tests all import it.
 */
import { normalizeBasePath, withBase } from './urls';

/** Content-Security-Policy, one directive a key, sources in order. */
export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  // Pagefind compiles its WebAssembly search core at run time.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  // The search runs in a worker loaded from the site itself.
  'worker-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const satisfies Record<string, readonly string[]>;

/** `name source source; name source` in the record's order. */
export function serializeCsp(directives: Readonly<Record<string, readonly string[]>> = CSP_DIRECTIVES): string {
  return Object.entries(directives)
    .map(([name, sources]) => {
      if (!/^[a-z-]+$/.test(name)) throw new Error(`CSP 지시어 이름 "${name}"를 쓸 수 없습니다`);
      for (const source of sources) {
        if (!/^[\x21-\x7e]+$/.test(source) || /[;,]/.test(source)) throw new Error(`CSP ${name}의 값 "${source}"를 쓸 수 없습니다`);
      }
      return [name, ...sources].join(' ');
    })
    .join('; ');
}

/** Directives a browser ignores (with a console warning) when the policy comes in a <meta> element. */
const HEADER_ONLY_DIRECTIVES = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/**
 * The same policy for a `<meta http-equiv="content-security-policy">` in every page,
 * so hosts that cannot send headers (GitHub Pages) still enforce it; framing can
 * only be refused by the header.
 */
export function metaCsp(): string {
  return serializeCsp(Object.fromEntries(Object.entries(CSP_DIRECTIVES).filter(([name]) => !HEADER_ONLY_DIRECTIVES.has(name))));
}

export interface HeaderRule {
  name: string;
  value: string;
  /** One line for the generated configs' comments. */
  why: string;
}

/** Sent with every response: pages, assets, redirects and the 404 page. */
export const SECURITY_HEADERS: readonly HeaderRule[] = [
  {
    name: 'Content-Security-Policy',
    value: serializeCsp(),
    why: 'only the site itself may run scripts, styles, workers and fetches; no framing',
  },
  { name: 'X-Content-Type-Options', value: 'nosniff', why: 'browsers keep the Content-Type they are given' },
  { name: 'Referrer-Policy', value: 'strict-origin-when-cross-origin', why: 'other sites see the origin, never the search query in the URL' },
  {
    name: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    why: 'the site uses none of these device features',
  },
  { name: 'Cross-Origin-Opener-Policy', value: 'same-origin', why: 'pages opened from other origins get no handle on this window' },
];

/** Content-hashed files: a changed file gets a new name, so a copy never goes stale. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else: a cached copy is revalidated (ETag, Last-Modified) before each use. */
export const REVALIDATE = 'no-cache';

export interface CacheRule {
  /**
   * A path under the site's base, in `_headers` syntax: `*` stands for any
   * characters (for any within one segment when more of the pattern follows).
   */
  path: string;
  cacheControl: string;
  why: string;
}

/**
 * The paths that get something other than REVALIDATE, first match wins. No two
 * rules match one path (the hosts that read `_headers` would join both values).
 */
export const CACHE_RULES: readonly CacheRule[] = [
  { path: '/_astro/*', cacheControl: IMMUTABLE, why: 'Vite names every bundled file after a hash of its content' },
  { path: '/pagefind/index/*', cacheControl: IMMUTABLE, why: 'Pagefind index chunks are named after their content hash' },
  { path: '/pagefind/filter/*', cacheControl: IMMUTABLE, why: 'Pagefind filter chunks are named after their content hash' },
  { path: '/pagefind/fragment/*', cacheControl: IMMUTABLE, why: 'Pagefind page fragments are named after their content hash' },
  { path: '/pagefind/*.pf_meta', cacheControl: IMMUTABLE, why: 'the Pagefind metadata file carries its hash in its name' },
  // Not hashed, so REVALIDATE: pagefind.js, pagefind-entry.json (it names the current
  // hashed files), wasm.*.pagefind (named after the language, not the content), the
  // /pagefind-ko/ index, pages, feed and sitemaps.
];

/** The Cache-Control of every path no rule matches. */
export const DEFAULT_CACHE_CONTROL = REVALIDATE;

/** Is `base` a base path exactly as the site writes it ('/' or '/seg/…/', see normalizeBasePath)? Throws otherwise. */
export function assertBasePath(base: string): string {
  if (normalizeBasePath(base) !== base) {
    throw new Error(`기본 경로 "${base}"를 쓸 수 없습니다: '/' 또는 '/kr-policy/'처럼 /로 시작하고 /로 끝나야 합니다`);
  }
  return base;
}

const withBasePath = (path: string, base: string) => withBase(path, assertBasePath(base));
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A CacheRule path as a regular expression source (no anchors). */
export function cachePathPattern(path: string): string {
  return path
    .split('*')
    .map(escapeRegExp)
    .reduce((source, part, i, parts) => (i === 0 ? part : `${source}${i === parts.length - 1 && part === '' ? '.*' : '[^/]*'}${part}`), '');
}

/** The Cache-Control the rules give a URL path (with the base path in front). */
export function cacheControlFor(pathname: string, base = '/'): string {
  for (const rule of CACHE_RULES) {
    if (new RegExp(`^${cachePathPattern(withBasePath(rule.path, base))}$`).test(pathname)) return rule.cacheControl;
  }
  return DEFAULT_CACHE_CONTROL;
}

function assertHeaderValue(rule: { name: string; value: string }): void {
  // Values go between double quotes in nginx ($ would start a variable there) and on one line in _headers.
  if (!/^[A-Za-z0-9-]+$/.test(rule.name) || !/^[\x20-\x7e]+$/.test(rule.value) || /["\\${}]/.test(rule.value)) {
    throw new Error(`헤더 ${rule.name}: ${rule.value}는 설정 파일에 그대로 쓸 수 없습니다`);
  }
}

/**
 * The `_headers` file for Netlify and Cloudflare Pages, paths under `base`.
 *
 * Both hosts apply every rule whose path matches and join a header set by two
 * rules with a comma, so Cache-Control is never on `/*`: "no-cache" there would
 * turn the hashed files' value into "public, max-age=31536000, immutable, no-cache"
 * (Cloudflare's `! Cache-Control` detach line is unknown to Netlify). Paths without
 * a rule keep the host's own default, "public, max-age=0, must-revalidate" on both,
 * which like REVALIDATE means: revalidate before every use.
 */
export function renderNetlifyHeaders(base: string): string {
  const lines = [
    '# Generated from src/lib/http-headers.ts; do not edit (run `npm run generate:deploy` for deploy/_headers).',
    '# Netlify and Cloudflare Pages apply every matching rule and comma-join repeated headers,',
    '# so Cache-Control is set only on rules that never overlap. Paths without a rule keep the',
    '# host\'s default "public, max-age=0, must-revalidate": revalidate before every use.',
    '',
    withBasePath('/*', base),
  ];
  for (const header of SECURITY_HEADERS) {
    assertHeaderValue(header);
    lines.push(`  ${header.name}: ${header.value}`);
  }
  for (const rule of CACHE_RULES) {
    if (rule.cacheControl === DEFAULT_CACHE_CONTROL) continue;
    assertHeaderValue({ name: 'Cache-Control', value: rule.cacheControl });
    lines.push('', `# ${rule.why}`, withBasePath(rule.path, base), `  Cache-Control: ${rule.cacheControl}`);
  }
  return `${lines.join('\n')}\n`;
}

/** An old URL and the page it now points to, both route paths (without the base path). */
export interface Redirect {
  from: string;
  to: string;
}

const ROUTE_PATH = /^\/(?:[a-z0-9-]+\/)*$/;

/** Checked redirects: ASCII route paths only, no duplicate `from`, no loops onto themselves. */
function checkedRedirects(redirects: readonly Redirect[], base: string): Redirect[] {
  assertBasePath(base);
  const seen = new Map<string, string>();
  for (const { from, to } of redirects) {
    for (const path of [from, to]) {
      if (typeof path !== 'string' || !ROUTE_PATH.test(path)) {
        throw new Error(`리디렉션 경로 ${JSON.stringify(path)}를 쓸 수 없습니다: "/옛-경로/"처럼 소문자 ASCII·숫자·하이픈 구간과 슬래시로만 써야 합니다`);
      }
    }
    if (from === '/') throw new Error(`리디렉션 ${from} → ${to}: 첫 페이지는 옮길 수 없습니다`);
    if (from === to) throw new Error(`리디렉션 ${from} → ${to}: 제자리로 돌아갑니다`);
    const earlier = seen.get(from);
    if (earlier !== undefined && earlier !== to) throw new Error(`리디렉션 ${from}이 두 곳을 가리킵니다: ${earlier}, ${to}`);
    seen.set(from, to);
  }
  return [...seen].map(([from, to]) => ({ from, to }));
}

/** The `_redirects` file (Netlify, Cloudflare Pages): `from to 301`, paths under `base`. */
export function renderRedirects(redirects: readonly Redirect[], base: string): string {
  const lines = ['# Generated from the content aliases (frontmatter `aliases`); do not edit.'];
  for (const { from, to } of checkedRedirects(redirects, base)) lines.push(`${withBasePath(from, base)} ${withBasePath(to, base)} 301`);
  return `${lines.join('\n')}\n`;
}

/**
 * The entries of deploy/nginx.conf's redirect `map` (`"/old/" "/new/";`), paths
 * under `base`. Each old path is listed with and without its trailing slash, so
 * `/old` goes to the page in one hop. Paths are checked to be plain ASCII
 * segments, so the quoted strings need no escaping and nothing can start a regex
 * (`~`), a variable (`$`) or a new directive (`;`).
 */
export function renderNginxRedirectMap(redirects: readonly Redirect[], base: string): string {
  const lines = ['# Generated from the content aliases (frontmatter `aliases`); included by the map in deploy/nginx.conf.'];
  for (const { from, to } of checkedRedirects(redirects, base)) {
    const source = withBasePath(from, base);
    const target = withBasePath(to, base);
    lines.push(`"${source}" "${target}";`, `"${source.slice(0, -1)}" "${target}";`);
  }
  return `${lines.join('\n')}\n`;
}

/** Lines inside deploy/nginx.conf's generated http-level block: Cache-Control by path. */
export function renderNginxCacheMap(variable = '$kr_policy_cache_control'): string[] {
  const lines = [
    '# Cache-Control by path ($uri: after an error_page redirect it is the error page, so a',
    '# missing hashed file is never cached as immutable). The patterns are not anchored to',
    '# the start of the path, so they hold under a base path too; no page URL has these segments.',
    `map $uri ${variable} {`,
    `    default "${DEFAULT_CACHE_CONTROL}";`,
  ];
  for (const rule of CACHE_RULES) {
    assertHeaderValue({ name: 'Cache-Control', value: rule.cacheControl });
    lines.push(`    # ${rule.why}`, `    "~${cachePathPattern(rule.path).replace(/\.\*$/, '')}${rule.path.endsWith('*') ? '' : '$'}" "${rule.cacheControl}";`);
  }
  lines.push('}');
  return lines;
}

/** Lines inside deploy/nginx.conf's generated server-level block: every header on every response. */
export function renderNginxHeaders(cacheVariable = '$kr_policy_cache_control'): string[] {
  const lines = [
    '# `always`: also on 404s and redirects. nginx inherits add_header only into a block that has',
    '# none of its own, so no location below may use add_header (it would drop all of these).',
  ];
  for (const header of SECURITY_HEADERS) {
    assertHeaderValue(header);
    lines.push(`# ${header.why}`, `add_header ${header.name} "${header.value}" always;`);
  }
  lines.push(`# by path, from the map ${cacheVariable} (CACHE_RULES)`, `add_header Cache-Control ${cacheVariable} always;`);
  return lines;
}
