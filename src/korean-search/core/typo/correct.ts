/**
 * Typo correction: when a query word is not on the site, look for the site's word
 * one slip away (인공지눙 → 인공지능, 바이오위원희 → 바이오위원회, 출연언 → 출연연) and,
 * when one correction is clearly best, search it instead.
 *
 * A slip is one edit inside one unit of a word: one jamo of one Hangul syllable
 * substituted, inserted or deleted, the result still one syllable (눙 → 능, 희 → 회,
 * 지 → 직), or one letter of a Latin run (quantun → quantum). Candidates come from
 * the site's own text through the typo lookup (src/korean-search/core/typo/lookup-files.ts): a syllable
 * at position i may only become a syllable that the site has next to its
 * neighbours, so 인공지눙 asks which syllables follow 지 and picks those one jamo
 * from 눙. A candidate word must then have every Hangul pair in the lookup and,
 * planned as a query, every token in the vocabulary.
 *
 * Everything here is pure; the loading of lookup files and vocabulary shards is
 * passed in (src/korean-search/client/engine.ts in the browser, fakes in the unit tests).
 */
import { disassemble } from 'es-hangul';
import { normalizeChars, toUnits, type KoreanAnalyzer, type TextUnit } from '../analyzer';
import { cleanQuery, planQuery, type QueryPlan } from '../query';
import { encodeToken } from '../pagefind-adapter';
import type { SyllableNeighbours } from './lookup-files';
import { must } from '../must';

/** The rules of a correction; the defaults were chosen by measuring (docs/search.md). */
export interface TypoRules {
  /**
   * Units (syllables, Latin runs) a word needs before one of its syllables is
   * corrected: a two-syllable word has many site words one jamo away (야구 → 야기?),
   * a three-syllable word seldom.
   */
  minUnits: number;
  /** Letters a Latin run needs before it is corrected (quantun, not ai). */
  minRunLength: number;
  /** More candidates than this for one word: no correction (the slip could be anything). */
  maxCandidates: number;
  /** The best candidate must hold at least this many times the pages of the next one. */
  dominance: number;
  /** Unknown words a query may have and still be corrected. */
  maxWords: number;
  /**
   * Units a word needs to be searched by its candidates when the query has other words
   * on the site: those words must then be on the same page as a candidate, which rules
   * out most of the many one-jamo neighbours of a two-syllable word (SFC CSS 교능 → 기능).
   */
  minUnitsBesideKnownWords: number;
  /** Whole candidate queries searched at most when no correction is clear. */
  maxCandidateQueries: number;
}

export const TYPO_RULES: TypoRules = {
  minUnits: 3,
  minRunLength: 4,
  maxCandidates: 12,
  dominance: 3,
  maxWords: 3,
  minUnitsBesideKnownWords: 2,
  maxCandidateQueries: 12,
};

/** What candidate generation reads from the typo lookup (src/korean-search/core/typo/lookup-files.ts); undefined when that part was not loaded. */
export interface TypoLookup {
  /** A syllable's neighbours inside the site's words. */
  neighbours(syllable: string): SyllableNeighbours | undefined;
  /** Latin runs of the site with this many letters. */
  runs(length: number): ReadonlySet<string> | undefined;
}

/** Levenshtein distance over code points (the strings here are a few characters long). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  // Every cell read below was written first (row 0 above, column 0 by `[i]`): the `?? 0` never applies.
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

const jamoCache = new Map<string, string>();
/** A syllable's jamo as es-hangul gives them: compound vowels and final clusters apart (회 → ㅎㅗㅣ). */
function jamoOf(syllable: string): string {
  let jamo = jamoCache.get(syllable);
  if (jamo === undefined) jamoCache.set(syllable, (jamo = disassemble(syllable)));
  return jamo;
}

/** Jamo edits between two syllables (희 → 회 is 1: ㅎㅡㅣ → ㅎㅗㅣ). */
export function jamoDistance(a: string, b: string): number {
  return editDistance(jamoOf(a), jamoOf(b));
}

/** The syllables and Latin-run lengths whose lookup data correcting `word` reads. */
export function lookupNeeds(word: string, rules: TypoRules = TYPO_RULES): { syllables: string[]; runLengths: number[] } {
  const units = toUnits(normalizeChars(word));
  const syllables = units.length >= rules.minUnits ? units.filter((u) => u.kind === 'hangul').map((u) => u.text) : [];
  const runLengths = units
    .filter((u) => u.kind === 'latin' && u.text.length >= rules.minRunLength)
    .flatMap((u) => [u.text.length - 1, u.text.length, u.text.length + 1]);
  return { syllables: [...new Set(syllables)], runLengths: [...new Set(runLengths)] };
}

/** Whether a site word has the syllables `piece` (two or three) in a row; undefined when neither end was loaded. */
function pieceKnown(piece: readonly string[], lookup: TypoLookup): boolean | undefined {
  const [first, middle] = piece;
  const last = piece.at(-1);
  if (first === undefined || middle === undefined || last === undefined) return undefined;
  if (piece.length === 2) return lookup.neighbours(first)?.after.has(last) ?? lookup.neighbours(last)?.before.has(first);
  return lookup.neighbours(first)?.after2.has(middle + last) ?? lookup.neighbours(last)?.before2.has(first + middle);
}

/**
 * Every correction of a query word (its analysed text: 인공지눙, ai컴퓨팅센타) within one
 * edit of one unit. A changed syllable must stand in a site word between the same
 * neighbours: every two- and three-syllable piece around it is a piece of a site
 * word (세액공재 → 세액공제, not 세액공지: 공지 is a site word, 액공지 a piece of none).
 * Sorted, without the word itself.
 */
export function wordCorrections(word: string, lookup: TypoLookup, rules: TypoRules = TYPO_RULES): string[] {
  const units = toUnits(normalizeChars(word));
  const found = new Set<string>();
  const consider = (at: number, text: string) => {
    const changed = units.map((u, k) => (k === at ? { ...u, text } : u));
    if (changed[at]?.kind === 'hangul') {
      for (let from = at - 2; from <= at; from++) {
        for (let length = 2; length <= 3; length++) {
          const piece = changed.slice(Math.max(from, 0), from + length);
          if (from < 0 || piece.length < length || !piece.some((_, k) => from + k === at) || piece.some((u) => u.kind !== 'hangul')) continue;
          if (
            pieceKnown(
              piece.map((u) => u.text),
              lookup,
            ) !== true
          )
            return;
        }
      }
    }
    found.add(changed.map((u) => u.text).join(''));
  };
  units.forEach((unit, at) => {
    if (unit.kind === 'hangul' && units.length >= rules.minUnits) {
      for (const syllable of syllablesNextTo(units, at, lookup)) if (jamoDistance(unit.text, syllable) === 1) consider(at, syllable);
    } else if (unit.kind === 'latin' && unit.text.length >= rules.minRunLength) {
      for (let length = unit.text.length - 1; length <= unit.text.length + 1; length++) {
        for (const run of lookup.runs(length) ?? []) if (editDistance(unit.text, run) === 1) consider(at, run);
      }
    }
  });
  return [...found].sort();
}

/** Syllables the site has in the place of units[at]: after its left neighbour and before its right one. */
function syllablesNextTo(units: readonly TextUnit[], at: number, lookup: TypoLookup): Iterable<string> {
  const left = units[at - 1];
  const right = units[at + 1];
  const afterLeft = left?.kind === 'hangul' ? lookup.neighbours(left.text)?.after : undefined;
  const beforeRight = right?.kind === 'hangul' ? lookup.neighbours(right.text)?.before : undefined;
  if (afterLeft && beforeRight) return [...afterLeft].filter((s) => beforeRight.has(s));
  return afterLeft ?? beforeRight ?? [];
}

/** A candidate and the pages its rarest token is on (an upper bound on the pages holding the word). */
export interface ScoredCandidate {
  text: string;
  pages: number;
}

export type Choice = { chosen: ScoredCandidate; reason: 'only' | 'dominant' } | { chosen: null; reason: 'none' | 'too-many' | 'close' };

/**
 * The choice rule: a correction is made when there is one candidate, or when the
 * best has at least `dominance` times the pages of the next; never among more than
 * `maxCandidates` (a slip in a word that could be anything).
 */
export function chooseCorrection(candidates: readonly ScoredCandidate[], rules: TypoRules = TYPO_RULES): Choice {
  if (candidates.length === 0) return { chosen: null, reason: 'none' };
  if (candidates.length > rules.maxCandidates) return { chosen: null, reason: 'too-many' };
  const sorted = [...candidates].sort((a, b) => b.pages - a.pages || a.text.localeCompare(b.text));
  const [best, next] = sorted;
  if (best && !next) return { chosen: best, reason: 'only' };
  if (best && next && best.pages >= rules.dominance * next.pages) return { chosen: best, reason: 'dominant' };
  return { chosen: null, reason: 'close' };
}

/** How the correction of one query went, for the trace (npm run search:explain). */
export interface WordCorrectionReport {
  /** The unknown word (analysed text). */
  word: string;
  /** Candidates that passed the lookup, with their page counts (undefined: some token not on the site). */
  candidates: { text: string; pages: number | undefined }[];
  /** 'beside-known-words': a short word never corrected alone, whose candidates are searched with the query's other words. */
  choice: Choice['reason'] | 'not-a-word' | 'too-short' | 'not-in-query' | 'beside-known-words';
  chosen?: string;
}

/** A whole query with each unknown word replaced by one of its candidates, and those candidates. */
export interface CandidateQuery {
  query: string;
  /** The candidate of each unknown word, in the order of the unknown words. */
  words: string[];
  /** Pages of the rarest of those candidates (the order among queries with as many results). */
  pages: number;
}

export interface QueryCorrection {
  /** The query to search instead, when every unknown word has a clear correction. */
  query?: string;
  /** Whole queries to offer («이 말을 찾으셨나요») when one word had several close candidates. */
  alternatives: string[];
  /**
   * When no correction is clear: every combination of the unknown words' candidates, most
   * pages first, for the search to try together (the results of those that find pages). Empty
   * when a word has no candidate, or when there are more than `maxCandidateQueries` combinations.
   */
  candidateQueries: CandidateQuery[];
  words: WordCorrectionReport[];
  /** Lookup files read. */
  files: string[];
}

/** What correctQuery needs from its surroundings: the analyzer, and loaders for the lookup and the vocabulary. */
export interface CorrectionContext {
  analyzer: KoreanAnalyzer;
  rules?: TypoRules;
  /** Loads the lookup data for these syllables and run lengths. */
  loadLookup(needs: { syllables: string[]; runLengths: number[] }): Promise<{ lookup: TypoLookup; files: string[] }>;
  /** Pages holding each encoded token (undefined: not on the site), loading vocabulary shards as needed. */
  pageCounts(encoded: readonly string[]): Promise<(number | undefined)[]>;
}

/**
 * Corrects the unknown words of a planned query. `unknownTerms` are the texts of the
 * query terms holding an unknown token. Every unknown word must have a clear
 * correction, or the query is not corrected (된장찌개 끓이는 뻡 stays unknown).
 */
export async function correctQuery(query: string, unknownTerms: readonly string[], context: CorrectionContext): Promise<QueryCorrection> {
  const rules = context.rules ?? TYPO_RULES;
  const none = (words: WordCorrectionReport[], files: string[] = []): QueryCorrection => ({ alternatives: [], candidateQueries: [], words, files });
  if (unknownTerms.length === 0 || unknownTerms.length > rules.maxWords) return none([]);
  const words = cleanQuery(query).normalize('NFC').split(' ');
  // Where each unknown term sits in the typed query (which word, which characters).
  const places = unknownTerms.map((term) => {
    for (const [w, word] of words.entries()) {
      const at = locateTerm(word, term);
      if (at) return { word: w, at };
    }
    return undefined;
  });
  // Other words on the site narrow a short word's candidates down to those on a page with them.
  const typed = planQuery(query, context.analyzer);
  const besideKnownWords = typed.status === 'ok' && typed.analyzed.terms.length > unknownTerms.length;
  const rulesOf = (term: string): TypoRules =>
    besideKnownWords && toUnits(normalizeChars(term)).length < rules.minUnits ? { ...rules, minUnits: rules.minUnitsBesideKnownWords } : rules;
  const needs = unknownTerms.map((term) => lookupNeeds(term, rulesOf(term)));
  const found = places.filter((p) => p !== undefined);
  if (found.length < places.length || needs.every((n) => n.syllables.length === 0 && n.runLengths.length === 0)) {
    return none(unknownTerms.map((word, i) => ({ word, candidates: [], choice: places[i] ? 'too-short' : 'not-in-query' })));
  }
  const { lookup, files } = await context.loadLookup({
    syllables: [...new Set(needs.flatMap((n) => n.syllables))],
    runLengths: [...new Set(needs.flatMap((n) => n.runLengths))],
  });

  const reports: WordCorrectionReport[] = [];
  const ranked: ScoredCandidate[][] = [];
  for (const term of unknownTerms) {
    const termRules = rulesOf(term);
    const candidates = wordCorrections(term, lookup, termRules);
    if (candidates.length > rules.maxCandidates) {
      reports.push({ word: term, candidates: candidates.map((text) => ({ text, pages: undefined })), choice: 'too-many' });
      ranked.push([]);
      continue;
    }
    const scored = await Promise.all(candidates.map(async (text) => ({ text, pages: await pagesOfWord(text, context, besideKnownWords) })));
    const known = scored.filter((c): c is ScoredCandidate => c.pages !== undefined);
    const choice = chooseCorrection(known, rules);
    // A short word is never corrected on its own (too many neighbours): its candidates are only searched beside the other words.
    const short = termRules !== rules && known.length > 0;
    reports.push({ word: term, candidates: scored, choice: short ? 'beside-known-words' : choice.reason, chosen: short ? undefined : choice.chosen?.text });
    ranked.push([...known].sort((a, b) => b.pages - a.pages || a.text.localeCompare(b.text)));
  }

  const rewrite = (replacements: readonly (string | undefined)[]) => {
    const out = [...words];
    // Right to left within a word, so earlier offsets stay valid.
    const order = found.map((p, i) => ({ p, i })).sort((a, b) => a.p.word - b.p.word || must(b.p.at[0], 'place') - must(a.p.at[0], 'place'));
    for (const { p, i } of order) {
      const text = replacements[i];
      if (text === undefined) continue;
      out[p.word] = replaceTerm(must(out[p.word], 'query word'), p.at, must(unknownTerms[i], 'unknown term'), text);
    }
    return out.join(' ');
  };
  const chosen = reports.map((r) => r.chosen);
  // Every combination of the candidates (the chosen one alone where a word has one), most pages first.
  const choices = reports.map((r, i) => must(ranked[i], 'ranked candidates').filter((c) => r.chosen === undefined || c.text === r.chosen));
  const combinations = choices.reduce((all, options) => all * options.length, 1);
  const candidateQueries =
    combinations > 0 &&
    combinations <= rules.maxCandidateQueries &&
    reports.every((r) => r.chosen !== undefined || r.choice === 'close' || r.choice === 'beside-known-words')
      ? choices
          .reduce<ScoredCandidate[][]>((all, options) => all.flatMap((prefix) => options.map((o) => [...prefix, o])), [[]])
          .map((picked) => ({ query: rewrite(picked.map((c) => c.text)), words: picked.map((c) => c.text), pages: Math.min(...picked.map((c) => c.pages)) }))
      : [];
  if (chosen.every((c) => c !== undefined)) return { query: rewrite(chosen), alternatives: [], candidateQueries, words: reports, files };
  // One word with several close candidates, every other word settled: offer them.
  const open = reports.map((r, i) => (r.chosen === undefined ? i : -1)).filter((i) => i >= 0);
  const [only] = open;
  if (open.length === 1 && only !== undefined && reports[only]?.choice === 'close') {
    const alternatives = must(ranked[only], 'ranked candidates')
      .slice(0, 3)
      .map((c) => rewrite(chosen.map((text, i) => (i === only ? c.text : text))));
    return { alternatives, candidateQueries, words: reports, files };
  }
  return { ...none(reports, files), candidateQueries };
}

/**
 * Several ranked lists as one, without repeats: each place goes to the list with the most
 * results per place it already has (D'Hondt), so a list holds a share of the top in
 * proportion to its size and the best of every list comes early.
 */
export function shareByResults(lists: readonly (readonly string[])[], totals: readonly number[]): string[] {
  const out = new Set<string>();
  const taken = lists.map(() => 0);
  for (;;) {
    let best = -1;
    for (const [i, list] of lists.entries()) {
      const quotient = (totals[i] ?? 0) / ((taken[i] ?? 0) + 1);
      if ((taken[i] ?? 0) < list.length && (best < 0 || quotient > (totals[best] ?? 0) / ((taken[best] ?? 0) + 1))) best = i;
    }
    if (best < 0) return [...out];
    out.add(must(lists[best]?.[taken[best] ?? 0], 'result'));
    taken[best] = (taken[best] ?? 0) + 1;
  }
}

/**
 * Where the analysed `term` sits in a typed word: the positions of its characters, which
 * may have characters the analyser passes over between them (라아팅(routing) holds 라아팅routing).
 */
function locateTerm(word: string, term: string): number[] | undefined {
  const lower = normalizeChars(word);
  const kept: number[] = [];
  for (let i = 0; i < lower.length; i++) if (/[\p{L}\p{N}&]/u.test(lower.charAt(i))) kept.push(i);
  const at = kept
    .map((i) => lower.charAt(i))
    .join('')
    .indexOf(term);
  return at < 0 ? undefined : kept.slice(at, at + term.length);
}

/**
 * The typed word with `term` (at `positions`) replaced by `corrected`: only the characters
 * that differ change, so the characters between (brackets) and the letter case stay as typed.
 */
function replaceTerm(word: string, positions: readonly number[], term: string, corrected: string): string {
  let start = 0;
  while (start < term.length && start < corrected.length && term[start] === corrected[start]) start++;
  let end = 0;
  while (end < term.length - start && end < corrected.length - start && term[term.length - 1 - end] === corrected[corrected.length - 1 - end]) end++;
  const from =
    start < term.length - end ? must(positions[start], 'position') : start > 0 ? must(positions[start - 1], 'position') + 1 : must(positions[0], 'position');
  const to = start < term.length - end ? must(positions[term.length - 1 - end], 'position') + 1 : from;
  const typed = word.slice(from, to);
  const middle = corrected.slice(start, corrected.length - end);
  return (
    word.slice(0, from) + (typed.length > 0 && typed === typed.toUpperCase() && typed !== typed.toLowerCase() ? middle.toUpperCase() : middle) + word.slice(to)
  );
}

/**
 * Pages of a candidate word's rarest token, planned as a query of its own; undefined
 * when a token is not on the site, or when the analyser would not search the word
 * whole (a slip that made a particle, 출연이 → 출연 + 이, is no correction). Beside
 * other words of the site a candidate may lose an ending, leaving a stem of two units
 * or more (실험억 → 실험적, searched as 실험): those words must then be on its pages.
 */
async function pagesOfWord(text: string, context: CorrectionContext, besideKnownWords: boolean): Promise<number | undefined> {
  const plan: QueryPlan = planQuery(text, context.analyzer);
  if (plan.status !== 'ok' || plan.analyzed.ignored.length > 0) return undefined;
  const searched = plan.analyzed.terms.map((t) => t.text).join('');
  const whole = searched === normalizeChars(text);
  const stem = besideKnownWords && plan.analyzed.terms.length === 1 && normalizeChars(text).startsWith(searched) && toUnits(searched).length >= 2;
  if (!whole && !stem) return undefined;
  const counts = await context.pageCounts(plan.tokens.map(encodeToken));
  if (counts.some((c) => c === undefined)) return undefined;
  return Math.min(...(counts as number[]));
}
