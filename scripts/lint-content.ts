/**
 * Fast check of content/ without running Astro: every file's frontmatter against the
 * real Zod schemas, every reference, and key-phrase coverage of the MDX bodies.
 * Usage: npm run lint:content [-- --dir content --key-phrases data/source/key-phrases.txt]
 * The build does the same checks (src/data/content.ts); this is the quick loop for writers.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { z } from 'astro/zod';
import { SECTION_SLUGS } from '../src/data/sections';
import { glossarySchema, policySchema } from '../src/schemas/policy';
import { readMdxFile } from '../src/lib/frontmatter';
import { missingPhrases, parseKeyPhrases } from '../src/lib/key-phrases';

const dirArg = process.argv.indexOf('--dir');
const root = dirArg > 0 ? process.argv[dirArg + 1]! : 'content';
const phrasesArg = process.argv.indexOf('--key-phrases');
const keyPhrasesFile = phrasesArg > 0
  ? process.argv[phrasesArg + 1]!
  : relative(process.cwd(), resolve(import.meta.dirname, '../data/source/key-phrases.txt'));
const errors: string[] = [];
const bodies: string[] = [];


const policy = policySchema({
  related: z.object({ collection: z.enum(SECTION_SLUGS), id: z.string() }).strict(),
  term: z.string(),
});

const glossaryIds = new Set<string>();
const glossaryDir = join(root, 'glossary');
for (const name of existsSync(glossaryDir) ? readdirSync(glossaryDir).filter((n) => n.endsWith('.mdx')) : []) {
  const file = join(glossaryDir, name);
  glossaryIds.add(name.replace(/\.mdx$/, ''));
  const { data, body } = readMdxFile(file);
  const result = glossarySchema.safeParse(data);
  if (!result.success) for (const issue of result.error.issues) errors.push(`${file}: ${issue.path.join('.')}: ${issue.message}`);
  bodies.push(body);
}

const pages = new Map<string, { file: string; related: { collection: string; id: string }[]; terms: string[] }>();
for (const section of SECTION_SLUGS) {
  const dir = join(root, section);
  if (!existsSync(dir)) { errors.push(`${dir}: 폴더가 없습니다`); continue; }
  for (const stray of readdirSync(dir).filter((n) => !n.endsWith('.mdx'))) {
    errors.push(`${join(dir, stray)}: .mdx 파일만 페이지가 됩니다; 이 파일은 빌드에서 무시됩니다`);
  }
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.mdx'))) {
    const file = join(dir, name);
    if (!/^[a-z0-9-]+\.mdx$/.test(name)) errors.push(`${file}: 파일 이름은 소문자 ASCII와 하이픈이어야 합니다`);
    const { data, body } = readMdxFile(file);
    bodies.push(body, JSON.stringify(data));
    const result = policy.safeParse(data);
    if (!result.success) {
      for (const issue of result.error.issues) errors.push(`${file}: ${issue.path.join('.')}: ${issue.message}`);
      continue;
    }
    pages.set(`${section}/${name.replace(/\.mdx$/, '')}`, { file, related: result.data.related, terms: result.data.terms });
  }
}
for (const { file, related, terms } of pages.values()) {
  for (const ref of related) if (!pages.has(`${ref.collection}/${ref.id}`)) errors.push(`${file}: related: 없는 페이지 ${ref.collection}/${ref.id}`);
  for (const term of terms) if (!glossaryIds.has(term)) errors.push(`${file}: terms: 없는 용어 ${term}`);
}

// The key-phrase file is part of the repo (data/README.md); without it the check cannot run,
// so that is an error, never a silent skip.
if (!existsSync(keyPhrasesFile)) {
  errors.push(`${keyPhrasesFile}: 핵심어 파일이 없습니다; 핵심어 검사를 할 수 없습니다 (key-phrase file not found; see data/README.md)`);
} else {
  const missing = missingPhrases(parseKeyPhrases(readFileSync(keyPhrasesFile, 'utf8')), bodies);
  for (const phrase of missing) errors.push(`${keyPhrasesFile}: 본문에 없는 핵심어 "${phrase}"`);
}

console.log(`${pages.size} pages, ${glossaryIds.size} glossary terms checked in ${root}/`);
if (errors.length) {
  console.error(errors.join('\n'));
  process.exit(1);
}
