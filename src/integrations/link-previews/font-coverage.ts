/**
 * Which characters a font file has glyphs for, from its cmap (read by fontkitten).
 * A character the card font lacks would be drawn by whatever system font Skia falls
 * back to, different from machine to machine and unknown to the cache key, so the
 * drawer refuses such cards (draw-site-cards.ts).
 */
import { readFileSync } from 'node:fs';
import { create } from 'fontkitten';

export type Coverage = (codePoint: number) => boolean;

/** The coverage of a font file's cmap, each answer remembered. */
export function readCoverage(buffer: Buffer): Coverage {
  const font = create(buffer);
  if ('fonts' in font) throw new Error('글꼴 모음(TTC)이 아닌 글꼴 파일 하나가 필요합니다');
  const known = new Map<number, boolean>();
  return (cp) => {
    let answer = known.get(cp);
    if (answer === undefined) known.set(cp, (answer = font.hasGlyphForCodePoint(cp)));
    return answer;
  };
}

export const readCoverageFile = (file: string): Coverage => readCoverage(readFileSync(file));

/** The characters of `text` the font lacks (white space aside), each once, in order. */
export function missingCharacters(text: string, covers: Coverage): string[] {
  const missing = new Set<string>();
  for (const char of text) if (!/\s/.test(char) && !covers(char.codePointAt(0) ?? 0)) missing.add(char);
  return [...missing];
}
