/**
 * Every sitemap page of a build, read as HTML (dist/, or DIST_DIR with SITE_BASE for
 * the sub-path build): one <h1>, unique ids, lang="ko", and every link inside the site
 * leads to a built file under the base path, its #anchor to an element of that page.
 * What a browser adds (layout, axe, requests, the CSP) is tests/e2e/site.test.ts.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { beforeAll, describe, expect, it } from 'vitest';
import { BASE, DIST, assertBuilt, sitemapPaths } from '../helpers/built-site';
import { stripBase } from '../../src/lib/urls';
import { HOSTING_FILES } from '../../src/integrations/hosting-files';

/** A stand-in origin for resolving the pages' hrefs: a link is inside the site when it resolves to it. */
const SITE = 'http://built-site.invalid';

/** The built file a URL path is served from as 200, or why it is not: a static host answers 404 or a redirect. */
function builtFile(pathname: string): { file: string } | { problem: string } {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { problem: 'is not a well-formed URL path' };
  }
  const route = stripBase(decoded, BASE);
  if (route === null) return { problem: `lies outside the base path ${BASE}` };
  if (HOSTING_FILES.some((name) => route.endsWith(`/${name}`))) return { problem: 'names a hosting file the server refuses' };
  const file = join(DIST, route.endsWith('/') ? `${route}index.html` : route);
  if (existsSync(file) && statSync(file).isFile()) return { file };
  if (existsSync(join(DIST, route, 'index.html'))) return { problem: 'leaves out the trailing slash (the server redirects)' };
  return { problem: 'leads to no built file' };
}

/** An alias page (an old address): the static host answers it with a redirect, so a link should name the page itself. */
const isRedirectPage = (tree: Root) => selectAll('meta[http-equiv="refresh"]', tree).length > 0;

const pages = new Map<string, Root>();
const parse = (file: string) => fromHtml(readFileSync(file, 'utf8'));

beforeAll(() => {
  assertBuilt();
  for (const path of sitemapPaths()) {
    const target = builtFile(path);
    if (!('file' in target)) throw new Error(`사이트맵의 ${path}: ${target.problem}`);
    pages.set(path, parse(target.file));
  }
});

/** A fragment as an id; a malformed one stays as written (and names no id). */
const safeDecode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

const idsOf = (tree: Root) => selectAll('[id]', tree).map((element) => String(element.properties.id));

describe('every sitemap page', () => {
  it('the sitemap lists the pages under the base path', () => {
    expect(pages.size).toBeGreaterThan(20);
    expect([...pages.keys()].filter((path) => stripBase(path, BASE) === null)).toEqual([]);
  });

  it('has exactly one <h1>', () => {
    const bad = [...pages].filter(([, tree]) => selectAll('h1', tree).length !== 1).map(([path, tree]) => `${path}: ${selectAll('h1', tree).length}`);
    expect(bad).toEqual([]);
  });

  it('has unique ids', () => {
    const bad = [...pages].flatMap(([path, tree]) => {
      const ids = idsOf(tree);
      return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))].map((id) => `${path}: id="${id}"`);
    });
    expect(bad).toEqual([]);
  });

  it('says lang="ko"', () => {
    const bad = [...pages].filter(([, tree]) => selectAll('html[lang="ko"]', tree).length !== 1).map(([path]) => path);
    expect(bad).toEqual([]);
  });

  it('every link inside the site leads to a built page under the base path (no redirect), and every #anchor to an element of it', () => {
    const targets = new Map<string, { ids: Set<string> } | { problem: string }>();
    const problems: string[] = [];
    for (const [path, tree] of pages) {
      for (const anchor of selectAll('a[href]', tree)) {
        const href = String(anchor.properties.href);
        const url = new URL(href, `${SITE}${path}`);
        if (url.origin !== SITE) continue;
        let target = targets.get(url.pathname);
        if (target === undefined) {
          const built = builtFile(url.pathname);
          const tree = 'file' in built && built.file.endsWith('.html') ? parse(built.file) : undefined;
          target = !('file' in built)
            ? built
            : tree && isRedirectPage(tree)
              ? { problem: 'is an old address (the server redirects)' }
              : { ids: new Set(tree ? idsOf(tree) : []) };
          targets.set(url.pathname, target);
        }
        if ('problem' in target) problems.push(`${path}: href="${href}" ${target.problem}`);
        else if (url.hash.length > 1 && !target.ids.has(safeDecode(url.hash.slice(1)))) problems.push(`${path}: href="${href}" names an id the page lacks`);
      }
    }
    expect(targets.size, 'the pages link to one another').toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });
});
