/**
 * Loads the typo lookup (src/korean-search/core/typo/lookup-files.ts) for the browser's typo correction:
 * the syllable shards of the syllables asked for and the Latin-run files of the
 * lengths asked for, each fetched once per page and cached.
 */
import type { TypoLookup } from '../core/typo/correct';
import {
  parseRuns,
  parseSyllableShard,
  runFile,
  syllableShardFile,
  syllableShardOf,
  type SyllableNeighbours,
  type TypoManifest,
} from '../core/typo/lookup-files';

export class TypoLoader {
  private readonly files = new Map<string, Promise<unknown>>();

  /** `fetchText(path)` returns the inflated text of a file under pagefind-ko/. */
  constructor(private readonly fetchText: (path: string) => Promise<string>) {}

  private load<T>(path: string, parse: (text: string) => T): Promise<T> {
    let file = this.files.get(path) as Promise<T> | undefined;
    if (!file) {
      file = this.fetchText(path).then(parse);
      file.catch(() => this.files.delete(path));
      this.files.set(path, file);
    }
    return file;
  }

  async lookup(manifest: TypoManifest, needs: { syllables: string[]; runLengths: number[] }): Promise<{ lookup: TypoLookup; files: string[] }> {
    const shardPaths = [...new Set(needs.syllables.map((s) => syllableShardFile(syllableShardOf(s, manifest.syllableShards))))];
    const runPaths = needs.runLengths.filter((n) => manifest.runLengths.includes(n)).map(runFile);
    const [shards, runs] = await Promise.all([
      Promise.all(shardPaths.map((p) => this.load(p, parseSyllableShard))),
      Promise.all(runPaths.map(async (p) => [p, await this.load(p, parseRuns)] as const)),
    ]);
    const loaded = new Set(needs.syllables.map((s) => syllableShardOf(s, manifest.syllableShards)));
    const neighbours = (syllable: string): SyllableNeighbours | undefined => {
      if (!loaded.has(syllableShardOf(syllable, manifest.syllableShards))) return undefined;
      for (const shard of shards) {
        const found = shard.get(syllable);
        if (found) return found;
      }
      // The shard is loaded and does not hold the syllable: the site never has it next to anything.
      return { after: new Set(), before: new Set(), after2: new Set(), before2: new Set() };
    };
    const byLength = new Map(runs.map(([p, set]) => [p, set]));
    const lookup: TypoLookup = {
      neighbours,
      runs: (length) => (manifest.runLengths.includes(length) ? byLength.get(runFile(length)) : new Set<string>()),
    };
    return { lookup, files: [...shardPaths, ...runPaths] };
  }
}
