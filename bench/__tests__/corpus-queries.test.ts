import { describe, expect, it } from 'vitest';
import { createRng } from '../../scripts/lib/scale-content';
import { generateQueries, jamoDifferences, jamoTypo, type QueryPage } from '../corpus/lib/queries';
import { cleanSourceMarkdown } from '../corpus/lib/source-markdown';

const PAGES: QueryPage[] = [
  { id: 'a-reactivity', url: '/ai-g3/a-reactivity/', title: '반응형 기초', body: '## 상태 선언하기\n\n`reactive()` 함수로 반응형 상태를 만듭니다.\n' },
  { id: 'b-components', url: '/talent/b-components/', title: '컴포넌트 등록하기', body: '## 전역 등록\n\n`app.component()` 메서드로 컴포넌트를 등록합니다.\n' },
  { id: 'c-ownership', url: '/bio-quantum/c-ownership/', title: '소유권 이해하기', body: '## 스택과 힙\n\n`String` 타입은 힙에 데이터를 저장합니다.\n' },
  { id: 'd-routing', url: '/rnd-system/d-routing/', title: '파일 기반 라우팅', body: '## 동적 라우트\n\n`getStaticPaths()` 함수가 경로를 돌려줍니다.\n' },
];

describe('corpus queries', () => {
  it('changes exactly one jamo of one syllable, the same way for the same seed', () => {
    for (const word of ['라우팅', '컴포넌트', '소유권', '마이그레이션', '괜찮은']) {
      const typo = jamoTypo(word, createRng(7));
      expect(typo).toBeDefined();
      expect(typo).not.toBe(word);
      expect(jamoDifferences(word, typo ?? '')).toBe(1);
      expect(jamoTypo(word, createRng(7))).toBe(typo);
    }
  });

  it('skips typos the caller refuses', () => {
    const seen: string[] = [];
    const typo = jamoTypo('라우팅', createRng(1), (t) => (seen.push(t), seen.length > 3));
    expect(typo).toBe(seen[3]);
  });

  it('generates the same queries for the same seed, each page in one part', () => {
    const first = generateQueries(PAGES, { seed: 21 });
    expect(generateQueries(PAGES, { seed: 21 })).toEqual(first);
    expect(first.length).toBeGreaterThan(10);
    const partOfPage = new Map<string, string>();
    for (const q of first) {
      if (q.expect === null) continue;
      expect(partOfPage.get(q.expect) ?? q.part).toBe(q.part);
      partOfPage.set(q.expect, q.part);
    }
    expect(first.filter((q) => q.kind === 'spacing').every((q) => !/\s/.test(q.query))).toBe(true);
    expect(first.filter((q) => q.kind === 'negative').map((q) => q.query)).toContain('김치찌개');
  });

  it('keeps prose and headings of a source page and drops what MDX cannot read', () => {
    const page = cleanSourceMarkdown(
      '---\ntitle: "계산된 속성"\n---\n\nimport X from "./x.vue"\n\n## 기본 예제 {#basic}\n\n<div class="api">\n\n`{{ msg }}` 값은 {count}와 <b>a</b> 그리고 [링크](/x)입니다.\n\n```js\nconst a = {}\n```\n',
    );
    expect(page.title).toBe('계산된 속성');
    expect(page.body).toBe('## 기본 예제\n\n`{{ msg }}` 값은 \\{count\\}와 a 그리고 링크입니다.\n');
  });
});
