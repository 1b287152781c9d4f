/**
 * The claim check of one content file outside Astro (lint:content,
 * check:provenance): the file parsed the way the build parses it (MDX with GFM and
 * directives, frontmatter blanked so lines stay the file's), then the check the
 * build's remark plugin runs (src/lib/claims.ts).
 */
import { parseFrontmatter } from '@astrojs/markdown-remark';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import type { Nodes } from 'mdast';
import { unified } from 'unified';
import { checkPageClaims, type PageProvenance } from './claims';
import type { StoredSource } from './source-text';

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkDirective);

/**
 * The page's check, and its prose: the text a reader reads in the body, without the
 * quoted source words (what the key-phrase check must find in the site's own words).
 */
export function checkContentFile(
  file: string,
  text: string,
  data: Record<string, unknown>,
  stored: readonly StoredSource[],
): PageProvenance & { prose: string } {
  const { content } = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' });
  // The plugins only extend the syntax; parsing alone gives the tree the build's plugins see.
  const tree = parser.parse(content);
  const result = checkPageClaims(file, tree, content, data, stored);
  return { ...result, prose: proseOf(tree) };
}

function proseOf(node: Nodes): string {
  if (node.type === 'textDirective') return '';
  if ('value' in node && (node.type === 'text' || node.type === 'inlineCode')) return node.value;
  // Inline pieces join as written; blocks (paragraphs, items, cells) stay apart.
  if ('children' in node)
    return node.children
      .map(proseOf)
      .join(
        node.children.every(
          (c) =>
            c.type === 'text' ||
            c.type === 'inlineCode' ||
            c.type === 'emphasis' ||
            c.type === 'strong' ||
            c.type === 'link' ||
            c.type === 'delete' ||
            c.type === 'textDirective' ||
            c.type === 'break',
        )
          ? ''
          : '\n',
      );
  return '';
}
