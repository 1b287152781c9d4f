/**
 * The link-preview step in the scale benchmark (bench/scale.ts): where its cache
 * lives for a benchmark build, its time and memory read back from the build log, and
 * the table rows and target lines it adds.
 */
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { CACHE_DIR_ENV } from '../../src/integrations/link-previews/cache';

export interface PreviewStep {
  /** Pages with a card; cards drawn and copied from the cache. */
  pages: number;
  drawn: number;
  reused: number;
  largestKb: number;
  workers: number;
  /** The drawing process alone, as it logged itself. */
  seconds: number;
  /** Its CPU time, worker threads included. */
  cpuSeconds: number;
  peakMb: number;
  /** Whether the cache was emptied before the build (a cold build). */
  cold: boolean;
}

/**
 * The environment for a benchmark build: the card cache in the work folder, emptied
 * first unless `keep` (a warm build: `--keep-image-cache`).
 */
export function previewBenchEnv(work: string, keep: boolean): Record<string, string> {
  const cacheDir = join(work, 'link-preview-cache');
  if (!keep) rmSync(cacheDir, { recursive: true, force: true });
  return { [CACHE_DIR_ENV]: cacheDir };
}

/** The figures of the `[link-previews] …` line the build printed (job.ts, describePreviewSummary), or null. */
export function previewStepFromLog(log: string, cold: boolean): PreviewStep | null {
  const m =
    /\[link-previews\] 미리보기 이미지 (\d+)장: 새로 그림 (\d+), 캐시에서 (\d+), 가장 큰 것 ([\d.]+) KB, 작업 스레드 (\d+)개 \(([\d.]+)초, CPU ([\d.]+)초, 최대 메모리 (\d+) MB\)/.exec(
      log,
    );
  if (!m) return null;
  // Every group of the pattern is a required number, so each is a number here.
  const [pages = 0, drawn = 0, reused = 0, largestKb = 0, workers = 0, seconds = 0, cpuSeconds = 0, peakMb = 0] = m.slice(1).map(Number);
  return { pages, drawn, reused, largestKb, workers, seconds, cpuSeconds, peakMb, cold };
}

export function previewRows<R extends { previews: PreviewStep | null }>(): [string, (r: R) => string][] {
  const show = (r: R, f: (p: PreviewStep) => string) => (r.previews ? f(r.previews) : '—');
  return [
    [
      'build: of which link-preview images',
      (r) =>
        show(
          r,
          (p) =>
            `${p.seconds.toFixed(1)} s, CPU ${p.cpuSeconds.toFixed(1)} s (${p.cold ? 'cold' : 'warm'} cache: ${p.drawn} drawn, ${p.reused} reused, ${p.workers} threads)`,
        ),
    ],
    ['peak RSS link-preview step', (r) => show(r, (p) => `${p.peakMb} MB`)],
    ['largest link-preview image', (r) => show(r, (p) => `${p.largestKb.toFixed(1)} KB / ${p.pages} images`)],
  ];
}

export function previewTargets(step: PreviewStep | null): string[] {
  if (!step) return ['FAIL link-preview images: no [link-previews] line in the build log'];
  return [`${step.largestKb <= 100 ? 'PASS' : 'FAIL'} every link-preview image ≤ 100 KB (largest ${step.largestKb.toFixed(1)} KB of ${step.pages})`];
}
