import type { Element } from 'hast';
import type { Nodes, Parent, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { checkPageClaims, type CitedSentence } from '../lib/claims';
import { generalMarkElement, sourceQuoteElement } from '../lib/source-quote-markup';
import type { StoredSource } from '../lib/source-text';

/** Where the sentences of the frontmatter's facts are handed to the page (`remarkPluginFrontmatter[QUOTED_FACTS_KEY]`). */
export const QUOTED_FACTS_KEY = 'quotedFacts';

/** What the markup needs of a cited sentence; the whole stored source would be copied into every page module. */
const slim = ({ source, sentence }: CitedSentence): CitedSentence => ({ source: { ...source, sentences: [] }, sentence });

/** The facts' sentences as render() hands them back (`remarkPluginFrontmatter`); a page without any gets an empty map. */
export function quotedFactsOf(remarkPluginFrontmatter: Record<string, unknown>): Record<string, CitedSentence> {
  const facts = remarkPluginFrontmatter[QUOTED_FACTS_KEY];
  return typeof facts === 'object' && facts !== null ? (facts as Record<string, CitedSentence>) : {};
}

interface AstroData {
  astro?: { frontmatter?: Record<string, unknown> };
}

/**
 * Checks and shows the sources of a page's claims (src/lib/claims.ts). A page whose
 * `sources` name a stored text fails the build, with file and line, on a quote the
 * text does not hold or a statement that cites nothing; each cited statement gets a
 * closed "원문" disclosure after it, each general explanation a mark.
 */
export default function remarkSourceQuotes(options: { storedSources: StoredSource[] }) {
  return (tree: Root, file: VFile) => {
    const astro = ((file.data as AstroData).astro ??= {});
    const frontmatter = (astro.frontmatter ??= {});
    const { statements, facts, problems } = checkPageClaims(file.path, tree, String(file.value), frontmatter, options.storedSources);
    if (problems.length > 0) throw new Error(`[provenance] ${problems.join('\n')}`);
    // The facts box renders from frontmatter; it gets the sentences through render()'s remarkPluginFrontmatter.
    frontmatter[QUOTED_FACTS_KEY] = Object.fromEntries([...facts].map(([field, cited]) => [field, slim(cited)]));

    // From the last statement, so the positions of the ones before stay valid.
    for (const statement of [...statements].reverse()) {
      for (const { node, parent } of statement.directives) parent.children.splice(parent.children.indexOf(node), 1);
      trimTrailingSpace(statement.node);
      if (statement.general) lastPhrasingParent(statement.node).children.push(fromHast(generalMarkElement()));
      if (statement.cited.length === 0) continue;
      const disclosure = fromHast(sourceQuoteElement(statement.cited));
      if (statement.node.type === 'paragraph') {
        statement.parent.children.splice(statement.parent.children.indexOf(statement.node) + 1, 0, disclosure as never);
      } else if (statement.node.type === 'listItem') {
        statement.node.children.push(disclosure as never);
      } else {
        statement.node.children.at(-1)?.children.push(disclosure as never);
      }
    }
  };
}

/**
 * An mdast node that mdast-util-to-hast turns into exactly `element` (its
 * hName/hProperties/hChildren hook), so the markup is built once, as hast, for MDX
 * and for the Astro components alike.
 */
function fromHast(element: Element): RootContent {
  return { type: 'sourceQuote', data: { hName: element.tagName, hProperties: element.properties, hChildren: element.children } } as unknown as RootContent;
}

/** The last paragraph (or table cell) of a statement: where an inline mark goes. */
function lastPhrasingParent(node: Nodes): Parent {
  if (node.type === 'paragraph' || node.type === 'tableCell') return node;
  if ('children' in node) {
    for (const child of [...node.children].reverse()) {
      if (child.type === 'paragraph' || child.type === 'tableCell' || child.type === 'tableRow' || child.type === 'listItem') return lastPhrasingParent(child);
    }
  }
  return node as Parent;
}

/** The space a writer left before a directive at the end of a line. */
function trimTrailingSpace(node: Nodes) {
  const parent = lastPhrasingParent(node);
  const last = parent.children.at(-1);
  if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '');
}
