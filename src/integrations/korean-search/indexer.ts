/**
 * Builds the Korean-aware search index after `astro build`:
 *
 * 1. reads every dist/**\/index.html and keeps the pages whose <article> carries
 *    data-search-page (policy and glossary pages);
 * 2. analyses each page with the Korean analyzer and gives Pagefind the encoded
 *    tokens as the record content (dist/pagefind/);
 * 3. writes, under dist/pagefind-ko/: the page texts as shown in results
 *    (doc/<pagefind hash>.gz), the vocabulary shards (vocab/<n>.gz), the
 *    manifest, and the browser bundles (search.js, highlight.js, and
 *    pagefind-worker.js, in which Pagefind runs).
 *
 * Usage: npm run build:search [-- distDir]   (npm run build runs it after Astro)
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import * as pagefind from 'pagefind';
import { SECTIONS } from '../src/data/sections';
import { TAGS } from '../src/data/tags';
import { createKoreanAnalyzer, type SynonymGroup } from '../src/lib/korean-analyzer';
import { SEARCH_DATA_DIR, buildSearchRecord, type SearchDoc, type SearchManifest } from '../src/lib/search-data';
import { extractSearchPage, urlOfBuiltFile } from '../src/lib/search-extract';
import { chooseShardCount, serializeShard, shardVocabulary } from '../src/lib/search-vocabulary';
import type { SynonymsFile } from '../src/pages/search/synonyms.json';
import { readFragments } from './lib/pagefind-bundle';

const distDir = process.argv[2] ?? 'dist';
const pagefindDir = join(distDir, 'pagefind');
const dataDir = join(distDir, SEARCH_DATA_DIR);
/** Folders of generated search files, never pages to index. */
const SKIP_DIRS = new Set(['pagefind', SEARCH_DATA_DIR, '_stock-pagefind', '_astro']);

function listHtmlFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) files.push(...listHtmlFiles(path));
    } else if (entry.name === 'index.html') files.push(path);
  }
  return files.sort();
}

function readSynonyms(): SynonymGroup[] {
  const file = JSON.parse(readFileSync(join(distDir, 'search', 'synonyms.json'), 'utf8')) as SynonymsFile;
  return file.groups.map((g) => ({ id: g.id, members: g.members }));
}

const gzip = (text: string) => gzipSync(Buffer.from(text, 'utf8'), { level: 9 });

async function buildBrowserBundles() {
  await esbuild({
    entryPoints: { search: 'src/search/main.ts', highlight: 'src/search/landing-highlight.ts', 'pagefind-worker': 'src/search/pagefind-worker.ts' },
    outdir: dataDir,
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    legalComments: 'none',
    // Pagefind's own loader is fetched at run time from the built site.
    external: ['/pagefind/*'],
    logLevel: 'warning',
  });
}

async function main() {
  const started = Date.now();
  const synonyms = readSynonyms();
  const analyzer = createKoreanAnalyzer({ synonyms });

  rmSync(pagefindDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(join(dataDir, 'doc'), { recursive: true });
  mkdirSync(join(dataDir, 'vocab'), { recursive: true });

  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind 색인을 만들 수 없습니다: ${errors.join('; ')}`);
  const vocabulary = new Set<string>();
  /** Pages holding each token, for the query planner (rarest tokens first). */
  const frequencies = new Map<string, number>();
  /**
   * Where each page's text as shown in results was written, by URL. Pages are read
   * one at a time and their texts go straight to disk: Pagefind's writeFiles below
   * is the memory peak of the whole build (3.3 GB at 10,000 pages), and whatever
   * this process holds adds to it (the gzipped texts held in memory were 312 MB).
   */
  const pendingDocs = new Map<string, string>();
  /** Digest of every shown text, for the build id. */
  const docDigest = createHash('sha256');
  const usedTags = new Set<string>();
  for (const file of listHtmlFiles(distDir)) {
    const page = extractSearchPage(readFileSync(file, 'utf8'), urlOfBuiltFile(relative(distDir, file)));
    if (!page) continue;
    const record = buildSearchRecord(page, analyzer);
    for (const token of record.vocabulary) {
      vocabulary.add(token);
      frequencies.set(token, (frequencies.get(token) ?? 0) + 1);
    }
    const added = await index.addCustomRecord({
      url: page.url,
      content: record.content,
      // Not a reader's language: the tokens are ASCII codes, and no Pagefind
      // stemmer exists for "ko", so none can touch them.
      language: 'ko',
      meta: { title: record.titleTokens },
      filters: { section: [page.section], tag: page.tags, kind: [page.kind] },
    });
    if (added.errors.length) throw new Error(`${page.url}: ${added.errors.join('; ')}`);
    const { url, title, kind, section, sectionTitle, tags, sections } = page;
    const doc: SearchDoc = { url, title, kind, section, sectionTitle, tags, sections };
    const json = JSON.stringify(doc);
    docDigest.update(json);
    const pending = join(dataDir, 'doc', `pending-${pendingDocs.size}.gz`);
    writeFileSync(pending, gzip(json));
    pendingDocs.set(url, pending);
    for (const tag of tags) usedTags.add(tag);
  }
  const pageCount = pendingDocs.size;
  if (pageCount === 0) console.warn('[search] 색인할 페이지(data-search-page)가 없습니다.');
  const written = await index.writeFiles({ outputPath: pagefindDir });
  if (written.errors.length) throw new Error(`Pagefind 파일을 쓸 수 없습니다: ${written.errors.join('; ')}`);
  await pagefind.close();

  // Results carry Pagefind's fragment hash; name each page's text after it so
  // the browser never downloads Pagefind fragments (which hold only tokens).
  for (const { hash, fragment } of readFragments(pagefindDir)) {
    const pending = pendingDocs.get(fragment.url);
    if (!pending) throw new Error(`색인에 없는 페이지의 조각입니다: ${fragment.url}`);
    renameSync(pending, join(dataDir, 'doc', `${hash}.gz`));
    pendingDocs.delete(fragment.url);
  }
  if (pendingDocs.size > 0) throw new Error(`Pagefind가 조각을 만들지 않은 페이지가 있습니다: ${[...pendingDocs.keys()].slice(0, 5).join(', ')}`);
  // Results never use the fragments; leaving them out keeps the deploy small.
  rmSync(join(pagefindDir, 'fragment'), { recursive: true, force: true });

  const shardCount = chooseShardCount(vocabulary.size);
  shardVocabulary(vocabulary, shardCount).forEach((shard, n) => writeFileSync(join(dataDir, 'vocab', `${n}.gz`), gzip(serializeShard(shard, frequencies))));

  // The format tag renames the files when the vocabulary format changes (document frequencies added).
  const build = createHash('sha256').update('vocab-df').update([...vocabulary].sort().join(' ')).update(docDigest.digest('hex')).digest('hex').slice(0, 12);
  const synonymsFile = JSON.parse(readFileSync(join(distDir, 'search', 'synonyms.json'), 'utf8')) as SynonymsFile;
  const manifest: SearchManifest = {
    build,
    pageCount,
    vocabularyShards: shardCount,
    synonyms,
    sections: [...SECTIONS.map((s) => ({ slug: s.slug, title: s.title })), { slug: 'glossary', title: '용어집' }],
    tags: Object.values(TAGS).filter((label) => usedTags.has(label)),
    suggestions: [
      ...synonymsFile.groups.map((g) => ({ label: g.term, href: `/glossary/${g.id}/`, alsoKnownAs: g.members.filter((m) => m !== g.term) })),
      ...SECTIONS.map((s) => ({ label: s.title, href: `/${s.slug}/`, alsoKnownAs: [s.short] })),
    ],
  };
  writeFileSync(join(dataDir, 'manifest.json'), JSON.stringify(manifest));

  await buildBrowserBundles();
  console.log(
    `[search] ${pageCount}쪽 색인, 토큰 ${vocabulary.size}개, 어휘 조각 ${shardCount}개 (${((Date.now() - started) / 1000).toFixed(1)}초)`,
  );
}

await main();
