import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseShardCount, parseShard, serializeShard, shardOf, shardVocabulary, unknownTokens } from '../core/vocabulary';

describe('vocabulary shards', () => {
  it('every token lands in the shard shardOf names, exactly once', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[0-9a-v]{1,9}z$/), { maxLength: 200 }), fc.integer({ min: 0, max: 6 }), (tokens, power) => {
        const count = 2 ** power;
        const shards = shardVocabulary(tokens, count);
        expect(shards.flat().sort()).toEqual([...tokens].sort());
        for (const token of tokens) expect(shards[shardOf(token, count)]).toContain(token);
      }),
    );
  });

  it('round-trips tokens, their page counts and bridge-only marks through the file format', () => {
    const counts = new Map([
      ['abz', 12],
      ['cdz', 1],
    ]);
    expect(parseShard(serializeShard(['abz', 'cdz'], counts, new Set(['cdz'])))).toEqual(
      new Map([
        ['abz', { pages: 12, bridgeOnly: false }],
        ['cdz', { pages: 1, bridgeOnly: true }],
      ]),
    );
  });

  it('refuses a token without a page count, when writing and when reading', () => {
    expect(() => serializeShard(['abz', 'cdz'], new Map([['abz', 12]]))).toThrow(/cdz/);
    expect(() => parseShard('abz 12\ncdz')).toThrow(/token pages/);
    expect(() => parseShard('<!doctype html>')).toThrow(/token pages/);
    expect(() => parseShard('abz 12 x')).toThrow(/token pages/);
    expect(() => parseShard('abz 12 b extra')).toThrow(/token pages/);
  });

  it('chooses a power of two that keeps shards near the target size', () => {
    expect(chooseShardCount(0)).toBe(1);
    expect(chooseShardCount(1000)).toBe(1);
    expect(chooseShardCount(1001)).toBe(2);
    expect(chooseShardCount(100_000, 500)).toBe(256);
  });

  it('reports the tokens no shard holds', () => {
    const count = 4;
    const shards = shardVocabulary(['aaz', 'bbz', 'ccz'], count);
    const loaded = new Map(shards.map((s, i) => [i, new Set(s)]));
    expect(unknownTokens(['aaz', 'ddz', 'ccz'], count, loaded)).toEqual(['ddz']);
  });

  it('refuses to judge a token whose shard was not loaded', () => {
    expect(() => unknownTokens(['aaz'], 2, new Map())).toThrow();
  });
});
