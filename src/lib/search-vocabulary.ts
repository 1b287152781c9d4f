/**
 * The vocabulary: every token the index holds, split into small static shards
 * by a hash of the token. Before searching, the browser loads the shards of
 * the query's tokens and refuses the search when one is missing, because
 * Pagefind would otherwise drop that word silently and answer a shorter query.
 * Each token carries the number of pages holding it (its document frequency),
 * so the query planner can ask Pagefind for the rarest tokens.
 */

/** FNV-1a, 32 bit: tiny, fast and stable across Node and browsers. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The shard an encoded token lives in. `shardCount` is a power of two. */
export function shardOf(encodedToken: string, shardCount: number): number {
  return fnv1a(encodedToken) & (shardCount - 1);
}

/** Enough shards that each holds about `tokensPerShard` tokens (a power of two, at least 1). */
export function chooseShardCount(vocabularySize: number, tokensPerShard = 400): number {
  let count = 1;
  while (count * tokensPerShard < vocabularySize) count *= 2;
  return count;
}

/** Splits a vocabulary into shards of sorted tokens. */
export function shardVocabulary(tokens: Iterable<string>, shardCount: number): string[][] {
  const shards: string[][] = Array.from({ length: shardCount }, () => []);
  for (const token of new Set(tokens)) shards[shardOf(token, shardCount)]!.push(token);
  for (const shard of shards) shard.sort();
  return shards;
}

/** A shard file: one `token count` line per token, the count being the pages that hold it. */
export function serializeShard(tokens: readonly string[], frequencies: ReadonlyMap<string, number>): string {
  return tokens
    .map((t) => {
      const count = frequencies.get(t);
      if (count === undefined) throw new Error(`No page count for vocabulary token ${t}`);
      return `${t} ${count}`;
    })
    .join('\n');
}

/** Token → number of pages holding it. A line that is not `token count` means a broken or foreign file: it throws. */
export function parseShardFrequencies(text: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line) continue;
    const space = line.indexOf(' ');
    const count = space > 0 ? Number(line.slice(space + 1)) : NaN;
    if (!Number.isInteger(count) || count < 0) throw new Error(`Vocabulary shard line is not "token count": ${JSON.stringify(line.slice(0, 40))}`);
    map.set(line.slice(0, space), count);
  }
  return map;
}

/** The tokens that none of the loaded shards holds. */
export function unknownTokens(encodedTokens: readonly string[], shardCount: number, shards: ReadonlyMap<number, { has(token: string): boolean }>): string[] {
  return encodedTokens.filter((token) => {
    const shard = shards.get(shardOf(token, shardCount));
    if (!shard) throw new Error(`Vocabulary shard ${shardOf(token, shardCount)} was not loaded`);
    return !shard.has(token);
  });
}
