/**
 * Marks the searched words on the page a result led to. Loaded by
 * open-search.ts only when the URL carries ?highlight=.
 */
import type { QueryTerm } from '../core/analyzer';
import { findMatchRanges } from '../core/highlight';

/** At most this many spellings are honoured; a URL is not a place for more. */
const MAX_SPELLINGS = 20;

export function termsFromParams(params: URLSearchParams): QueryTerm[] {
  return params
    .getAll('highlight')
    .map((s) => s.trim().slice(0, 50))
    .filter((s) => s.length > 0)
    .slice(0, MAX_SPELLINGS)
    .map((text) => ({ text, kind: /^[ㄱ-ㅎ]+$/.test(text) ? ('choseong' as const) : ('word' as const), tokens: [], variants: [] }));
}

function markTextNodes(root: Element, terms: readonly QueryTerm[]): HTMLElement[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('script, style, noscript, mark, [data-search-ignore], nav, button') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  const marks: HTMLElement[] = [];
  for (const node of nodes) {
    const text = node.data.normalize('NFC');
    const ranges = findMatchRanges(text, terms);
    if (ranges.length === 0) continue;
    const fragment = document.createDocumentFragment();
    let at = 0;
    for (const [start, end] of ranges) {
      if (start > at) fragment.append(text.slice(at, start));
      const mark = document.createElement('mark');
      mark.dataset.searchHighlight = '';
      mark.textContent = text.slice(start, end);
      fragment.append(mark);
      marks.push(mark);
      at = end;
    }
    if (at < text.length) fragment.append(text.slice(at));
    node.replaceWith(fragment);
  }
  return marks;
}

const terms = termsFromParams(new URLSearchParams(location.search));
const root = document.querySelector('article') ?? document.querySelector('main');
if (root && terms.length > 0) {
  const marks = markTextNodes(root, terms);
  if (!location.hash) marks[0]?.scrollIntoView({ block: 'center' });
}
