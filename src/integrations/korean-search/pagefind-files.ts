/**
 * Reads a Pagefind bundle written to disk: its files are gzip streams that
 * start, once inflated, with the signature "pagefind_dcd". Shared by the index
 * builder (to map fragment hashes to pages) and the benchmarks.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const SIGNATURE = 'pagefind_dcd';

/** Inflates a Pagefind file and strips its signature. */
export function decodePagefindFile(bytes: Uint8Array): Uint8Array {
  const head = (b: Uint8Array) => Buffer.from(b.subarray(0, SIGNATURE.length)).toString('latin1');
  if (head(bytes) === SIGNATURE) return bytes.subarray(SIGNATURE.length);
  const inflated = gunzipSync(bytes);
  if (head(inflated) !== SIGNATURE) throw new Error('Not a Pagefind file: signature missing');
  return inflated.subarray(SIGNATURE.length);
}

export interface PagefindFragment {
  url: string;
  content: string;
  word_count: number;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  anchors: { element: string; id: string; text: string; location: number }[];
}

/** Every fragment of a bundle with its hash (the id search results carry). */
export function readFragments(bundleDir: string): { hash: string; fragment: PagefindFragment }[] {
  const dir = join(bundleDir, 'fragment');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.pf_fragment'))
    .map((name) => ({
      hash: name.replace(/\.pf_fragment$/, ''),
      fragment: JSON.parse(Buffer.from(decodePagefindFile(readFileSync(join(dir, name)))).toString('utf8')) as PagefindFragment,
    }));
}
