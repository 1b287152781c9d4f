/**
 * Finds what a query matched in a page's ORIGINAL text, and cuts excerpts around
 * it. The index only holds analysis tokens, so the places to mark are found
 * again here, from the same query terms, on the text as written: spacing,
 * middle dots and hyphens between the units of a term are allowed, as the
 * index allowed them.
 */
import { getChoseong } from 'es-hangul';
import type { DocSection } from '../options';
import { normalizeChars, toUnits, type QueryTerm } from './analyzer';

export type Range = readonly [start: number, end: number];

/** A piece of excerpt text; `mark` pieces are shown highlighted. */
export interface TextSegment {
  text: string;
  mark: boolean;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What may stand between two units of a term in the text: a few non-letters. */
const UNIT_GAP = '[^\\p{L}\\p{N}]{0,3}';

/** A regular expression for one spelling, matching across spacing variants. */
function spellingPattern(spelling: string): string | null {
  const units = toUnits(normalizeChars(spelling));
  if (units.length === 0) return null;
  const body = units.map((u) => escapeRegExp(u.text).replace(/\\\./g, '\\.')).join(UNIT_GAP);
  // A Latin term must not start or end inside a longer Latin word (AI ≠ mAIn).
  const first = units[0];
  const last = units.at(-1);
  if (!first || !last) return null;
  // A one-syllable word is found where it stands as a word (standaloneSyllables): not 법 inside 방법.
  const syllableWord = units.length === 1 && first.kind === 'hangul';
  const before = first.kind === 'latin' ? '(?<![a-z])' : first.kind === 'digit' ? '(?<![0-9])' : syllableWord ? '(?<![가-힣])' : '';
  const after = last.kind === 'latin' ? '(?![a-z])' : last.kind === 'digit' ? '(?![0-9])' : '';
  return before + body + after;
}

/** The spellings a term is highlighted by. */
function termSpellings(term: QueryTerm): string[] {
  if (term.kind === 'synonym') return [...new Set([term.text, ...term.variants])];
  return [term.text];
}

/** Finds a query's terms in text; compiled once per query, used on many texts. */
export interface TermMatcher {
  /** Ranges of `text` that match any term, sorted and merged. */
  ranges(text: string): Range[];
  /** How many distinct terms occur in `text`. */
  matchedTermCount(text: string): number;
}

/**
 * Compiles the terms into one expression per term (regular expressions with
 * Unicode classes are costly to build, so never per text). `text` given to the
 * matcher is original text; matching runs on its 1:1 normalized copy.
 */
export function compileMatcher(terms: readonly QueryTerm[]): TermMatcher {
  const perTerm = terms
    .filter((t) => t.kind !== 'choseong')
    .map((t) =>
      termSpellings(t)
        .map(spellingPattern)
        .filter((p): p is string => p !== null)
        // Longest first so the alternation prefers the full spelling.
        .sort((a, b) => b.length - a.length),
    )
    .filter((patterns) => patterns.length > 0)
    .map((patterns) => new RegExp(patterns.join('|'), 'gu'));
  const choseong = terms.filter((t) => t.kind === 'choseong').map((t) => t.text);

  const choseongRanges = (normalized: string, wanted: string): [number, number][] => {
    const out: [number, number][] = [];
    for (const m of normalized.matchAll(/[가-힣]+/g)) {
      const at = getChoseong(m[0]).indexOf(wanted);
      if (at >= 0) out.push([m.index + at, m.index + at + wanted.length]);
    }
    return out;
  };

  return {
    ranges(text) {
      const normalized = normalizeChars(text);
      const ranges: [number, number][] = [];
      for (const re of perTerm) for (const m of normalized.matchAll(re)) if (m[0].length > 0) ranges.push([m.index, m.index + m[0].length]);
      for (const wanted of choseong) ranges.push(...choseongRanges(normalized, wanted));
      return mergeRanges(ranges);
    },
    matchedTermCount(text) {
      const normalized = normalizeChars(text);
      let count = 0;
      for (const re of perTerm) {
        re.lastIndex = 0;
        if (re.test(normalized)) count++;
        re.lastIndex = 0;
      }
      for (const wanted of choseong) if (choseongRanges(normalized, wanted).length > 0) count++;
      return count;
    },
  };
}

/** Ranges of `text` matching any of the terms (compiles the terms; see compileMatcher). */
export function findMatchRanges(text: string, terms: readonly QueryTerm[]): Range[] {
  return compileMatcher(terms).ranges(text);
}

export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Splits text into plain and marked segments along the ranges. */
export function segmentText(text: string, ranges: readonly Range[]): TextSegment[] {
  const segments: TextSegment[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) segments.push({ text: text.slice(at, start), mark: false });
    segments.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), mark: false });
  return segments;
}

/**
 * An excerpt of about `length` characters around the densest cluster of
 * matches, cut at spaces where possible, with ellipses where text was cut.
 */
export function makeExcerpt(text: string, ranges: readonly Range[], length = 140): TextSegment[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  // Re-find ranges on the flattened text only if white space changed.
  if (flat !== text) throw new Error('makeExcerpt expects text with single spaces; call flattenText first');
  if (flat.length <= length) return segmentText(flat, ranges);
  let bestStart = 0;
  let bestCount = -1;
  for (const [start] of ranges) {
    const windowStart = Math.max(0, start - Math.floor(length / 4));
    const count = ranges.filter(([s, e]) => s >= windowStart && e <= windowStart + length).length;
    if (count > bestCount) {
      bestCount = count;
      bestStart = windowStart;
    }
  }
  let start = Math.min(bestStart, flat.length - length);
  let end = start + length;
  // Move the cut points to word boundaries, without cutting through a match.
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    const firstMatch = ranges.find(([, e]) => e > start);
    if (space >= 0 && space - start < 20 && (!firstMatch || space < firstMatch[0])) start = space + 1;
  }
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > start + length / 2) end = space;
  }
  const inside = ranges.filter(([s, e]) => e > start && s < end).map(([s, e]) => [Math.max(s, start) - start, Math.min(e, end) - start] as const);
  const segments = segmentText(flat.slice(start, end), inside);
  if (start > 0) segments.unshift({ text: '… ', mark: false });
  if (end < flat.length) segments.push({ text: ' …', mark: false });
  return segments;
}

/** Collapses white space, the form in which excerpts are cut. */
export function flattenText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A section of a page: the text under one heading (or before the first). */
export type { DocSection };

export interface SubResult {
  anchor: string;
  heading: string;
  excerpt: TextSegment[];
}

export interface ResultPresentation {
  /** The page title with matches marked. */
  title: TextSegment[];
  excerpt: TextSegment[];
  subResults: SubResult[];
}

/**
 * How a result is shown: the title, an excerpt, and up to `maxSubResults` headed
 * sections that match. The excerpt comes from the section that matches the most
 * query terms (prose before a facts box when they tie) and is cut from one
 * paragraph of it, the one with the most matches, so list items and labels never
 * run together into one line. With no match in the text, it is the page's first
 * prose paragraph.
 */
export function presentResult(
  doc: { title: string; sections: readonly DocSection[] },
  query: readonly QueryTerm[] | TermMatcher,
  options: { excerptLength?: number; maxSubResults?: number } = {},
): ResultPresentation {
  const { excerptLength = 140, maxSubResults = 3 } = options;
  const matcher = 'ranges' in query ? query : compileMatcher(query);
  const scored = doc.sections.map((section) => {
    const paragraphs = section.text
      .split('\n')
      .map(flattenText)
      .filter(Boolean)
      .map((text) => ({ text, ranges: matcher.ranges(text), matchedTerms: matcher.matchedTermCount(text) }));
    const ranges = paragraphs.reduce((n, p) => n + p.ranges.length, 0);
    const best = [...paragraphs].sort((a, b) => b.matchedTerms - a.matchedTerms || b.ranges.length - a.ranges.length)[0];
    return {
      section,
      best,
      ranges,
      headingMatched: matcher.ranges(section.heading).length > 0,
      matchedTerms: matcher.matchedTermCount(`${section.heading} ${section.text}`),
    };
  });
  const withText = scored.filter((s) => s.best);
  const best = [...withText].sort(
    (a, b) => b.matchedTerms - a.matchedTerms || Number(a.section.facts ?? false) - Number(b.section.facts ?? false) || b.ranges - a.ranges,
  )[0];
  const lead = best && best.ranges > 0 ? best : (withText.find((s) => !s.section.facts) ?? best);
  const excerpt = lead?.best ? makeExcerpt(lead.best.text, lead.best.ranges, excerptLength) : [];
  const subResults = scored
    .flatMap((s) => (s.section.anchor && s.best && (s.ranges > 0 || s.headingMatched) ? [{ ...s, best: s.best }] : []))
    .sort((a, b) => b.matchedTerms - a.matchedTerms)
    .slice(0, maxSubResults)
    .sort((a, b) => doc.sections.indexOf(a.section) - doc.sections.indexOf(b.section))
    .map((s) => ({ anchor: s.section.anchor, heading: s.section.heading, excerpt: makeExcerpt(s.best.text, s.best.ranges, Math.round(excerptLength * 0.7)) }));
  return { title: segmentText(doc.title, matcher.ranges(doc.title)), excerpt, subResults };
}
