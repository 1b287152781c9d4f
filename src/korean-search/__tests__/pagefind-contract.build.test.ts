/**
 * The contract with Pagefind (src/korean-search/core/pagefind-adapter.ts): each reliance the Korean
 * search makes on Pagefind internals, checked against the installed Pagefind on a
 * tiny index, so an upgrade that changes one fails here and not in a reader's browser.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFragments } from '../indexer/pagefind-files';
import { FRAGMENT_SIGNATURE, INDEX_CHUNK_SIZE_ENV, PAGEFIND_VERSION, RECORD_LANGUAGE, UNUSED_PAGEFIND_FILES, encodeToken } from '../core/pagefind-adapter';
import { startStaticServer, type StaticServer } from '../node/static-server';
import { launchBrowser } from '../../../scripts/lib/chromium';
import { REPO_ROOT } from '../../../tests/helpers/astro-build';

/** Three pages whose tokens share prefixes: 컴퓨 is a prefix of 컴퓨터 before encoding. */
const PAGES = [
  { url: '/a/', tokens: ['컴퓨', '센터'] },
  { url: '/b/', tokens: ['컴퓨터', '센터'] },
  { url: '/c/', tokens: ['AI', '양자'] },
];

const dir = mkdtempSync(join(tmpdir(), 'pagefind-contract-'));
const bundle = join(dir, 'pagefind');
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error('Pagefind index not created');
  for (const page of PAGES) {
    const added = await index.addCustomRecord({
      url: page.url,
      content: page.tokens.map(encodeToken).join(' '),
      language: RECORD_LANGUAGE,
      meta: { title: encodeToken(page.tokens[0]!) },
    });
    expect(added.errors).toEqual([]);
  }
  expect((await index.writeFiles({ outputPath: bundle })).errors).toEqual([]);
  await pagefind.close();
  // A page to load pagefind.js from, and a module worker that runs it with no window.
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>contract</title>');
  writeFileSync(
    join(dir, 'worker.js'),
    `let ready; self.onmessage = async (e) => { ready ??= (async () => { const pf = await import('/pagefind/pagefind.js'); await pf.options({ basePath: '/pagefind/' }); await pf.init(); return pf; })();
      const pf = await ready; const r = await pf.search(e.data); self.postMessage({ ids: r.results.map((x) => x.id), hasWindow: typeof window !== 'undefined' }); };`,
  );
  server = await startStaticServer(dir);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

let page: Page | undefined;
/**
 * Runs a search in a module worker on a page of the tiny site. One page and one worker
 * answer every search in turn (Pagefind starts once), as in the site's own worker.
 */
async function searchInWorker(term: string): Promise<{ ids: string[]; hasWindow: boolean }> {
  if (!page) {
    page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.evaluate(() => {
      (window as unknown as { searchWorker: Worker }).searchWorker = new Worker('/worker.js', { type: 'module' });
    });
  }
  return page.evaluate(
    (t) =>
      new Promise<{ ids: string[]; hasWindow: boolean }>((resolve, reject) => {
        const worker = (window as unknown as { searchWorker: Worker }).searchWorker;
        worker.onmessage = (e) => resolve(e.data);
        worker.onerror = (e) => reject(new Error(e.message));
        worker.postMessage(t);
      }),
    term,
  );
}

/** One search in a new page's worker whose index chunk requests `answerChunk` answers. */
async function searchWithChunks(term: string, answerChunk: (route: Route) => Promise<void>): Promise<string[]> {
  const fresh = await browser.newPage();
  try {
    await fresh.route((url) => url.pathname.endsWith('.pf_index'), answerChunk);
    await fresh.goto(`${server.url}/`);
    return await fresh.evaluate(
      (t) =>
        new Promise<string[]>((resolve, reject) => {
          const worker = new Worker('/worker.js', { type: 'module' });
          worker.onmessage = (e: MessageEvent<{ ids: string[] }>) => resolve(e.data.ids);
          worker.onerror = (e) => reject(new Error(e.message));
          worker.postMessage(t);
        }),
      term,
    );
  } finally {
    await fresh.close();
  }
}

describe('Pagefind contract', () => {
  it(`is the pinned release ${PAGEFIND_VERSION}, pinned exactly in package.json`, () => {
    const installed = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules/pagefind/package.json'), 'utf8')) as { version: string };
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(installed.version).toBe(PAGEFIND_VERSION);
    expect(manifest.devDependencies.pagefind).toBe(PAGEFIND_VERSION);
  });

  it('names fragment files after the result id, as gzip with its signature and the page url', () => {
    const fragments = readFragments(bundle);
    expect(fragments.map((f) => f.fragment.url).sort()).toEqual(PAGES.map((p) => p.url));
    for (const { hash } of fragments) expect(hash).toMatch(/^[\w-]+$/);
  });

  it('matches an encoded token only as itself: no prefix match, no shorter-prefix fallback, in a worker with no window', async () => {
    const byUrl = new Map(readFragments(bundle).map((f) => [f.fragment.url, f.hash]));
    const short = await searchInWorker(encodeToken('컴퓨'));
    expect(short.hasWindow).toBe(false);
    expect(short.ids).toEqual([byUrl.get('/a/')]);
    expect((await searchInWorker(encodeToken('컴퓨터'))).ids).toEqual([byUrl.get('/b/')]);
    expect((await searchInWorker(encodeToken('센터'))).ids.sort()).toEqual([byUrl.get('/a/'), byUrl.get('/b/')].sort());
    // A token nobody has returns nothing, not the nearest shorter prefix.
    expect((await searchInWorker(encodeToken('컴'))).ids).toEqual([]);
    expect((await searchInWorker(encodeToken('양자컴퓨터'))).ids).toEqual([]);
    // Every word must match (AND).
    expect((await searchInWorker(`${encodeToken('컴퓨')} ${encodeToken('양자')}`)).ids).toEqual([]);
  });

  it('answers without a chunk it cannot load, and takes a chunk served inflated with its signature as is', async () => {
    // What client/pagefind-module.ts guards against: a missing chunk reads as no page.
    expect(await searchWithChunks(encodeToken('센터'), (route) => route.fulfill({ status: 404, body: 'missing' }))).toEqual([]);
    const inflated = async (route: Route) => {
      const body = gunzipSync(await (await route.fetch()).body());
      expect(body.subarray(0, FRAGMENT_SIGNATURE.length).toString()).toBe(FRAGMENT_SIGNATURE);
      await route.fulfill({ status: 200, body });
    };
    expect(await searchWithChunks(encodeToken('센터'), inflated)).toHaveLength(2);
  });

  it('sizes its index chunks by the environment variable the indexer sets', async () => {
    const chunksWith = async (size: string) => {
      process.env[INDEX_CHUNK_SIZE_ENV] = size;
      try {
        const { index } = await pagefind.createIndex({});
        if (!index) throw new Error('Pagefind index not created');
        for (const page of PAGES) await index.addCustomRecord({ url: page.url, content: page.tokens.map(encodeToken).join(' '), language: RECORD_LANGUAGE });
        const out = join(dir, `chunks-${size}`);
        expect((await index.writeFiles({ outputPath: out })).errors).toEqual([]);
        return readdirSync(join(out, 'index')).length;
      } finally {
        await pagefind.close();
        delete process.env[INDEX_CHUNK_SIZE_ENV];
      }
    };
    expect(await chunksWith('100000')).toBe(1);
    // Five distinct tokens (센터 is on two pages): a chunk each at size 1.
    expect(await chunksWith('1')).toBe(5);
  }, 60_000);

  it('writes the files the cache rules and the clean-up expect', () => {
    const names = readdirSync(bundle);
    expect(names).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json', 'index', 'fragment']));
    expect(names.some((n) => /\.pf_meta$/.test(n))).toBe(true);
    expect(names.some((n) => /^wasm\..+\.pagefind$/.test(n))).toBe(true);
    // The UI files the indexer deletes are still what Pagefind writes.
    expect(names.filter((n) => UNUSED_PAGEFIND_FILES.test(n)).length).toBeGreaterThanOrEqual(4);
    for (const chunk of readdirSync(join(bundle, 'index'))) expect(chunk).toMatch(/^.+_[0-9a-f]+\.pf_index$/);
  });
});
