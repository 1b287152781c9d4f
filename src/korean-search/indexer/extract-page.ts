/**
 * Reads what search needs from a built page: the `<article data-search-page>`
 * and its attributes, the h1 title, and the plain text split into sections at
 * h2/h3 headings with ids. Elements marked `data-search-ignore` are skipped; a
 * heading marked `data-search-facts` starts a facts box (DocSection.facts).
 */
import type { Element, ElementContent, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import type { DocSection, SearchPage } from '../options';
import { must } from '../core/must';

export type { SearchPage };

/** Elements whose text forms its own paragraph in the extracted text (a table row is one, its cells are not). */
const BLOCK_ELEMENTS = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'blockquote',
  'figcaption',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'div',
  'section',
  'ul',
  'ol',
  'dl',
  'table',
  'thead',
  'tbody',
  'caption',
  'figure',
  'header',
  'footer',
  'aside',
  'details',
  'summary',
]);
const SKIPPED_ELEMENTS = new Set(['script', 'style', 'template', 'noscript', 'svg', 'button']);

const attr = (el: Element, name: string): string => {
  const value = el.properties[name];
  return Array.isArray(value) ? value.join(' ') : value === undefined || value === null ? '' : String(value);
};

function textOf(node: ElementContent | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' || SKIPPED_ELEMENTS.has(node.tagName) || node.properties.dataSearchIgnore !== undefined) return '';
  return node.children.map(textOf).join('');
}

/** Extracts the search page of an HTML document, or null when it is not to be indexed. */
export function extractSearchPage(html: string, url: string): SearchPage | null {
  const article = select('article[data-search-page]', fromHtml(html));
  if (!article) return null;
  const kind = attr(article, 'dataSearchKind') || 'page';
  let title = '';
  const sections: DocSection[] = [{ anchor: '', heading: '', text: '' }];
  let paragraph = '';
  const current = () => must(sections.at(-1), 'section');
  const endParagraph = () => {
    const text = paragraph.replace(/\s+/g, ' ').trim();
    if (text) current().text += (current().text ? '\n' : '') + text;
    paragraph = '';
  };
  const walk = (node: ElementContent) => {
    if (node.type === 'text') {
      paragraph += node.value;
      return;
    }
    if (node.type !== 'element' || SKIPPED_ELEMENTS.has(node.tagName) || node.properties.dataSearchIgnore !== undefined) return;
    if (node.tagName === 'h1' && !title) {
      endParagraph();
      title = textOf(node).replace(/\s+/g, ' ').trim();
      return;
    }
    if ((node.tagName === 'h2' || node.tagName === 'h3') && attr(node, 'id')) {
      endParagraph();
      const facts = node.properties.dataSearchFacts !== undefined;
      sections.push({ anchor: attr(node, 'id'), heading: textOf(node).replace(/\s+/g, ' ').trim(), text: '', ...(facts ? { facts } : {}) });
      return;
    }
    const block = BLOCK_ELEMENTS.has(node.tagName);
    if (block) endParagraph();
    if (node.tagName === 'br') paragraph += ' ';
    for (const child of node.children) walk(child);
    if (block) endParagraph();
    else if (node.tagName === 'td' || node.tagName === 'th') paragraph += ' ';
  };
  for (const child of article.children) walk(child);
  endParagraph();
  const tags = attr(article, 'dataSearchTags')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  return {
    url,
    kind,
    section: attr(article, 'dataSearchSection'),
    sectionTitle: attr(article, 'dataSearchSectionTitle'),
    tags,
    title: title.normalize('NFC'),
    sections: sections.map((s) => ({ ...s, heading: s.heading.normalize('NFC'), text: s.text.normalize('NFC') })).filter((s) => s.text || s.heading),
  };
}

/** The URL a built file is served at: dist/a/b/index.html → /a/b/. */
export function urlOfBuiltFile(relativePath: string): string {
  const path = relativePath.replace(/\\/g, '/').replace(/(^|\/)index\.html$/, '$1');
  return `/${path}`.replace(/\/+/g, '/');
}
