/**
 * Formatting of numbers, money, dates and milestones the way Korean readers write them.
 * Pure functions: unit-tested in tests/unit/format.test.ts.
 */
import type { z } from 'astro/zod';
import type { figureSchema } from '../schemas/fields';

const UNITS = [
  { value: 10n ** 12n, name: '조' },
  { value: 10n ** 8n, name: '억' },
  { value: 10n ** 4n, name: '만' },
] as const;

const groupThousands = (n: bigint): string => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * Won amounts in 만-based units with thousands separators inside each unit:
 * 2930000000000 → "2조 9,300억 원". Empty units are skipped (1000000000000 → "1조 원").
 * Not es-hangul's numberToHangulMixed: it groups digits in the build machine's locale
 * (toLocaleString(); under LANG=de_DE.UTF-8, 123456789 → "1억 2.345만 6.789").
 */
export function formatKrw(won: number): string {
  if (!Number.isSafeInteger(won)) throw new RangeError(`원 단위 정수가 아닙니다: ${won}`);
  if (won === 0) return '0원';
  const negative = won < 0;
  let rest = BigInt(Math.abs(won));
  const parts: string[] = [];
  for (const unit of UNITS) {
    const count = rest / unit.value;
    if (count > 0n) parts.push(`${groupThousands(count)}${unit.name}`);
    rest %= unit.value;
  }
  if (rest > 0n) parts.push(groupThousands(rest));
  const text = `${parts.join(' ')} 원`;
  return negative ? `-${text}` : text;
}

/** 35 → "35%", 12.5 → "12.5%". */
export function formatPercent(value: number): string {
  return `${Number.isInteger(value) ? value : value.toFixed(1).replace(/\.0$/, '')}%`;
}

/**
 * A count with its unit attached as Koreans write it: 1000 + 큐비트 → "1000큐비트".
 * Four-digit numbers stay without a separator, as in the source ("1000큐비트급").
 */
export function formatCount(value: number, unit: string): string {
  const digits = Math.abs(value) >= 10000 ? value.toLocaleString('ko-KR') : String(value);
  return `${digits}${unit}`;
}

/** A key figure as the frontmatter schema defines it. */
export type Figure = z.infer<typeof figureSchema>;

export function formatFigure(figure: Figure): string {
  switch (figure.kind) {
    case 'money':
      return formatKrw(figure.won);
    case 'percent':
      return formatPercent(figure.value);
    case 'count':
      return formatCount(figure.value, figure.unit);
  }
}

/** "2025-01-14" → "2025년 1월 14일". */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`날짜 형식이 아닙니다: ${iso}`);
  return `${Number(match[1])}년 ${Number(match[2])}월 ${Number(match[3])}일`;
}

/** "2027" + until → "2027년까지"; "2025-H2" → "2025년 하반기". */
export function formatMilestone(when: string, until = false): string {
  const match = /^(\d{4})(?:-H([12]))?$/.exec(when);
  if (!match) throw new RangeError(`시점 형식이 아닙니다: ${when}`);
  const half = match[2] === '1' ? ' 상반기' : match[2] === '2' ? ' 하반기' : '';
  return `${match[1]}년${half}${until ? '까지' : ''}`;
}

/** Sort key of a milestone: year, then first half before second, whole years after halves. */
export function milestoneSortKey(when: string): number {
  const match = /^(\d{4})(?:-H([12]))?$/.exec(when);
  if (!match) throw new RangeError(`시점 형식이 아닙니다: ${when}`);
  return Number(match[1]) * 10 + (match[2] ? Number(match[2]) : 3);
}
