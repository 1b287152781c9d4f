/**
 * Page weight and Lighthouse over the built site (dist/, served locally with
 * gzip/brotli like a production host).
 *
 * Usage: npm run bench:pages [-- --dist dist] [--no-lighthouse] [--json FILE]
 *
 * Page weight, per page in Chromium: every response the page loads, grouped by
 * kind (HTML, CSS, JS files, fonts, images, other) with raw, gzip and brotli sizes;
 * inline <script> bytes counted apart; JS file requests before and after opening
 * search. Targets: a policy page ≤ 60 KB compressed before fonts; before search is
 * opened, no search UI script and at most PAGE_SCRIPT_BUDGET bytes of page scripts.
 * Lighthouse (performance, accessibility, best-practices, seo) on /, a policy page
 * and /search/, with the failing audits of any category below 100.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PAGE_SCRIPT_BUDGET, isSearchUiScript } from '../scripts/lib/page-scripts';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { startStaticServer, type StaticServer } from '../src/korean-search/node';
import { CHROMIUM_PATH, launchBrowser } from '../scripts/lib/chromium';
import { must } from '../src/lib/must';

const ROOT = resolve(import.meta.dirname, '..');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

export const POLICY_PAGE = '/ai-g3/national-ai-computing-center/';
const WEIGHT_PAGES = ['/', POLICY_PAGE, '/ai-g3/', '/glossary/', '/search/'];
const LIGHTHOUSE_PAGES = ['/', POLICY_PAGE, '/search/'];
const POLICY_BUDGET = 60 * 1024;

type Kind = 'html' | 'css' | 'js' | 'font' | 'image' | 'other';
interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}
interface Resource extends Sizes {
  url: string;
  kind: Kind;
}
export interface PageWeight {
  path: string;
  resources: Resource[];
  byKind: Record<Kind, Sizes & { count: number }>;
  /** HTML + CSS + JS + images + other, fonts left out. */
  beforeFonts: Sizes;
  inlineScriptBytes: number;
  inlineScriptCount: number;
  inlineStyleBytes: number;
  /** Script files requested by the page on load (should be none). */
  scriptFilesOnLoad: string[];
  /** Script files and their bytes once search is opened (Ctrl+K), if the page has the trigger. */
  searchOpen?: { scripts: string[]; bytes: Sizes; otherRequests: number };
}

function kindOf(resourceType: string, url: string): Kind {
  if (resourceType === 'document') return 'html';
  if (resourceType === 'stylesheet') return 'css';
  if (resourceType === 'script' || /\.m?js(\?|$)/.test(url)) return 'js';
  if (resourceType === 'font' || /\.(woff2?|ttf|otf)(\?|$)/.test(url)) return 'font';
  if (resourceType === 'image') return 'image';
  return 'other';
}

const sizes = (bytes: Buffer): Sizes => ({
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
const add = (a: Sizes, b: Sizes): Sizes => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
const ZERO: Sizes = { raw: 0, gzip: 0, brotli: 0 };

/** Bytes of a response body as a file (already-compressed formats compress no further). */
function bodySizes(body: Buffer, url: string): Sizes {
  if (/\.(gz|pf_\w+|pagefind|woff2|png|jpe?g|webp|avif)(\?|$)/.test(url)) return { raw: body.length, gzip: body.length, brotli: body.length };
  return sizes(body);
}

export async function measurePage(browser: Browser, server: StaticServer, path: string): Promise<PageWeight> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const responses: { url: string; type: string; body: Promise<Buffer | null> }[] = [];
  page.on('response', (response) => {
    const request = response.request();
    responses.push({ url: response.url(), type: request.resourceType(), body: response.body().catch(() => null) });
  });
  await page.goto(server.url + path, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  const loaded = responses.length;

  const resources: Resource[] = [];
  for (const r of responses.slice(0, loaded)) {
    const body = await r.body;
    if (!body) continue;
    resources.push({ url: r.url.replace(server.url, ''), kind: kindOf(r.type, r.url), ...bodySizes(body, r.url) });
  }
  const byKind = Object.fromEntries((['html', 'css', 'js', 'font', 'image', 'other'] as Kind[]).map((k) => [k, { ...ZERO, count: 0 }])) as PageWeight['byKind'];
  for (const r of resources) {
    const entry = byKind[r.kind];
    Object.assign(entry, add(entry, r), { count: entry.count + 1 });
  }
  const beforeFonts = resources.filter((r) => r.kind !== 'font').reduce<Sizes>((a, r) => add(a, r), ZERO);

  // Source text, not a function: tsx/Vitest transforms would add helpers the page lacks.
  const inline = await page.evaluate<{ scriptBytes: number; scriptCount: number; styleBytes: number }>(`(() => {
    const scripts = [...document.querySelectorAll('script:not([src])')].filter((s) => !s.getAttribute('type') || /javascript|module/.test(s.getAttribute('type')));
    const styles = [...document.querySelectorAll('style')];
    const bytes = (t) => new TextEncoder().encode(t).length;
    return { scriptBytes: scripts.reduce((n, s) => n + bytes(s.textContent || ''), 0), scriptCount: scripts.length, styleBytes: styles.reduce((n, s) => n + bytes(s.textContent || ''), 0) };
  })()`);
  const scriptFilesOnLoad = resources.filter((r) => r.kind === 'js').map((r) => r.url);

  let searchOpen: PageWeight['searchOpen'];
  if ((await page.locator('[data-search-trigger]').count()) > 0) {
    await page.keyboard.press('Control+k');
    await page.waitForTimeout(300);
    await page.waitForLoadState('networkidle');
    const after = responses.slice(loaded);
    let bytes = ZERO;
    const scripts: string[] = [];
    for (const r of after) {
      const body = await r.body;
      if (!body) continue;
      if (kindOf(r.type, r.url) === 'js') {
        scripts.push(r.url.replace(server.url, ''));
        bytes = add(bytes, bodySizes(body, r.url));
      }
    }
    searchOpen = { scripts, bytes, otherRequests: after.length - scripts.length };
  }
  await context.close();
  return {
    path,
    resources,
    byKind,
    beforeFonts,
    inlineScriptBytes: inline.scriptBytes,
    inlineScriptCount: inline.scriptCount,
    inlineStyleBytes: inline.styleBytes,
    scriptFilesOnLoad,
    searchOpen,
  };
}

// ---------------------------------------------------------------------------
// Lighthouse

export interface LighthouseResult {
  path: string;
  scores: Record<string, number | null>;
  failing: { category: string; id: string; title: string; score: number | null; displayValue?: string; details?: string }[];
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export async function runLighthouse(baseUrl: string, paths: readonly string[]): Promise<LighthouseResult[]> {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
    logLevel: 'silent',
  });
  const results: LighthouseResult[] = [];
  try {
    for (const path of paths) {
      const runner = await lighthouse(baseUrl + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      if (!runner) throw new Error(`Lighthouse가 ${path}에 대해 결과를 내지 않았습니다`);
      const lhr = runner.lhr;
      if (lhr.runtimeError) throw new Error(`${path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const scores: Record<string, number | null> = {};
      const failing: LighthouseResult['failing'] = [];
      for (const id of CATEGORIES) {
        const category = lhr.categories[id];
        scores[id] = category?.score === null || category?.score === undefined ? null : Math.round(category.score * 100);
        if (!category || category.score === 1) continue;
        for (const ref of category.auditRefs) {
          const audit = lhr.audits[ref.id];
          if (
            !audit ||
            audit.score === null ||
            audit.score >= 0.9 ||
            audit.scoreDisplayMode === 'notApplicable' ||
            audit.scoreDisplayMode === 'informative' ||
            audit.scoreDisplayMode === 'manual'
          )
            continue;
          const items = (audit.details as { items?: unknown[] } | undefined)?.items;
          failing.push({
            category: id,
            id: ref.id,
            title: audit.title,
            score: audit.score,
            displayValue: audit.displayValue,
            details: items?.length ? JSON.stringify(items.slice(0, 3)).slice(0, 400) : undefined,
          });
        }
      }
      results.push({ path, scores, failing });
    }
  } finally {
    chrome.kill();
  }
  return results;
}

// ---------------------------------------------------------------------------

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function printWeights(weights: readonly PageWeight[]) {
  const header = ['page', 'HTML br/gz', 'CSS files', 'JS files', 'fonts', 'images+other', 'total before fonts br / gz', 'inline JS', 'inline CSS'];
  const rows = weights.map((w) => [
    w.path,
    `${kb(w.byKind.html.brotli)} / ${kb(w.byKind.html.gzip)}`,
    `${w.byKind.css.count} (${kb(w.byKind.css.gzip)})`,
    `${w.byKind.js.count} (${kb(w.byKind.js.gzip)})`,
    `${w.byKind.font.count} (${kb(w.byKind.font.raw)})`,
    `${w.byKind.image.count + w.byKind.other.count} (${kb(w.byKind.image.gzip + w.byKind.other.gzip)})`,
    `${kb(w.beforeFonts.brotli)} / ${kb(w.beforeFonts.gzip)}`,
    `${w.inlineScriptCount} (${kb(w.inlineScriptBytes)} raw)`,
    kb(w.inlineStyleBytes),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-+-'));
  for (const r of rows) console.log(line(r));
  console.log('');
  for (const w of weights) {
    const open = w.searchOpen
      ? `opening search (Ctrl+K) loads ${w.searchOpen.scripts.length} JS file(s), ${kb(w.searchOpen.bytes.brotli)} br / ${kb(w.searchOpen.bytes.gzip)} gz: ${w.searchOpen.scripts.join(', ') || '—'}`
      : 'no search trigger';
    console.log(`${w.path}: JS files on load: ${w.scriptFilesOnLoad.length ? w.scriptFilesOnLoad.join(', ') : 'none'}; ${open}`);
  }
}

async function main() {
  const distDir = resolve(ROOT, arg('dist') ?? 'dist');
  readFileSync(join(distDir, POLICY_PAGE.slice(1), 'index.html'));
  const server = await startStaticServer(distDir);
  // Same host name as the default SITE_URL (http://localhost:4321), so canonical links stay on the site's host.
  const baseUrl = server.url.replace('127.0.0.1', 'localhost');
  const failures: string[] = [];
  const output: { weights: PageWeight[]; lighthouse: LighthouseResult[] } = { weights: [], lighthouse: [] };
  try {
    const browser = await launchBrowser();
    try {
      for (const path of WEIGHT_PAGES) output.weights.push(await measurePage(browser, server, path));
    } finally {
      await browser.close();
    }
    console.log('=== Page weight (transfer sizes, brotli / gzip) ===');
    printWeights(output.weights);
    const policy = must(
      output.weights.find((w) => w.path === POLICY_PAGE),
      `weight of ${POLICY_PAGE}`,
    );
    if (policy.beforeFonts.gzip > POLICY_BUDGET) failures.push(`policy page ${kb(policy.beforeFonts.gzip)} gzip > 60 KB before fonts`);
    for (const w of output.weights) {
      const pageScripts = w.resources.filter((r) => r.kind === 'js');
      const raw = pageScripts.reduce((n, r) => n + r.raw, 0);
      const brotli = pageScripts.reduce((n, r) => n + r.brotli, 0);
      console.log(`${w.path}: page scripts before search ${pageScripts.length} file(s), ${kb(raw)} raw / ${kb(brotli)} br`);
      if (w.path === '/search/') continue;
      if (raw > PAGE_SCRIPT_BUDGET) failures.push(`${w.path} loads ${kb(raw)} of scripts before search is opened (budget ${kb(PAGE_SCRIPT_BUDGET)})`);
      const searchUi = w.scriptFilesOnLoad.filter(isSearchUiScript);
      if (searchUi.length) failures.push(`${w.path} loads the search UI before search is opened: ${searchUi.join(', ')}`);
      if (w.byKind.font.count) console.log(`${w.path}: fonts ${w.byKind.font.count} file(s), ${kb(w.byKind.font.raw)}`);
    }
    console.log(`font bytes: ${kb(output.weights.reduce((n, w) => n + w.byKind.font.raw, 0))} over ${output.weights.length} pages (system font stack)`);

    if (!flag('no-lighthouse')) {
      console.log('\n=== Lighthouse ===');
      output.lighthouse = await runLighthouse(baseUrl, LIGHTHOUSE_PAGES);
      console.log(`${'page'.padEnd(40)} | ${CATEGORIES.map((c) => c.padEnd(14)).join(' | ')}`);
      for (const r of output.lighthouse) console.log(`${r.path.padEnd(40)} | ${CATEGORIES.map((c) => String(r.scores[c] ?? '—').padEnd(14)).join(' | ')}`);
      for (const r of output.lighthouse) {
        for (const c of CATEGORIES) if (r.scores[c] !== 100) failures.push(`Lighthouse ${r.path} ${c} = ${r.scores[c]}`);
        for (const f of r.failing)
          console.log(
            `  ${r.path} [${f.category}] ${f.id}: ${f.title} (score ${f.score}${f.displayValue ? `, ${f.displayValue}` : ''})${f.details ? `\n      ${f.details}` : ''}`,
          );
      }
    }
  } finally {
    await server.close();
  }
  const jsonFile = arg('json') ?? join(ROOT, '.tmp', 'bench-pages.json');
  writeFileSync(jsonFile, JSON.stringify(output, null, 1));
  console.log(`\n${failures.length ? failures.map((f) => `FAIL ${f}`).join('\n') : 'PASS all page-weight and Lighthouse targets'}\n결과 JSON: ${jsonFile}`);
  process.exitCode = failures.length ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  await main();
}
