/**
 * Builds the STOCK Pagefind index the scale benchmark compares against, as its
 * own process so its time and memory can be measured: the search engineer's
 * buildStockIndex (bench/harness/search-harness.ts) over the same pages and the
 * same part of them, into <dist>/_stock-pagefind/.
 *
 * Usage: node --import tsx bench/harness/stock-pagefind-index.ts <distDir>
 */
import { buildStockIndex } from './search-harness';

const started = Date.now();
const count = await buildStockIndex(process.argv[2] ?? 'dist');
console.log(`[stock-pagefind] ${count}쪽 색인 (${((Date.now() - started) / 1000).toFixed(1)}초)`);
