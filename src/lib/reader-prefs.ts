/**
 * The reader's display preferences (theme and text size): the values, the storage
 * keys and the attributes on <html> that the stylesheet reads. src/reader/init.js
 * (a classic script that must run before first paint, so it cannot import this)
 * repeats the keys and values; tests/unit/reader-prefs.test.ts holds the two equal.
 */
export const THEMES = [
  { value: 'system', label: '시스템 설정' },
  { value: 'light', label: '밝게' },
  { value: 'dark', label: '어둡게' },
] as const;

export const TEXT_SIZES = [
  { value: 'normal', label: '보통' },
  { value: 'large', label: '크게' },
  { value: 'xlarge', label: '아주 크게' },
] as const;

export type Theme = (typeof THEMES)[number]['value'];
export type TextSize = (typeof TEXT_SIZES)[number]['value'];

/** localStorage keys. */
export const STORAGE_KEYS = { theme: 'kp-theme', textSize: 'kp-text-size' } as const;

/** What a stored value means; anything else (a stale or tampered value) is the default. */
export function readTheme(stored: string | null): Theme {
  return THEMES.some((t) => t.value === stored) ? (stored as Theme) : 'system';
}

export function readTextSize(stored: string | null): TextSize {
  return TEXT_SIZES.some((t) => t.value === stored) ? (stored as TextSize) : 'normal';
}
