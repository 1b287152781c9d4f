/**
 * The markup that shows a claim's source wording, built once here for the Markdown
 * body (src/integrations/remark-source-quotes.ts) and the facts box
 * (src/components/SourceQuote.astro): a native <details>, so it opens with no
 * script, by keyboard, and is announced as a disclosure by screen readers.
 */
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { CitedSentence } from './claims';
import { sentenceLink } from './source-text';

export const SOURCE_QUOTE_CLASS = 'source-quote';
export const GENERAL_MARK_CLASS = 'general-mark';
/** The disclosure's label; the credit at the foot of each page names it. */
export const SOURCE_QUOTE_LABEL = '원문 보기';
/** The mark's text. */
export const GENERAL_MARK_LABEL = '일반 설명';

/** A closed disclosure holding each cited sentence and a link to it in the article. */
export function sourceQuoteElement(cited: readonly CitedSentence[]): Element {
  return h('details', { className: [SOURCE_QUOTE_CLASS], dataSearchIgnore: '' }, [
    h('summary', SOURCE_QUOTE_LABEL),
    ...cited.flatMap(({ source, sentence }) => [
      h('blockquote', { cite: source.url }, [h('p', sentence.text)]),
      h('p', { className: [`${SOURCE_QUOTE_CLASS}-link`] }, [
        h('a', { href: sentenceLink(source.url, sentence), rel: ['external'] }, `${source.publisher} 기사의 「${sentence.section}」 부분에서 이 문장 보기`),
      ]),
    ]),
  ]);
}

/** The mark on a general explanation: what it says is not from the source. */
export function generalMarkElement(): Element {
  return h('span', { className: [GENERAL_MARK_CLASS], dataSearchIgnore: '' }, GENERAL_MARK_LABEL);
}
