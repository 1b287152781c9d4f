import { readFileSync } from 'node:fs';
import { parseFrontmatter } from '@astrojs/markdown-remark';

/**
 * Reads an MDX file's frontmatter outside Astro (config time, lint:content, tests)
 * with the parser Astro's MDX integration itself uses, so a value means the same
 * here as in the build: an unquoted `2025-01-14` is a Date in both, and the schema
 * refuses it in both.
 */
export function parseMdx(text: string, file: string): { data: Record<string, unknown>; body: string } {
  let parsed: ReturnType<typeof parseFrontmatter>;
  try {
    parsed = parseFrontmatter(text, { frontmatter: 'remove' });
  } catch (error) {
    throw new Error(`${file}: 프런트매터 YAML을 읽을 수 없습니다: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, { cause: error });
  }
  if (!parsed.rawFrontmatter) throw new Error(`${file}: frontmatter(--- … ---)가 없습니다`);
  return { data: parsed.frontmatter as Record<string, unknown>, body: parsed.content };
}

export function readMdxFile(file: string): { data: Record<string, unknown>; body: string } {
  return parseMdx(readFileSync(file, 'utf8'), file);
}
