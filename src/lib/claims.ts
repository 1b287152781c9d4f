/**
 * Claims and their sources in a page's Markdown. A statement (a paragraph, a list
 * item, a table row) of a page that cites a stored source text carries either
 * `:src[words quoted from one sentence]` (one or more) or `:general` (a general
 * explanation of a term, not a report of the plan). This module finds them and
 * checks them; the build (src/integrations/remark-source-quotes.ts), lint:content
 * and check:provenance all call it, so they apply one rule.
 */
import type { ListItem, Nodes, Paragraph, Parent, Root, RootContent, TableRow } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { findQuotedSentence, type SourceSentence, type StoredSource } from './source-text';

/** The directive that quotes the source. */
export const QUOTE_DIRECTIVE = 'src';
/** The directive that marks a general explanation. */
export const GENERAL_DIRECTIVE = 'general';
/**
 * A heading whose list says what the source leaves open: its items are about the
 * source, not claims drawn from it, so they cite nothing.
 */
export const GAPS_HEADING = '원문에서 확인되지 않은 점';

export interface CitedSentence {
  source: StoredSource;
  sentence: SourceSentence;
}

export interface Statement {
  node: Paragraph | ListItem | TableRow;
  /** The block the statement sits in (for a paragraph: where a disclosure goes after it). */
  parent: Parent;
  line: number;
  /** The statement's text without its directives, for messages. */
  text: string;
  cited: CitedSentence[];
  general: boolean;
  directives: { node: TextDirective; parent: Parent }[];
}

export interface ClaimProblem {
  line: number;
  message: string;
}

export interface PageClaims {
  statements: Statement[];
  problems: ClaimProblem[];
}

const isDirective = (node: Nodes): node is TextDirective => node.type === 'textDirective';
const lineOf = (node: Nodes) => node.position?.start.line ?? 0;

/** Directives inside `node` (not inside a nested list: its items are statements of their own), with their parents. */
function directivesIn(node: Nodes): { node: TextDirective; parent: Parent }[] {
  const found: { node: TextDirective; parent: Parent }[] = [];
  const walk = (parent: Nodes) => {
    if (!('children' in parent)) return;
    for (const child of parent.children) {
      if (isDirective(child)) found.push({ node: child, parent });
      else if (child.type !== 'list') walk(child);
    }
  };
  walk(node);
  return found;
}

/** Text outside links, directives and inline code: a block that has none is navigation, not a claim. */
function ownText(node: Nodes): string {
  if (node.type === 'link' || node.type === 'list' || isDirective(node)) return '';
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((c) => ownText(c)).join('');
  return '';
}

/**
 * Directive syntax other than ours, put back as the text it was written as: with
 * remark-directive on, `v-on:click` or `foo:bar[x]` in prose would otherwise vanish
 * into an unknown element. `source` is the text the tree was parsed from. A
 * container (`:::name`) cannot be restored as text and is reported.
 */
export function restoreOtherDirectives(tree: Root, source: string): ClaimProblem[] {
  const problems: ClaimProblem[] = [];
  const ours = new Set([QUOTE_DIRECTIVE, GENERAL_DIRECTIVE]);
  const original = (node: Nodes) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    return start === undefined || end === undefined ? '' : source.slice(start, end);
  };
  const walk = (parent: Parent) => {
    parent.children.forEach((child, i) => {
      if (child.type === 'textDirective' && !ours.has(child.name)) {
        parent.children[i] = { type: 'text', value: original(child) };
      } else if (child.type === 'leafDirective') {
        parent.children[i] = { type: 'paragraph', children: [{ type: 'text', value: original(child) }] };
      } else if (child.type === 'containerDirective') {
        problems.push({
          line: lineOf(child),
          message: `알 수 없는 지시문 :::${child.name}입니다 (이 사이트는 :${QUOTE_DIRECTIVE}[…]와 :${GENERAL_DIRECTIVE}만 씁니다)`,
        });
      } else if ('children' in child) {
        walk(child);
      }
    });
  };
  walk(tree);
  return problems;
}

/**
 * The one sentence, of all the page's stored sources, that holds `quote` (spacing and
 * punctuation aside), or why there is none: the rule for a statement's `:src[…]` and
 * a fact's `quote` alike.
 */
function citeQuote(sources: readonly StoredSource[], quote: string): CitedSentence | { problem: string } {
  const matches = sources.map((source) => ({ source, match: findQuotedSentence(source, quote) }));
  const found = matches.flatMap(({ source, match }) => (match.status === 'found' ? [{ source, sentence: match.sentence }] : []));
  const ambiguous = matches.flatMap(({ match }) => (match.status === 'ambiguous' ? match.sentences : []));
  const [only] = found;
  if (only && found.length === 1 && ambiguous.length === 0) return only;
  if (found.length + ambiguous.length > 1)
    return {
      problem: `인용 "${clip(quote)}"이 원문의 여러 문장(${[...found.map((f) => f.sentence), ...ambiguous].map((s) => s.n).join(', ')})에 있습니다; 한 문장만 가리키도록 더 길게 인용하세요`,
    };
  return { problem: `인용 "${clip(quote)}"이 원문에 없습니다 (띄어쓰기·문장부호는 무시하고 비교합니다)` };
}

const clip = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/**
 * The statements of a page and what is wrong with their citations. `sources` are the
 * stored texts the page cites in its frontmatter; with none, the page makes no
 * sourced claims and any `:src` is an error.
 */
export function findClaims(tree: Root, sources: StoredSource[]): PageClaims {
  const statements: Statement[] = [];
  const problems: ClaimProblem[] = [];
  const requireCitations = sources.length > 0;

  const resolve = (statement: Statement) => {
    for (const { node } of statement.directives) {
      if (node.name === GENERAL_DIRECTIVE) {
        statement.general = true;
        continue;
      }
      const quote = toString(node);
      if (!requireCitations) {
        problems.push({
          line: lineOf(node),
          message: `:${QUOTE_DIRECTIVE}[…] 인용이 있지만 이 페이지의 출처(sources)에는 저장된 원문(data/source/)이 없습니다`,
        });
        continue;
      }
      const cited = citeQuote(sources, quote);
      if ('problem' in cited) problems.push({ line: lineOf(node), message: cited.problem });
      else statement.cited.push(cited);
    }
    if (statement.general && statement.cited.length > 0)
      problems.push({
        line: statement.line,
        message: `한 문장에 :${GENERAL_DIRECTIVE}와 :${QUOTE_DIRECTIVE}[…]를 함께 쓸 수 없습니다: 일반 설명과 원문 인용을 나누어 쓰세요`,
      });
    if (requireCitations && !statement.general && statement.cited.length === 0 && statement.directives.length === 0)
      problems.push({
        line: statement.line,
        message: `출처 인용이 없는 문장: "${clip(statement.text)}" (:${QUOTE_DIRECTIVE}[원문 문구] 또는 :${GENERAL_DIRECTIVE}를 붙이세요)`,
      });
  };

  const addStatement = (node: Statement['node'], parent: Parent, exempt: boolean) => {
    const directives = directivesIn(node);
    const text = ownText(node).trim();
    // Navigation (links only) and the list of what the source leaves open are not claims.
    if (!/[\p{L}\p{N}]/u.test(text) || exempt) {
      for (const { node: directive } of directives)
        problems.push({
          line: lineOf(directive),
          message: `:${directive.name}는 주장하는 문장에만 붙입니다 (링크만 있는 줄이나 「${GAPS_HEADING}」 목록 제외)`,
        });
      return;
    }
    const statement: Statement = { node, parent, line: lineOf(node), text, cited: [], general: false, directives };
    resolve(statement);
    statements.push(statement);
  };

  const visitBlock = (node: RootContent, parent: Parent, exempt: boolean) => {
    switch (node.type) {
      case 'paragraph':
        addStatement(node, parent, exempt);
        return;
      case 'list':
        for (const item of node.children) {
          const nested = item.children.filter((c) => c.type === 'list');
          if (item.children.some((c) => c.type !== 'list')) addStatement(item, node, exempt);
          for (const list of nested) visitBlock(list, item, exempt);
        }
        return;
      case 'table':
        // The first row is the header.
        for (const row of node.children.slice(1)) addStatement(row, node, exempt);
        return;
      case 'blockquote':
      case 'mdxJsxFlowElement':
        // Statements inside a quote or a component are statements all the same.
        for (const child of node.children) visitBlock(child, node, exempt);
        return;
      case 'heading':
        for (const { node: directive } of directivesIn(node))
          problems.push({ line: lineOf(directive), message: `제목에는 :${directive.name}를 붙일 수 없습니다` });
        return;
      default:
        return;
    }
  };

  let exempt = false;
  for (const node of tree.children) {
    if (node.type === 'heading') exempt = node.depth <= 2 ? toString(node).trim() === GAPS_HEADING : exempt;
    visitBlock(node, tree, exempt);
  }
  return { statements, problems };
}

/** The stored texts among a page's `sources` (by URL), and a problem for a stored URL cited under another title. */
export function storedSourcesOf(
  pageSources: readonly { url: string; title: string }[],
  stored: readonly StoredSource[],
): { sources: StoredSource[]; problems: string[] } {
  const sources: StoredSource[] = [];
  const problems: string[] = [];
  for (const cited of pageSources) {
    const match = stored.find((s) => s.url === cited.url);
    if (!match) continue;
    sources.push(match);
    if (cited.title !== match.title) problems.push(`출처 제목이 저장된 원문(${match.file})의 제목 「${match.title}」과 다릅니다: 「${cited.title}」`);
  }
  return { sources, problems };
}

export interface FrontmatterQuote {
  /** Where in the frontmatter: `figures.0`, `milestones.1`, `dates.0`. */
  field: string;
  quote?: string | undefined;
}

/** Every figure, milestone and date of a page, as `{ field, quote }`. */
export function frontmatterQuotes(data: {
  figures?: readonly { quote?: string | undefined }[];
  milestones?: readonly { quote?: string | undefined }[];
  dates?: readonly { quote?: string | undefined }[];
}): FrontmatterQuote[] {
  return (['figures', 'milestones', 'dates'] as const).flatMap((key) => (data[key] ?? []).map((item, i) => ({ field: `${key}.${i}`, quote: item.quote })));
}

/**
 * The sentence each frontmatter fact quotes, and problems: a fact of a page with a
 * stored source must quote it, and the quote must be in it.
 */
export function checkFrontmatterQuotes(
  quotes: FrontmatterQuote[],
  sources: StoredSource[],
): { cited: Map<string, CitedSentence>; problems: { field: string; message: string }[] } {
  const cited = new Map<string, CitedSentence>();
  const problems: { field: string; message: string }[] = [];
  for (const { field, quote } of quotes) {
    if (sources.length === 0) {
      if (quote !== undefined) problems.push({ field, message: 'quote가 있지만 이 페이지의 출처에는 저장된 원문이 없습니다' });
      continue;
    }
    if (quote === undefined) {
      problems.push({ field, message: '원문 인용(quote)이 필요합니다: 이 값이 나온 원문 문구를 적으세요' });
      continue;
    }
    const one = citeQuote(sources, quote);
    if ('problem' in one) problems.push({ field, message: one.problem });
    else cited.set(field, one);
  }
  return { cited, problems };
}

export interface PageProvenance {
  statements: Statement[];
  /** The sentence each frontmatter fact quotes, by field (`figures.0`). */
  facts: Map<string, CitedSentence>;
  /** `file:line: message` or `file: field: message`. */
  problems: string[];
  /** Whether the page cites a stored source at all (only those must cite sentences). */
  citesStoredSource: boolean;
}

/**
 * Everything checked on one page: its sources against the stored texts, other
 * directives restored, its statements, its frontmatter facts. `tree` is the page's
 * Markdown parsed from `text` (the file with its frontmatter blanked, so lines are
 * the file's); `data` its frontmatter. The build and the scripts both call this.
 */
export function checkPageClaims(file: string, tree: Root, text: string, data: Record<string, unknown>, stored: readonly StoredSource[]): PageProvenance {
  const pageSources = Array.isArray(data.sources) ? (data.sources as { url: string; title: string }[]) : [];
  const { sources, problems: sourceProblems } = storedSourcesOf(pageSources, stored);
  const restoreProblems = restoreOtherDirectives(tree, text);
  const { statements, problems } = findClaims(tree, sources);
  const facts = checkFrontmatterQuotes(frontmatterQuotes(data), sources);
  return {
    statements,
    facts: facts.cited,
    citesStoredSource: sources.length > 0,
    problems: [
      ...sourceProblems.map((m) => `${file}: sources: ${m}`),
      ...facts.problems.map((p) => `${file}: ${p.field}.quote: ${p.message}`),
      ...[...restoreProblems, ...problems].map((p) => `${file}:${p.line}: ${p.message}`),
    ],
  };
}
