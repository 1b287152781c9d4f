/**
 * Which items of a long list a side navigation shows: at most `size` in a row,
 * with the current item near the middle (the first `size` when none is current).
 * A section of the scale benchmark holds 1,000 policies; listing them all on every
 * page made every page heavy (docs/benchmarks.md).
 */
export function listWindow(count: number, current: number, size: number): { start: number; end: number } {
  if (!Number.isInteger(size) || size < 1) throw new Error(`목록 창의 크기는 1 이상의 정수여야 합니다: ${size}`);
  if (count <= size) return { start: 0, end: count };
  const start = Math.min(Math.max(0, current - Math.floor(size / 2)), count - size);
  return { start, end: start + size };
}
