/**
 * Pieces for judging search on a built site in real Chromium, shared by
 * bench:search and the later scale benchmark:
 *
 * - a static server that counts the bytes it sends (Pagefind searches in a
 *   Web Worker, whose requests a page-level DevTools session does not see);
 * - a stock Pagefind index over the same pages, for comparison;
 * - drivers for our /search/ page and for stock Pagefind's JS API;
 * - the summary figures (the pass rule is scripts/lib/search-judge.ts, shared with
 *   the ranking test).
 */
import { RESULTS_PAGE_SIZE, urlOfBuiltFile, listBuiltPages, type StaticServer } from '../../src/korean-search/node';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import type { Browser, Page } from 'playwright-core';
import { passRank, type EvalQuery } from '../../scripts/lib/search-judge';

export const STOCK_DIR = '_stock-pagefind';

/** Built pages that search indexes (their article carries data-search-page). */
export function searchablePages(distDir: string): { file: string; url: string; html: string }[] {
  return listBuiltPages(distDir)
    .map((file) => ({ file, url: urlOfBuiltFile(relative(distDir, file)), html: readFileSync(file, 'utf8') }))
    .filter((p) => /<article[^>]*\sdata-search-page[\s=>]/.test(p.html));
}

/**
 * Stock Pagefind over the same pages and the same part of them (the article,
 * minus data-search-ignore), written to dist/_stock-pagefind/.
 */
export async function buildStockIndex(distDir: string): Promise<number> {
  const out = join(distDir, STOCK_DIR);
  rmSync(out, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({ rootSelector: 'article[data-search-page]', excludeSelectors: ['[data-search-ignore]'] });
  if (!index) throw new Error(errors.join('; '));
  const pages = searchablePages(distDir);
  for (const page of pages) {
    const added = await index.addHTMLFile({ url: page.url, content: page.html });
    if (added.errors.length) throw new Error(`${page.url}: ${added.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath: out });
  if (written.errors.length) throw new Error(written.errors.join('; '));
  await pagefind.close();
  return pages.length;
}

export interface QueryRun {
  query: EvalQuery;
  total: number;
  /** Result URLs in rank order (as many as the engine showed, ≤ 5). */
  urls: string[];
  ms: number;
  bytes: number;
}

export interface Engine {
  name: string;
  /** Opens a page ready to search, in a fresh (cold) browser context. */
  open(browser: Browser, server: StaticServer): Promise<Page>;
  run(page: Page, query: string): Promise<{ total: number; urls: string[] }>;
}

const pathOf = (href: string) => new URL(href, 'http://x').pathname;

/** Our search, driven through the real /search/ page UI. */
export const oursEngine: Engine = {
  name: 'ours',
  async open(browser, server) {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/search/`);
    await page.waitForFunction(() => document.querySelector('[data-search-input]') !== null);
    return page;
  },
  async run(page, query) {
    const result = await page.evaluate(async (q) => {
      const input = document.querySelector<HTMLInputElement>('[data-search-input]');
      const form = document.querySelector<HTMLFormElement>('[data-search-form]');
      const list = document.querySelector<HTMLElement>('[data-search-results]');
      if (!input || !form || !list) throw new Error('the search page lacks its input, form or result list');
      // The bundle may still be loading on a cold page: wait until it has bound the form.
      const done = new Promise<void>((ok) => {
        const observer = new MutationObserver(() => {
          if (list.getAttribute('aria-busy') === 'false') {
            observer.disconnect();
            ok();
          }
        });
        observer.observe(list, { attributes: true, attributeFilter: ['aria-busy'] });
      });
      input.value = q;
      form.requestSubmit();
      await done;
      return {
        total: Number(list.dataset.total ?? '0'),
        urls: [...list.querySelectorAll('[data-search-result]')].map((li) => {
          const href = li.querySelector('a')?.getAttribute('href');
          if (href == null) throw new Error('a search result without a link');
          return href;
        }),
      };
    }, query);
    return { total: result.total, urls: result.urls.map(pathOf) };
  },
};

/** Stock Pagefind through its JS API, loading fragments for the first page of results as our UI does. */
export const stockEngine: Engine = {
  name: 'stock',
  async open(browser, server) {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/`);
    return page;
  },
  async run(page, query) {
    return page.evaluate(
      async ({ q, dir, shown }) => {
        type StockPagefind = {
          options(options: object): Promise<void>;
          init(): Promise<void>;
          search(term: string): Promise<{ results: { data: () => Promise<{ url: string }> }[] } | null>;
        };
        const w = window as unknown as { __stock?: Promise<StockPagefind> };
        w.__stock ??= (async () => {
          const pf = (await import(/* @vite-ignore */ `/${dir}/pagefind.js`)) as StockPagefind;
          await pf.options({ basePath: `/${dir}/` });
          await pf.init();
          return pf;
        })();
        const pf = await w.__stock;
        const response = await pf.search(q);
        const results = response?.results ?? [];
        const top = await Promise.all(results.slice(0, shown).map((r) => r.data()));
        return { total: results.length, urls: top.map((d) => new URL(d.url, location.href).pathname) };
      },
      { q: query, dir: STOCK_DIR, shown: RESULTS_PAGE_SIZE },
    );
  },
};

/** Runs every query on one engine: the first in a cold context, the rest warm. */
export async function runQueries(engine: Engine, browser: Browser, server: StaticServer, queries: readonly EvalQuery[]): Promise<QueryRun[]> {
  const start = server.traffic().bytes;
  const page = await engine.open(browser, server);
  const runs: QueryRun[] = [];
  // The first query's bytes are everything the page loaded except its HTML:
  // on /search/ that includes the search bundle, i.e. loading the engine.
  const documentBytes = await page.evaluate(
    () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.encodedBodySize ?? 0,
  );
  let before = start + documentBytes;
  for (const query of queries) {
    const started = performance.now();
    const { total, urls } = await engine.run(page, query.query);
    const ms = performance.now() - started;
    const after = server.traffic().bytes;
    runs.push({ query, total, urls, ms, bytes: after - before });
    before = after;
  }
  await page.context().close();
  return runs;
}

export interface Summary {
  positives: number;
  hitAt1: number;
  hitAt5: number;
  mrr: number;
  negatives: number;
  negativesPassed: number;
  p50: number;
  p95: number;
  firstQueryBytes: number;
  laterQueryBytesMean: number;
  laterQueryBytesMax: number;
}

/** Nearest-rank percentile; 0 for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export function summarize(runs: readonly QueryRun[], texts: ReadonlyMap<string, string>): Summary {
  const positives = runs.filter((r) => r.query.expect !== null);
  const negatives = runs.filter((r) => r.query.expect === null);
  const ranks = positives.map((r) => passRank(r, texts));
  const later = runs.slice(1).map((r) => r.bytes);
  // Latency of warm queries: the first one also pays for loading the engine.
  const warm = runs.slice(1).map((r) => r.ms);
  return {
    positives: positives.length,
    hitAt1: ranks.filter((r) => r === 1).length,
    hitAt5: ranks.filter((r) => r >= 1 && r <= 5).length,
    mrr: ranks.reduce((sum, r) => sum + (r > 0 ? 1 / r : 0), 0) / Math.max(1, positives.length),
    negatives: negatives.length,
    negativesPassed: negatives.filter((r) => r.total === 0).length,
    p50: percentile(warm, 50),
    p95: percentile(warm, 95),
    firstQueryBytes: runs[0]?.bytes ?? 0,
    laterQueryBytesMean: later.length ? later.reduce((a, b) => a + b, 0) / later.length : 0,
    laterQueryBytesMax: later.length ? Math.max(...later) : 0,
  };
}

export function hasBuiltSite(distDir: string): boolean {
  return existsSync(join(distDir, 'index.html')) && existsSync(join(distDir, 'pagefind-ko', 'manifest.json'));
}
