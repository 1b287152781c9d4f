/**
 * The e2e tests serve the built site with the same server the benchmarks use: it
 * compresses like a production host, gives directory URLs their index.html and
 * unknown paths 404.html with status 404.
 */
import { startBenchServer } from '../../scripts/lib/bench-server';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export function startServer(dir = 'dist'): Promise<RunningServer> {
  return startBenchServer(dir);
}
