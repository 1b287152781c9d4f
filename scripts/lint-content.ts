/**
 * Fast check of content/ without running Astro, for writers: every file's
 * frontmatter, read with Astro's own parser, against the same Zod schemas; then the
 * cross-file checks the build makes (src/lib/content-checks.ts, the same function);
 * then key-phrase coverage of the pages.
 * Usage: npm run lint:content [-- --dir content --key-phrases data/source/key-phrases.txt]
 * Exits 1 with one line per problem: `file: field: message`.
 * lintContentFolder is the same check as a function, for the tests.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SECTION_SLUGS } from '../src/data/sections';
import { TAG_IDS } from '../src/data/tags';
import { findContentProblems, formatProblem, type CheckedPage, type CheckedTerm } from '../src/lib/content-checks';
import { readMdxFile } from '../src/lib/frontmatter';
import { checkContentFile } from '../src/lib/page-provenance';
import { loadStoredSources } from '../src/lib/source-text';
import { missingPhrases, parseKeyPhrases } from '../src/lib/key-phrases';
import { glossarySchema, policySchema } from '../src/schemas/policy';

const ROOT = resolve(import.meta.dirname, '..');
export const DEFAULT_KEY_PHRASES = join(ROOT, 'data/source/key-phrases.txt');

/** Every problem of a content folder, one `file: field: message` line each, with what was checked. */
export function lintContentFolder(root: string, keyPhrasesFile: string): { pages: number; glossary: number; errors: string[] } {
  const errors: string[] = [];
  const texts: string[] = [];
  const storedSources = loadStoredSources(ROOT);

  /** The .mdx files of a content folder; a missing folder or a stray file is a problem, not a skip. */
  function mdxFiles(dir: string): string[] {
    if (!existsSync(dir)) {
      errors.push(`${dir}: 폴더가 없습니다`);
      return [];
    }
    const names = readdirSync(dir);
    for (const stray of names.filter((n) => !n.endsWith('.mdx')))
      errors.push(`${join(dir, stray)}: .mdx 파일만 페이지가 됩니다; 이 파일은 빌드에서 무시됩니다`);
    return names.filter((n) => n.endsWith('.mdx')).map((n) => join(dir, n));
  }

  /** Frontmatter checked by `schema`; its problems are reported as `file: field: message`, like the build's. */
  function readChecked<T>(
    file: string,
    schema: { safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } },
  ): T | null {
    let parsed: { data: Record<string, unknown>; body: string };
    let claims: ReturnType<typeof checkContentFile>;
    try {
      parsed = readMdxFile(file);
      claims = checkContentFile(file, readFileSync(file, 'utf8'), parsed.data, storedSources);
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
      return null;
    }
    // Quotes of the source are not the site's own words: key phrases must be found without them.
    texts.push(
      claims.prose,
      JSON.stringify(parsed.data, (key, value: unknown) => (key === 'quote' ? undefined : value)),
    );
    errors.push(...claims.problems);
    const result = schema.safeParse(parsed.data);
    if (result.success) return result.data;
    for (const issue of result.error.issues) errors.push(`${file}: ${issue.path.map(String).join('.')}: ${issue.message}`);
    return null;
  }

  const idOf = (file: string) => (file.split(/[\\/]/).pop() ?? file).replace(/\.mdx$/, '');

  const glossary: CheckedTerm[] = [];
  for (const file of mdxFiles(join(root, 'glossary'))) {
    if (readChecked(file, glossarySchema)) glossary.push({ id: idOf(file), file });
  }
  const pages: CheckedPage[] = [];
  for (const section of SECTION_SLUGS) {
    for (const file of mdxFiles(join(root, section))) {
      const data = readChecked(file, policySchema);
      if (data) pages.push({ collection: section, id: idOf(file), file, kind: data.kind, aliases: data.aliases, related: data.related, terms: data.terms });
    }
  }
  errors.push(...findContentProblems({ sections: SECTION_SLUGS, pages, glossary, tags: TAG_IDS }).map(formatProblem));

  // The key-phrase file is part of the repo (data/README.md); without it the check cannot run,
  // so that is an error, never a silent skip.
  if (!existsSync(keyPhrasesFile)) {
    errors.push(`${keyPhrasesFile}: 핵심어 파일이 없습니다; 핵심어 검사를 할 수 없습니다 (key-phrase file not found; see data/README.md)`);
  } else {
    for (const phrase of missingPhrases(parseKeyPhrases(readFileSync(keyPhrasesFile, 'utf8')), texts))
      errors.push(`${keyPhrasesFile}: 본문에 없는 핵심어 "${phrase}"`);
  }
  return { pages: pages.length, glossary: glossary.length, errors };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const arg = (name: string): string | undefined => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const root = arg('dir') ?? 'content';
  const keyPhrasesFile = arg('key-phrases') ?? relative(process.cwd(), DEFAULT_KEY_PHRASES);
  const { pages, glossary, errors } = lintContentFolder(root, keyPhrasesFile);
  console.log(`${pages} pages, ${glossary} glossary terms checked in ${root}/`);
  if (errors.length) {
    console.error(errors.join('\n'));
    process.exit(1);
  }
}
