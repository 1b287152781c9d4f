import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * A digest of every file in the content folder (path and bytes), whatever the site
 * writes its pages in. The index records the digest of
 * the content it was built from, and the dev server compares it with the content
 * on disk to tell a writer that search shows the last build, not their edits.
 */
export function contentDigest(contentDir: string): string {
  const hash = createHash('sha256');
  if (!existsSync(contentDir)) return 'missing';
  const files = readdirSync(contentDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
  for (const file of files.sort()) {
    hash.update(relative(contentDir, file).split(sep).join('/')).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}
