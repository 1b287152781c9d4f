/**
 * Turns a page of public Korean documentation (VitePress, mdBook or Next.js
 * Markdown) into Markdown the site's MDX pages can hold (pure: no file system).
 *
 * What search reads is kept: headings, paragraphs, lists, tables, block quotes and
 * inline code. What MDX would read as code or what only the source site can render
 * is dropped: fenced code blocks, import/export lines, HTML and components (their
 * text stays), comments, images, container markers (:::), mdBook includes, heading
 * anchors ({#id}). Links keep their text only, since their targets are the source
 * site's. Braces and angle brackets left in the text are escaped.
 */

export interface CleanedPage {
  /** The frontmatter title, else the first heading; undefined when there is neither. */
  title: string | undefined;
  /** MDX-safe Markdown without the title heading, headings shifted so the highest is h2. */
  body: string;
}

const FENCE = /^\s*(`{3,}|~{3,})/;

/** Splits text into fenced code blocks (dropped) and the rest, so multi-line HTML is removed only outside code. */
function withoutFences(text: string): string {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of text.split('\n')) {
    const open = FENCE.exec(line);
    if (fence) {
      if (open?.[1] && open[1][0] === fence[0] && open[1].length >= fence.length && line.trim() === open[1].padEnd(line.trim().length, open[1][0]))
        fence = undefined;
      continue;
    }
    if (open?.[1]) {
      fence = open[1];
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}

/** Inline cleaning of text outside code spans. */
function cleanProse(text: string): string {
  return (
    text
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
      .replace(/\{#[^}]*\}/g, '')
      .replace(/\{\/\*.*?\*\/\}/g, '')
      .replace(/<\/?[A-Za-z][^<>]*>/g, '')
      // Source escapes first, so an escaped brace is escaped once, not twice.
      .replace(/\\([{}<>])/g, '$1')
      // `>` needs no escape in MDX, and escaping it would undo block quotes.
      .replace(/[{}<]/g, (c) => `\\${c}`)
  );
}

/** Cleans one line, leaving code spans as written (MDX reads their content literally). */
export function cleanInline(line: string): string {
  const ticks = (line.match(/`/g) ?? []).length;
  // An unbalanced backtick would let a code span swallow the escapes around it.
  if (ticks % 2 === 1) return cleanProse(line.replace(/`/g, ''));
  // Links and images first, since their text may hold a code span.
  return line
    .replace(/!\[(?:[^[\]]|`[^`]*`)*\]\([^)]*\)/g, '')
    .replace(/\[((?:[^[\]]|`[^`]*`)*)\]\([^)]*\)/g, '$1')
    .split(/(`+[^`]+`+)/)
    .map((part, i) => (i % 2 === 1 ? part : cleanProse(part)))
    .join('');
}

/** A heading's or title's text as plain words: code spans as their text, no emphasis, links, tags or anchors. */
export function plainInline(text: string): string {
  const ticks = (text.match(/`/g) ?? []).length;
  const parts = ticks % 2 === 1 ? [text.replace(/`/g, '')] : text.split(/`+([^`]+)`+/);
  return parts
    .map((part, i) =>
      i % 2 === 1
        ? part
        : cleanProse(part)
            .replace(/\\([{}<>])/g, '$1')
            .replace(/[*_]/g, ''),
    )
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

function frontmatterTitle(yaml: string): string | undefined {
  const match = /^title:\s*(.+)$/m.exec(yaml);
  if (!match?.[1]) return undefined;
  const raw = match[1].trim();
  if ((raw.startsWith('"') && raw.endsWith('"')) || (raw.startsWith("'") && raw.endsWith("'"))) return raw.slice(1, -1).replace(/\\"/g, '"');
  return raw;
}

export function cleanSourceMarkdown(source: string): CleanedPage {
  let text = source.replace(/\r\n?/g, '\n');
  let title: string | undefined;
  const front = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (front) {
    title = frontmatterTitle(front[1] ?? '');
    text = text.slice(front[0].length);
  }
  text = withoutFences(text)
    .replace(/^import\s[^;]*?\bfrom\s*['"][^'"\n]*['"];?[ \t]*$/gm, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, '')
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
    // Tags that span lines (a component with its props on several lines).
    .replace(/<\/?[A-Za-z][^<>]*\n[^<>]*>/g, '');

  const lines: { heading?: number; text: string }[] = [];
  for (const line of text.split('\n')) {
    if (/^\s*(import|export)\s/.test(line)) continue;
    if (/^\s*:::/.test(line)) continue;
    if (line.includes('{{#')) continue;
    if (/^\s*\[[^\]]+\]:\s*\S+/.test(line)) continue;
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading?.[1] && heading[2] !== undefined) {
      const words = plainInline(heading[2]);
      if (!title) {
        title = words;
        continue;
      }
      if (words) lines.push({ heading: heading[1].length, text: heading[2].replace(/\{#[^}]*\}/g, '').trim() });
      continue;
    }
    lines.push({ text: cleanInline(line).replace(/\s+$/, '') });
  }
  title = title ? plainInline(title) : undefined;
  // Drop the title heading when the frontmatter already gave it.
  const first = lines.find((l) => l.heading !== undefined || l.text.trim() !== '');
  if (first?.heading === 1 || (first?.heading !== undefined && first.text === title)) lines.splice(lines.indexOf(first), 1);

  const top = Math.min(7, ...lines.flatMap((l) => (l.heading === undefined ? [] : [l.heading])));
  const shift = top <= 6 ? top - 2 : 0;
  const body = lines
    .map((l) => (l.heading === undefined ? l.text : `${'#'.repeat(Math.min(6, Math.max(2, l.heading - shift)))} ${cleanInline(l.text)}`))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { title, body: body ? `${body}\n` : '' };
}

/** The words of a cleaned body without Markdown marks: what a reader (and the search) sees. */
export function plainText(body: string): string {
  return body
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([{}<>])/g, '$1')
    .replace(/^\s*(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_|]/g, ' ');
}

/** Hangul syllables as a share of all letters (Hangul and Latin), code spans left out. */
export function hangulShare(body: string): number {
  const prose = body.replace(/`[^`]*`/g, ' ');
  const hangul = (prose.match(/[가-힣]/g) ?? []).length;
  const latin = (prose.match(/[A-Za-z]/g) ?? []).length;
  return hangul / Math.max(1, hangul + latin);
}

/** The h2 headings of a cleaned body, as plain text. */
export function h2Headings(body: string): string[] {
  return [...body.matchAll(/^## (.+)$/gm)].map((m) => plainInline(m[1] ?? '')).filter(Boolean);
}

/** Letters and digits only, lower-cased: how the search compares text once spacing and punctuation are gone. */
export const compact = (text: string) =>
  text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^가-힣a-z0-9]/g, '');
