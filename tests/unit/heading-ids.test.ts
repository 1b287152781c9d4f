import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSlugger, headingSlug } from '../../src/lib/heading-ids';

const ASCII_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('headingSlug', () => {
  it.each([
    ['추진 일정', 'chujin-iljeong'],
    ['개요', 'gaeyo'],
    ['표', 'pyo'],
  ])('romanizes %j → %j', (text, id) => {
    expect(headingSlug(text)).toBe(id);
  });

  it('keeps Latin letters and digits, lower-cased', () => {
    expect(headingSlug('AI 기본법')).toMatch(/^ai-/);
    expect(headingSlug('R&D 예산 2025')).toMatch(/^r-and-d-.*-2025$/);
    expect(headingSlug('1000큐비트')).toMatch(/^1000/);
  });

  it('never percent-encodes or keeps non-ASCII', () => {
    for (const text of ['국가AI컴퓨팅센터', '민·관 합작', '「AI기본법」 하위 법령', '35% 확대', 'ㅋㅋ', '한글 ＡＩ', 'é café']) {
      const id = headingSlug(text);
      expect(id, text).toMatch(ASCII_ID);
      expect(id).not.toContain('%');
    }
  });

  it.each(['', '   ', '!!!', '·', '—'])('falls back to "section" for %j', (text) => {
    expect(headingSlug(text)).toBe('section');
  });

  it('gives a valid ASCII id for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        expect(headingSlug(text)).toMatch(ASCII_ID);
      }),
    );
  });

  it('is the same for NFC and NFD input', () => {
    expect(headingSlug('추진 일정'.normalize('NFD'))).toBe(headingSlug('추진 일정'));
  });
});

describe('createSlugger', () => {
  it('suffixes repeated ids -2, -3', () => {
    const slug = createSlugger();
    expect(slug('개요')).toBe('gaeyo');
    expect(slug('개요')).toBe('gaeyo-2');
    expect(slug('개요')).toBe('gaeyo-3');
    expect(slug('일정')).toBe('iljeong');
  });

  it('suffixes empty headings too', () => {
    const slug = createSlugger();
    expect([slug(''), slug('!!'), slug('')]).toEqual(['section', 'section-2', 'section-3']);
  });

  it('starts fresh for each page', () => {
    createSlugger()('개요');
    expect(createSlugger()('개요')).toBe('gaeyo');
  });

  it('does not reuse an id that a suffix already produced ("개요", "개요", "개요 2")', () => {
    const slug = createSlugger();
    const ids = ['개요', '개요', '개요 2'].map(slug);
    expect(new Set(ids).size, `ids: ${ids.join(', ')}`).toBe(3);
  });

  it('yields unique ids within a page', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('개요', '일정', '예산', '', 'AI', '개요 2'), { maxLength: 30 }), (texts) => {
        const slug = createSlugger();
        const ids = texts.map(slug);
        expect(new Set(ids).size).toBe(ids.length);
      }),
    );
  });
});
