/**
 * Query benchmark shared by `npm run bench:scale` and the 200-page smoke test:
 * runs a fixed query set in headless Chromium against a served dist, through our
 * search engine (src/korean-search/client/engine.ts, bundled into <dist>/_bench/) and through
 * STOCK Pagefind (<dist>/_stock-pagefind/), and measures bytes on the wire,
 * latency and recall against ground truth computed from the built HTML.
 *
 * Ground truth of a query (search-truth.ts): the indexed pages (src/korean-search/indexer/extract-page.ts,
 * the same extraction the indexer uses) that hold every word the search looks for.
 * A result outside it is an extra result; a page of it not returned is a lost one.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import type { CdpBrowser, CdpPage } from './cdp-browser';
import {
  createKoreanAnalyzer,
  RESULTS_PAGE_SIZE,
  SEARCH_DATA_DIR,
  pageBlocks,
  parseJson,
  searchManifestSchema,
  searchPageSchema,
  extractSearchPage,
  readFragments,
  parseShard,
  type StaticServer,
  type KoreanAnalyzer,
  type VocabularyEntry,
  PAGEFIND_WORKER_SOURCE,
} from '../../src/korean-search/node';
import { STOCK_DIR, percentile, searchablePages } from './search-harness';
import { searchedTerms, truthFor, truthPage, type TruthPage } from './search-truth';

/** Results the UI shows at once; both engines load this many texts per query. */
export const SHOWN_RESULTS = RESULTS_PAGE_SIZE;

/** About 50 queries from the seed vocabulary: compound parts, particles, spacing, multi-word. */
export const BENCH_POSITIVE_QUERIES: readonly string[] = [
  // whole compounds
  '국가AI컴퓨팅센터',
  'AI기본법',
  '1000큐비트급',
  '지역R&D',
  '국가전략기술',
  '국가바이오위원회',
  '예비타당성조사',
  '디지털 포용사회',
  // compound parts
  '컴퓨팅센터',
  '기본법',
  '큐비트',
  '바이오위원회',
  '양자컴퓨터',
  '종합계획',
  '혁신전략',
  '데이터센터',
  '세액공제',
  '출연연',
  '기술사업화',
  '소상공인',
  '통신비',
  '클러스터',
  '실증단지',
  '페타바이트급',
  // with particles
  '바이오 제조 혁신을',
  '출연연의',
  '양자컴퓨터를',
  '스타트업에',
  '데이터센터로',
  'AI기본법을',
  '소상공인이',
  '국가전략기술은',
  // spacing variants
  '정책펀드',
  '경력단절',
  '연구소기업',
  'AI 컴퓨팅 센터',
  '일자리창출',
  '여성과학자',
  // multi-word
  'R&D 예산',
  '규제 완화',
  '기술사업화 플랫폼',
  '과학기술 외교',
  '범부처 CTO',
  '대학 부설 연구소',
  '신진 연구자',
  '지역 경제',
];

/** Queries about nothing on the site: each must return no page. */
export const BENCH_NEGATIVE_QUERIES: readonly string[] = ['김치찌개 레시피', '축구 국가대표 경기', '부동산 양도세', '고양이'];

export const BENCH_QUERIES: readonly string[] = [...BENCH_POSITIVE_QUERIES, ...BENCH_NEGATIVE_QUERIES];

/** The pages both engines index, prepared for the ground truth, and the analyser that reads queries. */
export interface IndexedSite {
  pages: TruthPage[];
  analyzer: KoreanAnalyzer;
  /** The built vocabulary (every shard), for the stems the engine settles on. */
  vocabulary: Map<string, VocabularyEntry>;
}

/** The indexed pages with their text as the indexer extracts it, and the analyser with the build's synonyms. */
export function readIndexedSite(distDir: string): IndexedSite {
  const manifestFile = join(distDir, SEARCH_DATA_DIR, 'manifest.json');
  const manifest = parseJson(searchManifestSchema, readFileSync(manifestFile, 'utf8'), manifestFile);
  const analyzer = createKoreanAnalyzer({ synonyms: manifest.synonyms });
  const pages: TruthPage[] = [];
  for (const { html, url } of searchablePages(distDir)) {
    const page = extractSearchPage(html, url);
    if (!page) continue;
    pages.push(truthPage(page.url, pageBlocks(page), analyzer));
  }
  const vocabulary = new Map<string, VocabularyEntry>();
  const vocabDir = join(distDir, SEARCH_DATA_DIR, 'vocab');
  for (const name of readdirSync(vocabDir))
    for (const [token, entry] of parseShard(gunzipSync(readFileSync(join(vocabDir, name))).toString('utf8'))) vocabulary.set(token, entry);
  return { pages, analyzer, vocabulary };
}

/** Our result ids are Pagefind fragment hashes; each names <dist>/pagefind-ko/doc/<id>.gz, which holds the page URL. */
export function ourIdToUrl(distDir: string): Map<string, string> {
  const dir = join(distDir, SEARCH_DATA_DIR, 'doc');
  const map = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.gz')) continue;
    const doc = parseJson(searchPageSchema, gunzipSync(readFileSync(join(dir, name))).toString('utf8'), join(dir, name));
    map.set(name.replace(/\.gz$/, ''), doc.url);
  }
  return map;
}

export function stockIdToUrl(distDir: string): Map<string, string> {
  return new Map(readFragments(join(distDir, STOCK_DIR)).map(({ hash, fragment }) => [hash, fragment.url]));
}

/** Bundles the search engine (src/korean-search/engine.ts) as an ES module at <dist>/_bench/ours.js that exports one SearchEngine. */
export async function bundleOurEngine(distDir: string): Promise<void> {
  mkdirSync(join(distDir, '_bench'), { recursive: true });
  // The same engine and worker the site bundles with Vite, bundled here on their own
  // so the benchmark page can call the engine without the UI.
  await esbuild({
    stdin: {
      contents:
        "import { SearchEngine } from './src/korean-search/engine';\nexport const engine = new SearchEngine({ createWorker: () => new Worker('/_bench/pagefind-worker.js', { type: 'module' }) });\n",
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    outfile: join(distDir, '_bench', 'ours.js'),
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    logLevel: 'warning',
  });
  await esbuild({
    entryPoints: [fileURLToPath(PAGEFIND_WORKER_SOURCE)],
    outfile: join(distDir, '_bench', 'pagefind-worker.js'),
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    logLevel: 'warning',
  });
}

export type EngineName = 'ours' | 'stock';

export interface QueryMeasure {
  query: string;
  /** Bytes sent by the server (compressed as a production host would, headers included) while the query ran and its first results loaded. */
  bytes: number;
  requests: number;
  /** What was fetched. */
  paths: string[];
  /** Latency; over several rounds, the median (ms of each round in `roundsMs`). */
  ms: number;
  roundsMs?: number[];
  /** Every result id (all pages, not just the shown ones). */
  ids: string[];
  error?: string;
}

/**
 * Runs one query in the page. Kept as source text: DevTools evaluates it as written
 * (a function would be rewritten by Vitest's transform, import() included).
 */
const BROWSER_QUERY = `async ({ query, engine, shown, stockDir }) => {
  const started = performance.now();
  try {
    if (engine === 'ours') {
      const { engine: e } = await import('/_bench/ours.js');
      const outcome = await e.search(query);
      const ids = outcome.kind === 'results' ? outcome.ids : [];
      await Promise.all(ids.slice(0, shown).map((id) => e.loadDoc(id)));
      return { ms: performance.now() - started, ids };
    }
    const pf = await import('/' + stockDir + '/pagefind.js');
    await pf.options({ basePath: '/' + stockDir + '/' });
    const response = await pf.search(query);
    const results = (response && response.results) || [];
    await Promise.all(results.slice(0, shown).map((r) => r.data()));
    return { ms: performance.now() - started, ids: results.map((r) => r.id) };
  } catch (error) {
    return { ms: performance.now() - started, ids: [], error: String(error) };
  }
}`;

/**
 * The idle time before each query after the first, as a reader takes to read results
 * and type again. Without it each query starts while the browser still finishes the
 * last one's background work (WASM tier-up, garbage collection), which roughly doubled
 * the query after the cold one (docs/benchmarks.md). `--think-ms 0` measures back to back.
 */
export const READER_PAUSE_MS = 1000;

/**
 * Runs the query list through each engine of `engines`, each on its own page in a fresh
 * browser context (cold cache), query by query: every query goes to each engine in the
 * order given before the next query starts, so both engines meet the same spells of a busy
 * machine and the same pauses. The first query of each engine pays for its JS/WASM and
 * index metadata. A query = the search plus loading the shown results' texts, as the UI does.
 */
export async function runInterleaved(
  browser: CdpBrowser,
  server: StaticServer,
  engines: readonly EngineName[],
  queries: readonly string[],
  { thinkMs = READER_PAUSE_MS }: { thinkMs?: number } = {},
): Promise<Map<EngineName, QueryMeasure[]>> {
  // Pages on the same origin that load no search code; their own bytes are not counted.
  const pages = new Map<EngineName, CdpPage>();
  for (const engine of engines) pages.set(engine, await browser.newPage(`${server.url}/robots.txt`));
  const measures = new Map<EngineName, QueryMeasure[]>(engines.map((engine) => [engine, []]));
  let last: QueryMeasure | undefined;
  // Anything fetched during a pause (an engine loading ahead) counts to the query before it.
  // The engines take turns and each query is preceded by a pause, so that query is the same engine's.
  const addLateTraffic = () => {
    const late = server.traffic();
    if (!last) return;
    last.bytes += late.bytes;
    last.requests += late.requests;
    last.paths.push(...late.paths);
  };
  const pause = () => (thinkMs > 0 ? new Promise((resolve) => setTimeout(resolve, thinkMs)) : Promise.resolve());
  try {
    for (const query of queries) {
      for (const engine of engines) {
        if (last) await pause();
        addLateTraffic();
        server.resetTraffic();
        const args = { query, engine, shown: SHOWN_RESULTS, stockDir: STOCK_DIR };
        const page = pages.get(engine);
        if (!page) throw new Error(`no page for ${engine}`);
        const result = await page.evaluate<{ ms: number; ids: string[]; error?: string }>(`(${BROWSER_QUERY})(${JSON.stringify(args)})`);
        // Counted at the server, so requests from workers count too; browser-cache hits never reach it.
        const { bytes, requests, paths } = server.traffic();
        last = { query, bytes, requests, paths, ...result };
        measures.get(engine)?.push(last);
        server.resetTraffic();
      }
    }
    await pause();
    addLateTraffic();
  } finally {
    for (const page of pages.values()) await page.close();
  }
  return measures;
}

/** Every query once through one engine (runInterleaved with a single engine). */
export async function runQueries(
  browser: CdpBrowser,
  server: StaticServer,
  engine: EngineName,
  queries: readonly string[],
  options: { thinkMs?: number } = {},
): Promise<QueryMeasure[]> {
  return (await runInterleaved(browser, server, [engine], queries, options)).get(engine) ?? [];
}

/**
 * One measure per query from several rounds of the same query list: the first round's
 * answer and bytes (each round starts cold, so they repeat), the median latency, and
 * the first error of any round. Throws when the rounds ran different queries.
 */
export function medianOfRounds(rounds: readonly (readonly QueryMeasure[])[]): QueryMeasure[] {
  const [first, ...rest] = rounds;
  if (!first) return [];
  return first.map((measure, i) => {
    const same = rest.map((round) => round[i]).filter((m) => m !== undefined);
    if (same.length < rest.length || same.some((m) => m.query !== measure.query)) throw new Error(`rounds differ at query ${i + 1} (${measure.query})`);
    const roundsMs = [measure.ms, ...same.map((m) => m.ms)];
    const error = [measure, ...same].find((m) => m.error)?.error;
    return { ...measure, ms: percentile(roundsMs, 50), roundsMs, ...(error ? { error } : {}) };
  });
}

export interface EngineSummary {
  engine: EngineName;
  firstQueryBytes: number;
  /** Largest and median bytes of the queries after the first. */
  laterBytesMax: number;
  laterBytesP50: number;
  p50: number;
  p95: number;
  /** Latency of the first (cold) query. */
  coldMs: number;
  /** Right answers over all queries (search-truth.ts). */
  truthTotal: number;
  /** Right answers not returned. */
  lost: number;
  /** Pages returned over all queries. */
  returned: number;
  /** Returned pages that are not right answers. */
  extra: number;
  lostQueries: { query: string; lost: number; truth: number; example?: string }[];
  /** Queries with extra results, most first. */
  extraQueries: { query: string; extra: number; returned: number; example?: string }[];
  /** Negative queries (BENCH_NEGATIVE_QUERIES) that returned pages. */
  negativesWithResults: { query: string; returned: number }[];
  /** The later queries that took longest, slowest first: what the p95 is made of. */
  slowest: { query: string; ms: number; requests: number; bytes: number; results: number }[];
  errors: string[];
}

/** How many of the slowest later queries a summary lists. */
const SLOWEST_LISTED = 5;

/** Extra results as a share of all returned pages, in percent. */
export const extraPercent = (s: Pick<EngineSummary, 'extra' | 'returned'>) => (100 * s.extra) / Math.max(1, s.returned);

export function summarize(engine: EngineName, measures: readonly QueryMeasure[], idToUrl: ReadonlyMap<string, string>, site: IndexedSite): EngineSummary {
  const later = measures.slice(1);
  const negatives = new Set(BENCH_NEGATIVE_QUERIES);
  let truthTotal = 0;
  let lost = 0;
  let returned = 0;
  let extra = 0;
  const lostQueries: EngineSummary['lostQueries'] = [];
  const extraQueries: EngineSummary['extraQueries'] = [];
  const negativesWithResults: EngineSummary['negativesWithResults'] = [];
  const errors: string[] = [];
  for (const m of measures) {
    if (m.error) errors.push(`${m.query}: ${m.error}`);
    const truth = truthFor(
      site.pages,
      searchedTerms(m.query, site.analyzer, (t) => site.vocabulary.get(t)),
    );
    const got = new Set(m.ids.map((id) => idToUrl.get(id) ?? `?${id}`));
    const missing = [...truth].filter((u) => !got.has(u));
    const wrong = [...got].filter((u) => !truth.has(u));
    truthTotal += truth.size;
    lost += missing.length;
    returned += got.size;
    extra += wrong.length;
    if (missing.length) lostQueries.push({ query: m.query, lost: missing.length, truth: truth.size, example: missing[0] });
    if (wrong.length) extraQueries.push({ query: m.query, extra: wrong.length, returned: got.size, example: wrong[0] });
    if (negatives.has(m.query) && got.size > 0) negativesWithResults.push({ query: m.query, returned: got.size });
  }
  return {
    engine,
    firstQueryBytes: measures[0]?.bytes ?? 0,
    laterBytesMax: Math.max(0, ...later.map((m) => m.bytes)),
    laterBytesP50: percentile(
      later.map((m) => m.bytes),
      50,
    ),
    p50: percentile(
      later.map((m) => m.ms),
      50,
    ),
    p95: percentile(
      later.map((m) => m.ms),
      95,
    ),
    coldMs: measures[0]?.ms ?? 0,
    truthTotal,
    lost,
    returned,
    extra,
    lostQueries,
    extraQueries: extraQueries.sort((x, y) => y.extra - x.extra),
    negativesWithResults,
    slowest: [...later]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, SLOWEST_LISTED)
      .map((m) => ({ query: m.query, ms: m.ms, requests: m.requests, bytes: m.bytes, results: m.ids.length })),
    errors,
  };
}

export function hasOurIndex(distDir: string): boolean {
  return existsSync(join(distDir, SEARCH_DATA_DIR, 'manifest.json'));
}
