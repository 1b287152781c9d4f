/**
 * Suggestions shown when a search finds nothing: the site's synonym groups and
 * the suggestions it passes in (sections, say) that look like the query (shared syllable pairs or letters), so the reader
 * has somewhere to go instead of a dead end.
 */
import type { SuggestionTarget } from '../options';
import { normalizeChars } from './analyzer';

export type { SuggestionTarget };

/** Character bigrams of the letters and digits of a text (single characters for one-letter text). */
function grams(text: string): Set<string> {
  const chars = [...normalizeChars(text)].filter((c) => /[\p{L}\p{N}]/u.test(c));
  if (chars.length === 1) return new Set(chars);
  const out = new Set<string>();
  for (const [i, c] of chars.entries()) {
    const next = chars[i + 1];
    if (next !== undefined) out.add(c + next);
  }
  return out;
}

/** Dice similarity of two gram sets, 0–1. */
function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/**
 * Up to `limit` targets most similar to the query, best first; when nothing is
 * similar at all, the first `limit` targets in their given order, so the list
 * is never empty.
 */
export function suggest(query: string, targets: readonly SuggestionTarget[], limit = 5): SuggestionTarget[] {
  const queryGrams = grams(query);
  const scored = targets
    .map((target, order) => {
      const score = Math.max(...[target.label, ...(target.alsoKnownAs ?? [])].map((s) => dice(queryGrams, grams(s))));
      return { target, score, order };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map((s) => s.target);
  return scored.length > 0 ? scored : targets.slice(0, limit);
}
