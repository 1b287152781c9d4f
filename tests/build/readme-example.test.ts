/**
 * README's example frontmatter, copied as a writer would: put into a copy of the
 * real content as a new page, it passes lint:content and the real build, and the
 * page is built. An example that only looks right (a reused alias, an unknown term)
 * fails here.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, buildSite, lintContent } from '../helpers/astro-build';

const README = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const example = /```mdx\n([\s\S]*?)```/.exec(README)?.[1];
const work = mkdtempSync(join(REPO_ROOT, '.tmp', 'readme-example-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("README's example page", { timeout: 240_000 }, () => {
  it('is in README, passes lint:content and builds into a page', async () => {
    expect(example, 'README has an ```mdx example').toBeTruthy();
    const content = join(work, 'content');
    cpSync(join(REPO_ROOT, 'content'), content, { recursive: true });
    // The example's body is elided ("…"); a heading and a sentence make it a page.
    writeFileSync(join(content, 'ai-g3', 'example-policy.mdx'), example!.replace('…', 'README 예시 본문입니다.'));
    const lint = lintContent(content);
    expect(lint.code, lint.output).toBe(0);
    const build = await buildSite(content);
    try {
      expect(build.code, build.output.split('\n').slice(-40).join('\n')).toBe(0);
      expect(existsSync(join(build.outDir, 'ai-g3', 'example-policy', 'index.html'))).toBe(true);
      // Its alias is a real redirect page.
      expect(readFileSync(join(build.outDir, 'ai', 'example-old-path', 'index.html'), 'utf8')).toContain('/ai-g3/example-policy/');
    } finally {
      build.cleanup();
    }
  });
});
