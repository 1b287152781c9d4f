/**
 * URL rules of the site: lowercase ASCII segments, always a trailing slash.
 * Every internal link is built here so the rules live in one place.
 *
 * Two kinds of path:
 * - a *route path* (`sectionPath`, `policyPath` …) names a page inside the site,
 *   the same whatever the site is hosted under; content aliases, the search index
 *   and the collision checks use these;
 * - a *URL* (`sectionUrl`, `policyUrl`, `withBase` …) is what an `href` needs: the
 *   route path under the site's base path (`base` in astro.config, from SITE_BASE),
 *   so the site works at `https://org.github.io/<repo>/` as well as at a root.
 */
const SEGMENT = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function assertSlug(slug: string, what = 'slug'): string {
  if (!SEGMENT.test(slug)) throw new Error(`${what} "${slug}"는 소문자 ASCII 단어와 하이픈으로만 써야 합니다`);
  return slug;
}

/**
 * A base path as the site uses it: '/' or '/seg/…/' (leading and trailing slash,
 * lowercase-or-digit segments with - _ .). Anything else is refused, because it
 * would end up unescaped in every href, in the server config and in the CSP scope.
 */
export function normalizeBasePath(base: string): string {
  const trimmed = base.trim();
  if (trimmed === '' || trimmed === '/') return '/';
  const segments = trimmed.replace(/^\/+|\/+$/g, '').split('/');
  for (const segment of segments) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(segment) || segment === '..') {
      throw new Error(`기본 경로 "${base}"를 쓸 수 없습니다: /kr-policy/ 처럼 영문·숫자·-·_·. 로 된 경로만 됩니다`);
    }
  }
  return `/${segments.join('/')}/`;
}

/**
 * The base path every module of the site sees: Vite puts astro.config's `base` in
 * import.meta.env.BASE_URL, for the pages as for the browser bundles. Outside
 * Vite (plain Node scripts) there is no base, and only route paths are used there.
 */
export const BASE_PATH = normalizeBasePath((import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL ?? '/');

/** The URL of a route path (or of a file at the site's root) under the base path. */
export function withBase(path: string, base: string = BASE_PATH): string {
  if (!path.startsWith('/')) throw new Error(`사이트 안 경로는 /로 시작해야 합니다: ${path}`);
  return base === '/' ? path : `${base.slice(0, -1)}${path}`;
}

/** The route path of a URL path under the base path, or null when it lies outside it. */
export function stripBase(pathname: string, base: string = BASE_PATH): string | null {
  if (base === '/') return pathname;
  if (pathname === base.slice(0, -1)) return '/';
  return pathname.startsWith(base) ? pathname.slice(base.length - 1) : null;
}

export const sectionPath = (section: string) => `/${assertSlug(section, '분야')}/`;
export const policyPath = (section: string, id: string) => `/${assertSlug(section, '분야')}/${assertSlug(id, '정책')}/`;
export const glossaryPath = (id?: string) => (id ? `/glossary/${assertSlug(id, '용어')}/` : '/glossary/');
export const tagPath = (tag?: string) => (tag ? `/tags/${assertSlug(tag, '태그')}/` : '/tags/');
/** Pages that come from no content file; aliases may not take their paths. */
export const FIXED_PATHS = { home: '/', search: '/search/', timeline: '/timeline/' } as const;

export const sectionUrl = (section: string) => withBase(sectionPath(section));
export const policyUrl = (section: string, id: string) => withBase(policyPath(section, id));
export const glossaryUrl = (id?: string) => withBase(glossaryPath(id));
export const tagUrl = (tag?: string) => withBase(tagPath(tag));
export const homeUrl = () => withBase(FIXED_PATHS.home);
/** The open-data file and its JSON Schema (src/pages/data/). */
export const OPEN_DATA_PATHS = { policies: '/data/policies.json', schema: '/data/policies.schema.json' } as const;
export const timelineUrl = () => withBase(FIXED_PATHS.timeline);
/** The search page, optionally with a query (`/search/?q=…`), the address a search can be shared by. */
export function searchUrl(query?: string): string {
  const url = withBase(FIXED_PATHS.search);
  return query ? `${url}?q=${encodeURIComponent(query)}` : url;
}

/** The folder of the link-preview images (src/integrations/link-previews/). */
export const OG_IMAGE_DIR = '/og/';

/**
 * The route path of a page's link-preview image: `/` → `/og/index.png`,
 * `/ai-g3/ai-basic-act/` → `/og/ai-g3/ai-basic-act.png`, `/404.html` → `/og/404.png`.
 * The one rule for both the page's og:image and the file the drawer writes.
 */
export function ogImagePath(routePath: string): string {
  if (!routePath.startsWith('/')) throw new Error(`사이트 안 경로는 /로 시작해야 합니다: ${routePath}`);
  const name = routePath.replace(/\/index\.html$|\.html$/, '').replace(/^\/+|\/+$/g, '');
  for (const segment of name ? name.split('/') : []) assertSlug(segment, '미리보기 이미지 경로');
  return `${OG_IMAGE_DIR}${name || 'index'}.png`;
}
/** The URL of a page's link-preview image under the base path (absoluteUrl() for og:image). */
export const ogImageUrl = (routePath: string) => withBase(ogImagePath(routePath));

/** Absolute URL for canonical links and feeds; `site` comes from astro.config. */
export function absoluteUrl(path: string, site: URL | string | undefined): string {
  if (!site) return path;
  return new URL(path, site).href;
}
