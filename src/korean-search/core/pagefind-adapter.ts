/**
 * Everything the Korean search relies on inside Pagefind that Pagefind does not
 * promise as public API, in one place. Pagefind is pinned to PAGEFIND_VERSION in
 * package.json, and src/korean-search/__tests__/pagefind-contract.build.test.ts checks each reliance below
 * against the installed Pagefind, so an upgrade that changes one fails there first.
 *
 * 1. Token matching (the encoding below): Pagefind lower-cases words, NFD-decomposes
 *    non-ASCII ones (Hangul becomes jamo), drops non-alphanumeric characters, matches
 *    query words as prefixes and falls back to a shorter indexed prefix when nothing
 *    extends a word. Our tokens survive all of that unchanged and cannot be a prefix
 *    of one another.
 * 2. No stemmer for the record language RECORD_LANGUAGE ("ko"), so the encoded tokens
 *    are indexed as written.
 * 3. Result ids are the fragment files' names (fragment/<id>.pf_fragment); a fragment
 *    file is gzip data that starts, inflated, with FRAGMENT_SIGNATURE, then JSON with
 *    the page's `url` (parseFragment). The indexer names each page's shown text after
 *    its fragment and then drops the fragments.
 * 4. pagefind.js, imported in a worker, finds no `window` and runs its search in place
 *    (our worker, src/korean-search/client/pagefind-worker.ts); on a page it starts its own
 *    pagefind-worker.js (the main-thread fallback).
 * 5. The browser API used (PagefindModule) and the files Pagefind writes: which are
 *    named after their content (cache rules in http-headers.ts) and which the site
 *    never loads (UNUSED_PAGEFIND_FILES).
 * 6. Filter indexes are not preloaded: once loaded, Pagefind counts every filter value
 *    against every result on every search (filter.rs get_filters).
 * 7. The size of the index chunks is set through the environment variable
 *    INDEX_CHUNK_SIZE_ENV, which the pagefind binary reads when it starts (options.rs).
 * 8. A file Pagefind fails to load or inflate (an index or filter chunk, its metadata)
 *    is logged and dropped, kept as loaded, and the search answers without it
 *    (pagefind_web_js coupled_search.ts `_loadGenericChunk`, `loadMeta`); a file that
 *    already starts with FRAGMENT_SIGNATURE is taken as inflated (`decompress`); and
 *    `destroy()` drops the loaded index. client/pagefind-module.ts
 *    (guardPagefindFetches) relies on all three.
 */
import { HANGUL_FIRST, HANGUL_LAST } from './analyzer';

/** The exact Pagefind release these reliances were checked against. */
export const PAGEFIND_VERSION = '1.6.0';

/**
 * Postings per index chunk (Pagefind's default is 20,000), by the number of pages
 * indexed. A search loads the chunk of each token it sends and decodes it whole, so
 * smaller chunks are quicker to fetch and decode; but each chunk adds an entry to the
 * chunk list in the metadata every first search loads, and that list grows with the
 * site. Up to SMALL_SITE_PAGES pages chunks hold 2,500 postings, above it 5,000, which
 * keeps the first search of the largest benchmark site within its budget
 * (docs/benchmarks.md).
 */
export const SMALL_SITE_PAGES = 2000;
export function indexChunkSize(pages: number): number {
  return pages <= SMALL_SITE_PAGES ? 2500 : 5000;
}
export const INDEX_CHUNK_SIZE_ENV = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';

/** Language of every record: not a reader's language, but one Pagefind has no stemmer for. */
export const RECORD_LANGUAGE = 'ko';

/** What an inflated Pagefind data file starts with. */
export const FRAGMENT_SIGNATURE = 'pagefind_dcd';

/** A fragment file's id: its name without the extension. */
export const FRAGMENT_FILE = /^(.+)\.pf_fragment$/;

/** Files Pagefind writes that the site never loads: its ready-made UIs and highlighter. */
export const UNUSED_PAGEFIND_FILES = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/** The part of Pagefind's browser API (pagefind.js) that our search uses. */
/**
 * Pagefind's `ranking` option: the title and the h2/h3 headings are meta fields of
 * each record (build-index.ts); a heading counts for less than the title (title 5 is
 * Pagefind's own default) and more than a word of the body (docs/search.md).
 */
export const PAGEFIND_RANKING = { metaWeights: { title: 5, headings: 3 } };

export interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  /** Drops the loaded index; the next init loads every file again. */
  destroy(): Promise<void>;
  search(term: string, options?: { filters?: Record<string, string> }): Promise<{ results: { id: string; score: number }[] } | null>;
}

// Token encoding: a small ASCII alphabet that Pagefind's word handling leaves
// unchanged, and a sentinel letter that never occurs inside a token, so a query
// word can only ever be a prefix of itself: prefix matching, the shorter-prefix
// fallback and chunk straddling all vanish.

const DIGITS = '0123456789abcdefghijklmnopqrstuv';
/** Ends every encoded token; never one of DIGITS. */
export const TOKEN_SENTINEL = 'z';

function base32(value: number, width: number): string {
  let out = '';
  for (let i = 0; i < width; i++) {
    out = DIGITS[value & 31] + out;
    value >>>= 5;
  }
  return out;
}

/**
 * Prefix-free code per code point: a Hangul syllable takes 3 symbols whose first
 * is 0–a (11,172 < 11·1024); other characters take a kind symbol and a payload.
 */
function encodeCodePoint(code: number): string {
  if (code >= HANGUL_FIRST && code <= HANGUL_LAST) return base32(code - HANGUL_FIRST, 3);
  if (code < 0x400) return 'b' + base32(code, 2);
  if (code >= 0x3100 && code < 0x3500) return 'c' + base32(code - 0x3100, 2);
  if (code <= 0xfffff) return 'd' + base32(code, 4);
  return 'e' + base32(code, 5);
}

/** An analyzer token (src/korean-search/core/analyzer.ts) as Pagefind indexes and searches it. */
export function encodeToken(token: string): string {
  let out = '';
  // A string's iterator yields whole code points: codePointAt(0) is never undefined.
  for (const ch of token) out += encodeCodePoint(ch.codePointAt(0) ?? 0);
  return out + TOKEN_SENTINEL;
}
