/**
 * Runs the real `astro build` over another content folder, the way the build tests
 * need it: its own content cache (ASTRO_CACHE_DIR) and output folder, so it never
 * collides with the main build in dist/, and one at a time with the other test and
 * benchmark builds (scripts/lib/build-lock.ts: Astro shares .astro/ between them).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { withBuildLock } from '../../scripts/lib/build-lock';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
const NODE = join(REPO_ROOT, 'node_modules/.bin/node');
const ASTRO = join(REPO_ROOT, 'node_modules/.bin/astro');

export interface BuildResult {
  /** Exit code of `astro build` (null when killed). */
  code: number | null;
  /** stdout and stderr interleaved, ANSI colours removed. */
  output: string;
  outDir: string;
  /** Removes the output folder and the cache. */
  cleanup(): void;
}

// eslint-disable-next-line no-control-regex -- ESC starts the colour codes this removes
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

export function buildSite(contentDir: string, { timeoutMs = 120_000 } = {}): Promise<BuildResult> {
  // Inside the repo on purpose: Astro writes its prerender chunks next to an outDir inside
  // the working directory, but to the shared ./.astro/.prerender/ for one outside it, where
  // two builds running at once would overwrite each other's chunks.
  mkdirSync(join(REPO_ROOT, '.tmp'), { recursive: true });
  const work = mkdtempSync(join(REPO_ROOT, '.tmp', 'build-'));
  const outDir = join(work, 'dist');
  const cacheDir = join(work, 'cache');
  return withBuildLock(
    REPO_ROOT,
    () =>
      new Promise((ok, fail) => {
        const child = spawn(NODE, [ASTRO, 'build', '--outDir', outDir], {
          cwd: REPO_ROOT,
          env: { ...process.env, CONTENT_DIR: contentDir, ASTRO_CACHE_DIR: cacheDir, FORCE_COLOR: '0', NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        child.on('error', fail);
        child.on('close', (code) => {
          clearTimeout(timer);
          ok({ code, output: output.replace(ANSI, ''), outDir, cleanup: () => rmSync(work, { recursive: true, force: true }) });
        });
      }),
  );
}

/** `npm run lint:content` over a content folder (no key phrases: fixtures are not the site's text). */
export function lintContent(contentDir: string): { code: number | null; output: string } {
  const noPhrases = join(mkdtempSync(join(tmpdir(), 'no-phrases-')), 'key-phrases.txt');
  writeFileSync(noPhrases, '');
  const run = spawnSync(NODE, ['--import', 'tsx', join(REPO_ROOT, 'scripts/lint-content.ts'), '--dir', contentDir, '--key-phrases', noPhrases], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  rmSync(dirname(noPhrases), { recursive: true, force: true });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}
