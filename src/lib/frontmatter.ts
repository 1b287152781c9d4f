import { readFileSync } from 'node:fs';
import { JSON_SCHEMA, load as loadYaml } from 'js-yaml';

/**
 * Reads an MDX file's YAML frontmatter outside Astro (config time, scripts).
 * JSON_SCHEMA keeps dates as strings, exactly as Astro's schema then sees them.
 */
export function readMdxFile(file: string): { data: unknown; body: string } {
  const text = readFileSync(file, 'utf8');
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${file}: frontmatter(--- … ---)가 없습니다`);
  return { data: loadYaml(match[1]!, { schema: JSON_SCHEMA }), body: match[2]! };
}
