/**
 * The Korean search as an Astro integration (after Starlight's pagefind.ts), and the
 * module's public entry for a site's config and build script. A plain `astro build`
 * writes a complete site with its search index, in the configured outDir and for any
 * base path; `astro dev` serves the last build's index and says when it is missing
 * or stale. A build script may have the index built after Astro exits instead
 * (runDeferredIndex; run-indexer.ts says why). The site's markup contract and the
 * files written are in docs/search.md.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { devSearchMiddleware } from './dev/dev-server';
import { contentDigest } from './indexer/content-digest';
import { JOB_FILE_ENV, describeSummary, runIndexJob } from './indexer/run-indexer';
import { koreanSearchOptionsSchema, type IndexJob, type KoreanSearchOptions, type SuggestionTarget } from './options';
import { BROWSE_LINKS_MODULE } from './client/browse-links';

export type { KoreanSearchOptions, SynonymsFile } from './options';
export { JOB_FILE_ENV, describeSummary, runDeferredIndex } from './indexer/run-indexer';

export default function koreanSearch(userOptions: KoreanSearchOptions): AstroIntegration {
  const parsed = koreanSearchOptionsSchema.safeParse(userOptions);
  if (!parsed.success)
    throw new Error(`koreanSearch 옵션이 잘못되었습니다: ${parsed.error.issues.map((i) => `${i.path.join('.')} — ${i.message}`).join('; ')}`);
  const options = parsed.data;
  let config: AstroConfig | undefined;
  return {
    name: 'korean-search',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [browseLinksPlugin(options.suggestions)] } });
      },
      'astro:config:done': ({ config: resolved }) => {
        config = resolved;
      },
      'astro:server:setup': ({ server }) => {
        if (!config) return;
        server.middlewares.use(devSearchMiddleware({ outDir: fileURLToPath(config.outDir), base: config.base, contentDir: options.contentDir }));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const job: IndexJob = { outDir: fileURLToPath(dir), contentDigest: contentDigest(options.contentDir), options };
        const jobFile = process.env[JOB_FILE_ENV];
        if (jobFile) {
          // The build script indexes once Astro has exited (run-indexer.ts says why).
          writeFileSync(jobFile, JSON.stringify(job));
          logger.info('검색 색인은 Astro가 끝난 뒤 따로 만듭니다.');
          return;
        }
        logger.info(describeSummary(await runIndexJob(config ? fileURLToPath(config.root) : process.cwd(), job)));
      },
    },
  };
}

/**
 * The site's suggestions as a module of the search UI's bundle: the links a failed
 * search offers (search-ui.ts), which must not depend on the search's data files.
 */
function browseLinksPlugin(suggestions: readonly SuggestionTarget[]) {
  const resolved = `\0${BROWSE_LINKS_MODULE}`;
  const links = suggestions.map(({ label, path }) => ({ label, path }));
  return {
    name: 'korean-search-browse-links',
    resolveId: (id: string) => (id === BROWSE_LINKS_MODULE ? resolved : undefined),
    load: (id: string) => (id === resolved ? `export default ${JSON.stringify(links)};` : undefined),
  };
}
