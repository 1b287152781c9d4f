/**
 * The ten policy sections of the seed article, in the article's order.
 * Each one is an Astro content collection whose files live in `content/<slug>/`,
 * and its pages are served under `/<slug>/`.
 */
export const SECTIONS = [
  { slug: 'strategic-technology', order: 1, title: 'AI 분야의 국가전략기술로의 발전', short: '국가전략기술' },
  { slug: 'ai-g3', order: 2, title: 'AI 글로벌 3대 강국 도약', short: 'AI G3' },
  { slug: 'bio-quantum', order: 3, title: '첨단 바이오와 양자 기술', short: '바이오·양자' },
  { slug: 'commercialization', order: 4, title: '범부처 기술사업화 생태계', short: '기술사업화' },
  { slug: 'rnd-system', order: 5, title: '선도형 R&D 시스템', short: '선도형 R&D' },
  { slug: 'basic-research', order: 6, title: '기초연구와 출연연 혁신', short: '기초연구·출연연' },
  { slug: 'talent', order: 7, title: '우수 인재 육성과 도전 지원', short: '인재 육성' },
  { slug: 'digital-life', order: 8, title: '디지털 민생 지원과 안전', short: '디지털 민생' },
  { slug: 'regional-innovation', order: 9, title: '지역 경제와 혁신 생태계', short: '지역 혁신' },
  { slug: 'future-policy', order: 10, title: '미래를 대비하는 과학기술 정책', short: '미래 정책' },
] as const;

export type SectionSlug = (typeof SECTIONS)[number]['slug'];
export type Section = (typeof SECTIONS)[number];

export const SECTION_SLUGS = SECTIONS.map((s) => s.slug) as [SectionSlug, ...SectionSlug[]];

export function getSection(slug: string): Section {
  const section = SECTIONS.find((s) => s.slug === slug);
  if (!section) throw new Error(`알 수 없는 정책 분야입니다: "${slug}"`);
  return section;
}
