/**
 * The indexer as a process of its own (run-indexer.ts says who starts it and why).
 *
 * Usage: node --import tsx src/korean-search/indexer/indexer-process.ts <outDir> <contentDigest>
 */
import { buildSearchIndex } from './build-index';

const [distDir, digest] = process.argv.slice(2);
if (!distDir || !digest) {
  console.error('사용법: indexer-process.ts <outDir> <contentDigest>');
  process.exit(2);
}
try {
  const summary = await buildSearchIndex({ distDir, contentDigest: digest });
  // One JSON line runIndexJob reads back.
  console.log(JSON.stringify({ searchIndex: summary }));
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
}
