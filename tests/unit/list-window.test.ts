import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listWindow } from '../../src/lib/list-window';

describe('listWindow', () => {
  it('shows a short list whole', () => {
    expect(listWindow(6, 3, 15)).toEqual({ start: 0, end: 6 });
  });

  it('centres the current item in a long list, and stays inside it at both ends', () => {
    expect(listWindow(1000, 500, 15)).toEqual({ start: 493, end: 508 });
    expect(listWindow(1000, 2, 15)).toEqual({ start: 0, end: 15 });
    expect(listWindow(1000, 999, 15)).toEqual({ start: 985, end: 1000 });
    expect(listWindow(1000, -1, 15)).toEqual({ start: 0, end: 15 });
  });

  it('always holds the current item and never more than the size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 1, max: 40 }), fc.nat(), (count, size, at) => {
        const current = count === 0 ? -1 : at % count;
        const { start, end } = listWindow(count, current, size);
        expect(end - start).toBe(Math.min(count, size));
        expect(start).toBeGreaterThanOrEqual(0);
        expect(end).toBeLessThanOrEqual(count);
        if (current >= 0) expect(current >= start && current < end).toBe(true);
      }),
    );
  });

  it('refuses a size that is not a positive whole number', () => {
    expect(() => listWindow(10, 0, 0)).toThrow(/크기/);
  });
});
