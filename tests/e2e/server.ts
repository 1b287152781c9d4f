/**
 * The e2e tests serve the built site with the production server: Debian's nginx
 * running deploy/nginx.conf (tests/helpers/nginx.ts), so they see its headers (the
 * CSP among them), compression, directory redirects, alias 301s and 404 page.
 * The benchmarks keep their own Node server (src/korean-search/node/static-server.ts).
 */
import { BASE } from '../helpers/built-site';
import { startNginx, type NginxServer } from '../helpers/nginx';

/** The server also reports what it sent (from nginx's access log), so tests can see requests made inside workers. */
export type RunningServer = NginxServer;

/** `url` is the origin plus the base path the build was made for (SITE_BASE), without its last slash. */
export function startServer(dir = 'dist', base = BASE): Promise<RunningServer> {
  return startNginx(dir, { base });
}
