/**
 * Search in Chromium on the built site: the data-search-results contract, bad
 * input, filters, sub-results, the landing-page highlight, and the dialog
 * (Ctrl/⌘+K, "/", arrows, Enter, Esc). Under a base path (npm run test:subpath)
 * only the tests that load files or follow links run (`atRoot` skips the rest).
 * Run `npm run build` first.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, watchCspViolations } from '../../scripts/lib/chromium';
import { isSearchUiScript } from '../../scripts/lib/page-scripts';
import { startServer, type RunningServer } from './server';
import { AT_ROOT, DIST, at } from '../helpers/built-site';
import { PRELOADED_VOCABULARY_TOKENS, type SearchManifest } from '../../src/korean-search/node';

/** Tests whose answer no base path changes (no file loads or links they check) run on the root build only. */
const atRoot = { skip: !AT_ROOT };

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  // A missing build is a failure, not a skip: npm test always builds first.
  if (!existsSync(`${DIST}/pagefind-ko/manifest.json`)) throw new Error('dist/pagefind-ko가 없습니다: 먼저 npm run build를 실행하세요');
  server = await startServer(DIST);
  browser = await launchBrowser();
  shared = await browser.newContext();
  await watchCspViolations(shared, cspViolations);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Content-Security-Policy violations seen during any search test (the server sends the strict policy). */
const cspViolations: string[] = [];

/**
 * Tests share one browser context (its HTTP cache too: a new context costs as much as
 * a search); a test that counts the requests a search makes asks for a fresh one.
 * Each test's pages and fresh contexts are closed after it.
 */
let shared: BrowserContext;
const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((closable) => closable.close()));
});

async function newPage({ fresh = false } = {}): Promise<Page> {
  let context = shared;
  if (fresh) {
    context = await browser.newContext();
    opened.push(context);
    await watchCspViolations(context, cspViolations);
  }
  const page = await context.newPage();
  opened.push(page);
  page.on('pageerror', (error) => {
    throw error;
  });
  return page;
}

/** Waits until the results list says the search is done, and returns its figures. */
async function settled(page: Page) {
  await page.waitForFunction(() => {
    const list = document.querySelector('[data-search-results]');
    const status = document.querySelector('[data-search-status]')?.textContent?.trim();
    return list?.getAttribute('aria-busy') === 'false' && Boolean(status);
  });
  return page.evaluate(() => {
    const list = document.querySelector<HTMLElement>('[data-search-results]')!;
    return {
      total: Number(list.dataset.total),
      status: document.querySelector('[data-search-status]')!.textContent.trim(),
      hrefs: [...list.querySelectorAll('[data-search-result]')].map((li) => li.querySelector('a')!.getAttribute('href')!),
      marks: [...list.querySelectorAll('mark')].map((m) => m.textContent),
      suggestions: [...list.querySelectorAll('[data-search-suggestions] a')].map((a) => a.getAttribute('href')!),
    };
  });
}

async function searchPage(page: Page, query: string) {
  await page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`);
  return settled(page);
}

describe('search page', () => {
  it('finds compound parts and marks them in the original text', async () => {
    const page = await newPage();
    const result = await searchPage(page, '컴퓨팅센터');
    expect(result.total).toBeGreaterThan(0);
    expect(result.hrefs.length).toBe(Math.min(result.total, 5));
    expect(result.hrefs.some((h) => h.startsWith(at('/ai-g3/national-ai-computing-center/')))).toBe(true);
    expect(result.marks).toContain('컴퓨팅센터');
    expect(result.status).toContain(`${result.total}건`);
  });

  it('returns only pages holding every term', atRoot, async () => {
    const page = await newPage();
    const both = await searchPage(page, '양자컴퓨터 큐비트');
    const one = await searchPage(page, '양자컴퓨터');
    expect(both.total).toBeGreaterThan(0);
    expect(both.total).toBeLessThanOrEqual(one.total);
    const mixed = await searchPage(page, '양자컴퓨터 김치찌개');
    expect(mixed.total).toBe(0);
    expect(mixed.status).toContain('김치찌개');
  });

  it.each([
    ['국가바이오위원회가 뭐예요', '‘뭐예요’는 찾지 않았습니다', '/bio-quantum/national-bio-committee/'],
    ['AI 정책', '‘정책’은 찾지 않았습니다', null],
  ] as const)('answers the question 「%s」 and names the words it did not search for', atRoot, async (query, note, page) => {
    const tab = await newPage();
    const result = await searchPage(tab, query);
    expect(result.total).toBeGreaterThan(0);
    expect(result.status).toContain(note);
    if (page) expect(result.hrefs.some((h) => h.startsWith(at(page)))).toBe(true);
  });

  it('answers unknown words with no results and suggestions', async () => {
    const page = await newPage();
    const result = await searchPage(page, '김치 담그는 법');
    expect(result.total).toBe(0);
    // The message names the words as typed, not their analysed stems (담그).
    expect(await page.textContent('[data-search-status]')).toContain('‘담그는’');
    expect(result.suggestions.length).toBeGreaterThan(0);
    const suggestion = new RegExp(`^${at('/')}[a-z0-9-]+/([a-z0-9-]+/)?$`);
    expect(result.suggestions.every((href) => suggestion.test(href))).toBe(true);
  });

  it.each([
    // [case, query, results expected, words the status message must contain]
    ['empty', '', false, '검색어를 입력하세요'],
    ['a function word alone', '및', false, '‘및’만으로는 검색할 수 없습니다'],
    ['500 characters', '양자컴퓨터 '.repeat(84), true, '앞부분만'],
    ['emoji', '😀🎉🚀', false, '검색할 수 없습니다'],
    ['punctuation', '?!…·,.;', false, '검색할 수 없습니다'],
    ['html', '<img src=x onerror="window.__pwned=1">', false, '사이트에 없습니다'],
    ['script', '<script>window.__pwned=1</script>', false, '사이트에 없습니다'],
  ] as const)('answers bad input gracefully: %s', atRoot, async (_name, query, found, message) => {
    const page = await newPage();
    await page.goto(`${server.url}/search/`);
    await page.fill('[data-search-input]', query);
    await page.press('[data-search-input]', 'Enter');
    await page.waitForFunction(() => document.querySelector('[data-search-results]')?.getAttribute('aria-busy') === 'false');
    await page.waitForTimeout(100);
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned,
      injected: document.querySelectorAll('[data-search-page-root] img, [data-search-page-root] script').length,
      total: document.querySelector<HTMLElement>('[data-search-results]')!.dataset.total,
      status: document.querySelector('[data-search-status]')!.textContent ?? '',
    }));
    expect(state.pwned).toBeUndefined();
    expect(state.injected).toBe(0);
    expect(Number(state.total) > 0).toBe(found);
    expect(state.status).toContain(message);
  });

  it('keeps ?q= in the address and filters by section and tag', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/search/`);
    await page.fill('[data-search-input]', 'AI');
    await page.press('[data-search-input]', 'Enter');
    const all = await settled(page);
    expect(new URL(page.url()).searchParams.get('q')).toBe('AI');
    const sections = await page.$$eval('[data-search-filter-section] option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(sections.length).toBeGreaterThan(1);
    await page.selectOption('[data-search-filter-section]', 'bio-quantum');
    const filtered = await settled(page);
    expect(filtered.total).toBeGreaterThan(0);
    expect(filtered.total).toBeLessThan(all.total);
    expect(filtered.hrefs.every((h) => h.startsWith(at('/bio-quantum/')))).toBe(true);
    await page.selectOption('[data-search-filter-section]', '');
    // Tag choices are every tag the site uses; 바이오 keeps only the bio pages among AI's results.
    const tags = await page.$$eval('[data-search-filter-tag] option', (os) => (os as HTMLOptionElement[]).map((o) => o.value).filter(Boolean));
    expect(tags).toContain('바이오');
    await page.selectOption('[data-search-filter-tag]', '바이오');
    const byTag = await settled(page);
    expect(byTag.total).toBeGreaterThan(0);
    expect(byTag.total).toBeLessThan(all.total);
  });

  it('shows heading sub-results linking to #anchors that exist on the page', async () => {
    const page = await newPage();
    await searchPage(page, '국가AI컴퓨팅센터');
    const sub = await page.$eval('[data-search-subresult] a', (a) => a.getAttribute('href')!);
    expect(sub).toMatch(/#[a-z0-9-]+$/);
    await page.goto(new URL(sub, server.url).href);
    const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
    expect(await page.$(`[id="${id}"]`)).not.toBeNull();
  });

  it('"결과 더 보기" adds the next results, each page once (two clicks at once too), and moves focus to the first new one', atRoot, async () => {
    const page = await newPage();
    // Several words with more than one page of results: the list answers with its first
    // page and the rest of the order follows the phrase search (SearchEngine.orderByPhrase).
    const first = await searchPage(page, '연구 개발');
    expect(first.total).toBeGreaterThan(10);
    expect(first.hrefs.length).toBe(5);
    for (let shown = 5; shown < first.total; shown += 5) {
      // A second click while a batch loads takes no batch of its own (two clicks on the
      // button itself: with the next texts already loaded, a pointer's second click can
      // land on the results the first one added).
      if (shown === 5)
        await page.$eval('[data-search-more]', (button) => {
          (button as HTMLButtonElement).click();
          (button as HTMLButtonElement).click();
        });
      else await page.click('[data-search-more]');
      // Focus moves once the batch is in; the results appear a step before it, so wait for both.
      await page.waitForFunction((n) => {
        const links = document.querySelectorAll('[data-search-result] > a');
        return links.length > n && document.activeElement === links[n];
      }, shown);
    }
    const all = await page.$$eval('[data-search-result] > a', (as) => as.map((a) => a.getAttribute('href')!.split('?')[0]));
    expect(all.length).toBe(first.total);
    expect(new Set(all).size).toBe(all.length);
    expect(await page.$eval('[data-search-more]', (b) => (b as HTMLButtonElement).hidden)).toBe(true);
  });

  it('highlights the searched words on the page a result leads to', async () => {
    const page = await newPage();
    await searchPage(page, '인공지능 기본법');
    const href = await page.$eval('[data-search-result] a', (a) => a.getAttribute('href')!);
    await page.click('[data-search-result] a');
    await page.waitForURL(`**${href.split('?')[0]}**`);
    await page.waitForSelector('mark[data-search-highlight]');
    const marks = await page.$$eval('mark[data-search-highlight]', (ms) => ms.map((m) => m.textContent));
    expect(marks.some((m) => m === '기본법' || m === 'AI' || m === '인공지능')).toBe(true);
  });
});

// Which words are corrected to what, and what they find, is tested in Node
// (tests/build/typo-correction.test.ts); here, how the page shows a correction.
describe('typo correction', () => {
  it.each([['바이오위원희', '‘바이오위원회’로 찾은 결과입니다', '‘바이오위원희’로 찾기', '/bio-quantum/national-bio-committee/']] as const)(
    'searches the correction of 「%s」 and says so above the results',
    async (query, notice, link, page) => {
      const tab = await newPage();
      const result = await searchPage(tab, query);
      expect(result.total).toBeGreaterThan(0);
      // The notice is part of the live status, so it is announced with the result count.
      expect(result.status).toContain(notice);
      expect(await tab.textContent('[data-search-status] [data-search-as-typed]')).toBe(link);
      if (page) expect(result.hrefs.some((h) => h.startsWith(at(page)))).toBe(true);
    },
  );

  it('a slip as close to two site words searches both and names them, with the as-typed link', async () => {
    const tab = await newPage();
    const result = await searchPage(tab, '통신뱨');
    expect(result.total).toBeGreaterThan(0);
    expect(result.status).toContain('‘통신뱨’와 비슷한 말(통신비, 통신부)로 찾은 결과입니다');
    expect(await tab.textContent('[data-search-status] [data-search-as-typed]')).toBe('‘통신뱨’로 찾기');
    expect(result.hrefs.some((h) => h.startsWith(at('/digital-life/telecom-costs/')))).toBe(true);
  });

  it('after the results as typed, the page titled with the word a slip came from, and a link to the results as typed only', atRoot, async () => {
    const tab = await newPage();
    const result = await searchPage(tab, 'AI 분야의 국가전략기술 루가');
    expect(result.status).toContain('‘루가’와 비슷한 말 ‘추가’가 제목에 들어 있는 페이지도 결과 뒤에 함께 보여 줍니다');
    expect(await tab.textContent('[data-search-status] [data-search-as-typed]')).toBe('‘AI 분야의 국가전략기술 루가’로만 찾기');
    expect(result.hrefs.at(-1)?.startsWith(at('/strategic-technology/ai-national-strategic-technology/'))).toBe(true);
  });

  it('the as-typed link searches the words as typed: no results, and a URL that says so', async () => {
    const page = await newPage();
    await searchPage(page, '인공지눙');
    const href = await page.getAttribute('[data-search-as-typed]', 'href');
    expect(href).toBe(`${at('/search/')}?q=${encodeURIComponent('인공지눙')}&correct=0`);
    await page.click('[data-search-as-typed]');
    const typed = await settled(page);
    expect(typed.total).toBe(0);
    expect(typed.status).toContain('‘인공지눙’에 해당하는 내용이 사이트에 없습니다');
    expect(await page.$('[data-search-correction]')).toBeNull();
    expect(new URL(page.url()).searchParams.get('correct')).toBe('0');
    // The address alone gives the same answer (a shared or reloaded link).
    const loaded = await newPage();
    await loaded.goto(new URL(href!, server.url).href);
    const again = await settled(loaded);
    expect(again.total).toBe(0);
    expect(again.status).toContain('사이트에 없습니다');
    // Typing again turns correction back on.
    await loaded.fill('[data-search-input]', '출연언');
    await loaded.press('[data-search-input]', 'Enter');
    await loaded.waitForFunction(() => document.querySelector('[data-search-correction]') !== null);
    expect(new URL(loaded.url()).searchParams.get('correct')).toBeNull();
  });

  it('the as-typed link is reached from the search box by keyboard', atRoot, async () => {
    const page = await newPage();
    await searchPage(page, '바이오위원희');
    await page.focus('[data-search-input]');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-search-as-typed'))).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent?.includes('사이트에 없습니다'));
    expect((await settled(page)).total).toBe(0);
  });

  it('works in the search dialog, in place', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/bio-quantum/quantum-computer-1000-qubit/`);
    await page.keyboard.press('Control+k');
    await page.waitForSelector('dialog[data-search-dialog][open]');
    await page.keyboard.type('바이오위원희');
    // The dialog searches as the reader types, so the list may first settle on a shorter
    // prefix (바이오위원, unknown): wait for the answer to the whole word.
    await page.waitForFunction(() => document.querySelector('dialog [data-search-status]')?.textContent?.includes('‘바이오위원회’로 찾은 결과입니다'));
    const result = await settled(page);
    expect(result.total).toBeGreaterThan(0);
    await page.click('dialog [data-search-as-typed]');
    await page.waitForFunction(() => document.querySelector('dialog [data-search-status]')?.textContent?.includes('사이트에 없습니다'));
    expect(await page.evaluate(() => document.querySelector('dialog[data-search-dialog]')?.hasAttribute('open'))).toBe(true);
    expect(new URL(page.url()).pathname).toBe(at('/bio-quantum/quantum-computer-1000-qubit/'));
  });
});

describe('the results contract from the first byte', () => {
  it('the page as served says busy, with no total, so no client reads "done, 0 results" before the script answers', atRoot, async () => {
    const html = await (await fetch(`${server.url}/search/?q=${encodeURIComponent('컴퓨팅센터')}`)).text();
    const list = /<ol[^>]*data-search-results[^>]*>/.exec(html)?.[0] ?? '';
    expect(list).toContain('aria-busy="true"');
    expect(list).not.toContain('data-total');
  });

  it('without ?q= the list settles at once as done and empty', atRoot, async () => {
    const page = await newPage();
    await page.goto(`${server.url}/search/`);
    await page.waitForFunction(() => document.querySelector('[data-search-results]')?.getAttribute('aria-busy') === 'false');
    expect(await page.getAttribute('[data-search-results]', 'data-total')).toBe('0');
  });

  it.each([
    ['blank', '%20%20%20'],
    ['NUL only', '%00%00'],
    ['empty', ''],
  ])('a %s ?q= gets a status message', atRoot, async (_name, encoded) => {
    const page = await newPage();
    await page.goto(`${server.url}/search/?q=${encoded}`);
    const result = await settled(page);
    expect(result.total).toBe(0);
    expect(result.status).toBe('검색어를 입력하세요.');
  });
});

/** Paths the server answered since the last resetTraffic(), without query strings. */
const requested = () => server.traffic().paths.map((p) => p.split('?')[0]!);

describe('vocabulary loading', () => {
  const isVocabularyShard = (path: string) => path.startsWith(at('/pagefind-ko/vocab/'));

  it('loads the rest of a small vocabulary after the first answer, so the next query fetches none', async () => {
    const { vocabularyShards, vocabularySize } = JSON.parse(readFileSync(`${DIST}/pagefind-ko/manifest.json`, 'utf8')) as SearchManifest;
    expect(vocabularyShards).toBeGreaterThan(1);
    expect(vocabularySize).toBeLessThanOrEqual(PRELOADED_VOCABULARY_TOKENS);
    const page = await newPage({ fresh: true });
    server.resetTraffic();
    expect((await searchPage(page, '컴퓨팅센터')).total).toBeGreaterThan(0);
    await expect.poll(() => new Set(requested().filter(isVocabularyShard)).size).toBe(vocabularyShards);

    server.resetTraffic();
    // A second query in the same page (a new page would start a new engine).
    expect(await searchAgain(page, '세액공제')).toBeGreaterThan(0);
    expect(requested().filter(isVocabularyShard)).toEqual([]);

    // With the vocabulary loaded, a word it lacks is known to be unknown before
    // Pagefind is asked: no index chunk is fetched for it.
    server.resetTraffic();
    expect(await searchAgain(page, '된장찌개')).toBe(0);
    // Nor for a phrase that holds it (the search for pages holding the words together).
    expect(await searchAgain(page, '된장찌개 세액공제')).toBe(0);
    expect(requested().filter((path) => path.startsWith(at('/pagefind/')))).toEqual([]);
  });
});

/** Submits another query in a search page already open; the number of results. */
async function searchAgain(page: Page, query: string): Promise<number> {
  return page.evaluate(async (q) => {
    const input = document.querySelector<HTMLInputElement>('[data-search-input]')!;
    const list = document.querySelector<HTMLElement>('[data-search-results]')!;
    const done = new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        if (list.getAttribute('aria-busy') !== 'false') return;
        observer.disconnect();
        resolve();
      });
      observer.observe(list, { attributes: true, attributeFilter: ['aria-busy'] });
    });
    input.value = q;
    document.querySelector<HTMLFormElement>('[data-search-form]')!.requestSubmit();
    await done;
    return Number(list.dataset.total ?? 0);
  }, query);
}

describe('where Pagefind runs', () => {
  /** Our worker, bundled by Vite under a content hash (src/korean-search/client/pagefind-worker.ts). */
  const isOurWorker = (path: string) => /\/_astro\/pagefind-worker-[\w-]+\.js$/.test(path);

  it('runs inside our worker, so result lists never cross to the page', async () => {
    const page = await newPage({ fresh: true });
    server.resetTraffic();
    const result = await searchPage(page, '컴퓨팅센터');
    expect(result.total).toBeGreaterThan(0);
    expect(requested().some(isOurWorker)).toBe(true);
    // Pagefind's own worker starts only when Pagefind runs on the main thread.
    expect(requested()).not.toContain(at('/pagefind/pagefind-worker.js'));
  });

  it('falls back to the main thread when our worker cannot load', async () => {
    const page = await newPage({ fresh: true });
    await page.route(
      (url) => isOurWorker(url.pathname),
      (route) => route.fulfill({ status: 404, body: 'missing' }),
    );
    server.resetTraffic();
    const result = await searchPage(page, '컴퓨팅센터');
    expect(result.total).toBeGreaterThan(0);
    expect(result.status).toContain(`${result.total}건`);
    // Our worker never reached the server; Pagefind started its own worker from the page.
    expect(requested().some(isOurWorker)).toBe(false);
    expect(requested()).toContain(at('/pagefind/pagefind-worker.js'));
  });
});

describe('search dialog on a content page', () => {
  const CONTENT_PAGE = '/bio-quantum/quantum-computer-1000-qubit/';

  it('loads the search UI only when search is used', async () => {
    const page = await newPage({ fresh: true });
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(`${server.url}${CONTENT_PAGE}`);
    await page.waitForLoadState('networkidle');
    expect(scripts.filter(isSearchUiScript)).toEqual([]);
    await page.keyboard.press('Control+k');
    await page.waitForSelector('dialog[data-search-dialog][open]');
    expect(scripts.some(isSearchUiScript)).toBe(true);
  });

  it('opens with Ctrl+K, searches, moves with arrows, opens with Enter', async () => {
    const page = await newPage();
    await page.goto(`${server.url}${CONTENT_PAGE}`);
    await page.keyboard.press('Control+k');
    await page.waitForSelector('dialog[data-search-dialog][open]');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-search-input'))).toBe(true);
    await page.keyboard.type('세액공제');
    await settled(page);
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    const first = await page.$eval('dialog [data-search-result] a', (a) => a.getAttribute('href'));
    expect(focused).toBe(first);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(first);
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-search-input'))).toBe(true);
    await page.keyboard.press('ArrowDown');
    await Promise.all([page.waitForURL(`**${first!.split('?')[0]}**`), page.keyboard.press('Enter')]);
  });

  it('opens with "/", closes with Esc and returns focus', atRoot, async () => {
    const page = await newPage();
    await page.goto(`${server.url}${CONTENT_PAGE}`);
    await page.focus('[data-search-trigger]');
    await page.keyboard.press('/');
    await page.waitForSelector('dialog[data-search-dialog][open]');
    const name = await page.$eval('dialog[data-search-dialog]', (d) => document.getElementById(d.getAttribute('aria-labelledby')!)?.textContent);
    expect(name).toBe('사이트 검색');
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog[data-search-dialog]:not([open])', { state: 'attached' });
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-search-trigger'))).toBe(true);
  });

  it('does not steal "/" typed into a field', atRoot, async () => {
    const page = await newPage();
    await page.goto(`${server.url}/search/`);
    await page.fill('[data-search-input]', '');
    await page.type('[data-search-input]', 'R/D');
    expect(await page.inputValue('[data-search-input]')).toBe('R/D');
    expect(await page.$('dialog[data-search-dialog]')).toBeNull();
  });
});

describe('strict Content-Security-Policy', () => {
  it('the search page, the dialog, results and landing highlights ran without one violation', () => {
    // Runs last (Vitest keeps file order): every search test above has run under the policy.
    expect(cspViolations, cspViolations.join('\n')).toEqual([]);
  });
});
