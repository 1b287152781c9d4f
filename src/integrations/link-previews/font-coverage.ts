/**
 * Which characters a TrueType/OpenType font has glyphs for, from its `cmap` table
 * (format 12, else format 4). A character the card font lacks would be drawn by
 * whatever system font Skia falls back to, different from machine to machine and
 * unknown to the cache key, so the drawer refuses such cards (drawer.ts).
 */
import { readFileSync } from 'node:fs';

export type Coverage = (codePoint: number) => boolean;

function tableOffset(font: Buffer, tag: string): number {
  const count = font.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    if (font.toString('latin1', record, record + 4) === tag) return font.readUInt32BE(record + 8);
  }
  throw new Error(`글꼴에 ${tag} 표가 없습니다`);
}

/** The coverage of a font file's cmap (format 12 when it has one, else format 4), each answer remembered. */
export function readCoverage(font: Buffer): Coverage {
  const lookup = cmapLookup(font);
  const known = new Map<number, boolean>();
  return (cp) => {
    let answer = known.get(cp);
    if (answer === undefined) known.set(cp, (answer = lookup(cp)));
    return answer;
  };
}

function cmapLookup(font: Buffer): Coverage {
  const cmap = tableOffset(font, 'cmap');
  const subtables: { platform: number; encoding: number; offset: number; format: number }[] = [];
  for (let i = 0; i < font.readUInt16BE(cmap + 2); i++) {
    const record = cmap + 4 + i * 8;
    const offset = cmap + font.readUInt32BE(record + 4);
    subtables.push({ platform: font.readUInt16BE(record), encoding: font.readUInt16BE(record + 2), offset, format: font.readUInt16BE(offset) });
  }
  const unicode = (s: (typeof subtables)[number]) => s.platform === 0 || (s.platform === 3 && (s.encoding === 1 || s.encoding === 10));
  const full = subtables.find((s) => unicode(s) && s.format === 12);
  if (full) {
    const groups: [number, number][] = [];
    const n = font.readUInt32BE(full.offset + 12);
    for (let i = 0; i < n; i++) groups.push([font.readUInt32BE(full.offset + 16 + i * 12), font.readUInt32BE(full.offset + 20 + i * 12)]);
    return (cp) => groups.some(([start, end]) => cp >= start && cp <= end);
  }
  const bmp = subtables.find((s) => unicode(s) && s.format === 4);
  if (!bmp) throw new Error('글꼴에 유니코드 cmap(형식 4·12)이 없습니다');
  const segments = font.readUInt16BE(bmp.offset + 6) / 2;
  const ends = bmp.offset + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  return (cp) => {
    if (cp > 0xffff) return false;
    for (let i = 0; i < segments; i++) {
      if (cp > font.readUInt16BE(ends + i * 2)) continue;
      const start = font.readUInt16BE(starts + i * 2);
      if (cp < start) return false;
      const delta = font.readUInt16BE(deltas + i * 2);
      const rangeOffset = font.readUInt16BE(rangeOffsets + i * 2);
      if (rangeOffset === 0) return ((cp + delta) & 0xffff) !== 0;
      const glyph = font.readUInt16BE(rangeOffsets + i * 2 + rangeOffset + (cp - start) * 2);
      return glyph !== 0 && ((glyph + delta) & 0xffff) !== 0;
    }
    return false;
  };
}

export const readCoverageFile = (file: string): Coverage => readCoverage(readFileSync(file));

/** The characters of `text` the font lacks (white space aside), each once, in order. */
export function missingCharacters(text: string, covers: Coverage): string[] {
  const missing = new Set<string>();
  for (const char of text) if (!/\s/.test(char) && !covers(char.codePointAt(0)!)) missing.add(char);
  return [...missing];
}
