import { describe, expect, it } from 'vitest';
import { createKoreanAnalyzer } from '../core/analyzer';
import { encodeToken } from '../core/pagefind-adapter';
import { MAX_TOKEN_REPEATS, buildSearchRecord } from '../core/data-files';
import { extractSearchPage, urlOfBuiltFile } from '../indexer/extract-page';

const html = `<!doctype html><html lang="ko"><body><header><a href="/">사이트</a></header><main>
<article data-search-page data-search-kind="policy" data-search-section="ai-g3" data-search-section-title="AI 글로벌 3대 강국 도약" data-search-tags="AI·인공지능,AI 인프라">
  <p>AI 글로벌 3대 강국 도약</p>
  <h1>국가AI컴퓨팅센터 구축</h1>
  <p>요약 문장입니다.</p>
  <div data-search-ignore><a href="/tags/ai/">태그 목록</a></div>
  <div class="prose-ko">
    <h2 id="mueoseul">무엇을 하려는가</h2>
    <p>그 중심에 <strong>국가AI컴퓨팅센터</strong> 구축이 있습니다.</p>
    <table><tr><td>위치</td><td>밝히지 않음</td></tr></table>
    <h3 id="iljeong">일정</h3><ul><li>2025년 하반기</li></ul>
    <script>var x = "숨은 글";</script>
  </div>
  <section data-search-ignore><h2 id="sources">출처</h2><p>충북진</p></section>
</article></main></body></html>`;

describe('extractSearchPage', () => {
  const page = extractSearchPage(html, '/ai-g3/national-ai-computing-center/')!;

  it('reads the article attributes and the h1 title', () => {
    expect(page).toMatchObject({
      url: '/ai-g3/national-ai-computing-center/',
      kind: 'policy',
      section: 'ai-g3',
      sectionTitle: 'AI 글로벌 3대 강국 도약',
      tags: ['AI·인공지능', 'AI 인프라'],
      title: '국가AI컴퓨팅센터 구축',
    });
  });

  it('splits the text at h2/h3 headings with ids, skipping data-search-ignore and scripts', () => {
    expect(page.sections.map((s) => s.anchor)).toEqual(['', 'mueoseul', 'iljeong']);
    expect(page.sections[1]!.text).toBe('그 중심에 국가AI컴퓨팅센터 구축이 있습니다.\n위치 밝히지 않음');
    const all = JSON.stringify(page.sections);
    expect(all).not.toContain('태그 목록');
    expect(all).not.toContain('충북진');
    expect(all).not.toContain('숨은 글');
  });

  it('ignores pages without data-search-page', () => {
    expect(extractSearchPage(html.replace('data-search-page ', ''), '/x/')).toBeNull();
  });

  it('maps built files to URLs', () => {
    expect(urlOfBuiltFile('ai-g3/x/index.html')).toBe('/ai-g3/x/');
    expect(urlOfBuiltFile('index.html')).toBe('/');
  });
});

describe('buildSearchRecord', () => {
  const analyzer = createKoreanAnalyzer();
  const page = extractSearchPage(html, '/x/')!;
  const record = buildSearchRecord(page, analyzer);

  it('indexes encoded tokens only, each at most MAX_TOKEN_REPEATS times', () => {
    const words = record.content.split(' ');
    expect(words.every((w) => /^[0-9a-v]+z$/.test(w))).toBe(true);
    const counts = new Map<string, number>();
    for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(MAX_TOKEN_REPEATS);
    expect(record.vocabulary).toEqual(new Set(words));
  });

  it('does not bridge two paragraphs', () => {
    // "…있습니다." ends one paragraph and "위치" starts the next: no 다위 bigram.
    expect(record.vocabulary.has(encodeToken('다위'))).toBe(false);
    expect(record.vocabulary.has(encodeToken('컴퓨'))).toBe(true);
  });
});
