/**
 * Searching a policy's exact title puts that page first, for every policy page (the
 * site's own engine and Pagefind, in Node, on the build).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeSearch } from '../../scripts/lib/node-search';
import { CONTENT, DIST, assertBuilt, contentPages } from '../helpers/built-site';

let search: Awaited<ReturnType<typeof startNodeSearch>>;

beforeAll(async () => {
  assertBuilt();
  search = await startNodeSearch(DIST);
});
afterAll(() => search?.close());

describe('exact titles rank first', () => {
  it('every policy title finds its own page first', async () => {
    const policies = contentPages(CONTENT).filter((p) => p.kind === 'policy');
    expect(policies.length).toBeGreaterThan(30);
    const misses: string[] = [];
    for (const policy of policies) {
      const outcome = await search.engine.search(policy.title);
      const first = outcome.kind === 'results' && outcome.ids[0] ? (await search.engine.loadDoc(outcome.ids[0])).url : `(${outcome.kind})`;
      if (first !== policy.path) misses.push(`「${policy.title}」 → ${first} (expected ${policy.path})`);
    }
    expect(misses, misses.join('\n')).toEqual([]);
  }, 120_000);
});
