/**
 * Broken content trees against lint:content's check (scripts/lint-content.ts), which
 * runs the schemas and the cross-file checks the build runs (src/lib/content-checks.ts):
 * each one is refused with the file, the field and the problem named. That the build
 * runs the same checks and stops with the same names is proven by real builds in
 * tests/build/content-errors.test.ts.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lintContentFolder } from '../../scripts/lint-content';
import { addToSecond, createFixtureContent, edit, policyFile, second } from '../helpers/fixture-content';

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** Fixtures are not the site's text: no key phrases to look for. */
const NO_PHRASES = join(mkdtempSync(join(tmpdir(), 'no-phrases-')), 'key-phrases.txt');
writeFileSync(NO_PHRASES, '');
folders.push(join(NO_PHRASES, '..'));

function lintFixture(mutate: (dir: string) => void = () => {}): string[] {
  const dir = createFixtureContent();
  folders.push(dir);
  mutate(dir);
  return lintContentFolder(dir, NO_PHRASES).errors;
}

const SECOND_FILE = /ai-g3\/second-policy\.mdx/;

/** One refusal names the file, the field and the problem, on one line. */
function expectProblem(errors: string[], file: RegExp, field: RegExp, message?: RegExp) {
  expect(errors.length, 'lint:content accepted the broken tree').toBeGreaterThan(0);
  const line = errors.find((e) => file.test(e) && field.test(e) && (!message || message.test(e)));
  expect(line, `no problem naming ${file}, ${field}${message ? ` and ${message}` : ''} in:\n${errors.join('\n')}`).toBeDefined();
}

describe('the fixture tree', () => {
  it('is valid, so every refusal below comes from its one change', () => {
    expect(lintFixture()).toEqual([]);
  });
});

describe('a broken tree is refused, naming the file and the field', () => {
  it('missing title', () => {
    expectProblem(
      lintFixture((dir) => edit(second(dir), /^title: .*\n/m, '')),
      SECOND_FILE,
      /\btitle\b/,
      /제목\(title\)이 필요합니다/,
    );
  });

  it('impossible date "2025-02-30"', () => {
    expectProblem(lintFixture(addToSecond('dates: [{ label: 시행, date: "2025-02-30" }]')), SECOND_FILE, /dates\.0\.date/, /달력에 없는 날짜/);
  });

  it('unquoted date (YAML turns it into a Date, rolling 2025-02-30 over)', () => {
    expectProblem(lintFixture(addToSecond('dates: [{ label: 시행, date: 2025-02-30 }]')), SECOND_FILE, /dates\.0\.date/, /따옴표/);
  });

  it('money written as a string', () => {
    expectProblem(lintFixture(addToSecond('figures: [{ kind: money, label: 예산, won: "2조 9300억 원" }]')), SECOND_FILE, /figures\.0\.won/, /원 단위 숫자/);
  });

  it('related page that does not exist', () => {
    expectProblem(lintFixture(addToSecond('related: [{ collection: ai-g3, id: no-such-page }]')), SECOND_FILE, /related\[0\]/, /no-such-page/);
  });

  it('glossary term that does not exist', () => {
    expectProblem(lintFixture(addToSecond('terms: [no-such-term]')), SECOND_FILE, /terms\[0\]/, /no-such-term/);
  });

  it('duplicate URL: an alias equal to another page', () => {
    expectProblem(lintFixture(addToSecond('aliases: [/ai-g3/sample-policy/]')), SECOND_FILE, /aliases\[0\]/, /\/ai-g3\/sample-policy\//);
  });

  it('duplicate URL: two pages claiming one alias', () => {
    expectProblem(lintFixture(addToSecond('aliases: [/old/sample/]')), /ai-g3\/(second|sample)-policy\.mdx/, /aliases\[0\]/, /\/old\/sample\//);
  });

  it('duplicate URL: an alias equal to a glossary page', () => {
    expectProblem(lintFixture(addToSecond('aliases: [/glossary/ai/]')), SECOND_FILE, /aliases\[0\]/, /\/glossary\/ai\//);
  });

  it('unquoted updated date (a Date to the YAML parser)', () => {
    expectProblem(lintFixture(addToSecond('updated: 2025-01-14')), SECOND_FILE, /\bupdated\b/, /따옴표/);
  });

  it('a second overview in one section', () => {
    expectProblem(lintFixture(addToSecond('kind: overview')), /ai-g3\/(second-policy|overview)\.mdx/, /\bkind\b/, /정확히 하나/);
  });

  it('file name that is not a lowercase ASCII slug', () => {
    expectProblem(
      lintFixture((dir) => writeFileSync(join(dir, 'ai-g3', 'Third-Policy.mdx'), policyFile({ title: '세 번째 정책', order: '3' }))),
      /ai-g3\/Third-Policy\.mdx/,
      /파일 이름/,
    );
  });
});

describe("README's example page", () => {
  it('copied into the real content as a new page, passes the checks (an alias or term that only looks right fails here)', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    const example = /```mdx\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example, 'README has an ```mdx example').toBeTruthy();
    const content = join(mkdtempSync(join(tmpdir(), 'readme-example-')), 'content');
    folders.push(join(content, '..'));
    cpSync(join(import.meta.dirname, '../../content'), content, { recursive: true });
    const before = lintContentFolder(content, NO_PHRASES);
    writeFileSync(join(content, 'ai-g3', 'example-policy.mdx'), example!);
    const after = lintContentFolder(content, NO_PHRASES);
    expect(after.errors).toEqual([]);
    expect(after.pages, 'the example was checked as a page').toBe(before.pages + 1);
  });
});
