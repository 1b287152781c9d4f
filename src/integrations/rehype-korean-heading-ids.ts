import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { createSlugger } from '../lib/heading-ids';

/**
 * Gives every h2–h6 a romanized ASCII id before Astro collects headings, so the
 * table of contents, the anchors and the search index all share the same ids.
 */
export default function rehypeKoreanHeadingIds() {
  return (tree: Root) => {
    const slug = createSlugger();
    visit(tree, 'element', (node: Element) => {
      if (!/^h[2-6]$/.test(node.tagName)) return;
      if (typeof node.properties.id === 'string' && node.properties.id) return;
      node.properties.id = slug(toString(node));
    });
  };
}
