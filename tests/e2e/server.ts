/**
 * The e2e tests serve the built site with the same server the benchmarks use: it
 * compresses like a production host, gives directory URLs their index.html and
 * unknown paths 404.html with status 404.
 */
import { startBenchServer, type BenchServer } from '../../scripts/lib/bench-server';

/** The server also reports what it sent, so tests can see requests made inside workers. */
export type RunningServer = BenchServer;

export function startServer(dir = 'dist'): Promise<RunningServer> {
  return startBenchServer(dir);
}
