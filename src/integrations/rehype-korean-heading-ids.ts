import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { createSlugger } from '../lib/heading-ids';

/**
 * Gives every h2–h6 a romanized ASCII id before Astro collects headings, so the
 * table of contents, the anchors and the search index all share the same ids,
 * and a # permalink inside the heading.
 */
export default function rehypeKoreanHeadingIds() {
  return (tree: Root) => {
    const slug = createSlugger();
    visit(tree, 'element', (node: Element) => {
      if (!/^h[2-6]$/.test(node.tagName)) return;
      const text = toString(node).trim();
      if (!(typeof node.properties.id === 'string' && node.properties.id)) node.properties.id = slug(text);
      // A permalink with no text of its own, so collected heading text (TOC, search) stays clean.
      node.children.push({
        type: 'element',
        tagName: 'a',
        properties: { href: `#${node.properties.id}`, className: ['heading-anchor'], ariaLabel: `‘${text}’ 항목으로 바로가기` },
        children: [],
      });
    });
  };
}
