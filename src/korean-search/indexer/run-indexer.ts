/**
 * One run of the indexer over a built site, in a Node process of its own
 * (indexer-process.ts): Pagefind's writer is the memory peak of a large build, and the
 * V8 heap cap given to Astro must not apply to it.
 *
 * Who starts it: the integration, at the end of a plain `astro build`; or, when
 * `npm run build` asks for it through JOB_FILE_ENV, scripts/build.ts once Astro has
 * exited. Astro keeps about 2.5 GB resident after building 10,000 pages (measured
 * at astro:build:done: 572 MB of it JS heap), and Pagefind's writer needs about
 * 3.1 GB more, so only the second way keeps a 10,000-page build under 4 GB.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { SearchIndexSummary } from './build-index';

export interface IndexJob {
  /** The built site. */
  outDir: string;
  /** contentDigest() of the content it was built from. */
  contentDigest: string;
}

/** When set, the integration writes its IndexJob to this file instead of indexing. */
export const JOB_FILE_ENV = 'KOREAN_SEARCH_JOB_FILE';

export function describeSummary(summary: SearchIndexSummary): string {
  return `${summary.pageCount}쪽 색인, 토큰 ${summary.tokenCount}개, 어휘 조각 ${summary.shardCount}개 (${summary.seconds.toFixed(1)}초)`;
}

/** Runs indexer-process.ts for `job` from the project root `root`; its errors go to this process's stderr. */
export function runIndexJob(root: string, job: IndexJob): Promise<SearchIndexSummary> {
  const cli = join(root, 'src/korean-search/indexer/indexer-process.ts');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, job.outDir, job.contentDigest], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = output.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`검색 색인을 만들지 못했습니다 (종료 코드 ${code}).`));
      try {
        resolve((JSON.parse(line) as { searchIndex: SearchIndexSummary }).searchIndex);
      } catch {
        reject(new Error(`색인기의 출력을 읽을 수 없습니다: ${line.slice(0, 200)}`));
      }
    });
  });
}
