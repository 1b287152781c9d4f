/**
 * Files a static host reads from the build output, written after every build from
 * the same lists the server config is checked against (src/lib/http-headers.ts):
 * `_headers` and `_redirects` (Netlify, Cloudflare Pages) and `nginx-redirects.map`
 * (deploy/nginx.conf). Also the loud warning when a build would ship localhost URLs.
 */
import type { AstroConfig, AstroIntegration } from 'astro';
import type { AliasRedirect } from '../lib/aliases';
import { LOCAL_SITE } from '../lib/deploy-target';

export interface HostingFilesOptions {
  redirects: AliasRedirect[];
  /** True when SITE_URL was not given: canonical links, sitemap and feed will name LOCAL_SITE. */
  localSite: boolean;
}

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
      'astro:build:done': ({ logger }) => {
        void config;
        warnLocal(logger);
      },
    },
  };
}
