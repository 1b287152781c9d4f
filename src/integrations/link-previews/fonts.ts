import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The font files the cards use: Pretendard (OFL-1.1) from the `pretendard` npm package, its TTF build. */
export function cardFontFiles(): { bold: string; semibold: string } {
  const dir = join(dirname(createRequire(import.meta.url).resolve('pretendard/package.json')), 'dist/public/static/alternative');
  return { bold: join(dir, 'Pretendard-Bold.ttf'), semibold: join(dir, 'Pretendard-SemiBold.ttf') };
}

export const missingFontMessage = (file: string) => `카드 글꼴 파일이 없습니다: ${file} (npm ci로 pretendard 패키지를 설치하세요)`;
