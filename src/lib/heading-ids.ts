import { romanize } from 'es-hangul';

/**
 * Readable ASCII ids for Korean headings, so a shared `#anchor` stays legible
 * instead of turning into percent-encoded Hangul: "추진 일정" → "chujin-iljeong".
 * Hangul is romanized (Revised Romanization via es-hangul), Latin letters and
 * digits are kept, everything else becomes a hyphen.
 */
export function headingSlug(text: string): string {
  const romanized = romanize(text.normalize('NFC'));
  const slug = romanized
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'section';
}

/** Makes ids unique within one page by suffixing -2, -3, … */
export function createSlugger(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text: string) => {
    const base = headingSlug(text);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}-${count + 1}`;
  };
}
