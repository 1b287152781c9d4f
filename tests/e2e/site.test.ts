/**
 * The built site in Chromium, served the way a static host serves it: every sitemap
 * page answers 200 and nothing scrolls sideways at 320 px; no request leaves 127.0.0.1;
 * content pages load no JavaScript file but the small page scripts. axe-core finds no
 * WCAG 2.2 AA violation on one page of every page template, in light (1280 px) and dark
 * (320 px): pages of a template share their markup and styles, and axe is the slow part
 * of a visit. The rules a page's HTML alone settles (one <h1>, unique ids, lang, links
 * and #anchors) are tests/build/pages.test.ts.
 * Under a base path (npm run test:subpath) only what the base path changes runs, on
 * one page of every template: requests, scripts, redirects and the 404 under the CSP;
 * axe, the 320 px layout and the behaviour that holds no URL do not change.
 * Run `npm run build` first.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, watchCspViolations } from '../../scripts/lib/chromium';
import { PAGE_SCRIPT_BUDGET, isSearchUiScript } from '../../scripts/lib/page-scripts';
import { startServer, type RunningServer } from './server';
import { REPO_ROOT } from '../helpers/astro-build';
import { AT_ROOT, BASE, DIST, assertBuilt } from '../helpers/built-site';
import { stripBase } from '../../src/lib/urls';
import { SECTION_SLUGS } from '../../src/data/sections';

const AXE_SOURCE = readFileSync(resolve(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** Pages allowed to load the search UI's JavaScript. */
const isSearchPage = (path: string) => path === '/search/' || path.startsWith('/search/');

/** The page templates, told apart by route path; a path that matches none is a new template. */
const TEMPLATES: readonly [string, (path: string) => boolean][] = [
  ['home', (p) => p === '/'],
  ['search', (p) => p === '/search/'],
  ['timeline', (p) => p === '/timeline/'],
  ['glossary index', (p) => p === '/glossary/'],
  ['glossary term', (p) => /^\/glossary\/[^/]+\/$/.test(p)],
  ['tags index', (p) => p === '/tags/'],
  ['tag page', (p) => /^\/tags\/[^/]+\/$/.test(p)],
  ['section overview', (p) => SECTION_SLUGS.some((s) => p === `/${s}/`)],
  ['policy page', (p) => SECTION_SLUGS.some((s) => p.startsWith(`/${s}/`) && /^\/[^/]+\/[^/]+\/$/.test(p))],
];
const templateOf = (path: string) => TEMPLATES.find(([, matches]) => matches(path))?.[0];
/**
 * The pages axe checks: one of every template (the policy page with figures and
 * milestones, and one with a table), plus the 404 page, visited at an unknown URL.
 */
const AXE_PAGES = [
  '/',
  '/search/',
  '/timeline/',
  '/glossary/',
  '/glossary/ai/',
  '/tags/',
  '/tags/ai/',
  '/ai-g3/',
  '/ai-g3/national-ai-computing-center/',
  '/bio-quantum/quantum-computer-1000-qubit/',
];
const NOT_FOUND = '/no-such-page/';

/** A URL path as a route path (the base path taken off). */
const route = (pathname: string) => stripBase(pathname, BASE) ?? pathname;

let server: RunningServer;
let browser: Browser;
let paths: string[] = [];
/** The test server's origin; server.url adds the base path the build was made for. */
const origin = () => new URL(server.url).origin;

/** Requests that tried to leave 127.0.0.1, and .js files requested by content pages. */
const offsite: string[] = [];
const scriptLoads: string[] = [];
/** Content-Security-Policy violations seen on any page (the server sends the strict policy). */
const cspViolations: string[] = [];

async function newContext(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ serviceWorkers: 'block', ...options });
  await watchCspViolations(context, cspViolations);
  // Only requests for another host go through the route handler: they are recorded and refused.
  await context.route(/^(?!http:\/\/127\.0\.0\.1[:/])(?!data:)(?!blob:)/, (route) => {
    offsite.push(`${route.request().frame().url()} → ${route.request().url()}`);
    return route.abort('blockedbyclient');
  });
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.hostname !== '127.0.0.1') return;
    let pagePath: string;
    try {
      pagePath = route(new URL(request.frame().url()).pathname);
    } catch {
      pagePath = '?';
    }
    if ((/\.m?js$/.test(url.pathname) || request.resourceType() === 'script') && !isSearchPage(pagePath))
      scriptLoads.push(`${pagePath} → ${route(url.pathname)}`);
  });
  return context;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; html: string; summary: string }[];
}

async function runAxe(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: a <script> tag would be an inline script the site's CSP refuses.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    // @ts-expect-error axe is injected above
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return (
      result.violations as { id: string; impact: string | null; help: string; nodes: { target: unknown[]; html: string; failureSummary?: string }[] }[]
    ).map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.map(String).join(' '),
        html: n.html.slice(0, 160),
        summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240),
      })),
    }));
  }, AXE_TAGS);
}

/** Opens every disclosure (the claims' source wording), so axe and the 320 px check see what a reader who opens them sees. */
const openDisclosures = (page: Page) => page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));

/** Static pages load fast, but the machine may be busy (two cores shared with builds). */
async function visit(page: Page, url: string) {
  try {
    return await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  } catch (error) {
    if (!(error instanceof Error && error.name === 'TimeoutError')) throw error;
    return page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  }
}

const describeViolations = (path: string, violations: AxeViolation[]) =>
  violations.flatMap((v) => v.nodes.map((n) => `${path} [${v.id}/${v.impact}] ${v.help} — ${n.target} ${n.html} — ${n.summary}`));

beforeAll(async () => {
  assertBuilt();
  server = await startServer(DIST);
  browser = await launchBrowser();
  // The sitemap names the public origin (SITE_URL); its paths are fetched from the test server.
  const index = await (await fetch(`${server.url}/sitemap-index.xml`)).text();
  for (const loc of index.matchAll(/<loc>([^<]+)<\/loc>/g)) {
    const sitemap = await (await fetch(`${origin()}${new URL(loc[1]!).pathname}`)).text();
    for (const page of sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)) {
      const path = stripBase(new URL(page[1]!).pathname, BASE);
      if (path === null) throw new Error(`사이트맵 주소가 기본 경로 ${BASE} 밖에 있습니다: ${page[1]}`);
      paths.push(path);
    }
  }
  paths = [...new Set(paths)].sort();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('every sitemap page', () => {
  /** Findings of the two passes, one list per rule, so each rule reports on its own. */
  const found = {
    status: [] as string[],
    axeLight: [] as string[],
    axeDark: [] as string[],
    overflow: [] as string[],
  };

  const WIDE = { width: 1280, height: 900 };
  const NARROW = { width: 320, height: 640 };

  /** Horizontal scroll at the page's current width, naming the widest elements; null when none. */
  const overflowOf = (page: Page) =>
    page.evaluate(() => {
      const width = window.innerWidth;
      const scroll = document.documentElement.scrollWidth;
      if (scroll <= width) return null;
      const wide = [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > width + 1 && !e.closest('.sr-only') && getComputedStyle(e).position !== 'fixed')
        .filter((e) => !(e.parentElement && e.parentElement.getBoundingClientRect().right > width + 1))
        .slice(0, 3)
        .map(
          (e) =>
            `<${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className && typeof e.className === 'string' ? `.${e.className.trim().split(/\s+/).join('.')}` : ''}> right=${Math.round(e.getBoundingClientRect().right)}`,
        );
      return `scrollWidth ${scroll} > ${width}: ${wide.join('; ')}`;
    });

  /**
   * Takes pages from `queue` until it is empty, in the light theme at 1280 px: status;
   * axe on AXE_PAGES; then the same page narrowed to 320 px for horizontal scroll. The
   * layout is CSS alone (no script reads the width), so a page narrowed after loading
   * lays out as one loaded at 320 px, for one load per page.
   */
  async function structuralPass(queue: string[]) {
    const context = await newContext({ viewport: WIDE, colorScheme: 'light' });
    const page = await context.newPage();
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      await page.setViewportSize(WIDE);
      const response = await visit(page, `${server.url}${path}`);
      if (response?.status() !== 200) {
        found.status.push(`${path}: HTTP ${response?.status()}`);
        continue;
      }
      if (!AT_ROOT) continue;
      await openDisclosures(page);
      if (AXE_PAGES.includes(path)) found.axeLight.push(...describeViolations(`${path} (light 1280)`, await runAxe(page)));
      await page.setViewportSize(NARROW);
      const overflow = await overflowOf(page);
      if (overflow) found.overflow.push(`${path} (320): ${overflow}`);
    }
    await context.close();
  }

  /** Dark theme at 320 px: axe on AXE_PAGES and the 404 page. */
  async function darkAxePass() {
    const context = await newContext({ viewport: NARROW, colorScheme: 'dark' });
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    for (const path of AXE_PAGES) {
      const response = await visit(page, `${server.url}${path}`);
      if (response?.status() !== 200) continue; // reported by the structural pass
      await openDisclosures(page);
      found.axeDark.push(...describeViolations(`${path} (dark 320)`, await runAxe(page)));
    }
    const notFound = await visit(page, `${server.url}${NOT_FOUND}`);
    if (notFound?.status() !== 404) found.axeDark.push(`${NOT_FOUND}: HTTP ${notFound?.status()}, expected the 404 page`);
    else found.axeDark.push(...describeViolations(`${NOT_FOUND} (404, dark 320)`, await runAxe(page)));
    await context.close();
  }

  beforeAll(async () => {
    expect(paths.length, 'the sitemap lists the pages to check').toBeGreaterThan(20);
    // Two pages take turns at the sitemap, beside the dark axe pass (two cores). Under a
    // base path, one page of every template: the layout is the root build's.
    const queue = AT_ROOT ? [...paths] : [...AXE_PAGES];
    await Promise.all([structuralPass(queue), structuralPass(queue), AT_ROOT ? darkAxePass() : undefined]);
  }, 480_000);

  it('every page visited answers 200 (at the root build, every sitemap page)', () => {
    expect(found.status, found.status.join('\n')).toEqual([]);
  });

  it('axe checks one page of every template: each sitemap page has a known template, and each template a page in AXE_PAGES', () => {
    const unknown = paths.filter((path) => templateOf(path) === undefined);
    expect(unknown, `pages of a template the axe list does not know (add it to TEMPLATES and one page to AXE_PAGES):\n${unknown.join('\n')}`).toEqual([]);
    const missing = AXE_PAGES.filter((path) => !paths.includes(path));
    expect(missing, 'AXE_PAGES not in the sitemap').toEqual([]);
    const covered = new Set(AXE_PAGES.map(templateOf));
    expect(TEMPLATES.map(([name]) => name).filter((name) => !covered.has(name))).toEqual([]);
  });

  it.skipIf(!AT_ROOT)('axe finds no WCAG 2.2 AA violation in the light theme at 1280 px', () => {
    expect(found.axeLight, found.axeLight.join('\n')).toEqual([]);
  });

  it.skipIf(!AT_ROOT)('axe finds no WCAG 2.2 AA violation in the dark theme at 320 px, the 404 page included', () => {
    expect(found.axeDark, found.axeDark.join('\n')).toEqual([]);
  });

  it.skipIf(!AT_ROOT)('nothing scrolls sideways at 320 px', () => {
    expect(found.overflow, found.overflow.join('\n')).toEqual([]);
  });

  it('no request left 127.0.0.1', () => {
    expect(offsite, offsite.join('\n')).toEqual([]);
  });

  it('content pages load only the small page scripts (search trigger, copy-link), never the search UI', () => {
    const loaded = [...new Set(scriptLoads.map((line) => line.split(' → ')[1]!))];
    const outside = loaded.filter((path) => !/^\/_astro\/[\w.-]+\.js$/.test(path) || isSearchUiScript(path));
    expect(outside, outside.join('\n')).toEqual([]);
    const bytes = loaded.reduce((sum, path) => sum + statSync(join(DIST, path)).size, 0);
    expect(bytes, loaded.join('\n')).toBeLessThanOrEqual(PAGE_SCRIPT_BUDGET);
  });
});

describe('behaviour', () => {
  const POLICY = '/ai-g3/national-ai-computing-center/';

  it('a claim opens its source sentence from the keyboard, with a link to that sentence in the article', async () => {
    const context = await newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${server.url}${POLICY}`);
    const disclosure = page.locator('[data-prose] details.source-quote').first();
    const quote = disclosure.locator('blockquote').first();
    expect(await quote.isVisible(), 'closed until asked').toBe(false);
    await disclosure.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => quote.isVisible()).toBe(true);
    // The sentence as the article writes it, and a text fragment that points at it.
    const sentence = (await quote.textContent()) ?? '';
    const href = (await disclosure.locator('a').first().getAttribute('href')) ?? '';
    expect(href).toMatch(/^https:\/\/chungbukzine\.com\/3725#:~:text=/);
    const [start] = decodeURIComponent(href.split('#:~:text=')[1] ?? '').split(',');
    expect(sentence.startsWith(start ?? '-')).toBe(true);
    expect(await page.locator('[data-prose]').textContent()).not.toContain(':src[');
    await context.close();
  });

  it.skipIf(!AT_ROOT)(
    'a policy page with every source disclosure open passes axe in the two pairings the sitemap pass leaves out (light 320, dark 1280)',
    async () => {
      const problems: string[] = [];
      for (const [viewport, colorScheme] of [
        [{ width: 320, height: 640 }, 'light'],
        [{ width: 1280, height: 900 }, 'dark'],
      ] as const) {
        const context = await newContext({ viewport, colorScheme });
        const page = await context.newPage();
        await page.emulateMedia({ colorScheme });
        await visit(page, `${server.url}${POLICY}`);
        await openDisclosures(page);
        expect(await page.locator('details.source-quote[open] blockquote').count()).toBeGreaterThan(1);
        problems.push(...describeViolations(`${POLICY} (${colorScheme} ${viewport.width})`, await runAxe(page)));
        await context.close();
      }
      expect(problems, problems.join('\n')).toEqual([]);
    },
  );

  it('the copy-link button appears on the headings of a policy page and copies the heading link', async () => {
    const context = await newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: origin() });
    const page = await context.newPage();
    await page.goto(`${server.url}${POLICY}`);
    const headings = await page.locator('[data-prose] :is(h2,h3)[id]').count();
    expect(headings, 'the policy page has body headings').toBeGreaterThan(1);
    const buttons = page.locator('[data-prose] :is(h2,h3)[id] button.copy-link');
    // The buttons are added when the browser is idle after load.
    await expect.poll(() => buttons.count()).toBe(headings);
    const first = buttons.first();
    const id = await first.evaluate((b) => b.closest('[id]')!.id);
    expect(await first.getAttribute('aria-label')).toMatch(/링크 복사/);
    await first.click();
    await expect.poll(() => first.textContent()).toMatch(/복사됨|주소창에 표시함/);
    const label = await first.textContent();
    const expected = `${server.url}${POLICY}#${id}`;
    if (label === '복사됨') expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
    else expect(page.url()).toBe(expected);
    // The button is reachable by keyboard.
    await first.focus();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('copy-link'))).toBe(true);
    await context.close();
  });

  it.skipIf(!AT_ROOT)('without clipboard access the button falls back to putting the link in the address bar', async () => {
    const context = await newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) }, configurable: true });
    });
    await page.goto(`${server.url}${POLICY}`);
    const first = page.locator('[data-prose] :is(h2,h3)[id] button.copy-link').first();
    const id = await first.evaluate((b) => b.closest('[id]')!.id);
    await first.click();
    await expect.poll(() => first.textContent()).toBe('주소창에 표시함');
    expect(new URL(page.url()).hash).toBe(`#${id}`);
    await context.close();
  });

  it('the old address /ai/computing-center/ ends at /ai-g3/national-ai-computing-center/', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/ai/computing-center/`);
    await page.waitForURL(`${server.url}${POLICY}`, { timeout: 10_000 });
    expect(await page.locator('h1').textContent()).toContain('국가AI컴퓨팅센터');
    await context.close();
  });

  it('an unknown URL gets 404 and the 404 page, which passes axe in the light theme', async () => {
    const context = await newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const response = await page.goto(`${server.url}/no-such-page/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('h1').textContent()).toContain('페이지를 찾을 수 없습니다');
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
    if (AT_ROOT) {
      const violations = describeViolations('/no-such-page/ (404)', await runAxe(page));
      expect(violations, violations.join('\n')).toEqual([]);
    }
    await context.close();
  });

  it.skipIf(!AT_ROOT)('the skip link moves focus to <main>', async () => {
    const context = await newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}${POLICY}`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href'))).toBe('#main');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await context.close();
  });
});

describe('strict Content-Security-Policy', () => {
  it('no page, copy-link button, redirect or 404 above caused a violation', () => {
    // Runs last (Vitest keeps file order): every visit above ran under the policy.
    expect(cspViolations, cspViolations.join('\n')).toEqual([]);
  });
});
