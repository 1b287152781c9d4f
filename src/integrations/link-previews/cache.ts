/**
 * The card cache: a drawn card is kept under a key made of its text and of
 * everything that decides its pixels (the drawing code, the font files, the canvas
 * library's version), so a build draws only the cards whose text changed and any
 * change to the template or the font redraws them all. It lives where npm tools keep
 * caches (node_modules/.cache/, outside git); LINK_PREVIEW_CACHE_DIR moves it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { normalizeCardText, type LinkCard } from '../../lib/link-card';
import { cardFontFiles, missingFontMessage } from './fonts';

export const CACHE_DIR_ENV = 'LINK_PREVIEW_CACHE_DIR';

/** The cache folder for a project root, unless LINK_PREVIEW_CACHE_DIR names another. */
export function previewCacheDir(root: string, env: Record<string, string | undefined> = process.env): string {
  return env[CACHE_DIR_ENV] || join(root, 'node_modules/.cache/link-previews');
}

/** The cache key of a card drawn by the renderer `fingerprint` stands for. */
export function cardCacheKey(card: LinkCard, fingerprint: string): string {
  const text = [card.section ?? '', card.title, card.site].map(normalizeCardText);
  return createHash('sha256')
    .update(JSON.stringify([fingerprint, ...text]))
    .digest('hex')
    .slice(0, 40);
}

/** Where a key's image is kept: two-letter folders, so no folder holds 10,000 files. */
export const cachedFile = (cacheDir: string, key: string) => join(cacheDir, key.slice(0, 2), `${key}.png`);

/**
 * A digest of what decides a card's pixels besides its text: the drawing code
 * (draw-card.ts, palette.ts, png.ts, fonts.ts, the line breaking in src/lib/link-card.ts), the font files and
 * the version of @napi-rs/canvas (Skia).
 */
export function cacheFingerprint(): string {
  const hash = createHash('sha256');
  const here = import.meta.dirname;
  const fonts = cardFontFiles();
  for (const file of [fonts.bold, fonts.semibold]) if (!existsSync(file)) throw new Error(missingFontMessage(file));
  for (const file of [
    join(here, 'draw-card.ts'),
    join(here, 'png.ts'),
    join(here, 'palette.ts'),
    join(here, 'fonts.ts'),
    join(here, '../../lib/link-card.ts'),
    fonts.bold,
    fonts.semibold,
  ]) {
    hash.update(readFileSync(file)).update('\0');
  }
  const canvas = z
    .object({ version: z.string() })
    .parse(JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@napi-rs/canvas/package.json'), 'utf8')));
  hash.update(canvas.version);
  return hash.digest('hex').slice(0, 16);
}
