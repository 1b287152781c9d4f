/**
 * Draws the link-preview card of every page of a built site (run in a process of its
 * own, see job.ts): reads the cards from the pages, copies the ones the cache holds,
 * and draws the rest on a pool of worker threads, one per core.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CARD_MAX_BYTES, type LinkCard } from '../../lib/link-card';
import { must } from '../../lib/must';
import { ogImagePath } from '../../lib/urls';
import { readBuiltCards } from './built-cards';
import { cacheFingerprint, cachedFile, cardCacheKey } from './cache';
import { missingCharacters, readCoverageFile } from './font-coverage';
import { cardFontFiles } from './fonts';
import type { DrawReply, DrawTask } from './worker';
import type { PreviewJob, PreviewSummary } from './job';

export type { PreviewJob, PreviewSummary };

/** Cache entries no build has used for this long are deleted. */
const CACHE_MAX_AGE_DAYS = 30;

interface Group {
  key: string;
  card: LinkCard;
  routes: string[];
  outFiles: string[];
}

export async function drawLinkPreviews(job: PreviewJob): Promise<PreviewSummary> {
  const started = performance.now();
  const maxBytes = job.maxBytes ?? CARD_MAX_BYTES;
  const pages = readBuiltCards(job.outDir);
  let fingerprint: string;
  try {
    fingerprint = cacheFingerprint();
  } catch (error) {
    throw new Error(
      `링크 미리보기 이미지를 그릴 수 없습니다 (${pages[0]?.route ?? '쪽 없음'} 외 ${Math.max(0, pages.length - 1)}쪽): ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }

  checkCharacters(pages);

  // Pages whose cards say the same thing share one drawing.
  const groups = new Map<string, Group>();
  for (const { route, card } of pages) {
    const key = cardCacheKey(card, fingerprint);
    const group = groups.get(key) ?? { key, card, routes: [], outFiles: [] };
    group.routes.push(route);
    group.outFiles.push(join(job.outDir, ogImagePath(route)));
    groups.set(key, group);
  }

  let reused = 0;
  let largestBytes = 0;
  let totalBytes = 0;
  const toDraw: Group[] = [];
  const now = new Date();
  for (const group of groups.values()) {
    const cached = cachedFile(job.cacheDir, group.key);
    if (!existsSync(cached)) {
      toDraw.push(group);
      continue;
    }
    const bytes = statSync(cached).size;
    if (bytes > maxBytes)
      throw new Error(
        `링크 미리보기 이미지가 너무 큽니다 (${group.routes.join(', ')}): ${(bytes / 1024).toFixed(1)} KB, 한도 ${(maxBytes / 1024).toFixed(0)} KB`,
      );
    for (const out of group.outFiles) {
      mkdirSync(dirname(out), { recursive: true });
      copyFileSync(cached, out);
    }
    utimesSync(cached, now, now);
    reused += group.routes.length;
    largestBytes = Math.max(largestBytes, bytes);
    totalBytes += bytes * group.routes.length;
  }

  const workers = Math.min(availableParallelism(), toDraw.length);
  const drawn = await drawOnPool(toDraw, workers, job.cacheDir, maxBytes, (group, bytes) => {
    largestBytes = Math.max(largestBytes, bytes);
    totalBytes += bytes * group.routes.length;
  });
  pruneCache(job.cacheDir, CACHE_MAX_AGE_DAYS);
  return {
    pages: pages.length,
    drawn,
    reused,
    largestBytes,
    totalBytes,
    workers,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
    peakRssBytes: peakRss(),
  };
}

/**
 * Refuses cards with characters Pretendard has no glyph for (Hanja, emoji): Skia would
 * draw them in some system font, which differs between machines (font-coverage.ts).
 */
function checkCharacters(pages: { route: string; card: LinkCard }[]): void {
  const files = cardFontFiles();
  const bold = readCoverageFile(files.bold);
  const semibold = readCoverageFile(files.semibold);
  const problems: string[] = [];
  for (const { route, card } of pages) {
    const missing = [...new Set([...missingCharacters(card.title, bold), ...missingCharacters(`${card.section ?? ''} ${card.site}`, semibold)])];
    if (missing.length)
      problems.push(`${route}: ${missing.map((c) => `${c} (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`).join(', ')}`);
  }
  if (problems.length > 0) {
    const more = problems.length > 20 ? `\n… 외 ${problems.length - 20}쪽` : '';
    throw new Error(
      `링크 미리보기 카드의 글꼴(Pretendard)에 없는 글자가 있습니다. 그 글자를 한글로 풀어 쓰거나 빼세요:\n${problems.slice(0, 20).join('\n')}${more}`,
    );
  }
}

/** Draws every group on `size` worker threads; the first failure stops them all and names its pages. */
function drawOnPool(groups: Group[], size: number, cacheDir: string, maxBytes: number, done: (group: Group, bytes: number) => void): Promise<number> {
  if (groups.length === 0) return Promise.resolve(0);
  return new Promise((resolve, reject) => {
    const pool: Worker[] = [];
    let next = 0;
    let finished = 0;
    let failed = false;
    const stop = (error: Error) => {
      if (failed) return;
      failed = true;
      for (const worker of pool) void worker.terminate();
      reject(error);
    };
    const send = (worker: Worker) => {
      if (next >= groups.length) return;
      const id = next++;
      const group = must(groups[id], `preview group ${id}`);
      worker.postMessage({ id, card: group.card, cacheFile: cachedFile(cacheDir, group.key), outFiles: group.outFiles, maxBytes } satisfies DrawTask);
    };
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('./worker.ts', import.meta.url));
      pool.push(worker);
      worker.on('message', (reply: DrawReply) => {
        const group = must(groups[reply.id], `preview group ${reply.id}`);
        if ('error' in reply) return stop(new Error(`링크 미리보기 이미지를 그리지 못했습니다 (${group.routes.join(', ')}): ${reply.error}`));
        done(group, reply.bytes);
        finished++;
        if (finished < groups.length) return send(worker);
        for (const w of pool) void w.terminate();
        resolve(groups.reduce((n, g) => n + g.routes.length, 0));
      });
      worker.on('error', (error: Error) => stop(new Error(`카드 작업 스레드가 멈췄습니다: ${error.message}`)));
      send(worker);
    }
  });
}

/**
 * This process's peak resident memory, worker threads included: Linux's VmHWM, which
 * belongs to this program alone (getrusage's maxRSS also counts the parent it was
 * forked from, e.g. Astro's under a plain `astro build`).
 */
function peakRss(): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) * 1024;
  } catch {
    // Not Linux.
  }
  return process.resourceUsage().maxRSS * 1024;
}

/** Deletes cache entries not used (copied or drawn) for `days` days. */
function pruneCache(cacheDir: string, days: number): void {
  if (!existsSync(cacheDir)) return;
  const cutoff = Date.now() - days * 24 * 3600 * 1000;
  for (const dir of readdirSync(cacheDir, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    const path = join(cacheDir, dir.name);
    for (const name of readdirSync(path)) {
      const file = join(path, name);
      if (statSync(file).mtimeMs < cutoff) rmSync(file, { force: true });
    }
  }
}
