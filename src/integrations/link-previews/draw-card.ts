/**
 * Draws one link-preview card: Skia through @napi-rs/canvas, with Pretendard
 * (OFL-1.1, the `pretendard` npm package) as the only face, so the same card comes
 * out the same on every machine and nothing is fetched. The text and its line
 * breaking come from src/lib/link-card.ts; the colours are the site's light theme
 * (src/styles/global.css).
 *
 * Changing anything here changes cacheFingerprint() (cache.ts), so every card is
 * drawn again on the next build.
 */
import { existsSync } from 'node:fs';
import { GlobalFonts, createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { CARD_SIZE, layoutTitle, normalizeCardText, wrapKeepAll, type LinkCard, type TitleStep } from '../../lib/link-card';
import { cardFontFiles, missingFontMessage } from './fonts';
import { blendPalette, createPaletteMapper, hexRgb } from './palette';
import { encodeIndexedPng } from './png';

/** Family names the fonts are registered under: no system face can answer to them. */
const FAMILY = { bold: 'LinkCardBold', semibold: 'LinkCardSemiBold' } as const;

/** The site's light theme (global.css). Contrast on white: fg 17:1, muted 7.5:1, accent 6.4:1. */
const COLOURS = { bg: '#ffffff', fg: '#1a1c20', muted: '#4e5561', accent: '#0b57d0', border: '#c9ced6' } as const;
/** Every colour a card can hold: the ground, and each ink blended over it in 64 steps (palette.ts). */
const PALETTE = blendPalette(hexRgb(COLOURS.bg), [COLOURS.accent, COLOURS.fg, COLOURS.muted, COLOURS.border].map(hexRgb), 64);

/** Geometry, in pixels of the 1200×630 card. Big type: a phone shows the card about 350 px wide. */
const PAD_X = 80;
const TEXT_WIDTH = CARD_SIZE.width - 2 * PAD_X;
const BAND = 16;
const SECTION = { top: 78, size: 44 };
const TITLE = { top: 170, lineHeight: 1.28 };
/** Two lines at 80 px; a longer title three lines at 66 px; longer still, three lines and an ellipsis. */
export const TITLE_STEPS: readonly TitleStep[] = [
  { fontSize: 80, maxLines: 2 },
  { fontSize: 66, maxLines: 3 },
];
const FOOTER = { rule: 500, top: 534, size: 40 };

let fontsRegistered = false;

/** Registers the two faces once per thread; a missing or unreadable file is an error that names it. */
function registerFonts(): void {
  if (fontsRegistered) return;
  const files = cardFontFiles();
  for (const [weight, file] of Object.entries(files) as [keyof typeof files, string][]) {
    if (!existsSync(file)) throw new Error(missingFontMessage(file));
    if (!GlobalFonts.registerFromPath(file, FAMILY[weight])) throw new Error(`카드 글꼴 파일을 읽을 수 없습니다: ${file}`);
  }
  fontsRegistered = true;
}

const font = (weight: keyof typeof FAMILY, size: number) => `${size}px ${FAMILY[weight]}`;

function fitOneLine(ctx: SKRSContext2D, text: string, weight: keyof typeof FAMILY, size: number): string {
  ctx.font = font(weight, size);
  return wrapKeepAll(text, TEXT_WIDTH, (s) => ctx.measureText(s).width, 1).lines[0] ?? '';
}

export interface CardRenderer {
  /** The card as a PNG file. */
  draw(card: LinkCard): Buffer;
}

/** A renderer with one canvas, reused card after card (one per worker thread). */
export function createCardRenderer(): CardRenderer {
  registerFonts();
  const canvas: Canvas = createCanvas(CARD_SIZE.width, CARD_SIZE.height);
  const ctx = canvas.getContext('2d');
  ctx.textBaseline = 'top';
  const toIndices = createPaletteMapper(PALETTE);
  return {
    draw(card) {
      const title = normalizeCardText(card.title);
      if (!title) throw new Error('카드 제목이 비어 있습니다');
      ctx.fillStyle = COLOURS.bg;
      ctx.fillRect(0, 0, CARD_SIZE.width, CARD_SIZE.height);
      ctx.fillStyle = COLOURS.accent;
      ctx.fillRect(0, 0, CARD_SIZE.width, BAND);

      if (card.section) {
        ctx.fillStyle = COLOURS.accent;
        ctx.fillText(fitOneLine(ctx, normalizeCardText(card.section), 'semibold', SECTION.size), PAD_X, SECTION.top);
      }

      const layout = layoutTitle(title, TEXT_WIDTH, TITLE_STEPS, (size) => {
        ctx.font = font('bold', size);
        return (s) => ctx.measureText(s).width;
      });
      ctx.font = font('bold', layout.fontSize);
      ctx.fillStyle = COLOURS.fg;
      const lineHeight = Math.round(layout.fontSize * TITLE.lineHeight);
      // Without a section line the title moves up into its place.
      const top = card.section ? TITLE.top : SECTION.top + 20;
      layout.lines.forEach((line, i) => ctx.fillText(line, PAD_X, top + i * lineHeight));

      ctx.fillStyle = COLOURS.border;
      ctx.fillRect(PAD_X, FOOTER.rule, TEXT_WIDTH, 2);
      if (normalizeCardText(card.site) !== title) {
        ctx.fillStyle = COLOURS.muted;
        ctx.fillText(fitOneLine(ctx, normalizeCardText(card.site), 'semibold', FOOTER.size), PAD_X, FOOTER.top);
      }
      // Every pixel is opaque (white ground), so the canvas's premultiplied pixels are plain RGBA.
      return encodeIndexedPng(toIndices(canvas.data()), PALETTE, CARD_SIZE.width, CARD_SIZE.height);
    },
  };
}
