/**
 * Builds the Korean-aware search index over a built site (run by the korean-search
 * integration after `astro build`, in a process of its own: see indexer-process.ts):
 *
 * 1. reads every <outDir>/**\/index.html and keeps the pages whose <article>
 *    carries data-search-page (the pages the site marks for search);
 * 2. gathers the words of every page (the known words, see KoreanAnalyzerOptions),
 *    then analyses each page with the Korean analyzer and gives Pagefind the encoded
 *    tokens as the record content (<outDir>/pagefind/);
 * 3. writes, under <outDir>/pagefind-ko/: the page texts as shown in results
 *    (doc/<pagefind hash>.gz), the vocabulary shards (vocab/<n>.gz) and the
 *    manifest. The browser code that reads them is bundled by Vite with the site.
 *
 * Page URLs in the index are route paths (no base path), so one index serves the
 * site under any base; the browser adds the base when it renders a link.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { createKoreanAnalyzer } from '../core/analyzer';
import { SEARCH_DATA_DIR, buildSearchRecord, pageBlocks, type SearchManifest } from '../core/data-files';
import { extractSearchPage, urlOfBuiltFile, type SearchPage } from './extract-page';
import { chooseShardCount, serializeShard, shardVocabulary } from '../core/vocabulary';
import { TYPO_DIR, TypoLookupBuilder } from '../core/typo/lookup-files';
import { parseJson, searchPageSchema, synonymsFileSchema, type IndexJob, type SearchIndexSummary, type SynonymsFile } from '../options';
import { listBuiltPages } from './built-pages';
import { readFragments } from './pagefind-files';
import { INDEX_CHUNK_SIZE_ENV, indexChunkSize, RECORD_LANGUAGE, UNUSED_PAGEFIND_FILES } from '../core/pagefind-adapter';

const gzip = (text: string) => gzipSync(Buffer.from(text, 'utf8'), { level: 9 });

export type { SearchIndexSummary };

/** The site's synonyms file in the built site; no groups when the site names none. */
function readSynonyms(distDir: string, file: string | undefined): SynonymsFile['groups'] {
  if (!file) return [];
  const path = join(distDir, file);
  if (!existsSync(path)) throw new Error(`동의어 파일 ${file}이 빌드 결과(${path})에 없습니다.`);
  return parseJson(synonymsFileSchema, readFileSync(path, 'utf8'), path).groups;
}

/** Values listed in `order` first, in that order, then the rest in Korean alphabetical order. */
function ordered<T>(values: ReadonlyMap<string, T>, order: readonly string[]): T[] {
  const rank = new Map(order.map((value, i) => [value, i]));
  return [...values.keys()]
    .sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || a.localeCompare(b, 'ko'))
    .flatMap((key) => {
      const value = values.get(key);
      return value === undefined ? [] : [value];
    });
}

export async function buildSearchIndex({ outDir: distDir, contentDigest, options }: IndexJob): Promise<SearchIndexSummary> {
  const started = Date.now();
  const pagefindDir = join(distDir, 'pagefind');
  const dataDir = join(distDir, SEARCH_DATA_DIR);
  const synonymGroups = readSynonyms(distDir, options.synonymsFile);
  const synonyms: SearchManifest['synonyms'] = synonymGroups.map((g) => ({ id: g.id, members: g.members }));
  /** Splits page text into words; the analyzer that indexes is made once every page's words are known. */
  const wordReader = createKoreanAnalyzer();

  rmSync(pagefindDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(join(dataDir, 'doc'), { recursive: true });
  mkdirSync(join(dataDir, 'vocab'), { recursive: true });
  mkdirSync(join(dataDir, TYPO_DIR), { recursive: true });

  const vocabulary = new Set<string>();
  /** Pages holding each token (shown by search:explain). */
  const frequencies = new Map<string, number>();
  /** Bigrams some page holds inside a word, and bigrams seen across a space. */
  const withinWord = new Set<string>();
  const acrossSpace = new Set<string>();
  /**
   * Where each page's text as shown in results was written, by URL. Pages are read
   * one at a time and their texts go straight to disk: Pagefind's writeFiles below
   * is the memory peak of the whole build, and whatever this process holds adds to
   * it (docs/benchmarks.md, 「코드가 기대는 측정」).
   */
  const pendingDocs = new Map<string, string>();
  /** Digest of every shown text, for the build id. */
  const docDigest = createHash('sha256');
  /** Filter values the pages name: section slug → its title, and tags. */
  const sections = new Map<string, { slug: string; title: string }>();
  const tags = new Map<string, string>();
  /** The typo lookup (syllable neighbours, Latin runs by length), from the page texts. */
  const typo = new TypoLookupBuilder();
  /** Every page's words (wordStems) as strings of syllables. */
  const knownWords = new Set<string>();
  for (const file of listBuiltPages(distDir)) {
    const page = extractSearchPage(readFileSync(file, 'utf8'), urlOfBuiltFile(relative(distDir, file)));
    if (!page) continue;
    for (const block of pageBlocks(page)) for (const word of wordReader.wordStems(block)) knownWords.add(word.join(''));
    typo.addPage(page);
    // doc/<pagefind hash>.gz: the page as shown in results, in its original text.
    const json = JSON.stringify(page satisfies SearchPage);
    docDigest.update(json);
    const pending = join(dataDir, 'doc', `pending-${pendingDocs.size}.gz`);
    writeFileSync(pending, gzip(json));
    pendingDocs.set(page.url, pending);
    if (page.section && !sections.has(page.section)) sections.set(page.section, { slug: page.section, title: page.sectionTitle || page.section });
    for (const tag of page.tags) tags.set(tag, tag);
  }
  const analyzer = createKoreanAnalyzer({ synonyms, knownWords: [...knownWords].map((w) => [...w]) });
  knownWords.clear();
  // Read by the pagefind binary, which the first createIndex starts (pagefind-adapter.ts);
  // the chunk size follows the number of pages, known once the first pass has read them.
  process.env[INDEX_CHUNK_SIZE_ENV] = String(indexChunkSize(pendingDocs.size));
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind 색인을 만들 수 없습니다: ${errors.join('; ')}`);
  // Second pass, over the texts just written (smaller and quicker to read than the HTML).
  for (const pending of pendingDocs.values()) {
    const page = parseJson(searchPageSchema, gunzipSync(readFileSync(pending)).toString('utf8'), pending);
    const record = buildSearchRecord(page, analyzer);
    for (const token of record.vocabulary) {
      vocabulary.add(token);
      frequencies.set(token, (frequencies.get(token) ?? 0) + 1);
    }
    for (const token of record.withinWord) withinWord.add(token);
    for (const token of record.acrossSpace) acrossSpace.add(token);
    const added = await index.addCustomRecord({
      url: page.url,
      content: record.content,
      language: RECORD_LANGUAGE,
      meta: { title: record.titleTokens, ...(record.headingTokens ? { headings: record.headingTokens } : {}) },
      filters: { section: [page.section], tag: page.tags, kind: [page.kind] },
    });
    if (added.errors.length) throw new Error(`${page.url}: ${added.errors.join('; ')}`);
  }
  const pageCount = pendingDocs.size;
  if (pageCount === 0) throw new Error(`${distDir}에 색인할 페이지(<article data-search-page>)가 없습니다.`);
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
  for (const name of readdirSync(pagefindDir)) if (UNUSED_PAGEFIND_FILES.test(name)) rmSync(join(pagefindDir, name));

  const shardCount = chooseShardCount(vocabulary.size);
  const bridgeOnly = new Set([...acrossSpace].filter((t) => !withinWord.has(t)));
  shardVocabulary(vocabulary, shardCount).forEach((shard, n) =>
    writeFileSync(join(dataDir, 'vocab', `${n}.gz`), gzip(serializeShard(shard, frequencies, bridgeOnly))),
  );
  const typoLookup = typo.build();
  for (const file of typoLookup.files) writeFileSync(join(dataDir, file.path), gzip(file.text));

  // The format tag renames the files when the vocabulary format changes (bridge-only marks added).
  const build = createHash('sha256')
    .update('vocab-df-bridge')
    .update([...vocabulary].sort().join(' '))
    .update(docDigest.digest('hex'))
    .digest('hex')
    .slice(0, 12);
  const manifest: SearchManifest = {
    build,
    contentDigest,
    pageCount,
    vocabularyShards: shardCount,
    vocabularySize: vocabulary.size,
    typo: typoLookup.manifest,
    synonyms,
    sections: ordered(sections, options.filterOrder.sections),
    tags: ordered(tags, options.filterOrder.tags),
    suggestions: [
      ...synonymGroups.flatMap((g) => (g.path ? [{ label: g.term, path: g.path, alsoKnownAs: g.members.filter((m) => m !== g.term) }] : [])),
      ...options.suggestions,
    ],
  };
  writeFileSync(join(dataDir, 'manifest.json'), JSON.stringify(manifest));
  return { pageCount, tokenCount: vocabulary.size, shardCount, seconds: (Date.now() - started) / 1000 };
}
