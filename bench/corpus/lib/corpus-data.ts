/**
 * The committed corpus (bench/corpus/data/pages.json.gz) and the content tree made
 * from it: every page goes to one of the site's sections, with the frontmatter
 * src/schemas/policy.ts asks for, and each section gets an overview.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { z } from 'astro/zod';
import { SECTIONS } from '../../../src/data/sections';
import { policyPath } from '../../../src/lib/urls';
import { must } from '../../../src/lib/must';
import { plainText } from './source-markdown';

export const CORPUS_DIR = resolve(import.meta.dirname, '..');
export const CORPUS_FILE = join(CORPUS_DIR, 'data', 'pages.json.gz');
export const QUERIES_FILE = join(CORPUS_DIR, 'queries.json');

export const corpusSourceSchema = z
  .object({
    /** Short name used in page ids (vue, vite, rust, react). */
    name: z.string().regex(/^[a-z]+$/),
    repo: z.string(),
    commit: z.string().regex(/^[0-9a-f]{40}$/),
    publisher: z.string(),
    licence: z.string(),
  })
  .strict();

export const corpusPageSchema = z
  .object({
    /** File name in the content tree: `<source>-<path words>`, lower-case ASCII and hyphens. */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    source: z.string(),
    /** Path of the Markdown file in its repository. */
    path: z.string(),
    /** The page on the source's own site. */
    url: z.url(),
    title: z.string().min(1),
    /** MDX-safe Markdown (source-markdown.ts). */
    body: z.string(),
  })
  .strict();

export const corpusSchema = z.object({ sources: z.array(corpusSourceSchema), pages: z.array(corpusPageSchema) }).strict();

export type CorpusSource = z.output<typeof corpusSourceSchema>;
export type CorpusPage = z.output<typeof corpusPageSchema>;
export type Corpus = z.output<typeof corpusSchema>;

export function readCorpus(file = CORPUS_FILE): Corpus {
  const parsed = corpusSchema.safeParse(JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
  return parsed.data;
}

/** Pages in id order go to the sections in turn, so every section holds pages of every source. */
export function sectionOf(index: number): string {
  return must(SECTIONS[index % SECTIONS.length], 'section').slug;
}

/** Each page's route path on the built site, by page id. */
export function pageUrls(corpus: Corpus): Map<string, string> {
  return new Map(corpus.pages.map((page, i) => [page.id, policyPath(sectionOf(i), page.id)]));
}

const SUMMARY_MAX = 150;

/** The page's first sentence with Hangul in it, clipped to the schema's 10–200 characters. */
export function summaryOf(page: Pick<CorpusPage, 'title' | 'body'>): string {
  const paragraphs = plainText(page.body.replace(/^#{1,6} .*$/gm, ''))
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => /[가-힣]/.test(p));
  const first = paragraphs[0] ?? '';
  let sentence = (/^.*?[.!?](?=\s|$)/.exec(first)?.[0] ?? first).trim();
  if (sentence.length > SUMMARY_MAX) {
    const cut = sentence.slice(0, SUMMARY_MAX);
    sentence = `${cut.slice(0, Math.max(cut.lastIndexOf(' '), SUMMARY_MAX - 20))}…`;
  }
  return sentence.length >= 10 ? sentence : `${page.title}에 관한 문서입니다.`;
}

const yaml = (value: string) => JSON.stringify(value);

/** The MDX file of one corpus page. */
export function pageFile(page: CorpusPage, order: number, source: CorpusSource | undefined): string {
  const fields = [
    `title: ${yaml(page.title)}`,
    `summary: ${yaml(summaryOf(page))}`,
    `order: ${order}`,
    'tags: []',
    'status: ongoing',
    'sources:',
    `  - { title: ${yaml(page.title)}, publisher: ${yaml(source?.publisher ?? page.source)}, url: ${yaml(page.url)} }`,
  ];
  return `---\n${fields.join('\n')}\n---\n\n${page.body}`;
}

const OVERVIEW_TEXT = '이 분야에는 공개 한국어 기술 문서를 옮긴 페이지가 모여 있습니다.';
const OVERVIEW_SUMMARY = '공개 한국어 기술 문서를 옮긴 검색 시험용 페이지를 모아 보여 주는 개요입니다.';

/** Text of the overviews, which search indexes besides the corpus pages. */
export const overviewTexts = (): string[] => [OVERVIEW_TEXT, OVERVIEW_SUMMARY, '한눈에 보기', '문서 말뭉치', ...SECTIONS.map((s) => s.title)];

function overviewFile(title: string): string {
  const fields = [
    `title: ${yaml(`${title} (문서 말뭉치)`)}`,
    `summary: ${yaml(OVERVIEW_SUMMARY)}`,
    'kind: overview',
    'order: 0',
    'tags: []',
    'status: ongoing',
    'sources:',
    `  - { title: "bench/corpus", publisher: "검색 시험", url: "https://github.com/" }`,
  ];
  return `---\n${fields.join('\n')}\n---\n\n## 한눈에 보기\n\n${OVERVIEW_TEXT}\n`;
}

/** Writes the content tree (overviews, pages, an empty glossary) into `outDir`, emptied first; returns the page count. */
export function writeCorpusContent(corpus: Corpus, outDir: string, root: string): number {
  const out = resolve(outDir);
  const content = resolve(root, 'content');
  if (out === content || out.startsWith(`${content}/`)) throw new Error('말뭉치를 content/에 쓸 수 없습니다');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'glossary'), { recursive: true });
  for (const section of SECTIONS) {
    mkdirSync(join(out, section.slug), { recursive: true });
    writeFileSync(join(out, section.slug, 'overview.mdx'), overviewFile(section.title));
  }
  const sources = new Map(corpus.sources.map((s) => [s.name, s]));
  corpus.pages.forEach((page, i) => {
    writeFileSync(join(out, sectionOf(i), `${page.id}.mdx`), pageFile(page, Math.floor(i / SECTIONS.length) + 1, sources.get(page.source)));
  });
  return corpus.pages.length;
}
