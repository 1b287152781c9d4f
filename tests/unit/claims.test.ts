/**
 * The claim check (src/lib/claims.ts) through checkContentFile, which parses a file
 * the way the build does: what counts as a statement, what a quote must be, and
 * what is reported with its line. tests/build/content-errors.test.ts proves the
 * build stops on the same check.
 */
import { describe, expect, it } from 'vitest';
import { checkContentFile } from '../../src/lib/page-provenance';
import { splitSourceSentences, type StoredSource } from '../../src/lib/source-text';

const SOURCE_TEXT = [
  '머리',
  '',
  '첫 제목',
  '',
  '정부는 시험 사업을 추진할 계획입니다. 시험 예산은 35%입니다.',
  '',
  '둘째 제목',
  '',
  '시험 사업은 올해 시작합니다.',
  '끝',
].join('\n');
const stored: StoredSource[] = [
  {
    url: 'https://example.org/article',
    title: '시험 기사',
    publisher: '시험 발행처',
    file: 'data/source/test.txt',
    sentences: splitSourceSentences(SOURCE_TEXT, { bodyAfter: '머리', bodyUntil: '끝' }),
  },
];
const CITING = { sources: [{ title: '시험 기사', url: 'https://example.org/article' }] };

/** A file: frontmatter of 2 lines, then the body from line 4. */
const file = (body: string) => `---\ntitle: 시험\n---\n${body}`;
const check = (body: string, data: Record<string, unknown> = CITING) => checkContentFile('page.mdx', file(body), data, stored);

describe('statements on a page that cites a stored source', () => {
  it('cite a sentence each; the problems name the line of an uncited one', () => {
    const result = check('## 제목\n\n정부는 시험 사업을 하려 합니다. :src[시험 사업을 추진할 계획]\n\n출처 없는 문장입니다.\n');
    expect(result.statements.map((s) => s.cited.map((c) => c.sentence.text))).toEqual([['정부는 시험 사업을 추진할 계획입니다.'], []]);
    expect(result.problems).toEqual([expect.stringMatching(/^page\.mdx:8: 출처 인용이 없는 문장: "출처 없는 문장입니다\."/)]);
  });

  it('refuse a made-up quote, naming the line', () => {
    expect(check('시험 사업을 합니다. :src[시험 사업을 내년에 끝낼 계획]\n').problems).toEqual([
      expect.stringMatching(/^page\.mdx:4: 인용 "시험 사업을 내년에 끝낼 계획"이 원문에 없습니다/),
    ]);
  });

  it('are found inside a component block too', () => {
    expect(check('<div>\n\n출처 없는 문장입니다.\n\n</div>\n').problems).toEqual([expect.stringMatching(/^page\.mdx:6: 출처 인용이 없는 문장/)]);
  });

  it('refuse a quote two sentences share', () => {
    expect(check('시험 사업입니다. :src[시험 사업]\n').problems).toEqual([expect.stringMatching(/여러 문장/)]);
  });

  it('count list items, table rows and nested items each as a statement', () => {
    const body = [
      '- 항목 하나 :src[예산은 35%]',
      '  - 안쪽 항목 :src[올해 시작합니다]',
      '',
      '| 정책 | 내용 |',
      '| --- | --- |',
      '| [시험](/a/) | 올해 시작 :src[올해 시작합니다] |',
      '',
    ].join('\n');
    const result = check(body);
    expect(result.problems).toEqual([]);
    expect(result.statements.map((s) => [s.node.type, s.cited[0]?.sentence.text])).toEqual([
      ['listItem', '시험 예산은 35%입니다.'],
      ['listItem', '시험 사업은 올해 시작합니다.'],
      ['tableRow', '시험 사업은 올해 시작합니다.'],
    ]);
  });

  it('take :general for a general explanation, never mixed with a quote, and pass links-only lines and the gaps list', () => {
    const body = ['용어의 일반적인 뜻입니다. :general', '', '- [다른 페이지](/b/)', '', '## 원문에서 확인되지 않은 점', '', '- 예산의 세부 내역', ''].join(
      '\n',
    );
    expect(check(body)).toMatchObject({ problems: [], statements: [{ general: true }] });
    expect(check('뜻이고 계획입니다. :general :src[추진할 계획]\n').problems).toEqual([expect.stringMatching(/함께 쓸 수 없습니다/)]);
    expect(check('## 원문에서 확인되지 않은 점\n\n- 모르는 점 :src[추진할 계획]\n').problems).toEqual([expect.stringMatching(/주장하는 문장에만/)]);
  });

  it('need a quote on every figure, milestone and date, and the quote must be in the source', () => {
    const data = { ...CITING, figures: [{ quote: '예산은 35%' }], milestones: [{}], dates: [{ quote: '내년에 끝납니다' }] };
    const result = check('시험입니다. :src[추진할 계획]\n', data);
    expect(result.facts.get('figures.0')?.sentence.text).toBe('시험 예산은 35%입니다.');
    expect(result.problems).toEqual([
      expect.stringMatching(/^page\.mdx: milestones\.0\.quote: 원문 인용\(quote\)이 필요합니다/),
      expect.stringMatching(/^page\.mdx: dates\.0\.quote: 인용 "내년에 끝납니다"/),
    ]);
  });

  it('must give the stored title for the stored URL', () => {
    expect(check('시험입니다. :src[추진할 계획]\n', { sources: [{ title: '다른 제목', url: 'https://example.org/article' }] }).problems).toEqual([
      expect.stringMatching(/^page\.mdx: sources: 출처 제목이 저장된 원문/),
    ]);
  });
});

describe('a page without a stored source', () => {
  it('needs no citations, keeps other directive-like text as written, and refuses :src', () => {
    const other = { sources: [{ title: '다른 문서', url: 'https://example.org/docs' }] };
    const result = check('v-on:click 으로 씁니다. 시간은 10:30, 단위는 a:b[c]입니다.\n', other);
    expect(result.problems).toEqual([]);
    expect(result.prose).toContain('v-on:click 으로 씁니다');
    expect(result.prose).toContain('a:b[c]');
    expect(check('인용입니다. :src[추진할 계획]\n', other).problems).toEqual([expect.stringMatching(/저장된 원문\(data\/source\/\)이 없습니다/)]);
    expect(check(':::note\n안내\n:::\n', other).problems).toEqual([expect.stringMatching(/^page\.mdx:4: 알 수 없는 지시문 :::note/)]);
  });
});
