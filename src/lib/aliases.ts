import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readMdxFile } from './frontmatter';

/**
 * Alias paths declared in content frontmatter, read at config time so the sitemap
 * can leave the redirect pages out. The schema validates them during the build.
 */
export function collectAliasPaths(contentDir: string): Set<string> {
  const paths = new Set<string>();
  if (!existsSync(contentDir)) return paths;
  for (const dir of readdirSync(contentDir, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const name of readdirSync(join(contentDir, dir.name))) {
      if (!name.endsWith('.mdx')) continue;
      const { data } = readMdxFile(join(contentDir, dir.name, name));
      const aliases = (data as { aliases?: unknown } | null)?.aliases;
      if (Array.isArray(aliases)) for (const a of aliases) if (typeof a === 'string') paths.add(a);
    }
  }
  return paths;
}
