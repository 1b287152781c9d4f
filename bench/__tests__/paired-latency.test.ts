import { describe, expect, it } from 'vitest';
import { median, ratioSpread, ratioVerdict, roundLine, warmLatency, type LatencyRound } from '../harness/paired-latency';

const round = (ours: number, stock: number, first: LatencyRound['first'] = 'ours'): LatencyRound => ({
  first,
  ours: { p50: ours / 2, p95: ours },
  stock: { p50: stock / 2, p95: stock },
});

describe('warmLatency', () => {
  it('leaves out the first (cold) query', () => {
    expect(warmLatency([{ ms: 900 }, { ms: 10 }, { ms: 30 }, { ms: 20 }])).toEqual({ p50: 20, p95: 30 });
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('ratioSpread', () => {
  it('gives one ratio ours/stock per round, their median and their spread', () => {
    const s = ratioSpread([round(40, 50), round(45, 50, 'stock'), round(60, 50)], 'p95');
    expect(s.rounds).toEqual([0.8, 0.9, 1.2]);
    expect(s).toMatchObject({ median: 0.9, min: 0.8, max: 1.2 });
    expect(ratioSpread([round(40, 50)], 'p50').rounds).toEqual([0.8]);
  });
});

describe('ratioVerdict', () => {
  it('passes on a median ratio at most 1.00 and says when the rounds straddle 1.00', () => {
    expect(ratioVerdict('p95 ours ≤ stock at 1000 pages', ratioSpread([round(44, 50), round(46, 50), round(49, 50)], 'p95'))).toBe(
      'PASS p95 ours ≤ stock at 1000 pages: ratio 0.92 (rounds 0.88–0.98)',
    );
    expect(ratioVerdict('p95', ratioSpread([round(45, 50), round(48, 50), round(51, 50)], 'p95'))).toMatch(
      /^PASS p95: ratio 0\.96 \(rounds 0\.90–1\.02\) — within noise/,
    );
    expect(ratioVerdict('p95', ratioSpread([round(49, 50), round(55, 50), round(60, 50)], 'p95'))).toMatch(
      /^FAIL p95: ratio 1\.10 \(rounds 0\.98–1\.20\) — within noise/,
    );
    expect(ratioVerdict('p95', ratioSpread([round(55, 50), round(60, 50)], 'p95'))).toBe('FAIL p95: ratio 1.15 (rounds 1.10–1.20)');
  });
});

describe('roundLine', () => {
  it('names the engine that went first and both ratios', () => {
    expect(roundLine(round(40, 50, 'stock'), 1)).toBe('round 2 (stock first): ours 20.0 / 40.0 ms, stock 25.0 / 50.0 ms (p50 / p95), ratio 0.80 / 0.80');
  });
});
