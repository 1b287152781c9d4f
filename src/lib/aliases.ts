import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readMdxFile } from './frontmatter';
import type { Redirect } from './http-headers';
import { pagePath } from './content-checks';

/**
 * The aliases declared in content frontmatter, read at config time (before the
 * content layer runs): the sitemap leaves their redirect pages out and the build
 * writes them as real 301s for hosts that read a redirect file. The schema and
 * the collision check validate them during the build.
 */
export function collectAliasRedirects(contentDir: string): Redirect[] {
  const redirects: Redirect[] = [];
  if (!existsSync(contentDir)) return redirects;
  for (const dir of readdirSync(contentDir, { withFileTypes: true })) {
    if (!dir.isDirectory() || dir.name === 'glossary') continue;
    for (const name of readdirSync(join(contentDir, dir.name)).sort()) {
      if (!name.endsWith('.mdx')) continue;
      const { data } = readMdxFile(join(contentDir, dir.name, name));
      const fields = (data ?? {}) as { aliases?: unknown; kind?: unknown };
      if (!Array.isArray(fields.aliases)) continue;
      let to: string;
      try {
        to = pagePath({ collection: dir.name, id: name.replace(/\.mdx$/, ''), kind: fields.kind === 'overview' ? 'overview' : 'policy' });
      } catch {
        continue; // a bad file name is reported by the content check with its file and field
      }
      for (const from of fields.aliases) if (typeof from === 'string') redirects.push({ from, to });
    }
  }
  return redirects;
}
