/**
 * Latency of our search against stock Pagefind as a ratio measured in one run: the two
 * engines are timed query by query in turn (runInterleaved), over several rounds, and
 * each round gives one ratio ours/stock of p50 and of p95. The figure reported is the
 * median of those ratios with their spread (lowest–highest round); a machine shared
 * with other work moves each engine's milliseconds from run to run far more than it
 * moves the ratio of two engines timed side by side (docs/benchmarks.md).
 */
import { percentile } from './search-harness';
import type { EngineName, QueryMeasure } from './search-bench';

export interface EngineLatency {
  p50: number;
  p95: number;
}

/** p50 and p95 of the queries after the first (the first one also loads the engine). */
export function warmLatency(measures: readonly Pick<QueryMeasure, 'ms'>[]): EngineLatency {
  const later = measures.slice(1).map((m) => m.ms);
  return { p50: percentile(later, 50), p95: percentile(later, 95) };
}

/** One round of the interleaved run: which engine took each query first, and each engine's latency. */
export interface LatencyRound {
  first: EngineName;
  ours: EngineLatency;
  stock: EngineLatency;
}

/** Ratios ours/stock, one per round, summarised by their median and spread. */
export interface RatioSpread {
  rounds: number[];
  median: number;
  min: number;
  max: number;
}

/** Middle value; the mean of the two middle values for an even count (NaN for none). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? NaN) + upper) / 2;
}

/** The ratio ours/stock of one percentile in each round, with their median and spread. */
export function ratioSpread(rounds: readonly LatencyRound[], key: keyof EngineLatency): RatioSpread {
  const ratios = rounds.map((r) => r.ours[key] / r.stock[key]);
  return { rounds: ratios, median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) };
}

/** The rounds disagree on which engine is faster: some put ours ahead, some behind. */
export const straddlesParity = (s: RatioSpread) => s.min <= 1 && s.max > 1;

const ratio = (x: number) => x.toFixed(2);

/**
 * `PASS p95 ours ≤ stock at 1000 pages: ratio 0.93 (rounds 0.88–1.02) — within noise …`:
 * PASS when the median ratio is at most 1.00; the note says when the rounds fall on both
 * sides of 1.00, so the verdict is not settled by this run.
 */
export function ratioVerdict(what: string, spread: RatioSpread): string {
  const verdict = spread.median <= 1 ? 'PASS' : 'FAIL';
  const noise = straddlesParity(spread) ? ' — within noise: the rounds fall on both sides of 1.00' : '';
  return `${verdict} ${what}: ratio ${ratio(spread.median)} (rounds ${ratio(spread.min)}–${ratio(spread.max)})${noise}`;
}

/** `round 1 (ours first): ours 20.1 / 40.2 ms, stock 19.8 / 35.1 ms (p50 / p95), ratio 1.02 / 1.15`. */
export function roundLine(round: LatencyRound, index: number): string {
  const ms = (l: EngineLatency) => `${l.p50.toFixed(1)} / ${l.p95.toFixed(1)} ms`;
  return `round ${index + 1} (${round.first} first): ours ${ms(round.ours)}, stock ${ms(round.stock)} (p50 / p95), ratio ${ratio(round.ours.p50 / round.stock.p50)} / ${ratio(round.ours.p95 / round.stock.p95)}`;
}
