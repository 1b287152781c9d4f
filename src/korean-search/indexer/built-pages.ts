import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SEARCH_DATA_DIR } from '../core/data-files';

/**
 * Every page (`index.html`) of a built site, sorted. Folders of generated files are
 * passed over: Pagefind's and ours, and every folder whose name starts with "_"
 * (Vite's `_astro/`, and anything a tool writes beside the site, such as a benchmark's).
 * Shared by the indexer and the benchmarks, so both read the same pages.
 */
export function listBuiltPages(distDir: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'pagefind' && entry.name !== SEARCH_DATA_DIR && !entry.name.startsWith('_')) walk(path);
      } else if (entry.name === 'index.html') files.push(path);
    }
  };
  walk(distDir);
  return files.sort();
}
