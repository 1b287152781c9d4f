/**
 * The typo lookup: the small data files that let the search correct a one-letter
 * slip (src/korean-search/core/typo/correct.ts) without a word list and without loading the whole
 * vocabulary. Written by the indexer next to the vocabulary shards, read by the
 * browser; this file is the one place that knows their format.
 *
 * - Syllable neighbours, `typo/s<n>.gz`: for every Hangul syllable of the site, the
 *   syllables seen right after it and right before it inside a word, and the pairs
 *   of syllables seen after it and before it (the word's three-syllable pieces),
 *   split into shards by a hash of the syllable. To correct 인공지눙 the browser
 *   loads the shards of 인, 공, 지, 눙, looks for a syllable one jamo from 눙 among
 *   those that follow 지 (능), and checks that 공지능 is a piece of a site word.
 * - Latin runs, `typo/r<length>.gz`: every Latin run (quantum, r&d) of at least
 *   MIN_STORED_RUN letters, one file per length, so a run of length L is corrected
 *   against the files of L-1, L and L+1 only.
 *
 * Both are taken from the pages' text with the analyser's units (toUnits), not from
 * the index tokens, so they do not change when the index's token set does.
 */
import { normalizeChars, toUnits } from '../analyzer';
import { chooseShardCount, fnv1a } from '../vocabulary';
import type { TypoManifest } from '../data-files';
import { must } from '../must';

export type { TypoManifest };

/** Folder of the lookup files, inside pagefind-ko/. */
export const TYPO_DIR = 'typo';

/** Latin runs shorter than this are not stored: shorter runs are never corrected, nor corrected into (see typo/correct.ts). */
export const MIN_STORED_RUN = 3;

const LATIN_RUN = /^[a-z](?:[a-z]|&(?=[a-z]))*$/;

export const syllableShardFile = (n: number) => `${TYPO_DIR}/s${n}.gz`;
export const runFile = (length: number) => `${TYPO_DIR}/r${length}.gz`;

/** The shard a syllable's neighbours live in. */
export function syllableShardOf(syllable: string, shardCount: number): number {
  // FNV-1a's low bits follow the last character's low bits, which for a syllable
  // mostly say its final consonant; a finalizer (MurmurHash3's) spreads them.
  let h = fnv1a(syllable);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) & (shardCount - 1);
}

/** One file of the lookup: its path under pagefind-ko/ and its (uncompressed) text. */
export interface TypoFile {
  path: string;
  text: string;
}

/** Collects the lookup from page text, then writes its files. */
export class TypoLookupBuilder {
  private readonly syllables = new Map<string, { after: Set<string>; before: Set<string>; after2: Set<string>; before2: Set<string> }>();
  private readonly runs = new Map<number, Set<string>>();

  private entry(syllable: string) {
    let entry = this.syllables.get(syllable);
    if (!entry) this.syllables.set(syllable, (entry = { after: new Set(), before: new Set(), after2: new Set(), before2: new Set() }));
    return entry;
  }

  /** Adds a block of text: its Hangul words (syllables next to each other in one word) and Latin runs. */
  addText(text: string): void {
    const units = toUnits(normalizeChars(text));
    for (const [i, unit] of units.entries()) {
      if (unit.kind === 'latin' && unit.text.length >= MIN_STORED_RUN) {
        let set = this.runs.get(unit.text.length);
        if (!set) this.runs.set(unit.text.length, (set = new Set()));
        set.add(unit.text);
      }
      if (unit.kind !== 'hangul') continue;
      const inWord = (k: number) => (units[k]?.kind === 'hangul' && units[k].word === unit.word ? units[k] : undefined);
      const second = inWord(i + 1);
      if (second) {
        const next = second.text;
        this.entry(unit.text).after.add(next);
        this.entry(next).before.add(unit.text);
        const third = inWord(i + 2);
        if (third) {
          const last = third.text;
          this.entry(unit.text).after2.add(next + last);
          this.entry(last).before2.add(unit.text + next);
        }
      }
    }
  }

  /** Adds a page's title and text, as the indexer reads it. */
  addPage(page: { title: string; sections: readonly { heading: string; text: string }[] }): void {
    this.addText(page.title);
    for (const section of page.sections) {
      this.addText(section.heading);
      for (const paragraph of section.text.split('\n')) this.addText(paragraph);
    }
  }

  build(): { manifest: TypoManifest; files: TypoFile[] } {
    let entries = 0;
    for (const e of this.syllables.values()) entries += e.after.size + e.before.size + 2 * (e.after2.size + e.before2.size);
    // About 800 syllable entries a shard (docs/search.md: a shard is read per typed syllable).
    const syllableShards = chooseShardCount(entries, 800);
    const shards: string[][] = Array.from({ length: syllableShards }, () => []);
    const join = (set: Set<string>) => [...set].sort().join('');
    for (const [syllable, e] of [...this.syllables].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      must(shards[syllableShardOf(syllable, syllableShards)], 'syllable shard').push(
        [syllable, join(e.after), join(e.before), join(e.after2), join(e.before2)].join(' '),
      );
    }
    const runLengths = [...this.runs.keys()].sort((a, b) => a - b);
    return {
      manifest: { syllableShards, runLengths },
      files: [
        ...shards.map((lines, n) => ({ path: syllableShardFile(n), text: lines.join('\n') })),
        ...runLengths.map((length) => ({ path: runFile(length), text: [...must(this.runs.get(length), 'Latin runs')].sort().join('\n') })),
      ],
    };
  }
}

/** A syllable's neighbours inside the site's words. */
export interface SyllableNeighbours {
  /** Syllables seen right after it (지 → 능, 원). */
  after: ReadonlySet<string>;
  /** Syllables seen right before it. */
  before: ReadonlySet<string>;
  /** Pairs seen after it (지 → 능력, 원사). */
  after2: ReadonlySet<string>;
  /** Pairs seen before it. */
  before2: ReadonlySet<string>;
}

const pairs = (text: string) => new Set(text.match(/[가-힣]{2}/g) ?? []);

/** Parses a syllable shard; a line that is not `syllable after before after2 before2` means a broken or foreign file: it throws. */
export function parseSyllableShard(text: string): Map<string, SyllableNeighbours> {
  const map = new Map<string, SyllableNeighbours>();
  for (const line of text.split('\n')) {
    if (!line) continue;
    const parts = line.split(' ');
    const [syllable, after, before, after2, before2] = parts as [string, string, string, string, string];
    if (parts.length !== 5 || !/^[가-힣]$/.test(syllable) || !parts.slice(1).every((p) => /^[가-힣]*$/.test(p)) || after2.length % 2 || before2.length % 2) {
      throw new Error(`Typo lookup line is not "syllable after before after2 before2": ${JSON.stringify(line.slice(0, 40))}`);
    }
    map.set(syllable, { after: new Set(after), before: new Set(before), after2: pairs(after2), before2: pairs(before2) });
  }
  return map;
}

/** Parses a Latin-run file (one run a line). */
export function parseRuns(text: string): Set<string> {
  const runs = new Set<string>();
  for (const line of text.split('\n')) {
    if (!line) continue;
    if (!LATIN_RUN.test(line)) throw new Error(`Typo lookup line is not a Latin run: ${JSON.stringify(line.slice(0, 40))}`);
    runs.add(line);
  }
  return runs;
}
