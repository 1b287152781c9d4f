/**
 * Every tag a page may carry. Frontmatter names tags by id; an id missing here
 * fails the build, so a typo never silently creates a one-page tag.
 */
export const TAGS = {
  ai: 'AI·인공지능',
  'rnd-budget': 'R&D 예산',
  infrastructure: 'AI 인프라',
  law: '법·제도',
  regulation: '규제 완화',
  startup: '스타트업·창업',
  investment: '투자·펀드',
  tax: '세제',
  'public-private': '민관 협력',
  bio: '바이오',
  quantum: '양자',
  commercialization: '기술사업화',
  evaluation: '평가제도',
  'inter-ministry': '범부처',
  planning: 'R&D 기획',
  diplomacy: '과학기술 외교',
  'basic-research': '기초연구',
  institutes: '출연연·연구소',
  talent: '인재',
  youth: '청년',
  women: '여성 과학자',
  jobs: '일자리',
  digital: '디지털',
  'small-business': '소상공인',
  'living-costs': '통신비 부담',
  inclusion: '디지털 포용',
  regional: '지역',
  software: '소프트웨어',
  safety: '안전성',
  competitiveness: '국가 경쟁력',
  education: '교육',
} as const satisfies Record<string, string>;

export type TagId = keyof typeof TAGS;
export const TAG_IDS = Object.keys(TAGS) as [TagId, ...TagId[]];
