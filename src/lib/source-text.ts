/**
 * A source text stored in the repo (data/source/), split into numbered sentences,
 * so a page can quote a sentence, the build can check the quote, and a reader can
 * open the sentence in the article (a text-fragment link).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { must } from './must';
import { STORED_SOURCE_FILES, type StoredSourceFile } from '../data/stored-sources';

export interface SourceSentence {
  /** 1-based position among the source's sentences: what check:provenance lists. */
  n: number;
  /** The sentence exactly as the source writes it. */
  text: string;
  /** Line of the stored file it is on. */
  line: number;
  /** The source's own heading the sentence stands under (a heading stands under itself). */
  section: string;
  /** A heading line of the source rather than a sentence of its prose. */
  heading: boolean;
}

export interface StoredSource {
  url: string;
  title: string;
  publisher: string;
  /** The stored file, relative to the project root. */
  file: string;
  sentences: SourceSentence[];
}

/**
 * What two wordings share once spacing, punctuation and symbols are set aside:
 * a quote matches whatever its writer did with 「」, commas or a space.
 */
export function normalizeForQuote(text: string): string {
  return text.normalize('NFC').replace(/[\s\p{P}\p{S}]/gu, '');
}

const sentenceSegmenter = new Intl.Segmenter('ko', { granularity: 'sentence' });

/**
 * The body of a stored text as sentences. The body runs from the line after
 * `bodyAfter` to the line before `bodyUntil` (the page chrome around an article is
 * not part of it). A line without a sentence end is one sentence (a heading, a list
 * item, a keyword line); a line followed by a blank line and then a longer prose
 * line is a heading.
 */
export function splitSourceSentences(text: string, bounds: Pick<StoredSourceFile, 'bodyAfter' | 'bodyUntil'>): SourceSentence[] {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim() === bounds.bodyAfter);
  if (start < 0) throw new Error(`원문 본문의 시작 줄 "${bounds.bodyAfter}"을 찾을 수 없습니다`);
  const endOffset = lines.slice(start + 1).findIndex((l) => l.trim() === bounds.bodyUntil);
  if (endOffset < 0) throw new Error(`원문 본문의 끝 줄 "${bounds.bodyUntil}"을 찾을 수 없습니다`);
  const body = lines.slice(start + 1, start + 1 + endOffset);

  const sentences: SourceSentence[] = [];
  let section = '';
  body.forEach((raw, i) => {
    const line = raw.trim().replace(/^•\s*/, '');
    if (!line) return;
    const lineNo = start + 2 + i;
    const isHeading = !/[.!?]$/.test(line) && body[i + 1]?.trim() === '' && !raw.trim().startsWith('•') && !isKeywordLine(body, i);
    if (isHeading) section = line;
    for (const { segment } of sentenceSegmenter.segment(line)) {
      const sentence = segment.trim();
      if (sentence) sentences.push({ n: sentences.length + 1, text: sentence, line: lineNo, section, heading: isHeading });
    }
  });
  return sentences;
}

/** A line right under a heading that is not prose either (a row of keywords): part of that section. */
function isKeywordLine(body: string[], i: number): boolean {
  let prev = i - 1;
  while (prev >= 0 && body[prev]?.trim() === '') prev--;
  const previous = prev >= 0 ? body[prev]?.trim() : undefined;
  return previous !== undefined && !/[.!?]$/.test(previous) && !previous.startsWith('•');
}

/** Every stored source, read from the project root. A missing file stops the caller: checks cannot run without it. */
export function loadStoredSources(root: string): StoredSource[] {
  return STORED_SOURCE_FILES.map((entry) => {
    const path = join(root, entry.file);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new Error(`${entry.file}: 저장된 원문을 읽을 수 없습니다 (data/README.md 참고)`, { cause: error });
    }
    return { url: entry.url, title: entry.title, publisher: entry.publisher, file: entry.file, sentences: splitSourceSentences(text, entry) };
  });
}

export type QuoteMatch = { status: 'found'; sentence: SourceSentence } | { status: 'missing' } | { status: 'ambiguous'; sentences: SourceSentence[] };

/** The one sentence of `source` that holds `quote`, spacing and punctuation aside. */
export function findQuotedSentence(source: StoredSource, quote: string): QuoteMatch {
  const wanted = normalizeForQuote(quote);
  if (!wanted) return { status: 'missing' };
  const hits = source.sentences.filter((s) => normalizeForQuote(s.text).includes(wanted));
  if (hits.length === 0) return { status: 'missing' };
  if (hits.length > 1) return { status: 'ambiguous', sentences: hits };
  return { status: 'found', sentence: must(hits[0], 'quoted sentence') };
}

/** Words a text fragment starts and ends with when the sentence is too long to quote whole. */
const FRAGMENT_EDGE_WORDS = 4;

/**
 * A link to the sentence in the published article: a text fragment
 * (`#:~:text=start,end`, https://wicg.github.io/scroll-to-text-fragment/), which
 * supporting browsers scroll to and highlight; others open the article at the top.
 */
export function sentenceLink(url: string, sentence: Pick<SourceSentence, 'text'>): string {
  const words = sentence.text.split(/\s+/).filter(Boolean);
  // '-', ',' and '&' have meanings in a fragment directive, so they are escaped too.
  const encode = (part: string) => encodeURIComponent(part).replace(/-/g, '%2D');
  const directive =
    words.length <= FRAGMENT_EDGE_WORDS * 2
      ? encode(words.join(' '))
      : `${encode(words.slice(0, FRAGMENT_EDGE_WORDS).join(' '))},${encode(words.slice(-FRAGMENT_EDGE_WORDS).join(' '))}`;
  return `${url.split('#')[0] ?? url}#:~:text=${directive}`;
}
