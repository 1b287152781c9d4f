/**
 * `npm run build [-- astro build options]`: Astro with a V8 heap cap of 1,024 MB,
 * then, once Astro has exited, the Korean search index and the link-preview images,
 * each in a process of its own (src/korean-search/indexer/run-indexer.ts explains
 * the memory reason). The result is the same as a plain `astro build`, which does
 * both inside its own run.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { JOB_FILE_ENV, describeSummary, runDeferredIndex } from '../src/korean-search/index';
import { PREVIEW_JOB_FILE_ENV, describePreviewSummary, previewJobSchema, runPreviewJob } from '../src/integrations/link-previews/job';

const ROOT = resolve(import.meta.dirname, '..');
/** Astro's heap cap: higher caps let garbage pile up and took the largest benchmark build past its memory budget (docs/benchmarks.md). */
const ASTRO_HEAP_MB = 1024;

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((ok, fail) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.on('error', fail);
    child.on('close', (code, signal) => ok(code ?? (signal ? 1 : 0)));
  });
}

const work = mkdtempSync(join(tmpdir(), 'korean-search-job-'));
const jobFile = join(work, 'job.json');
const previewJobFile = join(work, 'preview-job.json');
try {
  const astro = join(ROOT, 'node_modules/astro/bin/astro.mjs');
  const code = await run(process.execPath, [`--max-old-space-size=${ASTRO_HEAP_MB}`, astro, 'build', ...process.argv.slice(2)], {
    ...process.env,
    [JOB_FILE_ENV]: jobFile,
    [PREVIEW_JOB_FILE_ENV]: previewJobFile,
  });
  if (code !== 0) process.exit(code);
  console.log(`[korean-search] ${describeSummary(await runDeferredIndex(ROOT, jobFile))}`);
  if (!existsSync(previewJobFile)) throw new Error('Astro 빌드가 미리보기 이미지 작업을 남기지 않았습니다: astro.config의 linkPreviews 통합을 확인하세요.');
  const previewJob = previewJobSchema.parse(JSON.parse(readFileSync(previewJobFile, 'utf8')));
  console.log(`[link-previews] ${describePreviewSummary(await runPreviewJob(ROOT, previewJob))}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
