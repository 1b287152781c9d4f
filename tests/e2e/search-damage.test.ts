/**
 * A damaged or half-deployed search index never reads as "nothing found": with one
 * kind of search file missing (404) or corrupt (cut in half), a search for a word the
 * site holds says that search failed, offers 다시 시도 and links to browse the
 * sections. Requests are broken with Playwright's routing (which also sees the
 * requests of our worker), one page per case in one browser context. Under a base
 * path (npm run test:subpath) three cases run (one of our files, one of Pagefind's, a
 * retry): the links and data paths are what a base path changes, not how each kind
 * of file fails. Run `npm run build` first.
 */
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, watchCspViolations } from '../../scripts/lib/chromium';
import { startServer, type RunningServer } from './server';
import { AT_ROOT, DIST, at } from '../helpers/built-site';
import { SECTIONS } from '../../src/data/sections';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
const cspViolations: string[] = [];

beforeAll(async () => {
  if (!existsSync(`${DIST}/pagefind-ko/manifest.json`)) throw new Error('dist/pagefind-ko가 없습니다: 먼저 npm run build를 실행하세요');
  server = await startServer(DIST);
  browser = await launchBrowser();
  context = await browser.newContext();
  await watchCspViolations(context, cspViolations);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The search files, by kind, as paths under the site's base (src/korean-search: docs/search.md 「쓰는 파일」). */
const FILES = {
  manifest: /\/pagefind-ko\/manifest\.json$/,
  'vocabulary shard': /\/pagefind-ko\/vocab\/\d+\.gz$/,
  'result text': /\/pagefind-ko\/doc\/[^/]+\.gz$/,
  'typo lookup': /\/pagefind-ko\/typo\/[^/]+\.gz$/,
  'Pagefind script': /\/pagefind\/pagefind\.js$/,
  'Pagefind entry': /\/pagefind\/pagefind-entry\.json$/,
  'Pagefind metadata': /\/pagefind\/pagefind\.[^/]+\.pf_meta$/,
  'Pagefind wasm': /\/pagefind\/wasm\.[^/]+\.pagefind$/,
  'index chunk': /\/pagefind\/index\/[^/]+\.pf_index$/,
  'filter chunk': /\/pagefind\/filter\/[^/]+\.pf_filter$/,
} as const;
type FileKind = keyof typeof FILES;
type Damage = 'missing' | 'corrupt' | 'empty';

/** Our worker, bundled by Vite under a content hash: blocked, Pagefind runs from the page (its main-thread fallback). */
const isOurWorker = (path: string) => /\/_astro\/pagefind-worker-[\w-]+\.js$/.test(path);

/** Answers a request for a broken file: 404, the real file cut in half (a truncated gzip, a JSON that does not parse), or no bytes at all. */
async function breakFile(route: Route, damage: Damage): Promise<void> {
  if (damage === 'empty') return route.fulfill({ status: 200, body: '' });
  if (damage === 'missing') return route.fulfill({ status: 404, contentType: 'text/html', body: '<!doctype html><title>404</title>' });
  const response = await route.fetch();
  const body = await response.body();
  return route.fulfill({ response, body: body.subarray(0, Math.floor(body.length / 2)) });
}

interface Breakage {
  kind: FileKind;
  damage: Damage;
  /** How many requests for the file fail before it answers (a transient failure); every one when absent. */
  times?: number;
  /** Run Pagefind from the page instead of our worker. */
  mainThread?: boolean;
}

async function brokenPage({ kind, damage, times = Infinity, mainThread = false }: Breakage): Promise<Page> {
  const page = await context.newPage();
  // Pagefind leaves its own failed start unhandled (a rejection it also answers searches with); nothing else may throw.
  page.on('pageerror', (error) => {
    if (!/^Failed to load (the )?Pagefind/.test(error.message)) throw error;
  });
  let failures = 0;
  await page.route(
    (url) => FILES[kind].test(url.pathname),
    (route) => (failures++ < times ? breakFile(route, damage) : route.continue()),
  );
  if (mainThread)
    await page.route(
      (url) => isOurWorker(url.pathname),
      (route) => route.fulfill({ status: 404, body: 'missing' }),
    );
  return page;
}

/** Waits for the search to settle and reads what the reader is told. */
async function settled(page: Page) {
  await page.waitForFunction(() => {
    const list = document.querySelector('[data-search-results]');
    return list?.getAttribute('aria-busy') === 'false' && Boolean(document.querySelector('[data-search-status]')?.textContent?.trim());
  });
  return page.evaluate(() => {
    const list = document.querySelector<HTMLElement>('[data-search-results]')!;
    return {
      status: document.querySelector('[data-search-status]')!.textContent.trim(),
      failed: list.hasAttribute('data-search-failed'),
      total: list.dataset.total,
      results: list.querySelectorAll('[data-search-result]').length,
      retry: list.querySelectorAll('button[data-search-retry]').length,
      browse: [...list.querySelectorAll('[data-search-browse] a')].map((a) => a.getAttribute('href')!),
    };
  });
}

/** A search whose words the site holds; the typo lookup is read only for a word to correct. */
function queryFor(kind: FileKind): string {
  return kind === 'typo lookup' ? '바이오위원희' : '컴퓨팅센터';
}

/** Searches on /search/?q=; for the filter chunk, then narrows by a section (Pagefind loads filters only when one is applied). */
async function search(page: Page, kind: FileKind) {
  await page.goto(`${server.url}/search/?q=${encodeURIComponent(queryFor(kind))}`);
  if (kind !== 'filter chunk') return settled(page);
  await settled(page);
  await page.selectOption('[data-search-filter-section]', 'ai-g3');
  return settled(page);
}

function expectFailureShown(result: Awaited<ReturnType<typeof settled>>) {
  expect(result.status).toContain('검색 중 문제가 생겼습니다');
  expect(result.status).not.toContain('검색 결과가 없습니다');
  expect(result.status).not.toContain('사이트에 없습니다');
  expect(result.failed).toBe(true);
  // No count: a client of the results contract must not read "done, 0 results".
  expect(result.total).toBeUndefined();
  expect(result.results).toBe(0);
  expect(result.retry).toBe(1);
  expect(result.browse).toEqual(SECTIONS.map((s) => at(`/${s.slug}/`)));
}

/** Under a base path, one of our files missing and one of Pagefind's corrupt: the paths and links are what a base path changes. */
const CASES = (Object.keys(FILES) as FileKind[])
  .flatMap((kind) => (['missing', 'corrupt'] as const).map((damage) => [kind, damage] as const))
  .filter(([kind, damage]) => AT_ROOT || (kind === 'manifest' && damage === 'missing') || (kind === 'index chunk' && damage === 'corrupt'));

describe.concurrent('a damaged search file is a failure the reader sees', () => {
  it.each(CASES)('%s %s', async (kind, damage) => {
    const page = await brokenPage({ kind, damage });
    expectFailureShown(await search(page, kind));
    await page.close();
  });

  // Pagefind then loads its files in its own worker, out of reach of our fetch guard:
  // the engine checks an empty answer against the vocabulary (SearchEngine.confirmNoPage).
  // An upload cut off at nothing: an empty vocabulary shard would read as every word unknown.
  it('vocabulary shard empty', { skip: !AT_ROOT }, async () => {
    const page = await brokenPage({ kind: 'vocabulary shard', damage: 'empty' });
    expectFailureShown(await search(page, 'vocabulary shard'));
    await page.close();
  });

  // A missing chunk there is the retry test's first search, below.
  it('on the main-thread fallback: index chunk corrupt', { skip: !AT_ROOT }, async () => {
    const page = await brokenPage({ kind: 'index chunk', damage: 'corrupt', mainThread: true });
    expectFailureShown(await search(page, 'index chunk'));
    await page.close();
  });
});

describe('다시 시도', () => {
  it.each(
    (
      [
        ['in our worker', false],
        ['on the main-thread fallback', true],
      ] as const
    ).filter(([, mainThread]) => AT_ROOT || !mainThread),
  )('after a transient failure, finds the results %s, reached by keyboard', async (_name, mainThread) => {
    const page = await brokenPage({ kind: 'index chunk', damage: 'missing', times: 1, mainThread });
    expectFailureShown(await search(page, 'index chunk'));
    // From the search box, ↓ reaches the button (as it reaches result links); Enter searches again.
    await page.focus('[data-search-input]');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-search-retry'))).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('[data-search-result]').length > 0);
    const again = await settled(page);
    expect(again.failed).toBe(false);
    expect(Number(again.total)).toBeGreaterThan(0);
    expect(again.status).toContain(`${again.total}건`);
    await page.close();
  });
});

describe('strict Content-Security-Policy', () => {
  it('the failure notice and its retry ran without one violation', () => {
    expect(cspViolations, cspViolations.join('\n')).toEqual([]);
  });
});
