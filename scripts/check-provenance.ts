/**
 * Which pages quote which sentence of each stored source text, and what is left:
 * sentences no page quotes and statements that cite nothing (target 0 for both).
 * Usage: npm run check:provenance [-- --dir content]
 * Prints every sentence with the pages that quote it, then the two counts; exits 1
 * when either is above 0 or any quote is wrong (the same check as the build's,
 * src/lib/claims.ts).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SECTION_SLUGS } from '../src/data/sections';
import { pagePath } from '../src/lib/content-checks';
import { readMdxFile } from '../src/lib/frontmatter';
import { checkContentFile } from '../src/lib/page-provenance';
import { loadStoredSources, type StoredSource } from '../src/lib/source-text';
import { glossaryPath } from '../src/lib/urls';

const ROOT = resolve(import.meta.dirname, '..');

export interface ProvenanceReport {
  /** Per stored source, per sentence number: the page paths that quote it. */
  quotedBy: Map<StoredSource, Map<number, Set<string>>>;
  unquotedSentences: number;
  uncitedStatements: number;
  /** Every other problem (a quote not in the source, a marker where none belongs), as the build words it. */
  problems: string[];
}

const mdxIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.mdx')) : []);

export function provenanceReport(contentDir: string, stored: StoredSource[] = loadStoredSources(ROOT)): ProvenanceReport {
  const quotedBy = new Map(stored.map((source) => [source, new Map(source.sentences.map((s) => [s.n, new Set<string>()]))]));
  let uncitedStatements = 0;
  const problems: string[] = [];
  const files = [
    ...SECTION_SLUGS.flatMap((section) => mdxIn(join(contentDir, section)).map((name) => ({ file: join(contentDir, section, name), section }))),
    ...mdxIn(join(contentDir, 'glossary')).map((name) => ({ file: join(contentDir, 'glossary', name), section: undefined })),
  ];
  for (const { file, section } of files) {
    const { data } = readMdxFile(file);
    const id = (file.split(/[\\/]/).pop() ?? file).replace(/\.mdx$/, '');
    const path = section ? pagePath({ collection: section, id, kind: data.kind === 'overview' ? 'overview' : 'policy' }) : glossaryPath(id);
    const claims = checkContentFile(file, readFileSync(file, 'utf8'), data, stored);
    for (const { source, sentence } of [...claims.statements.flatMap((s) => s.cited), ...claims.facts.values()]) {
      quotedBy
        .get(stored.find((s) => s.url === source.url) ?? source)
        ?.get(sentence.n)
        ?.add(path);
    }
    const uncited = !claims.citesStoredSource ? [] : claims.statements.filter((s) => !s.general && s.cited.length === 0 && s.directives.length === 0);
    uncitedStatements += uncited.length;
    // Uncited statements are counted above; every other problem is listed as is.
    problems.push(...claims.problems.filter((p) => !uncited.some((s) => p.startsWith(`${file}:${s.line}: `))));
  }
  const unquotedSentences = [...quotedBy.values()].reduce((sum, bySentence) => sum + [...bySentence.values()].filter((pages) => pages.size === 0).length, 0);
  return { quotedBy, unquotedSentences, uncitedStatements, problems };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const i = process.argv.indexOf('--dir');
  const dir = i > 0 ? (process.argv[i + 1] ?? 'content') : 'content';
  const report = provenanceReport(dir);
  for (const [source, bySentence] of report.quotedBy) {
    console.log(`${source.publisher}, 「${source.title}」 (${source.file}, ${source.sentences.length}문장)`);
    for (const sentence of source.sentences) {
      const pages = [...(bySentence.get(sentence.n) ?? [])].sort();
      const text = sentence.text.length > 48 ? `${sentence.text.slice(0, 48)}…` : sentence.text;
      console.log(`  ${String(sentence.n).padStart(3)}. ${text}`);
      console.log(`       ${pages.length > 0 ? pages.join(' ') : '— 인용한 페이지 없음'}`);
    }
  }
  if (report.problems.length > 0) console.error(report.problems.join('\n'));
  console.log(`인용되지 않은 원문 문장: ${report.unquotedSentences} (목표 0)`);
  console.log(`출처 인용이 없는 문장: ${report.uncitedStatements} (목표 0)`);
  if (report.problems.length > 0) console.log(`그 밖의 문제: ${report.problems.length}`);
  if (report.unquotedSentences > 0 || report.uncitedStatements > 0 || report.problems.length > 0) process.exit(1);
}
