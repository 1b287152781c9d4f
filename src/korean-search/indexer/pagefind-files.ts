/**
 * Reads a Pagefind bundle written to disk, the Node side of the adapter
 * (src/korean-search/core/pagefind-adapter.ts): fragment files are gzip data with Pagefind's
 * signature. Shared by the indexer (to map fragment hashes to pages) and the benchmarks.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { z } from 'astro/zod';
import { FRAGMENT_FILE, FRAGMENT_SIGNATURE } from '../core/pagefind-adapter';

/** The part of a fragment our indexer reads. */
const pagefindFragmentSchema = z.object({
  url: z.string(),
  content: z.string(),
  word_count: z.number(),
  filters: z.record(z.string(), z.array(z.string())),
  meta: z.record(z.string(), z.string()),
  anchors: z.array(z.object({ element: z.string(), id: z.string(), text: z.string(), location: z.number() })),
});
export type PagefindFragment = z.infer<typeof pagefindFragmentSchema>;

/** Parses an inflated fragment file; throws when the signature is missing or the JSON is not a fragment. */
export function parseFragment(inflated: Uint8Array): PagefindFragment {
  const head = new TextDecoder('latin1').decode(inflated.subarray(0, FRAGMENT_SIGNATURE.length));
  if (head !== FRAGMENT_SIGNATURE) throw new Error('Not a Pagefind fragment: signature missing');
  return pagefindFragmentSchema.parse(JSON.parse(new TextDecoder().decode(inflated.subarray(FRAGMENT_SIGNATURE.length))));
}

/** Every fragment of a bundle with its hash (the id search results carry). */
export function readFragments(bundleDir: string): { hash: string; fragment: PagefindFragment }[] {
  const dir = join(bundleDir, 'fragment');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const hash = FRAGMENT_FILE.exec(name)?.[1];
    return hash ? [{ hash, fragment: parseFragment(gunzipSync(readFileSync(join(dir, name)))) }] : [];
  });
}
