import { describe, expect, it } from 'vitest';
import { ELLIPSIS, cardAlt, cardAttributes, layoutTitle, wrapKeepAll, type Measure } from '../../src/lib/link-card';

/** Every character one unit wide: widths are character counts. */
const chars: Measure = (s) => Array.from(s).length;

describe('wrapKeepAll', () => {
  it('breaks only between words, never inside an eojeol', () => {
    const { lines, truncated } = wrapKeepAll('국가AI컴퓨팅센터를 비수도권에 구축합니다', 10, chars, 3);
    expect(lines).toEqual(['국가AI컴퓨팅센터를', '비수도권에', '구축합니다']);
    expect(truncated).toBe(false);
  });

  it('fills a line with as many whole words as fit', () => {
    expect(wrapKeepAll('AI 기본법 하위 법령 정비', 9, chars, 3).lines).toEqual(['AI 기본법 하위', '법령 정비']);
  });

  it('collapses white space from frontmatter', () => {
    expect(wrapKeepAll('  AI\n기본법   정비 ', 20, chars, 1).lines).toEqual(['AI 기본법 정비']);
  });

  it('cuts a word wider than a whole line between characters', () => {
    expect(wrapKeepAll('가나다라마바사아자차 끝', 4, chars, 5).lines).toEqual(['가나다라', '마바사아', '자차 끝']);
  });

  it('ends the last allowed line in an ellipsis, dropping whole words first', () => {
    const { lines, truncated } = wrapKeepAll('하나 둘 셋 넷 다섯 여섯 일곱 여덟', 7, chars, 2);
    expect(truncated).toBe(true);
    expect(lines).toHaveLength(2);
    // Without a limit: 하나 둘 셋 / 넷 다섯 여섯 / 일곱 여덟. "넷 다섯 여섯…" is 8 wide, so 여섯 goes.
    expect(lines[0]).toBe('하나 둘 셋');
    expect(lines[1]).toBe(`넷 다섯${ELLIPSIS}`);
    for (const line of lines) expect(chars(line)).toBeLessThanOrEqual(7);
  });

  it('shortens a single long word by characters to make room for the ellipsis', () => {
    expect(wrapKeepAll('가나다라마바 사아', 6, chars, 1).lines).toEqual([`가나다라마${ELLIPSIS}`]);
  });

  it('keeps every line within the width for any text (proportional widths)', () => {
    const wide: Measure = (s) => Array.from(s).reduce((w, c) => w + (/[가-힣]/.test(c) ? 1 : 0.55), 0);
    const text = '2025년 국가AI컴퓨팅센터 구축과 1000큐비트급 양자컴퓨터 개발을 위한 범부처 협력 사업의 추진 일정과 후속 조치';
    for (const width of [5, 8, 13, 21]) {
      for (const maxLines of [1, 2, 3]) {
        const { lines } = wrapKeepAll(text, width, wide, maxLines);
        expect(lines.length).toBeLessThanOrEqual(maxLines);
        for (const line of lines) expect(wide(line)).toBeLessThanOrEqual(width);
      }
    }
  });
});

describe('layoutTitle', () => {
  const steps = [
    { fontSize: 80, maxLines: 2 },
    { fontSize: 66, maxLines: 3 },
  ];
  /** At size s a character is s/10 units wide. */
  const measureAt =
    (size: number): Measure =>
    (s) =>
      (Array.from(s).length * size) / 10;

  it('uses the largest size the whole title fits at', () => {
    expect(layoutTitle('AI기본법 하위 법령 정비', 80, steps, measureAt)).toMatchObject({
      fontSize: 80,
      lines: ['AI기본법 하위', '법령 정비'],
      truncated: false,
    });
  });

  it('steps down to three smaller lines for a longer title', () => {
    const title = '첨단 바이오 연구 인프라 확충을 위한 범부처 협력';
    const layout = layoutTitle(title, 80, steps, measureAt);
    expect(layout.fontSize).toBe(66);
    expect(layout.truncated).toBe(false);
    expect(layout.lines.join(' ')).toBe(title);
  });

  it('truncates at the last step when nothing holds the title', () => {
    const layout = layoutTitle('가나다라 '.repeat(20), 80, steps, measureAt);
    expect(layout).toMatchObject({ fontSize: 66, truncated: true });
    expect(layout.lines).toHaveLength(3);
    expect(layout.lines[2]!.endsWith(ELLIPSIS)).toBe(true);
  });
});

describe('card text', () => {
  it('alt text reads section, title and site', () => {
    expect(cardAlt({ section: '용어집', title: 'AI', site: '사이트' })).toBe('용어집 · AI — 사이트');
    expect(cardAlt({ title: '정책 일정', site: '사이트' })).toBe('정책 일정 — 사이트');
    expect(cardAlt({ title: '사이트', site: '사이트' })).toBe('사이트');
  });

  it('carries the card in data-card-* attributes, without an empty section', () => {
    expect(cardAttributes({ title: 'AI', section: '용어집', site: 'S' })).toEqual({
      'data-card-title': 'AI',
      'data-card-section': '용어집',
      'data-card-site': 'S',
    });
    expect(cardAttributes({ title: 'AI', site: 'S' })).toEqual({ 'data-card-title': 'AI', 'data-card-site': 'S' });
  });
});
