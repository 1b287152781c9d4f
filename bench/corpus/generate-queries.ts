/**
 * Writes bench/corpus/queries.json: the known-item queries of the corpus benchmark,
 * generated from the committed corpus with a fixed seed (bench/corpus/lib/queries.ts).
 *
 * Usage: node --import tsx bench/corpus/generate-queries.ts [--seed 21]
 */
import { writeFileSync } from 'node:fs';
import { format } from 'prettier';
import { QUERIES_FILE, overviewTexts, pageUrls, readCorpus } from './lib/corpus-data';
import { QUERY_KINDS, generateQueries, queryFileSchema } from './lib/queries';

export const DEFAULT_SEED = 21;

const i = process.argv.indexOf('--seed');
const seed = i > 0 ? Number(process.argv[i + 1]) : DEFAULT_SEED;
if (!Number.isInteger(seed)) throw new Error(`--seed 값이 올바르지 않습니다: ${process.argv[i + 1]}`);

const corpus = readCorpus();
const urls = pageUrls(corpus);
const pages = corpus.pages.map((p) => ({ id: p.id, url: urls.get(p.id) ?? '', title: p.title, body: p.body }));
const queries = generateQueries(pages, { seed, extraText: overviewTexts() });
const file = queryFileSchema.parse({ seed, pages: pages.length, queries });
writeFileSync(QUERIES_FILE, await format(JSON.stringify(file), { filepath: QUERIES_FILE, printWidth: 160, singleQuote: true }));
for (const kind of QUERY_KINDS) {
  const of = queries.filter((q) => q.kind === kind);
  console.log(
    `${kind.padEnd(9)} ${String(of.length).padStart(3)} (dev ${of.filter((q) => q.part === 'dev').length}, heldout ${of.filter((q) => q.part === 'heldout').length})`,
  );
}
console.log(`${queries.length}개 질의 → ${QUERIES_FILE}`);
