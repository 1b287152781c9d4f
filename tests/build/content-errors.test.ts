/**
 * The real `astro build` over a small fixture content tree: the valid tree builds
 * (and really runs remark-gfm), and a broken tree stops the build with a message
 * that names the file and the field a writer has to fix. Every kind of break is
 * checked against lint:content's function in tests/unit/content-errors.test.ts; the
 * two builds here prove the build runs the same checks: the schemas (a field that
 * is wrong on its own) and findContentProblems (a reference to a missing page).
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToSecond, createFixtureContent, edit } from '../helpers/fixture-content';
import { buildSite, lintContent, type BuildResult } from '../helpers/astro-build';

const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const cleanup of cleanups) cleanup();
});

/**
 * A fresh fixture, changed by `mutate`, built and linted (`lint` is lint:content's
 * verdict on the same tree); the folders are removed after the file's tests.
 */
async function buildFixture(mutate: (dir: string) => void = () => {}): Promise<BuildResult & { lint: { code: number | null; output: string } }> {
  const dir = createFixtureContent();
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  mutate(dir);
  const lint = lintContent(dir);
  // One build at a time (the build lock in buildSite); lint:content runs beside it.
  const result = await buildSite(dir);
  cleanups.push(result.cleanup);
  return { ...result, lint };
}

const last = (output: string, lines = 60) => output.split('\n').slice(-lines).join('\n');

/**
 * The build output without warnings: Vite's MODULE_LEVEL_DIRECTIVE warnings quote every
 * MDX file's path in a box, which would make any "names the file" check pass by accident.
 */
const withoutWarnings = (output: string) =>
  output
    .split('\n')
    .filter((line) => !/\[WARN\]|^\s*[│╭╰─]|^\s*\d+ │/.test(line))
    .join('\n');

/** The build and lint:content both refuse the tree, each naming the file, the field and the problem. */
function expectFailure(result: BuildResult & { lint: { code: number | null; output: string } }, file: RegExp, field: RegExp, message?: RegExp) {
  for (const [checker, run] of [
    ['the build', result],
    ['lint:content', result.lint],
  ] as const) {
    const errors = withoutWarnings(run.output);
    const tail = last(errors);
    expect(run.code, `${checker} should have failed, but exited ${run.code}:\n${tail}`).not.toBe(0);
    expect(errors, `${checker} does not name the file ${file}:\n${tail}`).toMatch(file);
    expect(errors, `${checker} does not name the field ${field}:\n${tail}`).toMatch(field);
    if (message) expect(errors, `${checker} does not explain the problem:\n${tail}`).toMatch(message);
  }
}

const SECOND_FILE = /ai-g3\/second-policy\.mdx/;

describe('a valid fixture', { timeout: 240_000 }, () => {
  let result: BuildResult;
  let probe: string;
  beforeAll(async () => {
    const built = await buildFixture();
    result = built;
    expect(built.lint.code, `lint:content refused the valid fixture:\n${built.lint.output}`).toBe(0);
    expect(result.code, `the valid fixture failed to build:\n${last(result.output)}`).toBe(0);
    probe = readFileSync(join(result.outDir, 'ai-g3', 'sample-policy', 'index.html'), 'utf8');
  });

  it('builds every route', () => {
    for (const path of [
      'index.html',
      '404.html',
      'ai-g3/index.html',
      'ai-g3/second-policy/index.html',
      'glossary/ai/index.html',
      'old/sample/index.html',
      'sitemap-index.xml',
      'rss.xml',
    ]) {
      expect(() => readFileSync(join(result.outDir, path)), path).not.toThrow();
    }
  });

  it('renders GFM tables (remark-gfm runs in the unified processor)', () => {
    expect(probe).toMatch(/<table>[\s\S]*<th>항목<\/th>[\s\S]*<td>2조 9300억 원<\/td>[\s\S]*<\/table>/);
  });

  it('renders GFM footnotes', () => {
    expect(probe).toMatch(/<section[^>]*data-footnotes/);
    expect(probe).toMatch(/<a[^>]*data-footnote-ref[^>]*>1<\/a>/);
    expect(probe).toContain('각주 내용입니다.');
    expect(probe).not.toContain('[^1]');
  });

  it('autolinks bare URLs', () => {
    expect(probe).toMatch(/<a href="https:\/\/example\.org\/auto">https:\/\/example\.org\/auto<\/a>/);
  });

  it('renders strikethrough', () => {
    expect(probe).toContain('<del>취소선</del>');
  });

  it('gives body headings romanized ASCII ids', () => {
    expect(probe).toMatch(/<h2 id="pyo"/);
    expect(probe).toMatch(/<h2 id="gakjuwa-jadong-ringkeu"/);
  });

  it('shows each claim its source sentence, closed, with a text-fragment link to it in the article', () => {
    const html = readFileSync(join(result.outDir, 'ai-g3', 'quoting-policy', 'index.html'), 'utf8');
    const disclosures = html.match(/<details class="source-quote"[\s\S]*?<\/details>/g) ?? [];
    // The paragraph, the list item and the figure in the facts box.
    expect(disclosures).toHaveLength(3);
    expect(disclosures.join('')).toContain(
      '<blockquote cite="https://chungbukzine.com/3725"><p>AI 관련 세액공제를 통해 민간 기업의 투자를 증대시키겠습니다.</p></blockquote>',
    );
    expect(disclosures.join('')).toMatch(/href="https:\/\/chungbukzine\.com\/3725#:~:text=[^"]+"/);
    expect(html).not.toContain(':src[');
  });

  it('formats figures and milestones from frontmatter', () => {
    expect(probe).toContain('2조 9,300억 원');
    expect(probe).toContain('2025년 하반기');
  });
});

describe('a broken fixture stops the build and names the file and the field', { timeout: 240_000 }, () => {
  it.concurrent('a field the schema refuses: unquoted date (YAML turns it into a Date, rolling 2025-02-30 over)', async () => {
    const result = await buildFixture(addToSecond('dates: [{ label: 시행, date: 2025-02-30 }]'));
    expectFailure(result, SECOND_FILE, /dates\.0\.date/, /따옴표/);
  });

  it.concurrent('a cross-file check: related page that does not exist (Astro alone only logs it)', async () => {
    const result = await buildFixture(addToSecond('related: [{ collection: ai-g3, id: no-such-page }]'));
    expectFailure(result, SECOND_FILE, /related\[0\]/, /no-such-page/);
    // The page must not have been written as if nothing happened.
    expect(() => readFileSync(join(result.outDir, 'ai-g3', 'second-policy', 'index.html'))).toThrow();
  });

  it.concurrent('a quote the stored article does not hold (the provenance check, src/lib/claims.ts)', async () => {
    const result = await buildFixture((dir) =>
      edit(join(dir, 'ai-g3', 'quoting-policy.mdx'), '세액공제를 통해 민간 기업의 투자를', '세액공제를 두 배로 늘리겠습니다'),
    );
    expectFailure(result, /ai-g3\/quoting-policy\.mdx:\d+/, /세액공제를 두 배로/, /원문에 없습니다/);
  });
});
