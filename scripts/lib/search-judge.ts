/**
 * The pass rule of the search evaluation, shared by the benchmarks (bench/) and the
 * ranking test: a query passes at the rank of the first result whose visible page
 * text contains its expected text (both normalized as the key phrases are).
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { z } from 'astro/zod';
import { listBuiltPages, urlOfBuiltFile } from '../../src/korean-search/node';
import { normalizeForMatch } from '../../src/lib/key-phrases';

const evalQuerySchema = z.object({
  id: z.string(),
  kind: z.string(),
  query: z.string(),
  /** Text a passing result page must contain; null for a negative query. */
  expect: z.string().nullable(),
});
export type EvalQuery = z.output<typeof evalQuerySchema>;
const queryFileSchema = z.object({ queries: z.array(evalQuerySchema) });

export function readQueries(file: string): EvalQuery[] {
  const parsed = queryFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')} — ${i.message}`).join('; ')}`);
  return parsed.data.queries;
}

function visibleText(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') {
    if (['script', 'style', 'template', 'noscript'].includes(node.tagName) || node.properties.hidden !== undefined) return '';
    return node.children.map(visibleText).join(' ');
  }
  if (node.type === 'root') return node.children.map(visibleText).join(' ');
  return '';
}

/** Normalized visible text of every built page, by URL: what `expect` is judged against. */
export function pageTexts(distDir: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const file of listBuiltPages(distDir)) {
    texts.set(urlOfBuiltFile(relative(distDir, file)), normalizeForMatch(visibleText(fromHtml(readFileSync(file, 'utf8')))));
  }
  return texts;
}

/** Rank (1-based) of the first result whose page text contains the expected text, or 0. */
export function passRank(run: { query: Pick<EvalQuery, 'expect'>; urls: readonly string[] }, texts: ReadonlyMap<string, string>): number {
  if (run.query.expect === null) return 0;
  const wanted = normalizeForMatch(run.query.expect);
  const at = run.urls.findIndex((url) => texts.get(url)?.includes(wanted));
  return at + 1;
}
