/**
 * The checks on content that the schemas cannot make, in one place: the build
 * (src/data/content.ts, over Astro's collections) and `npm run lint:content`
 * (scripts/lint-content.ts, over the files) both call findContentProblems, so they
 * accept and refuse the same trees and name the same file and field.
 */
import { FIXED_PATHS, glossaryPath, policyPath, sectionPath, tagPath } from './urls';

/** A page as the checks see it: where it came from and the fields they look at. */
export interface CheckedPage {
  /** Its section (collection) and file name without .mdx. */
  collection: string;
  id: string;
  /** The file, for messages (as the caller names it). */
  file: string;
  kind: 'policy' | 'overview';
  aliases: readonly string[];
  related: readonly { collection: string; id: string }[];
  terms: readonly string[];
}

export interface CheckedTerm {
  id: string;
  file: string;
}

export interface ContentProblem {
  file: string;
  field: string;
  message: string;
}

export const formatProblem = (p: ContentProblem) => `[content] ${p.file}: ${p.field}: ${p.message}`;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The route path a page is published at. */
export const pagePath = (page: Pick<CheckedPage, 'collection' | 'id' | 'kind'>) =>
  page.kind === 'overview' ? sectionPath(page.collection) : policyPath(page.collection, page.id);

/**
 * Every problem of a content tree: file names that are not URL slugs, a section
 * without exactly one overview, two pages or aliases claiming one URL (or a fixed
 * route), and references to pages or glossary terms that do not exist.
 */
export function findContentProblems(input: {
  sections: readonly string[];
  pages: readonly CheckedPage[];
  glossary: readonly CheckedTerm[];
  tags: readonly string[];
}): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const report = (file: string, field: string, message: string) => problems.push({ file, field, message });

  const badName = (id: string) => `파일 이름 "${id}"는 소문자 ASCII 단어와 하이픈으로만 써야 합니다 (파일 이름이 URL이 됩니다)`;
  for (const term of input.glossary) if (!SLUG.test(term.id)) report(term.file, '파일 이름', badName(term.id));
  const pages = input.pages.filter((page) => {
    if (SLUG.test(page.id)) return true;
    report(page.file, '파일 이름', badName(page.id));
    return false;
  });

  for (const section of input.sections) {
    const overviews = pages.filter((p) => p.collection === section && p.kind === 'overview');
    if (overviews.length !== 1) {
      const where = overviews[1]?.file ?? `content/${section}/`;
      report(
        where,
        'kind',
        `kind: overview 페이지가 분야마다 정확히 하나 있어야 합니다 (${section}: ${overviews.length}개${overviews.length ? `: ${overviews.map((o) => o.file).join(', ')}` : ''})`,
      );
    }
  }

  // Fixed routes and generated pages are claimed first, so an alias that shadows one
  // is reported against its own file and field rather than as a route conflict.
  const owners = new Map<string, string>();
  for (const path of [
    ...Object.values(FIXED_PATHS),
    glossaryPath(),
    tagPath(),
    ...input.glossary.filter((t) => SLUG.test(t.id)).map((t) => glossaryPath(t.id)),
    ...input.tags.map((t) => tagPath(t)),
  ]) {
    owners.set(path, `사이트의 고정 페이지 ${path}`);
  }
  const claim = (path: string, page: CheckedPage, field: string) => {
    const owner = owners.get(path);
    if (owner) report(page.file, field, `주소 ${path}가 이미 ${owner}에 쓰이고 있습니다 (중복 slug/별칭)`);
    else owners.set(path, page.file);
  };
  for (const page of pages) claim(pagePath(page), page, 'id');
  for (const page of pages) page.aliases.forEach((alias, i) => claim(alias, page, `aliases[${i}]`));

  const pageKeys = new Set(pages.map((p) => `${p.collection}/${p.id}`));
  const termIds = new Set(input.glossary.map((t) => t.id));
  for (const page of pages) {
    page.related.forEach((ref, i) => {
      if (!pageKeys.has(`${ref.collection}/${ref.id}`)) report(page.file, `related[${i}]`, `없는 페이지를 가리킵니다: ${ref.collection}/${ref.id}`);
    });
    page.terms.forEach((id, i) => {
      if (!termIds.has(id)) report(page.file, `terms[${i}]`, `용어집에 없는 용어입니다: ${id}`);
    });
  }
  return problems;
}
