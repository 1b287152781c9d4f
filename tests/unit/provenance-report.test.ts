/**
 * `npm run check:provenance` (scripts/check-provenance.ts) over the real content:
 * every sentence of the stored article is quoted by some page and every statement
 * cites one, so the command exits 0; over a tree with an uncited statement it counts it.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { provenanceReport } from '../../scripts/check-provenance';
import { createFixtureContent, QUOTING_BODY, quotingPolicyFile } from '../helpers/fixture-content';

const CONTENT = join(import.meta.dirname, '../../content');
const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('check:provenance', () => {
  it('finds every article sentence quoted and every statement cited in the real content', () => {
    const report = provenanceReport(CONTENT);
    expect(report.problems).toEqual([]);
    expect({ unquoted: report.unquotedSentences, uncited: report.uncitedStatements }).toEqual({ unquoted: 0, uncited: 0 });
  });

  it('counts an uncited statement and the sentences nobody quotes', () => {
    const dir = createFixtureContent();
    folders.push(dir);
    writeFileSync(join(dir, 'ai-g3', 'uncited.mdx'), quotingPolicyFile({ title: '인용 없는 정책', order: '4' }, `${QUOTING_BODY}\n인용 없는 문장입니다.\n`));
    const report = provenanceReport(dir);
    expect(report.uncitedStatements).toBe(1);
    // The fixture quotes two sentences (twice each); the rest of the article is unquoted.
    const [bySentence] = [...report.quotedBy.values()];
    const quoted = [...(bySentence?.values() ?? [])].filter((pages) => pages.size > 0);
    expect(quoted).toHaveLength(2);
    expect(report.unquotedSentences).toBe((bySentence?.size ?? 0) - 2);
  });
});
