/**
 * The Korean search as an Astro integration (after Starlight's pagefind.ts): a plain
 * `astro build` writes a complete site with its search index, in the configured
 * outDir and for any base path; `astro dev` serves the last build's index and says
 * when it is missing or stale.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { normalizeBasePath } from '../../lib/urls';
import { contentDigest } from './content-digest';
import { devSearchMiddleware } from './dev-server';
import type { SearchIndexSummary } from './indexer';

export interface KoreanSearchOptions {
  /** The content folder the site is built from (for the dev server's staleness check). */
  contentDir: string;
}

/** Runs index-cli.ts in a child process and returns its summary line. */
function runIndexer(root: string, outDir: string, digest: string): Promise<SearchIndexSummary> {
  const cli = fileURLToPath(new URL('src/integrations/korean-search/index-cli.ts', root));
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, outDir, digest], { cwd: fileURLToPath(root), stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = output.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`검색 색인을 만들지 못했습니다 (종료 코드 ${code}).`));
      try {
        resolvePromise((JSON.parse(line) as { searchIndex: SearchIndexSummary }).searchIndex);
      } catch {
        reject(new Error(`색인기의 출력을 읽을 수 없습니다: ${line.slice(0, 200)}`));
      }
    });
  });
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
        const summary = await runIndexer(config.root.href, fileURLToPath(dir), contentDigest(options.contentDir));
        logger.info(`${summary.pageCount}쪽 색인, 토큰 ${summary.tokenCount}개, 어휘 조각 ${summary.shardCount}개 (${summary.seconds.toFixed(1)}초)`);
      },
    },
  };
}
