/** npm run search:explain on the built site: every step is printed, for a hit and for an unknown word. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/astro-build';
import { DIST, assertBuilt } from '../helpers/built-site';

const explain = (query: string) =>
  execFileSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts/search-explain.ts'), query, '--dist', DIST], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });

describe('npm run search:explain', () => {
  beforeAll(() => assertBuilt());

  it('prints the terms, tokens, shards, page counts, the Pagefind query and titled results', () => {
    const out = explain('인공지능 기본법을');
    expect(out).toMatch(/인공지능 \(synonym\): syn:ai/);
    expect(out).toMatch(/기본법 \(word\): 기본, 본법/);
    expect(out).toMatch(/읽은 어휘 조각: vocab\/\d+\.gz/);
    expect(out).toMatch(/syn:ai\s+[0-9a-v]+z\s+\d+/);
    expect(out).toMatch(/Pagefind에 보낸 질의: (?:[0-9a-v]+z ?)+/);
    expect(out).toMatch(/1\. \S+ {2}AI기본법.* \/[a-z0-9-]+\/[a-z0-9-]+\//);
  });

  it('prints the known-word token a word of the site is searched by, and sends it alone', () => {
    const out = explain('인공지능 혁신전략');
    const known = /낱말 토큰[^\n]*\n\s+혁신전략\s+([0-9a-v]+z)\s+(\d+)/.exec(out);
    expect(known, out).not.toBeNull();
    expect(Number(known![2])).toBeGreaterThan(0);
    const sent = /Pagefind에 보낸 질의: (.+)/.exec(out)![1]!.split(' ');
    expect(sent).toHaveLength(2);
    expect(sent).toContain(known![1]);
    // A part of a word that never stands as a word of its own goes as bigrams.
    expect(explain('컴퓨팅')).toMatch(/컴퓨팅\s+[0-9a-v]+z\s+사이트의 낱말 아님/);
  });

  it('prints the typo correction: lookup files read, candidates with their pages, the choice', () => {
    const out = explain('바이오위원희');
    expect(out).toMatch(/읽은 오타 조회 파일: (typo\/s\d+\.gz(, )?)+/);
    expect(out).toMatch(/바이오위원희: 후보 .*바이오위원회 \d+쪽.* → ‘바이오위원회’/);
    expect(out).toContain('교정한 질의: "바이오위원회"');
    expect(out).toContain('‘바이오위원회’로 찾은 결과입니다 (입력: ‘바이오위원희’)');
  });

  it("says which words made the search drop Pagefind's answer", () => {
    const out = explain('김치 담그는 법');
    expect(out).toContain('답을 쓰지 않음');
    expect(out).toMatch(/사이트에 없는 낱말: .*김치/);
  });
});
