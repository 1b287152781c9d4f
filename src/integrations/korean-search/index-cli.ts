/**
 * The indexer as a process of its own, started by the integration after the build:
 * Pagefind's writer is the memory peak of a large build, and Astro's heap is still
 * alive in the parent, so the two are kept apart (and the parent's V8 heap cap does
 * not apply to the indexer).
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
  // One JSON line the integration reads back for its log.
  console.log(JSON.stringify({ searchIndex: summary }));
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
}
