/**
 * bench:search — runs the evaluation queries against the built site in real
 * Chromium, with our Korean-aware search and with stock Pagefind over the same
 * pages, and prints hit@1, hit@5, MRR, negatives passed, latency and bytes.
 *
 * Usage: npm run bench:search [-- --dist dist --queries a.json,b.json --verbose]
 */
import { startStaticServer } from '../src/korean-search/node';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../scripts/lib/chromium';
import { buildStockIndex, hasBuiltSite, oursEngine, runQueries, stockEngine, summarize, type Summary } from './harness/search-harness';
import { pageTexts, passRank, readQueries } from '../scripts/lib/search-judge';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    queries: { type: 'string', default: 'data/search-eval/queries.dev.json,bench/queries.extra.json' },
    verbose: { type: 'boolean', default: false },
  },
});
const distDir = values.dist;
if (!hasBuiltSite(distDir)) throw new Error(`${distDir}에 검색 색인이 있는 빌드가 없습니다. 먼저 npm run build를 실행하세요.`);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
function row(name: string, s: Summary): string {
  return [
    name.padEnd(6),
    `hit@1 ${s.hitAt1}/${s.positives}`.padEnd(12),
    `hit@5 ${s.hitAt5}/${s.positives}`.padEnd(12),
    `MRR ${s.mrr.toFixed(3)}`.padEnd(10),
    `neg ${s.negativesPassed}/${s.negatives}`.padEnd(9),
    `p50 ${s.p50.toFixed(0)} ms`.padEnd(11),
    `p95 ${s.p95.toFixed(0)} ms`.padEnd(11),
    `first ${kb(s.firstQueryBytes)}`.padEnd(16),
    `later avg ${kb(s.laterQueryBytesMean)} max ${kb(s.laterQueryBytesMax)}`,
  ].join(' ');
}

const stockPages = await buildStockIndex(distDir);
const texts = pageTexts(distDir);
const server = await startStaticServer(distDir);
const browser = await launchBrowser();
try {
  for (const file of values.queries.split(',').filter(Boolean)) {
    const queries = readQueries(file);
    console.log(`\n${file} — ${queries.length} queries, ${stockPages} pages indexed`);
    for (const engine of [oursEngine, stockEngine]) {
      const runs = await runQueries(engine, browser, server, queries);
      console.log(row(engine.name, summarize(runs, texts)));
      if (values.verbose) {
        for (const run of runs) {
          const rank = passRank(run, texts);
          const verdict = run.query.expect === null ? (run.total === 0 ? 'ok ' : 'FAIL') : rank === 1 ? 'ok ' : rank > 0 ? `@${rank} ` : 'FAIL';
          console.log(
            `  ${verdict} ${run.query.id} ${run.query.query} → ${run.total}건 ${run.urls.slice(0, 2).join(' ')} (${run.ms.toFixed(0)} ms, ${kb(run.bytes)})`,
          );
        }
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
