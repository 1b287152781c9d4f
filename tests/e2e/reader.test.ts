/**
 * "화면 설정" (theme and text size) in Chromium on the built site: keyboard use,
 * remembered across pages, applied before first paint (with the controls' own module
 * blocked, the saved theme still holds), axe-clean in both themes at 1280 and 320 px
 * with the panel open, and no CSP violation.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, watchCspViolations } from '../../scripts/lib/chromium';
import { startServer, type RunningServer } from './server';
import { REPO_ROOT } from '../helpers/astro-build';
import { DIST, assertBuilt } from '../helpers/built-site';

const AXE_SOURCE = readFileSync(resolve(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const POLICY = '/ai-g3/national-ai-computing-center/';
const OTHER = '/glossary/';

let server: RunningServer;
let browser: Browser;
const cspViolations: string[] = [];

beforeAll(async () => {
  assertBuilt();
  server = await startServer(DIST);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function newContext(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await watchCspViolations(context, cspViolations);
  return context;
}

const rootState = (page: Page) =>
  page.evaluate(() => ({
    theme: document.documentElement.getAttribute('data-theme'),
    size: document.documentElement.getAttribute('data-text-size'),
    fontSize: getComputedStyle(document.documentElement).fontSize,
    background: getComputedStyle(document.documentElement).backgroundColor,
  }));

/** Opens "화면 설정" with the keyboard: Tab until the button has focus, then Enter. */
async function openWithKeyboard(page: Page) {
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.matches('[data-reader-controls] summary'))) break;
  }
  expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('화면 설정');
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.querySelector('[data-reader-controls] details')?.hasAttribute('open'))).toBe(true);
}

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    // @ts-expect-error axe is evaluated above
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return (result.violations as { id: string; nodes: { target: unknown[] }[] }[]).map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe('화면 설정', () => {
  it('is named, opens and changes the theme with the keyboard, closes with Esc, and the choice holds on the next page', async () => {
    const context = await newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(`${server.url}${POLICY}`);
    const light = (await rootState(page)).background;
    await openWithKeyboard(page);
    // Into the theme group; arrow keys move the choice within a radio group.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('system');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await rootState(page)).toMatchObject({ theme: 'dark' });
    expect((await rootState(page)).background).not.toBe(light);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.querySelector('[data-reader-controls] details')?.hasAttribute('open'))).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.matches('[data-reader-controls] summary'))).toBe(true);

    await page.goto(`${server.url}${OTHER}`);
    expect(await rootState(page)).toMatchObject({ theme: 'dark' });
    expect(await page.isChecked('input[name="reader-theme"][value="dark"]')).toBe(true);
    await context.close();
  });

  it('applies the saved theme and size before any module script runs (no flash)', async () => {
    const context = await newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(`${server.url}${POLICY}`);
    await page.evaluate(() => {
      localStorage.setItem('kp-theme', 'dark');
      localStorage.setItem('kp-text-size', 'xlarge');
    });
    // Every module script refused: only the classic init script in <head> may act.
    await context.route(/\/_astro\/.*\.astro_astro_type_script.*\.js$/, (route) => route.abort());
    await page.goto(`${server.url}${OTHER}`, { waitUntil: 'commit' });
    await page.waitForLoadState('domcontentloaded');
    expect(await rootState(page)).toMatchObject({ theme: 'dark', size: 'xlarge', fontSize: '20px' });
    await context.close();
  });

  it('the system choice follows the operating system, and a chosen theme overrides it', async () => {
    const context = await newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${server.url}${POLICY}`);
    const systemDark = (await rootState(page)).background;
    await page.click('[data-reader-controls] summary');
    await page.check('input[name="reader-theme"][value="light"]');
    expect((await rootState(page)).background).not.toBe(systemDark);
    await page.check('input[name="reader-theme"][value="system"]');
    expect(await rootState(page)).toMatchObject({ theme: null, background: systemDark });
    expect(await page.evaluate(() => localStorage.getItem('kp-theme'))).toBeNull();
    await context.close();
  });

  it('has three text sizes that scale the page and persist', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}${POLICY}`);
    await page.click('[data-reader-controls] summary');
    const sizes: string[] = [];
    for (const value of ['normal', 'large', 'xlarge']) {
      await page.check(`input[name="reader-text-size"][value="${value}"]`);
      sizes.push((await rootState(page)).fontSize);
    }
    expect(sizes).toEqual(['16px', '18px', '20px']);
    await page.goto(`${server.url}${OTHER}`);
    expect((await rootState(page)).fontSize).toBe('20px');
    await context.close();
  });

  // Each theme once and each width once, as the site-wide axe pass: colours depend on the theme, overflow on the width.
  it.each([
    ['light', 1280],
    ['dark', 320],
  ] as const)('passes axe with the panel open in the %s theme at %i px, with nothing scrolling sideways', async (theme, width) => {
    const context = await newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}${POLICY}`);
    await page.click('[data-reader-controls] summary');
    await page.check(`input[name="reader-theme"][value="${theme}"]`);
    expect(await axe(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await context.close();
  });

  it('caused no Content-Security-Policy violation', () => {
    expect(cspViolations, cspViolations.join('\n')).toEqual([]);
  });
});

describe('공유하기 on a policy page', () => {
  it('uses the Web Share API where the browser has it, with the page title and address', async () => {
    const context = await newContext();
    await context.addInitScript(() => {
      (navigator as unknown as { share: (data: ShareData) => Promise<void> }).share = async (data) => {
        (window as unknown as { __shared: ShareData }).__shared = data;
      };
    });
    const page = await context.newPage();
    await page.goto(`${server.url}${POLICY}?highlight=AI#hannune-bogi`);
    await page.click('[data-share-button]');
    const shared = await page.evaluate(() => (window as unknown as { __shared?: ShareData }).__shared);
    expect(shared?.url).toBe(`${new URL(server.url).origin}${new URL(server.url + POLICY).pathname}`);
    expect(shared?.title).toBe(await page.textContent('h1'));
    await context.close();
  });

  it('copies the address where it has not, and says so', async () => {
    const context = await newContext();
    await context.addInitScript(() => {
      Object.defineProperty(navigator, 'share', { value: undefined });
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    const page = await context.newPage();
    await page.goto(`${server.url}${POLICY}`);
    await page.click('[data-share-button]');
    await expect.poll(() => page.textContent('[data-share-status]')).toBe('페이지 주소를 복사했습니다.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
    await context.close();
  });

  it('is not on section overviews, and hidden without JavaScript', async () => {
    const context = await newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}${POLICY}`);
    expect(await page.isVisible('[data-share-button]')).toBe(false);
    await page.goto(`${server.url}/ai-g3/`);
    expect(await page.locator('[data-share-button]').count()).toBe(0);
    await context.close();
  });
});

describe('no CSP violation in the share tests', () => {
  it('holds', () => {
    expect(cspViolations, cspViolations.join('\n')).toEqual([]);
  });
});

describe('wide screens', () => {
  it("at 1280 px: the section list with the current section's policies, and a table of contents that stays in view", async () => {
    const context = await newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}${POLICY}`);
    const nav = page.locator('nav[aria-label="정책 분야"]');
    expect(await nav.isVisible()).toBe(true);
    expect(await nav.locator(':scope > ul > li').count()).toBe(10);
    expect(await nav.locator('a[aria-current="page"]').getAttribute('href')).toBe(new URL(server.url + POLICY).pathname);
    const toc = page.locator('.policy-toc nav');
    expect(await toc.evaluate((el) => getComputedStyle(el.parentElement!).position)).toBe('sticky');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    const box = await toc.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(800);
    await context.close();
  });

  it('below 1024 px the page keeps its one-column layout: no section list, the table of contents above the text', async () => {
    const context = await newContext({ viewport: { width: 800, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}${POLICY}`);
    expect(await page.locator('nav[aria-label="정책 분야"]').isVisible()).toBe(false);
    expect(await page.locator('.policy-toc').evaluate((el) => getComputedStyle(el).position)).toBe('static');
    const [toc, prose] = await Promise.all([page.locator('.policy-toc').boundingBox(), page.locator('[data-prose]').boundingBox()]);
    expect(toc!.y).toBeLessThan(prose!.y);
    await context.close();
  });
});
