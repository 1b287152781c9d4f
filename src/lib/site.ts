/** Site-wide strings shown in the layout, the feed and meta tags. */
export const SITE = {
  name: '과학기술·AI 정책 지식',
  description:
    '충북진 기사(2025-01-14)가 소개한 국가AI컴퓨팅센터 구축과 과학기술·디지털 분야 정책을 열 개 분야, 정책별 페이지와 용어집으로 풀어 쓴 한국어 정책 지식 사이트입니다.',
  locale: 'ko_KR',
} as const;
