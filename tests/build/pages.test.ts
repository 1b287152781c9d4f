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

/** A stand-in origin for resolving the pages' hrefs: a link is inside the site when it resolves to it. */
const SITE = 'http://built-site.invalid';

/** The built file a URL path is served from, or null when there is none (what a static host answers 404 for). */
function builtFile(pathname: string): string | null {
  const route = stripBase(decodeURIComponent(pathname), BASE);
  if (route === null) return null;
  const candidates = route.endsWith('/') ? [`${route}index.html`] : [route, `${route}/index.html`];
  const file = candidates.map((candidate) => join(DIST, candidate)).find((path) => existsSync(path) && statSync(path).isFile());
  return file ?? null;
}

const pages = new Map<string, Root>();
const parse = (file: string) => fromHtml(readFileSync(file, 'utf8'));

beforeAll(() => {
  assertBuilt();
  for (const path of sitemapPaths()) {
    const file = builtFile(path);
    if (file === null) throw new Error(`사이트맵의 ${path}에 해당하는 파일이 빌드에 없습니다`);
    pages.set(path, parse(file));
  }
});

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

  it('every link inside the site leads to a built file under the base path, and every #anchor to an element of it', () => {
    const targets = new Map<string, Set<string> | null>();
    const problems: string[] = [];
    for (const [path, tree] of pages) {
      for (const anchor of selectAll('a[href]', tree)) {
        const href = String(anchor.properties.href);
        const url = new URL(href, `${SITE}${path}`);
        if (url.origin !== SITE) continue;
        if (!targets.has(url.pathname)) {
          const file = builtFile(url.pathname);
          targets.set(url.pathname, file === null ? null : new Set(file.endsWith('.html') ? idsOf(parse(file)) : []));
        }
        const ids = targets.get(url.pathname);
        if (ids === null || ids === undefined) problems.push(`${path}: href="${href}" leads to no built file`);
        else if (url.hash.length > 1 && !ids.has(decodeURIComponent(url.hash.slice(1)))) problems.push(`${path}: href="${href}" names an id the page lacks`);
      }
    }
    expect(targets.size, 'the pages link to one another').toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });
});
