import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createKoreanAnalyzer } from '../core/analyzer';
import { findMatchRanges, flattenText, makeExcerpt, mergeRanges, presentResult, segmentText } from '../core/highlight';

const analyzer = createKoreanAnalyzer({ synonyms: [{ id: 'ai', members: ['AI', '인공지능'] }] });
const terms = (query: string) => analyzer.analyzeQuery(query).terms;
const marked = (text: string, query: string) => findMatchRanges(text, terms(query)).map(([s, e]) => text.slice(s, e));

describe('findMatchRanges marks the original text', () => {
  it.each([
    ['국가AI컴퓨팅센터를 구축', '컴퓨팅센터', ['컴퓨팅센터']],
    ['여성 과학자들의 경력 단절을', '경력단절', ['경력 단절']],
    ['정책펀드', '정책 펀드', ['정책펀드']],
    ['바이오 제조 혁신', '바이오 제조를', ['바이오', '제조']],
    ['1000큐비트급 양자컴퓨터', 'ㅇㅈㅋㅍㅌ', ['양자컴퓨터']],
    ['인공지능 산업과 AI 인프라', 'AI', ['인공지능', 'AI']],
    ['Main AI', 'ai', ['AI']],
    ['지역R&D 지원', '지역R&D', ['지역R&D']],
    ['방법과 기본법, 그리고 법을', '법', ['법']],
  ])('%s ← %s', (text, query, expected) => expect(marked(text, query)).toEqual(expected));

  it('marks nothing when nothing matches', () => expect(marked('국가전략기술', '김치')).toEqual([]));
});

describe('segmentText and makeExcerpt', () => {
  it('segments put back together give the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.array(fc.tuple(fc.nat(80), fc.nat(20))), (text, raw) => {
        const ranges = mergeRanges(raw.map(([s, l]) => [Math.min(s, text.length), Math.min(s + l, text.length)] as const).filter(([s, e]) => e > s));
        return (
          segmentText(text, ranges)
            .map((s) => s.text)
            .join('') === text
        );
      }),
    );
  });

  it('cuts a long text around the match, with ellipses', () => {
    const text = flattenText(`${'앞부분 문장입니다. '.repeat(30)}여기서 양자컴퓨터 개발에 착수합니다. ${'뒷부분 문장입니다. '.repeat(30)}`);
    const segments = makeExcerpt(text, findMatchRanges(text, terms('양자컴퓨터')), 100);
    const excerpt = segments.map((s) => s.text).join('');
    expect(segments.filter((s) => s.mark).map((s) => s.text)).toEqual(['양자컴퓨터']);
    expect(excerpt.startsWith('… ')).toBe(true);
    expect(excerpt.endsWith(' …')).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(110);
  });
});

describe('presentResult', () => {
  const doc = {
    title: '국가AI컴퓨팅센터 구축',
    sections: [
      { anchor: '', heading: '', text: 'AI 연산 거점입니다.' },
      { anchor: 'mueoseul-haryeoneunga', heading: '무엇을 하려는가', text: '그 중심에 국가AI컴퓨팅센터 구축이 있습니다.' },
      { anchor: 'iljeong', heading: '일정', text: '밝히지 않음' },
    ],
  };

  it('marks the title, picks the matching section and links its heading', () => {
    const view = presentResult(doc, terms('컴퓨팅센터'));
    expect(view.title.filter((s) => s.mark).map((s) => s.text)).toEqual(['컴퓨팅센터']);
    expect(view.excerpt.some((s) => s.mark && s.text === '컴퓨팅센터')).toBe(true);
    expect(view.subResults.map((s) => s.anchor)).toEqual(['mueoseul-haryeoneunga']);
  });

  it('has no sub-results when only the untitled intro matches', () => {
    expect(presentResult(doc, terms('연산 거점')).subResults).toEqual([]);
  });

  const withFacts = {
    title: 'AI 예산 확대',
    sections: [
      { anchor: '', heading: '', text: '정부는 AI 예산을 늘립니다.' },
      { anchor: 'policy-facts', heading: '한눈에 보는 정보', text: '계획\n2조 9,300억 원 AI 예산\n2025년 발표', facts: true },
      { anchor: 'naeyong', heading: '주요 내용', text: '지원은 세 갈래입니다.\nAI 교육\n취업 지원\n올해 AI 예산은 2조 9,300억 원입니다.' },
    ],
  };
  const excerptText = (view: ReturnType<typeof presentResult>) => view.excerpt.map((s) => s.text).join('');

  it('cuts the excerpt from one paragraph, so list items and labels never run together', () => {
    expect(excerptText(presentResult(withFacts, terms('취업')))).toBe('취업 지원');
  });

  it('prefers prose to a facts box that matches as much', () => {
    expect(excerptText(presentResult(withFacts, terms('2조 9300억')))).toBe('올해 AI 예산은 2조 9,300억 원입니다.');
    const factsOnly = { ...withFacts, sections: withFacts.sections.slice(0, 2) };
    expect(excerptText(presentResult(factsOnly, terms('2조 9300억')))).toBe('2조 9,300억 원 AI 예산');
  });

  it('shows the first prose paragraph when only the title matches', () => {
    expect(excerptText(presentResult(withFacts, terms('확대')))).toBe('정부는 AI 예산을 늘립니다.');
  });
});
