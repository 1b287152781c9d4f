/**
 * Paths of the site the search runs in. The index stores route paths (no base path),
 * so one index serves the site under any base; links and data URLs get the base
 * here. In the browser the base is Vite's import.meta.env.BASE_URL (Astro's `base`);
 * in plain Node there is none and route paths are used as they are.
 */
export const SITE_BASE: string = (import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL ?? '/';

/** `path` (a route path, starting with "/") under `base` ("/" or "/a/b/"; a missing trailing slash is added). */
export function underBase(path: string, base: string = SITE_BASE): string {
  if (!path.startsWith('/')) throw new Error(`사이트 안 경로는 /로 시작해야 합니다: ${path}`);
  const prefix = base.replace(/\/+$/, '');
  return `${prefix}${path}`;
}

/** The route path of a URL path under `base`, or null when it lies outside it. */
export function routeUnderBase(pathname: string, base: string): string | null {
  const prefix = base.replace(/\/+$/, '');
  if (!prefix) return pathname;
  if (pathname === prefix) return '/';
  return pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) : null;
}

/** The search page parameter that turns typo correction off (`correct=0`: the words as typed). */
export const AS_TYPED_PARAM = 'correct';

/** Whether a search page's parameters ask for the words as typed. */
export const searchesAsTyped = (params: URLSearchParams) => params.get(AS_TYPED_PARAM) === '0';

/**
 * The search page's address for `query`: `searchPage` is the page itself (the search
 * form's action), `asTyped` adds `correct=0`.
 */
export function searchPageLink(searchPage: string, query: string, { asTyped = false }: { asTyped?: boolean } = {}): string {
  const page = searchPage.replace(/[?#].*$/, '');
  return `${page}?q=${encodeURIComponent(query)}${asTyped ? `&${AS_TYPED_PARAM}=0` : ''}`;
}
