import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentDigest } from '../indexer/content-digest';
import { devSearchStatus } from '../dev/dev-server';

describe('the dev server tells a missing, stale or current index', () => {
  const root = mkdtempSync(join(tmpdir(), 'dev-search-'));
  const contentDir = join(root, 'content');
  const outDir = join(root, 'dist');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('follows the content on disk', () => {
    mkdirSync(join(contentDir, 'ai-g3'), { recursive: true });
    writeFileSync(join(contentDir, 'ai-g3', 'a.mdx'), '---\ntitle: 가\n---\n본문');
    expect(devSearchStatus({ outDir, contentDir })).toEqual({ state: 'missing' });

    mkdirSync(join(outDir, 'pagefind-ko'), { recursive: true });
    writeFileSync(join(outDir, 'pagefind-ko', 'manifest.json'), JSON.stringify({ contentDigest: contentDigest(contentDir) }));
    expect(devSearchStatus({ outDir, contentDir })).toEqual({ state: 'current' });

    writeFileSync(join(contentDir, 'ai-g3', 'a.mdx'), '---\ntitle: 가\n---\n고친 본문');
    expect(devSearchStatus({ outDir, contentDir })).toEqual({ state: 'stale' });

    // A renamed file changes the digest even with the same bytes.
    cpSync(join(contentDir, 'ai-g3', 'a.mdx'), join(contentDir, 'ai-g3', 'b.mdx'));
    const withCopy = contentDigest(contentDir);
    rmSync(join(contentDir, 'ai-g3', 'a.mdx'));
    expect(contentDigest(contentDir)).not.toBe(withCopy);

    writeFileSync(join(outDir, 'pagefind-ko', 'manifest.json'), '{ not json');
    expect(devSearchStatus({ outDir, contentDir })).toEqual({ state: 'missing' });
  });
});
