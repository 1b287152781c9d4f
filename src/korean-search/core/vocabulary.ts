/**
 * The vocabulary: every token the index holds, split into small static shards
 * by a hash of the token. Before searching, the browser loads the shards of
 * the query's tokens and refuses the search when one is missing, because
 * Pagefind would otherwise drop that word silently and answer a shorter query.
 * Each token carries the number of pages holding it (its document frequency, shown
 * by search:explain) and whether it is a bigram found only across a space, which
 * tells a query word's stem from two words' seam (see resolveStems in query.ts).
 */
import { must } from './must';

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

/**
 * Enough shards that each holds about `tokensPerShard` tokens (a power of two, at least 1).
 * In Chromium, fetching a small file costs about the same whatever its size, so a query's 2–6 tokens are better served by
 * a few shards of this size than by one tiny shard per token, and later queries mostly find
 * their shards already loaded (docs/search.md).
 */
export function chooseShardCount(vocabularySize: number, tokensPerShard = 1000): number {
  let count = 1;
  while (count * tokensPerShard < vocabularySize) count *= 2;
  return count;
}

/** Splits a vocabulary into shards of sorted tokens. */
export function shardVocabulary(tokens: Iterable<string>, shardCount: number): string[][] {
  const shards: string[][] = Array.from({ length: shardCount }, () => []);
  for (const token of new Set(tokens)) must(shards[shardOf(token, shardCount)], 'vocabulary shard').push(token);
  for (const shard of shards) shard.sort();
  return shards;
}

/** What the vocabulary knows about one token. */
export interface VocabularyEntry {
  /** Pages holding the token (its document frequency). */
  pages: number;
  /**
   * True for a bigram seen only across a space, joining the end of one word to the
   * start of the next (하고 양자 → 고양): no word of the site holds it.
   */
  bridgeOnly: boolean;
}

/** Marks a bridge-only token in a shard line. */
const BRIDGE_ONLY_MARK = 'b';

/**
 * A shard file: one `token pages` line per token, the pages being how many hold it,
 * with ` b` added for a bridge-only bigram.
 */
export function serializeShard(tokens: readonly string[], frequencies: ReadonlyMap<string, number>, bridgeOnly: ReadonlySet<string> = new Set()): string {
  return tokens
    .map((t) => {
      const count = frequencies.get(t);
      if (count === undefined) throw new Error(`No page count for vocabulary token ${t}`);
      return bridgeOnly.has(t) ? `${t} ${count} ${BRIDGE_ONLY_MARK}` : `${t} ${count}`;
    })
    .join('\n');
}

/** Token → what the vocabulary knows of it. A line that is not `token pages [b]` means a broken or foreign file: it throws. */
export function parseShard(text: string): Map<string, VocabularyEntry> {
  const map = new Map<string, VocabularyEntry>();
  for (const line of text.split('\n')) {
    if (!line) continue;
    const [token, count, mark, ...rest] = line.split(' ');
    const pages = Number(count);
    if (!token || !count || !Number.isInteger(pages) || pages < 0 || (mark !== undefined && mark !== BRIDGE_ONLY_MARK) || rest.length > 0) {
      throw new Error(`Vocabulary shard line is not "token pages [b]": ${JSON.stringify(line.slice(0, 40))}`);
    }
    map.set(token, { pages, bridgeOnly: mark === BRIDGE_ONLY_MARK });
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
