/**
 * One run of the card drawer over a built site, in a Node process of its own
 * (cli.ts), like the search indexer (../../korean-search/indexer/run-indexer.ts): `npm run build`
 * starts it once Astro has exited, so Astro's memory is gone before the worker
 * threads start; a plain `astro build` starts it from the integration's hook.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { z } from 'astro/zod';

/** What the integration hands the drawer: as a file (scripts/build.ts) or a command-line argument (cli.ts). */
export const previewJobSchema = z.object({
  /** The built site. */
  outDir: z.string().min(1),
  /** The card cache (cache.ts). */
  cacheDir: z.string().min(1),
  /** Largest image accepted, in bytes (default CARD_MAX_BYTES; tests lower it). */
  maxBytes: z.number().int().positive().optional(),
});
export type PreviewJob = z.infer<typeof previewJobSchema>;

/** What the drawer reports, as the last line cli.ts prints (job.ts reads it back). */
export const previewSummarySchema = z.object({
  /** Pages with a card. */
  pages: z.number(),
  /** Cards drawn in this run and cards copied from the cache. */
  drawn: z.number(),
  reused: z.number(),
  largestBytes: z.number(),
  totalBytes: z.number(),
  workers: z.number(),
  seconds: z.number(),
  /** CPU time of the drawing process, worker threads included (wall time depends on what else the machine runs). */
  cpuSeconds: z.number(),
  /** Peak resident memory of the drawing process, worker threads included. */
  peakRssBytes: z.number(),
});
export type PreviewSummary = z.infer<typeof previewSummarySchema>;

/** When set, the integration writes its PreviewJob to this file instead of drawing. */
export const PREVIEW_JOB_FILE_ENV = 'LINK_PREVIEW_JOB_FILE';

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The log line; bench/scale.ts reads the seconds and memory back from it. */
export function describePreviewSummary(s: PreviewSummary): string {
  return `미리보기 이미지 ${s.pages}장: 새로 그림 ${s.drawn}, 캐시에서 ${s.reused}, 가장 큰 것 ${(s.largestBytes / 1024).toFixed(1)} KB, 작업 스레드 ${s.workers}개 (${s.seconds.toFixed(1)}초, CPU ${s.cpuSeconds.toFixed(1)}초, 최대 메모리 ${mb(s.peakRssBytes)})`;
}

/** Runs cli.ts for `job` from the project root `root`; a failure rejects with the drawer's message, which names the page. */
export function runPreviewJob(root: string, job: PreviewJob): Promise<PreviewSummary> {
  const cli = join(root, 'src/integrations/link-previews/cli.ts');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, JSON.stringify(job)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = output.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(errors.trim() || `링크 미리보기 이미지를 만들지 못했습니다 (종료 코드 ${code}).`));
      try {
        resolve(z.object({ linkPreviews: previewSummarySchema }).parse(JSON.parse(line)).linkPreviews);
      } catch {
        reject(new Error(`미리보기 작업의 출력을 읽을 수 없습니다: ${line.slice(0, 200)}`));
      }
    });
  });
}
