/**
 * The Korean search as an Astro integration (after Starlight's pagefind.ts): a plain
 * `astro build` writes a complete site with its search index, in the configured
 * outDir and for any base path; `astro dev` serves the last build's index and says
 * when it is missing or stale. `npm run build` has the index built after Astro exits
 * instead (run-indexer.ts says why).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { normalizeBasePath } from '../lib/urls';
import { contentDigest } from './indexer/content-digest';
import { devSearchMiddleware } from './dev/dev-server';
import { JOB_FILE_ENV, describeSummary, runIndexJob, type IndexJob } from './indexer/run-indexer';

export interface KoreanSearchOptions {
  /** The content folder the site is built from (for the dev server's staleness check). */
  contentDir: string;
}

export default function koreanSearch(options: KoreanSearchOptions): AstroIntegration {
  let config: AstroConfig;
  return {
    name: 'korean-search',
    hooks: {
      'astro:config:done': ({ config: resolved }) => {
        config = resolved;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(devSearchMiddleware({ outDir: fileURLToPath(config.outDir), base: normalizeBasePath(config.base), contentDir: options.contentDir }));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const job: IndexJob = { outDir: fileURLToPath(dir), contentDigest: contentDigest(options.contentDir) };
        const jobFile = process.env[JOB_FILE_ENV];
        if (jobFile) {
          // npm run build indexes once Astro has exited (see run-indexer.ts for the memory reason).
          writeFileSync(jobFile, JSON.stringify(job));
          logger.info('검색 색인은 Astro가 끝난 뒤 따로 만듭니다 (scripts/build.ts).');
          return;
        }
        logger.info(describeSummary(await runIndexJob(fileURLToPath(config.root), job)));
      },
    },
  };
}
