/**
 * 200-page smoke run of the scale benchmark (npm run bench:scale): generates
 * synthetic pages, runs the real Astro build and the search indexer over them,
 * then runs the benchmark's query set in Chromium and fails on any lost result
 * (a page holding every searched word that is not returned), any extra result
 * (a returned page missing one) and any result for a negative query.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScale, type ScaleRun } from '../scale';
const REPO_ROOT = resolve(import.meta.dirname, '../..');

describe('scale benchmark smoke run (200 pages)', () => {
  // Inside the repo (.tmp/ is git-ignored): Astro keeps prerender chunks next to an outDir in the working tree.
  mkdirSync(join(REPO_ROOT, '.tmp'), { recursive: true });
  const workDir = mkdtempSync(join(REPO_ROOT, '.tmp', 'scale-smoke-'));
  let run: ScaleRun;

  beforeAll(async () => {
    // One round, no pause: this test checks answers and bytes, not latency.
    run = await runScale(200, 1, { workDir, stock: false, thinkMs: 0, rounds: 1, log: () => undefined });
  }, 180_000);

  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('indexes every generated page and the glossary', () => {
    expect(run.indexedPages).toBeGreaterThanOrEqual(200);
  });

  it('returns every page whose text contains the query (no lost results)', () => {
    expect(run.ours.errors).toEqual([]);
    expect(run.ours.truthTotal).toBeGreaterThan(0);
    expect(run.ours.lostQueries).toEqual([]);
  });

  it('returns only pages holding every searched word, and nothing for unrelated queries', () => {
    expect(run.ours.extraQueries).toEqual([]);
    expect(run.ours.negativesWithResults).toEqual([]);
  });

  it('stays within the byte budget', () => {
    expect(run.ours.firstQueryBytes).toBeLessThanOrEqual(300 * 1024);
    expect(run.ours.laterBytesMax).toBeLessThanOrEqual(150 * 1024);
  });
});
