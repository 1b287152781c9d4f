/**
 * Writes the server configs in deploy/ from src/lib/http-headers.ts, the one list of
 * response headers:
 *
 * - deploy/_headers: the Netlify / Cloudflare Pages file for a build at a host root
 *   (the build writes its own copy, for its base path, into dist/);
 * - deploy/nginx.conf: only the blocks between its "generated" markers; the rest
 *   of the file is hand-written.
 *
 *   npm run generate:deploy
 *
 * tests/unit/http-headers.test.ts compares the committed files with deployFiles().
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { renderNetlifyHeaders, renderNginxCacheMap, renderNginxHeaders } from '../src/lib/http-headers.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Replaces the lines between `# >>> generated <name>` and `# <<< generated <name>`
 * with `body`, indented like the opening marker.
 */
export function replaceGeneratedBlock(text: string, name: string, body: readonly string[], file = 'deploy/nginx.conf'): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim().startsWith(`# >>> generated ${name}:`));
  const end = lines.findIndex((l) => l.trim() === `# <<< generated ${name}`);
  if (start < 0 || end < start) throw new Error(`${file}: "# >>> generated ${name}: …"와 "# <<< generated ${name}" 표시 줄이 없습니다`);
  const indent = /^\s*/.exec(lines[start] ?? '')?.[0] ?? '';
  return [...lines.slice(0, start + 1), ...body.map((l) => (l ? indent + l : l)), ...lines.slice(end)].join('\n');
}

/** Every generated file as it should be: repo-relative path and full text. */
export function deployFiles(root = REPO_ROOT): { path: string; text: string }[] {
  const nginx = readFileSync(join(root, 'deploy/nginx.conf'), 'utf8');
  const withHttp = replaceGeneratedBlock(nginx, 'http', renderNginxCacheMap());
  return [
    { path: 'deploy/_headers', text: renderNetlifyHeaders('/') },
    { path: 'deploy/nginx.conf', text: replaceGeneratedBlock(withHttp, 'server', renderNginxHeaders()) },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  for (const { path, text } of deployFiles()) {
    const file = join(REPO_ROOT, path);
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      // a new file
    }
    if (current === text) {
      console.log(`${path}: unchanged`);
    } else {
      writeFileSync(file, text);
      console.log(`${path}: written`);
    }
  }
}
