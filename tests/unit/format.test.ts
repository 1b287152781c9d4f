import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatCount, formatDate, formatFigure, formatKrw, formatMilestone, formatPercent, milestoneSortKey } from '../../src/lib/format';

describe('formatKrw', () => {
  it.each([
    [2_930_000_000_000, '2조 9,300억 원'],
    [1_000_000_000_000, '1조 원'],
    [50_000_000, '5,000만 원'],
    [100_000_000, '1억 원'],
    [123_456_789, '1억 2,345만 6,789 원'],
    [1_000_000_000_000 + 5_000, '1조 5,000 원'],
    [9_999, '9,999 원'],
    [1, '1 원'],
    [0, '0원'],
    [-50_000_000, '-5,000만 원'],
  ])('%d → %s', (won, text) => {
    expect(formatKrw(won)).toBe(text);
  });

  it('skips empty units rather than writing "0억"', () => {
    expect(formatKrw(1_000_000_050_000)).toBe('1조 5만 원');
    expect(formatKrw(1_000_000_050_000)).not.toMatch(/0억|0만/);
  });

  it.each([1.5, 0.1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60])('refuses a non-integer or unsafe amount: %s', (won) => {
    expect(() => formatKrw(won)).toThrow(RangeError);
  });

  it('round-trips: the units add back up to the amount', () => {
    const factor: Record<string, bigint> = { 조: 10n ** 12n, 억: 10n ** 8n, 만: 10n ** 4n, '': 1n };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (won) => {
        const text = formatKrw(won);
        expect(text.endsWith(' 원')).toBe(true);
        let sum = 0n;
        for (const part of text.slice(0, -2).split(' ')) {
          const m = /^([\d,]+)(조|억|만)?$/.exec(part);
          expect(m, `${won} → ${text}`).not.toBeNull();
          const count = BigInt(m![1]!.replace(/,/g, ''));
          expect(count > 0n).toBe(true);
          sum += count * factor[m![2] ?? '']!;
        }
        expect(sum).toBe(BigInt(won));
      }),
    );
  });
});

describe('formatPercent', () => {
  it.each([
    [35, '35%'],
    [0, '0%'],
    [100, '100%'],
    [12.5, '12.5%'],
    [12.0, '12%'],
    [33.33, '33.3%'],
  ])('%d → %s', (value, text) => {
    expect(formatPercent(value)).toBe(text);
  });
});

describe('formatCount', () => {
  it('writes four-digit counts without a separator, as the source does', () => {
    expect(formatCount(1000, '큐비트급')).toBe('1000큐비트급');
    expect(formatCount(1000, '큐비트')).toBe('1000큐비트');
  });
  it('attaches the unit directly', () => {
    expect(formatCount(5, '개')).toBe('5개');
    expect(formatCount(0, '명')).toBe('0명');
  });
  it('groups five digits and more', () => {
    expect(formatCount(12000, '명')).toBe('12,000명');
  });
});

describe('formatFigure', () => {
  it('dispatches on kind', () => {
    expect(formatFigure({ kind: 'money', label: 'x', won: 2_930_000_000_000 })).toBe('2조 9,300억 원');
    expect(formatFigure({ kind: 'percent', label: 'x', value: 35 })).toBe('35%');
    expect(formatFigure({ kind: 'count', label: 'x', value: 1000, unit: '큐비트급' })).toBe('1000큐비트급');
  });
});

describe('formatDate', () => {
  it.each([
    ['2025-01-14', '2025년 1월 14일'],
    ['2025-12-01', '2025년 12월 1일'],
  ])('%s → %s', (iso, text) => {
    expect(formatDate(iso)).toBe(text);
  });
  it.each(['2025-1-14', '2025/01/14', '', '20250114'])('refuses %j', (iso) => {
    expect(() => formatDate(iso)).toThrow(RangeError);
  });
});

describe('formatMilestone', () => {
  it.each([
    ['2027', true, '2027년까지'],
    ['2027', false, '2027년'],
    ['2025-H2', false, '2025년 하반기'],
    ['2025-H1', false, '2025년 상반기'],
    ['2025-H2', true, '2025년 하반기까지'],
  ] as const)('%s until=%s → %s', (when, until, text) => {
    expect(formatMilestone(when, until)).toBe(text);
  });
  it('defaults to a point in time', () => {
    expect(formatMilestone('2030')).toBe('2030년');
  });
  it.each(['2025-H3', '25', '2025-h2', '2025-Q1', ''])('refuses %j', (when) => {
    expect(() => formatMilestone(when)).toThrow(RangeError);
  });
});

describe('milestoneSortKey', () => {
  it('orders years, halves first, the whole year after its halves', () => {
    const shuffled = ['2027', '2025-H2', '2026', '2025', '2025-H1', '2026-H1'];
    const sorted = [...shuffled].sort((a, b) => milestoneSortKey(a) - milestoneSortKey(b));
    expect(sorted).toEqual(['2025-H1', '2025-H2', '2025', '2026-H1', '2026', '2027']);
  });
  it('puts every milestone of a year before the next year', () => {
    expect(milestoneSortKey('2025')).toBeLessThan(milestoneSortKey('2026-H1'));
  });
  it('refuses a bad milestone', () => {
    expect(() => milestoneSortKey('2025-H3')).toThrow(RangeError);
  });
});
