/**
 * Link previews as an Astro integration: after the build, every page that declares a
 * card (BaseLayout.astro) gets its 1200×630 PNG at ogImagePath() (src/lib/urls.ts).
 * A plain `astro build` draws them at the end of its own run; `npm run build` has
 * them drawn after Astro exits instead (job.ts), as it does the search index.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { previewCacheDir } from './cache';
import { PREVIEW_JOB_FILE_ENV, describePreviewSummary, runPreviewJob, type PreviewJob } from './job';

export default function linkPreviews(): AstroIntegration {
  let root = '';
  return {
    name: 'link-previews',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const job: PreviewJob = { outDir: fileURLToPath(dir), cacheDir: previewCacheDir(root) };
        const jobFile = process.env[PREVIEW_JOB_FILE_ENV];
        if (jobFile) {
          writeFileSync(jobFile, JSON.stringify(job));
          logger.info('미리보기 이미지는 Astro가 끝난 뒤 따로 그립니다 (scripts/build.ts).');
          return;
        }
        logger.info(describePreviewSummary(await runPreviewJob(root, job)));
      },
    },
  };
}
