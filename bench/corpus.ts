/**
 * Corpus benchmark: builds the real site over the committed corpus of Korean
 * documentation (bench/corpus/), runs the known-item queries of
 * bench/corpus/queries.json through our search and stock Pagefind in headless
 * Chromium, and prints hit@1 and hit@5 per kind for the dev and held-out parts,
 * with PASS/FAIL lines against the targets of issue 21.
 *
 * Usage: npm run bench:corpus [-- --reuse]
 *   --reuse   skip writing the content and building when .tmp/corpus/dist exists
 * Everything is written under .tmp/corpus/ (git-ignored); per-query results go to
 * .tmp/corpus/results.json.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startStaticServer } from '../src/korean-search/node';
import { withBuildLock } from '../scripts/lib/build-lock';
import { runMeasured } from './harness/measure-process';
import { previewBenchEnv } from './harness/preview-bench';
import { bundleOurEngine, hasOurIndex, ourIdToUrl, readIndexedSite, runQueries, stockIdToUrl, type EngineName } from './harness/search-bench';
import { STOCK_DIR } from './harness/search-harness';
import { launchCdpBrowser } from './harness/cdp-browser';
import { QUERIES_FILE, readCorpus, writeCorpusContent } from './corpus/lib/corpus-data';
import { QUERY_KINDS, queryFileSchema, type BenchQuery, type QueryKind } from './corpus/lib/queries';
import { compact } from './corpus/lib/source-markdown';

const ROOT = resolve(import.meta.dirname, '..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const WORK = join(ROOT, '.tmp', 'corpus');
const PARTS = ['dev', 'heldout'] as const;
type Part = (typeof PARTS)[number];

/** One query's outcome for one engine: the rank of the page sought (1-based, 0 when absent) and what came first. */
export interface QueryOutcome extends BenchQuery {
  engine: EngineName;
  rank: number;
  results: number;
  top: string[];
  error?: string;
}

export interface Score {
  n: number;
  hit1: number;
  hit5: number;
  /** Negatives: queries with no result. */
  empty: number;
}

/** Kinds scored together for the first target. */
const EXACT_KINDS: readonly QueryKind[] = ['title', 'spacing', 'particle', 'heading'];

export function score(outcomes: readonly QueryOutcome[]): Score {
  return {
    n: outcomes.length,
    hit1: outcomes.filter((o) => o.rank === 1).length / Math.max(1, outcomes.length),
    hit5: outcomes.filter((o) => o.rank >= 1 && o.rank <= 5).length / Math.max(1, outcomes.length),
    empty: outcomes.filter((o) => o.results === 0).length,
  };
}

const f3 = (x: number) => x.toFixed(3);

function table(outcomes: readonly QueryOutcome[]): string {
  const rows: string[] = [];
  const head = `${'kind'.padEnd(28)} | ${PARTS.map((p) => `${p.padEnd(7)} n  ours @1  @5    stock @1  @5  `).join(' | ')}`;
  rows.push(head, '-'.repeat(head.length));
  const groups: [string, (o: QueryOutcome) => boolean][] = [
    ...QUERY_KINDS.map((k): [string, (o: QueryOutcome) => boolean] => [k, (o) => o.kind === k]),
    ...(['뭐예요', '어떻게 하나요', '하려면', '인가요'] as const).map((form): [string, (o: QueryOutcome) => boolean] => [
      `  question 「${form}」`,
      (o) => o.form === form,
    ]),
    ['title+spacing+particle+heading', (o) => EXACT_KINDS.includes(o.kind)],
    ['all positive', (o) => o.kind !== 'negative'],
  ];
  for (const [label, match] of groups) {
    const cells = PARTS.map((part) => {
      const ours = score(outcomes.filter((o) => o.engine === 'ours' && o.part === part && match(o)));
      const stock = score(outcomes.filter((o) => o.engine === 'stock' && o.part === part && match(o)));
      if (label === 'negative') return `${''.padEnd(7)} ${String(ours.n).padStart(3)} empty ${ours.empty}/${ours.n}      empty ${stock.empty}/${stock.n}     `;
      return `${''.padEnd(7)} ${String(ours.n).padStart(3)}  ${f3(ours.hit1)} ${f3(ours.hit5)}  ${f3(stock.hit1)} ${f3(stock.hit5)}`;
    });
    rows.push(`${label.padEnd(28)} | ${cells.join(' | ')}`);
  }
  return rows.join('\n');
}

/** The PASS/FAIL lines of our engine against the targets, per part. */
export function targetLines(outcomes: readonly QueryOutcome[]): string[] {
  const lines: string[] = [];
  const check = (ok: boolean, text: string) => lines.push(`${ok ? 'PASS' : 'FAIL'} ${text}`);
  const ours = (part: Part, match: (o: QueryOutcome) => boolean) => score(outcomes.filter((o) => o.engine === 'ours' && o.part === part && match(o)));
  for (const part of PARTS) {
    const exact = ours(part, (o) => EXACT_KINDS.includes(o.kind));
    check(exact.hit1 >= 0.97, `${part} title+spacing+particle+heading hit@1 ${f3(exact.hit1)} (≥ 0.97)`);
    check(exact.hit5 >= 1, `${part} title+spacing+particle+heading hit@5 ${f3(exact.hit5)} (= 1.00)`);
    const negative = ours(part, (o) => o.kind === 'negative');
    check(negative.empty === negative.n, `${part} every negative empty (${negative.empty}/${negative.n})`);
    for (const kind of ['typo', 'question'] as const) {
      const s = ours(part, (o) => o.kind === kind);
      check(s.hit5 >= 0.95, `${part} ${kind} hit@5 ${f3(s.hit5)} (≥ 0.95)`);
    }
    const english = ours(part, (o) => o.kind === 'english');
    check(english.hit5 >= 0.9, `${part} english hit@5 ${f3(english.hit5)} (≥ 0.90)`);
  }
  const dev = ours('dev', (o) => o.kind !== 'negative');
  const held = ours('heldout', (o) => o.kind !== 'negative');
  check(held.hit1 >= dev.hit1 - 0.02, `heldout hit@1 within 2 points of dev (heldout ${f3(held.hit1)}, dev ${f3(dev.hit1)})`);
  return lines;
}

function must(step: string, code: number | null, logFile: string) {
  if (code !== 0) throw new Error(`${step} 실패 (종료 코드 ${code}); 로그: ${logFile}`);
}

async function main() {
  const reuse = process.argv.includes('--reuse');
  const contentDir = join(WORK, 'content');
  const distDir = join(WORK, 'dist');
  const queryFile = queryFileSchema.parse(JSON.parse(readFileSync(QUERIES_FILE, 'utf8')));
  const queries = queryFile.queries;
  const env = { ...process.env, CONTENT_DIR: contentDir, ASTRO_CACHE_DIR: join(WORK, 'cache'), ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' };

  if (!(reuse && existsSync(join(distDir, 'index.html')) && hasOurIndex(distDir) && existsSync(join(distDir, STOCK_DIR)))) {
    mkdirSync(WORK, { recursive: true });
    const pages = writeCorpusContent(readCorpus(), contentDir, ROOT);
    console.log(`말뭉치 ${pages}쪽을 ${contentDir}에 썼습니다`);
    rmSync(distDir, { recursive: true, force: true });
    const buildLog = join(WORK, 'build.log');
    // The link-preview cache is kept between runs: the benchmark measures search, not the build.
    const build = await withBuildLock(ROOT, () =>
      runMeasured('npm', ['run', '--silent', 'build', '--', '--outDir', distDir], {
        env: { ...env, ...previewBenchEnv(WORK, true) },
        cwd: ROOT,
        logFile: buildLog,
      }),
    );
    must('npm run build', build.code, buildLog);
    console.log(`npm run build ${build.seconds.toFixed(1)}초`);
    const stockLog = join(WORK, 'stock.log');
    const stock = await runMeasured(NODE, ['--import', 'tsx', 'bench/harness/stock-pagefind-index.ts', distDir], { env, cwd: ROOT, logFile: stockLog });
    must('기본 Pagefind 색인', stock.code, stockLog);
  }

  // Negatives were checked against the corpus text; check them again against what was indexed.
  const indexed = readIndexedSite(distDir);
  for (const q of queries.filter((x) => x.kind === 'negative')) {
    const key = compact(q.query);
    const holders = indexed.pages.filter((p) => p.blocks.some((b) => compact(b).includes(key)));
    if (holders.length) console.warn(`경고: 부정 질의 「${q.query}」가 색인된 페이지에 있습니다: ${holders[0]?.url}`);
  }

  await bundleOurEngine(distDir);
  const server = await startStaticServer(distDir);
  const browser = await launchCdpBrowser();
  const outcomes: QueryOutcome[] = [];
  try {
    for (const engine of ['ours', 'stock'] as const) {
      const idToUrl = engine === 'ours' ? ourIdToUrl(distDir) : stockIdToUrl(distDir);
      // Back to back: ranking is measured here, not latency.
      const measures = await runQueries(
        browser,
        server,
        engine,
        queries.map((q) => q.query),
        { thinkMs: 0 },
      );
      measures.forEach((m, i) => {
        const q = queries[i];
        if (!q) return;
        const urls = m.ids.map((id) => idToUrl.get(id) ?? `?${id}`);
        const rank = q.expect === null ? 0 : urls.indexOf(q.expect) + 1;
        outcomes.push({ ...q, engine, rank, results: urls.length, top: urls.slice(0, 5), ...(m.error ? { error: m.error } : {}) });
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const resultsFile = join(WORK, 'results.json');
  writeFileSync(resultsFile, JSON.stringify(outcomes, null, 1));
  const parts = PARTS.map((p) => `${p} ${queries.filter((q) => q.part === p).length}`).join(', ');
  console.log(`\n질의 ${queries.length}개 (${parts}), 시드 ${queryFile.seed}, 말뭉치 ${queryFile.pages}쪽\n`);
  console.log(table(outcomes));
  console.log('');
  for (const line of targetLines(outcomes)) console.log(line);
  for (const error of outcomes.filter((o) => o.error)) console.log(`ERROR ${error.engine}: ${error.query}: ${error.error}`);
  console.log('\n우리 검색의 놓친 질의 (종류마다 처음 몇 개):');
  for (const kind of QUERY_KINDS) {
    const misses = outcomes.filter((o) => o.engine === 'ours' && o.kind === kind && (kind === 'negative' ? o.results > 0 : o.rank !== 1));
    for (const o of misses.slice(0, 5)) {
      const where = kind === 'negative' ? `${o.results}쪽` : o.rank === 0 ? `없음 (${o.results}쪽)` : `${o.rank}위`;
      console.log(`  ${kind} [${o.part}] 「${o.query}」 → ${where}; 찾는 쪽 ${o.expect ?? '—'}; 1위 ${o.top[0] ?? '—'}`);
    }
  }
  console.log(`\n질의별 결과: ${resultsFile}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  await main();
}
