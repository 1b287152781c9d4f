import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { withBase } from '../lib/urls';

/**
 * Writers link between pages with route paths (`[제목](/ai-g3/ai-basic-act/)`), the
 * same whatever the site is hosted under. This puts the site's base path in front
 * of every root-relative link and image source in content, so the links hold when
 * the site lives at a sub-path (`base` in astro.config). Protocol-relative `//host`
 * URLs are left alone.
 */
export default function rehypeBaseLinks(options: { base: string }) {
  const { base } = options;
  return (tree: Root) => {
    if (base === '/') return;
    visit(tree, 'element', (node: Element) => {
      for (const name of ['href', 'src'] as const) {
        const value = node.properties[name];
        if (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//')) node.properties[name] = withBase(value, base);
      }
    });
  };
}
