/**
 * The indexer as a process of its own (run-indexer.ts says who starts it and why).
 *
 * Usage: node --import tsx indexer-process.ts '<IndexJob as JSON>'
 */
import { indexJobSchema, parseJson } from '../options';
import { buildSearchIndex } from './build-index';
import { summaryLine } from './run-indexer';

const [jobJson] = process.argv.slice(2);
if (!jobJson) {
  console.error("사용법: indexer-process.ts '<색인 작업 JSON>'");
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
