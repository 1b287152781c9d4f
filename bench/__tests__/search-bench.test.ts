import { describe, expect, it } from 'vitest';
import { medianOfRounds, type QueryMeasure } from '../harness/search-bench';

const measure = (query: string, ms: number, extra: Partial<QueryMeasure> = {}): QueryMeasure => ({
  query,
  ms,
  bytes: 100,
  requests: 2,
  paths: [],
  ids: ['a'],
  ...extra,
});

describe('medianOfRounds', () => {
  it('keeps each query’s median latency and the first round’s answer and bytes', () => {
    const merged = medianOfRounds([
      [measure('가', 300, { ids: ['x'] }), measure('나', 10)],
      [measure('가', 40, { ids: ['y'] }), measure('나', 30)],
      [measure('가', 50), measure('나', 20)],
    ]);
    expect(merged.map((m) => [m.query, m.ms, m.roundsMs])).toEqual([
      ['가', 50, [300, 40, 50]],
      ['나', 20, [10, 30, 20]],
    ]);
    expect(merged[0]!.ids).toEqual(['x']);
  });

  it('keeps an error from any round', () => {
    const merged = medianOfRounds([[measure('가', 10)], [measure('가', 12, { error: 'boom' })]]);
    expect(merged[0]!.error).toBe('boom');
  });

  it('refuses rounds of different query lists', () => {
    expect(() => medianOfRounds([[measure('가', 1)], [measure('나', 1)]])).toThrow(/rounds differ/);
  });

  it('passes one round through', () => {
    expect(medianOfRounds([[measure('가', 7)]])[0]!.ms).toBe(7);
    expect(medianOfRounds([])).toEqual([]);
  });
});
