/**
 * The analyzer over this site's own pages: a phrase taken from a content file, as
 * written, run together or with a particle, finds that page's tokens.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readMdxFile } from '../../src/lib/frontmatter';
import { createKoreanAnalyzer, describeToken, queryTokens, type SynonymGroup } from '../../src/korean-search/node';

const CONTENT = join(import.meta.dirname, '../../content');

function mdxFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory() && e.name.endsWith('.mdx'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Plain paragraphs of an MDX body: markdown syntax and tags removed. */
function paragraphsOf(mdx: string): string[] {
  const body = mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
  return body
    .split(/\n+/)
    .map((line) =>
      line
        .replace(/<[^>]+>/g, ' ')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/^\s*(#+|[-*]|\d+\.|>)\s+/, '')
        .replace(/[*_`|]/g, ' ')
        .replace(/https?:\/\/\S+/g, ' ')
        .trim(),
    )
    .filter((p) => p && !/^[-:\s]+$/.test(p));
}

const files = mdxFiles(CONTENT);
const glossarySynonyms: SynonymGroup[] = files
  .filter((f) => f.includes('/glossary/'))
  .map((f) => {
    const data = readMdxFile(f).data as { term: string; fullForm?: string; aliases?: string[] };
    return {
      id: f
        .split('/')
        .pop()!
        .replace(/\.mdx$/, ''),
      members: [data.term, data.fullForm, ...(data.aliases ?? [])].filter((s): s is string => Boolean(s)),
    };
  });
const realAnalyzer = createKoreanAnalyzer({ synonyms: glossarySynonyms });
const pages = files.map((file) => ({ file, paragraphs: paragraphsOf(readFileSync(file, 'utf8')) })).filter((p) => p.paragraphs.length > 0);

describe('phrases from the real pages find their page', () => {
  it('reads the real content pages', () => expect(pages.length).toBeGreaterThan(30));

  const indexed = new Map(pages.map((p) => [p.file, new Set(p.paragraphs.flatMap((text) => realAnalyzer.indexTokens(text)))]));
  const PARTICLES = ['을', '를', '이', '가', '은', '는', '의', '에서', '으로', '와', '과', '도', '에'];

  it('as written, run together, or with a particle', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom('as-written', 'run-together', 'particle'),
        fc.constantFrom(...PARTICLES),
        (pageSeed, paragraphSeed, wordSeed, length, form, particle) => {
          const page = pages[pageSeed % pages.length]!;
          const words = page.paragraphs[paragraphSeed % page.paragraphs.length]!.split(/\s+/).filter(Boolean);
          const start = wordSeed % words.length;
          const phrase = words.slice(start, start + length);
          // A particle goes after a noun; after a one-syllable word (및, 수) it is
          // ambiguous with the word itself (국가, 평가) and stays unstripped.
          fc.pre(form !== 'particle' || !/(^|[^가-힣])[가-힣]$/.test(phrase[phrase.length - 1]!.replace(/[^\p{L}\p{N}]+$/u, '')));
          const query = form === 'as-written' ? phrase.join(' ') : form === 'run-together' ? phrase.join('') : `${phrase.join(' ')}${particle}`;
          const tokens = queryTokens(realAnalyzer.analyzeQuery(query));
          fc.pre(tokens.length > 0);
          const pageTokens = indexed.get(page.file)!;
          const missing = tokens.filter((t) => !pageTokens.has(t)).map(describeToken);
          expect(missing, `${query} (${page.file})`).toEqual([]);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
