/**
 * The indexer as a process of its own (index-job.ts says who starts it and why).
 *
 * Usage: node --import tsx src/integrations/korean-search/index-cli.ts <outDir> <contentDigest>
 */
import { buildSearchIndex } from './indexer';

const [distDir, digest] = process.argv.slice(2);
if (!distDir || !digest) {
  console.error('사용법: index-cli.ts <outDir> <contentDigest>');
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
