/**
 * Scale benchmark: builds the real site over N synthetic Korean policy pages and
 * measures build cost, index size, and search cost and recall in headless
 * Chromium, for our search and for stock Pagefind over the same HTML.
 *
 * Usage: npm run bench:scale -- --pages 1000,10000 [--seed 1] [--reuse] [--json FILE]
 *   --reuse                 skip generation and builds when .tmp/scale/n<N>-s<seed>/dist exists (query part only)
 *   --keep-image-cache      keep the link-preview cache of the last build (a warm build; default: emptied, cold)
 *   --think-ms N            idle time before each query after the first (default READER_PAUSE_MS; 0: back to back)
 *   --rounds N              rounds of the query list (default QUERY_ROUNDS); in each round every query runs
 *                           on our engine and on stock Pagefind in turn, the engine that goes first
 *                           alternating by round, and the round gives one ratio ours/stock of p50 and p95
 * The site is built with the project's own `npm run build` (Astro, whose
 * korean-search integration runs the indexer in a child process), so the figures
 * are those of a real build; the indexer's share comes from the integration's log line.
 * Everything is written under .tmp/scale/ (git-ignored); nothing goes into content/ or dist/.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { writeScaleContent } from '../scripts/generate-scale-content';
import { startStaticServer, SEARCH_DATA_DIR } from '../src/korean-search/node';
import { withBuildLock } from '../scripts/lib/build-lock';
import { runMeasured, type ProcessMeasure } from './harness/measure-process';
import { previewBenchEnv, previewRows, previewStepFromLog, previewTargets, type PreviewStep } from './harness/preview-bench';
import {
  BENCH_NEGATIVE_QUERIES,
  BENCH_QUERIES,
  READER_PAUSE_MS,
  bundleOurEngine,
  medianOfRounds,
  hasOurIndex,
  ourIdToUrl,
  extraPercent,
  readIndexedSite,
  runInterleaved,
  stockIdToUrl,
  summarize,
  type EngineName,
  type EngineSummary,
  type QueryMeasure,
} from './harness/search-bench';
import { STOCK_DIR } from './harness/search-harness';
import { launchCdpBrowser } from './harness/cdp-browser';
import { ratioSpread, ratioVerdict, roundLine, warmLatency, type LatencyRound, type RatioSpread } from './harness/paired-latency';

const ROOT = resolve(import.meta.dirname, '..');
const NODE = join(ROOT, 'node_modules/.bin/node');

/** The indexer's seconds from the korean-search integration's log line ("… (12.3초)"). */
function indexerSecondsFromLog(log: string): number {
  const match = /\[korean-search\][^\n]*\(([\d.]+)초\)/.exec(log);
  return match ? Number(match[1]) : NaN;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

export interface ScaleRun {
  pages: number;
  indexedPages: number;
  generateSeconds: number;
  /** The whole `npm run build` process tree (Astro and the indexer it starts). */
  build: ProcessMeasure;
  /** Seconds the indexer took inside the build, as the integration logged them. */
  indexerSeconds: number;
  /** The link-preview step of the build, as it logged itself (null when the build was reused). */
  previews: PreviewStep | null;
  stockIndexer: ProcessMeasure;
  distBytes: number;
  distFiles: number;
  ourIndexBytes: number;
  ourChunks: { pagefindIndex: number; vocab: number; doc: number; fragment: number };
  stockIndexBytes: number;
  stockChunks: { index: number; fragment: number };
  /** Idle milliseconds before each query after the first, and rounds of the query list (latency: median of the rounds). */
  thinkMs: number;
  rounds: number;
  ours: EngineSummary;
  /** Null when run without the stock comparison (smoke test). */
  stock: EngineSummary | null;
  /** Each round's latency of both engines, timed query by query in turn (empty without the stock comparison). */
  latencyRounds: LatencyRound[];
  /** Ratios ours/stock over the rounds (null without the stock comparison). */
  p50Ratio: RatioSpread | null;
  p95Ratio: RatioSpread | null;
}

export interface ScaleOptions {
  /** Reuse an existing build in the work folder (query part only). */
  reuse?: boolean;
  /** Work folder (default .tmp/scale/n<N>-s<seed>). */
  workDir?: string;
  /** Also build and query stock Pagefind (default true). */
  stock?: boolean;
  log?: (s: string) => void;
  /** Keep the link-preview cache of the last build (default: empty it, a cold build). */
  keepImageCache?: boolean;
  /** Idle milliseconds before each query after the first (default READER_PAUSE_MS; 0: back to back). */
  thinkMs?: number;
  /** Rounds of the query list, both engines in turn query by query; each query's latency is its median (default QUERY_ROUNDS). */
  rounds?: number;
}

/**
 * Rounds of the query list. One round's p95 is its third-slowest query, so a single slow
 * spell of a 2-core machine moves it (docs/benchmarks.md); each query's median over
 * three rounds is steadier, and three ratios ours/stock show their spread.
 */
export const QUERY_ROUNDS = 3;

/** Bytes and files under `dir`, leaving out the top-level entries named in `skip`. */
function dirStats(dir: string, skip: readonly string[] = []): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  if (!existsSync(dir)) return { bytes, files };
  for (const file of globSync('**', { cwd: dir, ignore: skip.flatMap((name) => [name, `${name}/**`]), dot: true, expandDirectories: false })) {
    bytes += statSync(join(dir, file)).size;
    files++;
  }
  return { bytes, files };
}
const countFiles = (dir: string, suffix: string) => (existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith(suffix)).length : 0);

function must(step: string, m: ProcessMeasure, logFile: string) {
  if (m.code !== 0) throw new Error(`${step} 실패 (종료 코드 ${m.code}); 로그: ${logFile}`);
}

export async function runScale(pages: number, seed: number, options: ScaleOptions = {}): Promise<ScaleRun> {
  const log = options.log ?? ((s: string) => console.log(s));
  const withStock = options.stock ?? true;
  const work = options.workDir ?? join(ROOT, '.tmp', 'scale', `n${pages}-s${seed}`);
  const contentDir = join(work, 'content');
  const distDir = join(work, 'dist');
  const cacheDir = join(work, 'cache');
  const env = {
    ...process.env,
    CONTENT_DIR: contentDir,
    ASTRO_CACHE_DIR: cacheDir,
    ASTRO_TELEMETRY_DISABLED: '1',
    FORCE_COLOR: '0',
  };
  const reuse = options.reuse && existsSync(join(distDir, 'index.html')) && hasOurIndex(distDir) && (!withStock || existsSync(join(distDir, STOCK_DIR)));
  const skipped: ProcessMeasure = { code: 0, seconds: NaN, maxRssBytes: null, treePeakBytes: NaN, byProgram: {} };
  let generateSeconds = NaN;
  let build = skipped;
  let indexerSeconds = NaN;
  let previews: PreviewStep | null = null;
  let stockIndexer = skipped;

  if (!reuse) {
    mkdirSync(work, { recursive: true });
    const t = performance.now();
    writeScaleContent({ pages, seed, outDir: contentDir });
    generateSeconds = (performance.now() - t) / 1000;
    log(`[${pages}] 콘텐츠 생성 ${generateSeconds.toFixed(1)}초`);
    rmSync(distDir, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
    const buildLog = join(work, 'build.log');
    const keepImageCache = options.keepImageCache ?? false;
    build = await withBuildLock(ROOT, () =>
      runMeasured('npm', ['run', '--silent', 'build', '--', '--outDir', distDir], {
        env: { ...env, ...previewBenchEnv(work, keepImageCache) },
        cwd: ROOT,
        logFile: buildLog,
      }),
    );
    must('npm run build', build, buildLog);
    indexerSeconds = indexerSecondsFromLog(readFileSync(buildLog, 'utf8'));
    previews = previewStepFromLog(readFileSync(buildLog, 'utf8'), !keepImageCache);
    log(
      `[${pages}] npm run build ${build.seconds.toFixed(1)}초 (검색 색인 ${indexerSeconds.toFixed(1)}초, 미리보기 이미지 ${previews?.seconds.toFixed(1) ?? '—'}초·최대 ${previews?.peakMb ?? '—'} MB), 프로세스 트리 최대 ${mb(build.treePeakBytes)}`,
    );
    if (withStock) {
      stockIndexer = await runMeasured(NODE, ['--import', 'tsx', 'bench/harness/stock-pagefind-index.ts', distDir], {
        env,
        cwd: ROOT,
        logFile: join(work, 'stock.log'),
      });
      must('기본 Pagefind 색인', stockIndexer, join(work, 'stock.log'));
      log(`[${pages}] 기본 Pagefind 색인 ${stockIndexer.seconds.toFixed(1)}초`);
    }
  }

  const site = dirStats(distDir, ['pagefind', SEARCH_DATA_DIR, STOCK_DIR, '_bench']);
  const ourIndexBytes = dirStats(join(distDir, 'pagefind')).bytes + dirStats(join(distDir, SEARCH_DATA_DIR)).bytes;
  const ourChunks = {
    pagefindIndex: countFiles(join(distDir, 'pagefind', 'index'), '.pf_index'),
    vocab: countFiles(join(distDir, SEARCH_DATA_DIR, 'vocab'), '.gz'),
    doc: countFiles(join(distDir, SEARCH_DATA_DIR, 'doc'), '.gz'),
    fragment: countFiles(join(distDir, 'pagefind', 'fragment'), '.pf_fragment'),
  };
  const stockIndexBytes = dirStats(join(distDir, STOCK_DIR)).bytes;
  const stockChunks = {
    index: countFiles(join(distDir, STOCK_DIR, 'index'), '.pf_index'),
    fragment: countFiles(join(distDir, STOCK_DIR, 'fragment'), '.pf_fragment'),
  };

  const indexed = readIndexedSite(distDir);
  await bundleOurEngine(distDir);
  const server = await startStaticServer(distDir);
  const browser = await launchCdpBrowser();
  try {
    const protocol = { thinkMs: options.thinkMs ?? READER_PAUSE_MS };
    const rounds = options.rounds ?? QUERY_ROUNDS;
    // Each query runs on both engines in turn, so a slow spell of the machine falls on both;
    // the engine that goes first alternates by round, so neither always meets the other's after-work.
    const oursRounds: QueryMeasure[][] = [];
    const stockRounds: QueryMeasure[][] = [];
    const latencyRounds: LatencyRound[] = [];
    for (let round = 0; round < rounds; round++) {
      const order: EngineName[] = !withStock ? ['ours'] : round % 2 === 0 ? ['ours', 'stock'] : ['stock', 'ours'];
      const measured = await runInterleaved(browser, server, order, BENCH_QUERIES, protocol);
      const oursRound = measured.get('ours') ?? [];
      const stockRound = measured.get('stock') ?? [];
      oursRounds.push(oursRound);
      if (withStock) {
        stockRounds.push(stockRound);
        const latency: LatencyRound = { first: order[0] ?? 'ours', ours: warmLatency(oursRound), stock: warmLatency(stockRound) };
        latencyRounds.push(latency);
        log(`[${pages}] ${roundLine(latency, round)}`);
      }
    }
    const oursMeasures = medianOfRounds(oursRounds);
    const stockMeasures = medianOfRounds(stockRounds);
    const ours = summarize('ours', oursMeasures, ourIdToUrl(distDir), indexed);
    const stock = withStock ? summarize('stock', stockMeasures, stockIdToUrl(distDir), indexed) : null;
    const brief = (list: typeof oursMeasures) => list.map(({ ids, ...m }) => ({ ...m, results: ids.length }));
    writeFileSync(join(work, 'queries.json'), JSON.stringify({ ours: brief(oursMeasures), stock: brief(stockMeasures) }, null, 1));
    return {
      pages,
      indexedPages: indexed.pages.length,
      generateSeconds,
      build,
      indexerSeconds,
      previews,
      stockIndexer,
      distBytes: site.bytes,
      distFiles: site.files,
      ourIndexBytes,
      ourChunks,
      stockIndexBytes,
      stockChunks,
      thinkMs: protocol.thinkMs,
      rounds,
      ours,
      stock,
      latencyRounds,
      p50Ratio: withStock ? ratioSpread(latencyRounds, 'p50') : null,
      p95Ratio: withStock ? ratioSpread(latencyRounds, 'p95') : null,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

// ---------------------------------------------------------------------------
// Printing

const mb = (b: number | null) => (b === null || Number.isNaN(b) ? '—' : `${(b / 1024 / 1024).toFixed(0)} MB`);
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const sec = (s: number) => (Number.isNaN(s) ? '—' : `${s.toFixed(1)} s`);
const ms = (n: number) => `${n.toFixed(1)} ms`;
const spread = (s: RatioSpread | null) => (s ? `${s.median.toFixed(2)} (${s.min.toFixed(2)}–${s.max.toFixed(2)})` : '—');
const programs = (m: ProcessMeasure) =>
  Object.entries(m.byProgram ?? {})
    .filter(([name, b]) => b > 50 * 1024 * 1024 && name !== 'time')
    .sort((a, b) => b[1] - a[1])
    .map(([name, b]) => `${name} ${mb(b)}`)
    .join(', ') || '—';

export function formatTable(runs: readonly ScaleRun[]): string {
  const rows: [string, (r: ScaleRun) => string][] = [
    ['policy pages generated', (r) => String(r.pages)],
    ['pages indexed (policy+glossary)', (r) => String(r.indexedPages)],
    ['build: npm run build (total)', (r) => sec(r.build.seconds)],
    ['build: of which search indexer', (r) => sec(r.indexerSeconds)],
    ...previewRows<ScaleRun>(),
    ['peak RSS build (max process)', (r) => mb(r.build.maxRssBytes)],
    ['peak RSS build (process tree)', (r) => mb(r.build.treePeakBytes)],
    ['peak RSS by program', (r) => programs(r.build)],
    ['dist size (site without indexes)', (r) => `${mb(r.distBytes)} / ${r.distFiles} files`],
    ['our index size (pagefind + pagefind-ko)', (r) => mb(r.ourIndexBytes)],
    [
      'our chunks: pf_index / vocab / doc / fragment',
      (r) => `${r.ourChunks.pagefindIndex} / ${r.ourChunks.vocab} / ${r.ourChunks.doc} / ${r.ourChunks.fragment}`,
    ],
    ['queries: rounds (engines in turn) / pause before each', (r) => `${r.rounds} / ${r.thinkMs} ms`],
    ['OURS first query bytes (cold)', (r) => kb(r.ours.firstQueryBytes)],
    ['OURS later query bytes max / p50', (r) => `${kb(r.ours.laterBytesMax)} / ${kb(r.ours.laterBytesP50)}`],
    ['OURS latency cold / p50 / p95 (median of rounds)', (r) => `${ms(r.ours.coldMs)} / ${ms(r.ours.p50)} / ${ms(r.ours.p95)}`],
    ['OURS lost / right answers', (r) => `${r.ours.lost} / ${r.ours.truthTotal}`],
    ['OURS extra / returned', (r) => `${r.ours.extra} / ${r.ours.returned} = ${extraPercent(r.ours).toFixed(2)}%`],
    ['stock indexer time / tree peak', (r) => `${sec(r.stockIndexer.seconds)} / ${mb(r.stockIndexer.treePeakBytes)}`],
    ['stock index size', (r) => mb(r.stockIndexBytes)],
    ['stock chunks: pf_index / fragment', (r) => `${r.stockChunks.index} / ${r.stockChunks.fragment}`],
    ['STOCK first query bytes (cold)', (r) => (r.stock ? kb(r.stock.firstQueryBytes) : '—')],
    ['STOCK later query bytes max / p50', (r) => (r.stock ? `${kb(r.stock.laterBytesMax)} / ${kb(r.stock.laterBytesP50)}` : '—')],
    ['STOCK latency cold / p50 / p95 (median of rounds)', (r) => (r.stock ? `${ms(r.stock.coldMs)} / ${ms(r.stock.p50)} / ${ms(r.stock.p95)}` : '—')],
    ['ratio ours/stock p50 (rounds min–max)', (r) => spread(r.p50Ratio)],
    ['ratio ours/stock p95 (rounds min–max)', (r) => spread(r.p95Ratio)],
    [
      'STOCK lost / right answers',
      (r) => (r.stock ? `${r.stock.lost} / ${r.stock.truthTotal} = ${((100 * r.stock.lost) / Math.max(1, r.stock.truthTotal)).toFixed(1)}% lost` : '—'),
    ],
    ['STOCK extra / returned', (r) => (r.stock ? `${r.stock.extra} / ${r.stock.returned} = ${extraPercent(r.stock).toFixed(2)}%` : '—')],
  ];
  const width = Math.max(...rows.map(([l]) => l.length));
  const colWidth = Math.max(22, ...runs.flatMap((r) => rows.map(([, f]) => f(r).length)));
  const header = `${'N ='.padEnd(width)} | ${runs.map((r) => String(r.pages).padEnd(colWidth)).join(' | ')}`;
  const lines = [header, '-'.repeat(header.length)];
  for (const [label, f] of rows) lines.push(`${label.padEnd(width)} | ${runs.map((r) => f(r).padEnd(colWidth)).join(' | ')}`);
  const [a] = runs;
  const b = runs.at(-1);
  if (runs.length > 1 && a && b) {
    const k = b.pages / a.pages;
    lines.push(
      '',
      `growth ${a.pages} → ${b.pages} (×${k}): build ×${(b.build.seconds / a.build.seconds).toFixed(1)}, indexer ×${(b.indexerSeconds / a.indexerSeconds).toFixed(1)}, dist ×${(b.distBytes / a.distBytes).toFixed(1)}, our index ×${(b.ourIndexBytes / a.ourIndexBytes).toFixed(1)}, build peak RSS ×${(b.build.treePeakBytes / a.build.treePeakBytes).toFixed(1)}`,
    );
  }
  return lines.join('\n');
}

export function targetReport(r: ScaleRun): string[] {
  const fails: string[] = [];
  const check = (ok: boolean, text: string) => fails.push(`${ok ? 'PASS' : 'FAIL'} ${text}`);
  check(r.ours.lost === 0, `zero lost results (lost ${r.ours.lost} of ${r.ours.truthTotal})`);
  check(extraPercent(r.ours) <= 0.1, `extra results ≤ 0.1% of returned pages (${r.ours.extra} of ${r.ours.returned} = ${extraPercent(r.ours).toFixed(2)}%)`);
  check(
    r.ours.negativesWithResults.length === 0,
    `every negative query empty (${BENCH_NEGATIVE_QUERIES.length - r.ours.negativesWithResults.length}/${BENCH_NEGATIVE_QUERIES.length} empty)`,
  );
  check(r.ours.firstQueryBytes <= 300 * 1024, `first query ≤ 300 KB (${kb(r.ours.firstQueryBytes)})`);
  check(r.ours.laterBytesMax <= 150 * 1024, `later queries ≤ 150 KB (max ${kb(r.ours.laterBytesMax)})`);
  if (r.p95Ratio) {
    r.latencyRounds.forEach((round, i) => fails.push(`  ${roundLine(round, i)}`));
    fails.push(ratioVerdict(`p95 ours ≤ stock at ${r.pages} pages`, r.p95Ratio));
    if (r.p50Ratio) fails.push(`  p50 ours/stock at ${r.pages} pages: ${spread(r.p50Ratio)}`);
  }
  check(r.ours.p95 <= 150, `p95 latency ≤ 150 ms (${ms(r.ours.p95)})`);
  if (!Number.isNaN(r.build.seconds)) check(r.build.seconds <= 600, `build ≤ 10 min (${sec(r.build.seconds)})`);
  const peak = Math.max(r.build.maxRssBytes ?? 0, r.build.treePeakBytes || 0);
  if (peak) check(peak <= 4 * 1024 ** 3, `peak memory ≤ 4 GB (${mb(peak)}, whole build process tree)`);
  if (!Number.isNaN(r.build.seconds)) fails.push(...previewTargets(r.previews));
  for (const e of [...r.ours.errors.map((e) => `ours: ${e}`), ...(r.stock?.errors ?? []).map((e) => `stock: ${e}`)]) fails.push(`ERROR ${e}`);
  for (const q of r.ours.lostQueries) fails.push(`  ours lost: "${q.query}" ${q.lost}/${q.truth} (e.g. ${q.example})`);
  for (const q of r.ours.extraQueries.slice(0, 8)) fails.push(`  ours extra: "${q.query}" ${q.extra}/${q.returned} (e.g. ${q.example})`);
  for (const q of r.ours.negativesWithResults) fails.push(`  ours negative with results: "${q.query}" ${q.returned} pages`);
  for (const summary of [r.ours, r.stock]) {
    if (!summary) continue;
    const slowest = summary.slowest.map((q) => `"${q.query}" ${ms(q.ms)} (${q.results} results, ${q.requests} requests, ${kb(q.bytes)})`);
    fails.push(`  ${summary.engine} slowest: ${slowest.join(', ')}`);
  }
  return fails;
}

async function main() {
  const list = (arg('pages') ?? '1000,10000').split(',').map(Number);
  const seed = Number(arg('seed') ?? 1);
  const runs: ScaleRun[] = [];
  for (const n of list) {
    if (!Number.isInteger(n) || n < 1) throw new Error(`--pages 값이 올바르지 않습니다: ${n}`);
    const thinkMs = arg('think-ms') === undefined ? undefined : Number(arg('think-ms'));
    if (thinkMs !== undefined && !(Number.isFinite(thinkMs) && thinkMs >= 0)) throw new Error(`--think-ms 값이 올바르지 않습니다: ${arg('think-ms')}`);
    const rounds = arg('rounds') === undefined ? undefined : Number(arg('rounds'));
    if (rounds !== undefined && !(Number.isInteger(rounds) && rounds >= 1)) throw new Error(`--rounds 값이 올바르지 않습니다: ${arg('rounds')}`);
    const run = await runScale(n, seed, { reuse: flag('reuse'), keepImageCache: flag('keep-image-cache'), thinkMs, rounds });
    runs.push(run);
    console.log(`\n${formatTable([run])}\n`);
    for (const line of targetReport(run)) console.log(line);
    const stockLost = (run.stock?.lostQueries ?? []).map((q) => `"${q.query}" ${q.lost}/${q.truth}`).join(', ');
    if (stockLost) console.log(`  stock lost: ${stockLost}`);
  }
  if (runs.length > 1) console.log(`\n=== side by side ===\n${formatTable(runs)}`);
  const jsonFile = arg('json') ?? join(ROOT, '.tmp', 'scale', `results-s${seed}.json`);
  writeFileSync(jsonFile, JSON.stringify(runs, null, 1));
  console.log(`\n결과 JSON: ${jsonFile}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  await main();
}
