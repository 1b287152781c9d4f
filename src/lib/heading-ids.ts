import { romanize } from 'es-hangul';

/**
 * Readable ASCII ids for Korean headings, so a shared `#anchor` stays legible
 * instead of turning into percent-encoded Hangul: "추진 일정" → "chujin-iljeong".
 * Hangul is romanized (Revised Romanization via es-hangul), Latin letters and
 * digits are kept, everything else becomes a hyphen.
 */
export function headingSlug(text: string): string {
  // Only Hangul runs go through romanize(): it looks characters up in a plain object,
  // so other text ("toString") would hit Object.prototype and throw.
  const romanized = text.normalize('NFC').replace(/[가-힣]+/g, (run) => ` ${romanize(run)} `);
  const slug = romanized
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'section';
}

/**
 * Makes ids unique within one page by suffixing -2, -3, …, also against ids that a
 * heading produced on its own ("개요", "개요", "개요 2" → gaeyo, gaeyo-2, gaeyo-2-2).
 */
export function createSlugger(): (text: string) => string {
  const used = new Set<string>();
  return (text: string) => {
    const base = headingSlug(text);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  };
}
