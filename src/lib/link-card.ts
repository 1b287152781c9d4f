/**
 * Link-preview cards (Open Graph / Twitter images): what a page's card says and how
 * its title is laid out. Pure: measuring text is the caller's (the drawer passes the
 * canvas's measureText), so the line breaking is tested without a renderer.
 *
 * The layout puts a page's card in its <head> (BaseLayout.astro); the drawer
 * (src/integrations/link-previews/) reads it back from the built page and draws it.
 * Where the image lives is ogImagePath() in urls.ts, for both.
 */
import { must } from './must';

/** What a card shows, all of it text the page itself shows. */
export interface LinkCard {
  /** The page title (as in <title> without the site name). */
  title: string;
  /** The section the page belongs to ("AI 글로벌 3대 강국 도약", "용어집"), shown above the title. */
  section?: string;
  /** The site name, shown at the bottom (left out when it is the title itself, on the home page). */
  site: string;
}

/** The image every card is drawn at: the size Open Graph and X (Twitter) show large. */
export const CARD_SIZE = { width: 1200, height: 630 } as const;

/** The largest image file the build accepts. */
export const CARD_MAX_BYTES = 100 * 1024;

/**
 * The attributes that carry a page's card on its og:image <meta> (BaseLayout.astro
 * writes them, the drawer reads them back from the built page).
 */
export const CARD_ATTRIBUTES = { title: 'data-card-title', section: 'data-card-section', site: 'data-card-site' } as const;

export function cardAttributes(card: LinkCard): Record<string, string> {
  return {
    [CARD_ATTRIBUTES.title]: card.title,
    ...(card.section ? { [CARD_ATTRIBUTES.section]: card.section } : {}),
    [CARD_ATTRIBUTES.site]: card.site,
  };
}

/** og:image:alt: the card's text in reading order. */
export function cardAlt(card: LinkCard): string {
  const head = card.section ? `${card.section} · ${card.title}` : card.title;
  return card.title === card.site ? head : `${head} — ${card.site}`;
}

/** Collapses runs of white space (titles come from frontmatter and may hold line breaks). */
export function normalizeCardText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export type Measure = (text: string) => number;

export interface WrappedText {
  lines: string[];
  /** True when the text did not fit in maxLines and the last line ends in an ellipsis. */
  truncated: boolean;
}

export const ELLIPSIS = '…';

/**
 * Breaks `text` into lines no wider than `maxWidth`, Korean style (CSS `word-break:
 * keep-all`): only at spaces, so an eojeol (국가AI컴퓨팅센터를) is never split. A single
 * word wider than a line is the one exception: it is cut between characters
 * (`overflow-wrap: anywhere`). Beyond `maxLines` the last line is shortened, by whole
 * words where it can, and ends in an ellipsis.
 */
export function wrapKeepAll(text: string, maxWidth: number, measure: Measure, maxLines: number): WrappedText {
  if (maxLines < 1) throw new Error(`maxLines는 1 이상이어야 합니다: ${maxLines}`);
  const words = normalizeCardText(text).split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    if (measure(word) <= maxWidth) {
      line = word;
      continue;
    }
    // A word wider than a whole line: cut it between characters.
    for (const char of Array.from(word)) {
      if (line && measure(line + char) > maxWidth) {
        lines.push(line);
        line = '';
      }
      line += char;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return { lines, truncated: false };
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = withEllipsis(kept[maxLines - 1] ?? '', maxWidth, measure);
  return { lines: kept, truncated: true };
}

/** `line` shortened until it fits with an ellipsis after it: whole words first, then characters. */
function withEllipsis(line: string, maxWidth: number, measure: Measure): string {
  let text = line;
  while (text && measure(text + ELLIPSIS) > maxWidth) {
    const space = text.lastIndexOf(' ');
    text = space > 0 ? text.slice(0, space) : Array.from(text).slice(0, -1).join('');
  }
  return text + ELLIPSIS;
}

/** One way of setting the title: a type size and how many lines it may take. */
export interface TitleStep {
  fontSize: number;
  maxLines: number;
}

export interface TitleLayout extends WrappedText {
  fontSize: number;
}

/**
 * The title at the largest size it fits at: each step is tried in order and the first
 * one whose lines hold the whole title wins; when none does, the last step's lines
 * end in an ellipsis. `measureAt(size)` measures text set at that size.
 */
export function layoutTitle(text: string, maxWidth: number, steps: readonly TitleStep[], measureAt: (fontSize: number) => Measure): TitleLayout {
  if (steps.length === 0) throw new Error('제목 크기 단계가 없습니다');
  let last: TitleLayout | undefined;
  for (const step of steps) {
    const wrapped = wrapKeepAll(text, maxWidth, measureAt(step.fontSize), step.maxLines);
    last = { ...wrapped, fontSize: step.fontSize };
    if (!wrapped.truncated) return last;
  }
  return must(last, 'title layout');
}
