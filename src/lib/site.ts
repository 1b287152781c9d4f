/** Site-wide strings shown in the layout, the feed and meta tags. */
export const SITE = {
  name: '2025 과학기술·AI 정책 지식',
  description:
    '국가AI컴퓨팅센터와 2025년 과학기술·ICT 정책 계획을 열 개 분야, 정책별 페이지와 용어집으로 풀어 쓴 한국어 정책 지식 사이트입니다.',
  locale: 'ko_KR',
} as const;
