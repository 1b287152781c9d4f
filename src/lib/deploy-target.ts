/**
 * Where a build will be served: the public origin (SITE_URL) and the base path
 * (SITE_BASE), read once by astro.config and checked here, so a bad value stops the
 * build with a clear message instead of ending up in every canonical link.
 */
import { normalizeBasePath } from './urls';

/** What a build without SITE_URL uses: right for `npm start` and the tests, wrong anywhere else. */
export const LOCAL_SITE = 'http://localhost:4321';

export interface DeployTarget {
  /** Origin for canonical links, the sitemap, the feed and link previews. */
  site: string;
  /** Base path, '/' or '/seg/'. */
  base: string;
  /** True when SITE_URL was not given (or names this machine): the build is for local use only. */
  local: boolean;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);

/**
 * Reads SITE_URL and SITE_BASE. With REQUIRE_SITE_URL set (the deploy workflow and
 * `npm run build:deploy`), a missing or local SITE_URL is an error, so no deployment
 * can ship localhost URLs; without it the build falls back to LOCAL_SITE and reports `local`.
 */
export function readDeployTarget(env: Record<string, string | undefined>): DeployTarget {
  const base = normalizeBasePath(env.SITE_BASE ?? '/');
  const raw = env.SITE_URL?.trim();
  const required = Boolean(env.REQUIRE_SITE_URL && env.REQUIRE_SITE_URL !== '0');
  if (!raw) {
    if (required) throw new Error('SITE_URL이 없습니다: 배포용 빌드에는 사이트의 공개 주소가 필요합니다 (예: SITE_URL=https://policy.example.org).');
    return { site: LOCAL_SITE, base, local: true };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL "${raw}"은(는) 주소가 아닙니다: https://policy.example.org 꼴로 쓰세요.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`SITE_URL "${raw}": http(s) 주소만 됩니다.`);
  if (url.username || url.password || url.search || url.hash) throw new Error(`SITE_URL "${raw}": 사용자 정보, ?질의, #조각 없이 origin만 쓰세요.`);
  if (url.pathname !== '/') {
    throw new Error(`SITE_URL "${raw}"에 경로가 있습니다: 주소는 origin만(SITE_URL=${url.origin}), 경로는 SITE_BASE=${url.pathname}로 주세요.`);
  }
  const local = LOCAL_HOSTS.has(url.hostname);
  if (local && required) throw new Error(`SITE_URL "${raw}"은(는) 이 컴퓨터의 주소입니다: 배포용 빌드에는 공개 주소가 필요합니다.`);
  return { site: url.origin, base, local };
}
