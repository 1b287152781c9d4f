import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { SEARCH_DATA_DIR } from '../core/data-files';

/**
 * Every page (`index.html`) of a built site, sorted. Folders of generated files are
 * passed over: Pagefind's and ours, and every folder whose name starts with "_"
 * (Vite's `_astro/`, and anything a tool writes beside the site, such as a benchmark's).
 * Shared by the indexer and the benchmarks, so both read the same pages.
 */
export function listBuiltPages(distDir: string): string[] {
  const ignore = ['**/pagefind/**', `**/${SEARCH_DATA_DIR}/**`, '**/_*/**'];
  return globSync('**/index.html', { cwd: distDir, ignore, dot: true, expandDirectories: false })
    .map((file) => join(distDir, file))
    .sort();
}
