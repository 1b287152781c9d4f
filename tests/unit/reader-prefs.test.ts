import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STORAGE_KEYS, TEXT_SIZES, THEMES, readTextSize, readTheme } from '../../src/lib/reader-prefs';
import { REPO_ROOT } from '../helpers/astro-build';

/** The classic script that applies the saved choice before first paint (it cannot import the module). */
const INIT = readFileSync(join(REPO_ROOT, 'src/reader/init.js'), 'utf8');

describe('reader preferences', () => {
  it('read only known values, anything else as the default', () => {
    expect(readTheme('dark')).toBe('dark');
    expect(readTheme(null)).toBe('system');
    expect(readTheme('"><script>')).toBe('system');
    expect(readTextSize('xlarge')).toBe('xlarge');
    expect(readTextSize('huge')).toBe('normal');
  });

  it('the init script uses the same storage keys and every non-default value, and no other', () => {
    const keys = [...INIT.matchAll(/localStorage\.getItem\('([^']+)'\)/g)].map((m) => m[1]);
    expect(keys.sort()).toEqual(Object.values(STORAGE_KEYS).sort());
    const compared = [...INIT.matchAll(/=== '([^']+)'/g)].map((m) => m[1]).sort();
    const nonDefault = [...THEMES.slice(1), ...TEXT_SIZES.slice(1)].map((t) => t.value).sort();
    expect(compared).toEqual(nonDefault);
    expect(THEMES[0].value).toBe('system');
    expect(TEXT_SIZES[0].value).toBe('normal');
  });
});
