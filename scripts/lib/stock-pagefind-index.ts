/**
 * Builds a STOCK Pagefind index over the same built pages our search indexes, for
 * the benchmarks' comparison: the same pages (those whose <article> carries
 * data-search-page), the same text (data-search-ignore left out), Pagefind's own
 * tokenizer and chunking. Written to <dist>/_stock-pagefind/ (the search indexer
 * skips that folder) so it is served from the same origin.
 *
 * Usage: node --import tsx scripts/lib/stock-pagefind-index.ts <distDir>
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import { extractSearchPage, urlOfBuiltFile } from '../../src/lib/search-extract';

export const STOCK_DIR = '_stock-pagefind';
const SKIP_DIRS = new Set(['pagefind', 'pagefind-ko', STOCK_DIR, '_astro']);

export function listPageFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) files.push(...listPageFiles(path));
    } else if (entry.name === 'index.html') files.push(path);
  }
  return files.sort();
}

async function main(distDir: string) {
  const started = Date.now();
  const out = join(distDir, STOCK_DIR);
  rmSync(out, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({
    rootSelector: 'article[data-search-page]',
    excludeSelectors: ['[data-search-ignore]', 'script', 'style', 'button'],
    forceLanguage: 'ko',
  });
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  let count = 0;
  for (const file of listPageFiles(distDir)) {
    const html = readFileSync(file, 'utf8');
    if (!html.includes('data-search-page')) continue;
    const url = urlOfBuiltFile(relative(distDir, file));
    // Only the pages our indexer takes (same rule, same function).
    if (!extractSearchPage(html, url)) continue;
    const added = await index.addHTMLFile({ url, content: html });
    if (added.errors.length) throw new Error(`${url}: ${added.errors.join('; ')}`);
    count++;
  }
  const written = await index.writeFiles({ outputPath: out });
  if (written.errors.length) throw new Error(written.errors.join('; '));
  await pagefind.close();
  console.log(`[stock-pagefind] ${count}쪽 색인 (${((Date.now() - started) / 1000).toFixed(1)}초)`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/scripts\//, 'scripts/'))) {
  await main(process.argv[2] ?? 'dist');
}
