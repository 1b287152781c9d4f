/**
 * The contract with Pagefind (src/lib/pagefind-adapter.ts): each reliance the Korean
 * search makes on Pagefind internals, checked against the installed Pagefind on a
 * tiny index, so an upgrade that changes one fails here and not in a reader's browser.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFragments } from '../../src/integrations/korean-search/pagefind-files';
import { INDEX_CHUNK_SIZE_ENV, PAGEFIND_VERSION, RECORD_LANGUAGE, UNUSED_PAGEFIND_FILES, encodeToken } from '../../src/lib/pagefind-adapter';
import { startBenchServer, type BenchServer } from '../../scripts/lib/bench-server';
import { launchBrowser } from '../e2e/browser';
import { REPO_ROOT } from '../helpers/astro-build';

/** Three pages whose tokens share prefixes: 컴퓨 is a prefix of 컴퓨터 before encoding. */
const PAGES = [
  { url: '/a/', tokens: ['컴퓨', '센터'] },
  { url: '/b/', tokens: ['컴퓨터', '센터'] },
  { url: '/c/', tokens: ['AI', '양자'] },
];

/** A second bundle (an index part, merged into the first): one page, sharing 센터 with the first bundle. */
const PART_PAGES = [{ url: '/d/', tokens: ['센터', '연구'] }];

const dir = mkdtempSync(join(tmpdir(), 'pagefind-contract-'));
const bundle = join(dir, 'pagefind');
const PART = 'parts/p1/';
let server: BenchServer;
let browser: Browser;

beforeAll(async () => {
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error('Pagefind index not created');
  for (const page of PAGES) {
    const added = await index.addCustomRecord({ url: page.url, content: page.tokens.map(encodeToken).join(' '), language: RECORD_LANGUAGE, meta: { title: encodeToken(page.tokens[0]!) } });
    expect(added.errors).toEqual([]);
  }
  expect((await index.writeFiles({ outputPath: bundle })).errors).toEqual([]);
  const part = (await pagefind.createIndex({})).index;
  if (!part) throw new Error('Pagefind index not created');
  for (const page of PART_PAGES) expect((await part.addCustomRecord({ url: page.url, content: page.tokens.map(encodeToken).join(' '), language: RECORD_LANGUAGE })).errors).toEqual([]);
  expect((await part.writeFiles({ outputPath: join(bundle, PART) })).errors).toEqual([]);
  await pagefind.close();
  // A page to load pagefind.js from, and a module worker that runs it with no window.
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>contract</title>');
  writeFileSync(
    join(dir, 'worker.js'),
    `self.onmessage = async (e) => { const pf = await import('/pagefind/pagefind.js'); await pf.options({ basePath: '/pagefind/' }); await pf.init();
      for (const part of e.data.parts) await pf.mergeIndex('/pagefind/' + part);
      const r = await pf.search(e.data.term); self.postMessage({ ids: r.results.map((x) => x.id), scores: r.results.map((x) => x.score), hasWindow: typeof window !== 'undefined' }); };`,
  );
  server = await startBenchServer(dir);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs a search in a module worker on a page of the tiny site, with the given parts merged in. */
async function searchInWorker(term: string, parts: string[] = []): Promise<{ ids: string[]; scores: number[]; hasWindow: boolean }> {
  const page = await browser.newPage();
  await page.goto(`${server.url}/`);
  const reply = await page.evaluate(
    (t) =>
      new Promise<{ ids: string[]; scores: number[]; hasWindow: boolean }>((resolve, reject) => {
        const worker = new Worker('/worker.js', { type: 'module' });
        worker.onmessage = (e) => resolve(e.data);
        worker.onerror = (e) => reject(new Error(e.message));
        worker.postMessage(t);
      }),
    { term, parts },
  );
  await page.close();
  return reply;
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

  it('merges an index part with mergeIndex: results of every bundle, best first, and a part ignores a word it does not hold', async () => {
    const byUrl = new Map([...readFragments(bundle), ...readFragments(join(bundle, PART))].map((f) => [f.fragment.url, f.hash]));
    const shared = await searchInWorker(encodeToken('센터'), [PART]);
    expect(shared.ids.sort()).toEqual([byUrl.get('/a/'), byUrl.get('/b/'), byUrl.get('/d/')].sort());
    expect((await searchInWorker(encodeToken('연구'), [PART])).ids).toEqual([byUrl.get('/d/')]);
    const both = await searchInWorker(`${encodeToken('센터')} ${encodeToken('AI')}`, [PART]);
    expect([...both.scores].sort((a, b) => b - a)).toEqual(both.scores);
    // The part has no AI: it answers as if the query were 센터 alone. The indexer's filler
    // record (PART_FILLER_URL) is there so a part never ignores a word.
    expect(both.ids).toEqual([byUrl.get('/d/')]);
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
