/**
 * Search under `astro dev`: the dev server serves the last build's index (npm test
 * builds first), so a writer's search works in the dev server too, and the UI shows
 * no stale-index notice while the content on disk is the content that was built.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/astro-build';
import { assertBuilt } from '../helpers/built-site';
import { freePort } from '../helpers/nginx';
import { launchBrowser } from '../../scripts/lib/chromium';

let dev: ChildProcess;
let url: string;
let browser: Browser;
let output = '';

beforeAll(async () => {
  assertBuilt();
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  dev = spawn(process.execPath, [join(REPO_ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: REPO_ROOT,
    // Vitest's own variables (VITEST, NODE_ENV=test) make Astro's dev server behave as under test: the dev server gets a writer's environment.
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV' && k !== 'TEST')),
      ASTRO_TELEMETRY_DISABLED: '1',
      FORCE_COLOR: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  dev.stdout!.on('data', (chunk) => (output += chunk));
  dev.stderr!.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (dev.exitCode !== null) throw new Error(`astro dev가 멈췄습니다:\n${output}`);
    try {
      if ((await fetch(`${url}/`, { signal: AbortSignal.timeout(10_000) })).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`astro dev가 90초 안에 뜨지 않았습니다:\n${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  dev?.kill('SIGTERM');
});

describe('search in the dev server', () => {
  it('answers /search/?q= with results from the built index, with no stale-index notice', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}/search/?q=${encodeURIComponent('컴퓨팅센터')}`);
    // The dev server compiles the search modules on first request; give it time.
    await page.waitForFunction(() => document.querySelector('[data-search-results]')?.getAttribute('aria-busy') === 'false', null, { timeout: 60_000 });
    const total = Number(await page.getAttribute('[data-search-results]', 'data-total'));
    expect(total).toBeGreaterThan(0);
    const first = await page.getAttribute('[data-search-result] a', 'href');
    expect(first).toMatch(/^\/[a-z0-9-]+\/[a-z0-9-]+\/\?highlight=/);
    // The status request has settled by the time results render; a notice would be in place.
    const status = await (await fetch(`${url}/pagefind-ko/dev-status.json`)).json();
    expect(status).toEqual({ state: 'current' });
    expect(await page.locator('[data-search-dev-notice]').count()).toBe(0);
  });

  it('answers a missing index file with 404 and leaves other URLs to Astro', async () => {
    expect((await fetch(`${url}/pagefind-ko/doc/no-such-page.gz`)).status).toBe(404);
    // An encoded climb out of the output folder is refused, not served.
    expect((await fetch(`${url}/pagefind/..%2f..%2fpackage.json`)).status).toBe(404);
    expect((await fetch(`${url}/glossary/`)).status).toBe(200);
  });
});
