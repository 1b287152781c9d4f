/**
 * One run of the indexer over a built site, in a Node process of its own
 * (indexer-process.ts): Pagefind's writer is the memory peak of a large build, and
 * the V8 heap cap given to Astro must not apply to it.
 *
 * Who starts it: the integration, at the end of a plain `astro build`; or, when the
 * site's build script asks for it through JOB_FILE_ENV, that script once Astro has
 * exited (runDeferredIndex). Astro keeps most of its memory until it exits, and
 * Pagefind's writer needs more on top, so only the second way keeps the largest
 * builds within a few GB (docs/benchmarks.md).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'astro/zod';
import { indexJobSchema, parseJson, searchIndexSummarySchema, type IndexJob, type SearchIndexSummary } from '../options';

export type { IndexJob };

/** When set, the integration writes its IndexJob to this file instead of indexing. */
export const JOB_FILE_ENV = 'KOREAN_SEARCH_JOB_FILE';

/** The line a build log shows for one index. */
export function describeSummary(summary: SearchIndexSummary): string {
  return `${summary.pageCount}쪽 색인, 토큰 ${summary.tokenCount}개, 어휘 조각 ${summary.shardCount}개 (${summary.seconds.toFixed(1)}초)`;
}

/** The summary line the indexer process prints last. */
export const summaryLine = (summary: SearchIndexSummary) => JSON.stringify({ searchIndex: summary });

/**
 * Runs indexer-process.ts for `job` (from `cwd`, the site's root), handing it the job on
 * its standard input (a command-line argument is limited in size); its errors go to this
 * process's stderr.
 */
export function runIndexJob(cwd: string, job: IndexJob): Promise<SearchIndexSummary> {
  const cli = fileURLToPath(new URL('./indexer-process.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli], { cwd, stdio: ['pipe', 'pipe', 'inherit'] });
    child.stdin.end(JSON.stringify(job));
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = output.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`검색 색인을 만들지 못했습니다 (종료 코드 ${code}).`));
      try {
        const { searchIndex } = z.object({ searchIndex: searchIndexSummarySchema }).parse(JSON.parse(line));
        resolve(searchIndex);
      } catch {
        reject(new Error(`색인기의 출력을 읽을 수 없습니다: ${line.slice(0, 200)}`));
      }
    });
  });
}

/**
 * The index a build script asked for with JOB_FILE_ENV = `jobFile`, once Astro has
 * exited: reads the job the integration left and runs it.
 */
export function runDeferredIndex(cwd: string, jobFile: string): Promise<SearchIndexSummary> {
  if (!existsSync(jobFile)) throw new Error('Astro 빌드가 검색 색인 작업을 남기지 않았습니다: astro.config의 koreanSearch 통합을 확인하세요.');
  return runIndexJob(cwd, parseJson(indexJobSchema, readFileSync(jobFile, 'utf8'), jobFile));
}
