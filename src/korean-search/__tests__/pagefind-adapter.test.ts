import { describe, expect, it } from 'vitest';
import { SMALL_SITE_PAGES, indexChunkSize } from '../core/pagefind-adapter';

describe('indexChunkSize', () => {
  it('halves the chunks of a small site and keeps 5,000 postings above it', () => {
    expect(indexChunkSize(67)).toBe(2500);
    expect(indexChunkSize(SMALL_SITE_PAGES)).toBe(2500);
    expect(indexChunkSize(SMALL_SITE_PAGES + 1)).toBe(5000);
    // The size the 10,000-page benchmark's first-search budget was measured with.
    expect(indexChunkSize(10_000)).toBe(5000);
  });
});
