/**
 * Reads a Pagefind bundle written to disk, the Node side of the adapter
 * (src/korean-search/core/pagefind-adapter.ts): fragment files are gzip data with Pagefind's
 * signature. Shared by the indexer (to map fragment hashes to pages) and the benchmarks.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { FRAGMENT_FILE, parseFragment, type PagefindFragment } from '../core/pagefind-adapter';

/** Every fragment of a bundle with its hash (the id search results carry). */
export function readFragments(bundleDir: string): { hash: string; fragment: PagefindFragment }[] {
  const dir = join(bundleDir, 'fragment');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const hash = FRAGMENT_FILE.exec(name)?.[1];
    return hash ? [{ hash, fragment: parseFragment(gunzipSync(readFileSync(join(dir, name)))) }] : [];
  });
}
