/**
 * The indexer as a process of its own (run-indexer.ts says who starts it and why).
 *
 * Usage: node --import tsx indexer-process.ts < job.json   (an IndexJob as JSON on standard input)
 */
import { indexJobSchema, parseJson } from '../options';
import { buildSearchIndex } from './build-index';
import { summaryLine } from './run-indexer';

let jobJson = '';
// Decoded as one stream, so a Korean character split between two chunks stays whole.
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) jobJson += String(chunk);
if (!jobJson.trim()) {
  console.error('사용법: indexer-process.ts < 색인 작업 JSON (표준 입력)');
  process.exit(2);
}
try {
  const job = parseJson(indexJobSchema, jobJson, '색인 작업');
  // The last line, which runIndexJob reads back.
  console.log(summaryLine(await buildSearchIndex(job)));
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
}
