/**
 * Files a static host reads from the build output, written after every build from
 * the lists in src/lib/http-headers.ts (the same lists deploy/nginx.conf is
 * generated from): `_headers` and `_redirects` for Netlify and Cloudflare Pages, and
 * `nginx-redirects.map` for deploy/nginx.conf, all under the configured base path.
 * Also the loud warning when a build would ship localhost URLs.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { LOCAL_SITE } from '../lib/deploy-target';
import { renderNetlifyHeaders, renderNginxRedirectMap, renderRedirects, type Redirect } from '../lib/http-headers';
import { normalizeBasePath } from '../lib/urls';

export interface HostingFilesOptions {
  /** Old URLs (content aliases) and their pages, as route paths. */
  redirects: Redirect[];
  /** True when SITE_URL was not given: canonical links, sitemap and feed will name LOCAL_SITE. */
  localSite: boolean;
}

/** The files this integration writes at the root of the output folder. */
export const HOSTING_FILES = ['_headers', '_redirects', 'nginx-redirects.map'] as const;

export default function hostingFiles(options: HostingFilesOptions): AstroIntegration {
  let config: AstroConfig;
  const warnLocal = (logger: { warn(message: string): void }) => {
    if (!options.localSite) return;
    logger.warn(
      [
        '',
        '**************************************************************************',
        `  SITE_URL이 없어 canonical·사이트맵·RSS·링크 미리보기 주소가 ${LOCAL_SITE}입니다.`,
        '  이 빌드는 로컬 확인용입니다. 배포하려면 SITE_URL=https://… 를 주세요',
        '  (npm run build:deploy는 SITE_URL 없이는 멈춥니다).',
        '**************************************************************************',
      ].join('\n'),
    );
  };
  return {
    name: 'hosting-files',
    hooks: {
      'astro:config:done': ({ config: resolved }) => {
        config = resolved;
      },
      'astro:build:start': ({ logger }) => warnLocal(logger),
      'astro:build:done': ({ dir, logger }) => {
        const base = normalizeBasePath(config.base);
        const out = (name: (typeof HOSTING_FILES)[number]) => fileURLToPath(new URL(name, dir));
        writeFileSync(out('_headers'), renderNetlifyHeaders(base));
        writeFileSync(out('_redirects'), renderRedirects(options.redirects, base));
        writeFileSync(out('nginx-redirects.map'), renderNginxRedirectMap(options.redirects, base));
        logger.info(`${HOSTING_FILES.join(', ')} (리디렉션 ${options.redirects.length}개, 기본 경로 ${base})`);
        // Said again at the end, where a reader of the log looks.
        warnLocal(logger);
      },
    },
  };
}
