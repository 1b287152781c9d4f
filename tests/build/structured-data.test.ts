/**
 * JSON-LD on the built pages: the home page describes the site and its search
 * (WebSite + SearchAction), every page below it its breadcrumb trail, and every policy
 * page an Article that cites its sources. Each block must parse and point at this
 * site's own absolute URLs.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT, assertBuilt, at, attr, contentPages, htmlPages, tags } from '../helpers/built-site';

type Block = Record<string, unknown> & { '@type': string };
interface Page {
  path: string;
  canonical: string;
  h1: string;
  blocks: Block[];
}

let pages: Page[] = [];

beforeAll(() => {
  assertBuilt();
  pages = htmlPages().map(({ path, file }) => {
    const html = readFileSync(file, 'utf8');
    const canonical = attr(tags(html, 'link').find((l) => attr(l, 'rel') === 'canonical') ?? '', 'href') ?? '';
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Block);
    const h1 =
      /<h1[^>]*>([\s\S]*?)<\/h1>/
        .exec(html)?.[1]
        ?.replace(/<[^>]+>/g, '')
        .trim() ?? '';
    return { path, canonical, h1, blocks };
  });
});

const ofType = (page: Page, type: string) => page.blocks.filter((b) => b['@type'] === type);
/** Pages that are not pages of the site: the 404 page and the redirects of old URLs. */
const isRealPage = (page: Page) => page.path !== '/404.html' && !contentPages(CONTENT).some((c) => c.aliases.some((a) => a === page.path));

describe('structured data', () => {
  it('every block is schema.org JSON-LD', () => {
    expect(pages.length).toBeGreaterThan(20);
    for (const page of pages) for (const block of page.blocks) expect(block['@context'], page.path).toBe('https://schema.org');
  });

  it('the home page is a WebSite whose SearchAction opens /search/?q=', () => {
    const home = pages.find((p) => p.path === '/')!;
    const [site] = ofType(home, 'WebSite') as (Block & {
      url: string;
      potentialAction: { '@type': string; target: { urlTemplate: string }; 'query-input': string };
    })[];
    expect(site).toBeDefined();
    expect(site!.url).toBe(home.canonical);
    expect(site!.potentialAction['@type']).toBe('SearchAction');
    expect(new URL(site!.potentialAction.target.urlTemplate.replace('{search_term_string}', 'x')).pathname).toBe(at('/search/'));
    expect(site!.potentialAction.target.urlTemplate).toMatch(/\?q=\{search_term_string\}$/);
    expect(site!.potentialAction['query-input']).toBe('required name=search_term_string');
  });

  it('every page below the home page has one BreadcrumbList from home to itself', () => {
    const home = pages.find((p) => p.path === '/')!.canonical;
    for (const page of pages.filter((p) => p.path !== '/' && isRealPage(p))) {
      const lists = ofType(page, 'BreadcrumbList') as (Block & { itemListElement: { position: number; name: string; item: string }[] })[];
      expect(lists.length, page.path).toBe(1);
      const items = lists[0]!.itemListElement;
      expect(
        items.map((i) => i.position),
        page.path,
      ).toEqual(items.map((_, i) => i + 1));
      expect(items[0]!.item, page.path).toBe(home);
      expect(items.at(-1)!.item, page.path).toBe(page.canonical);
      for (const item of items) expect(item.name, page.path).toBeTruthy();
    }
  });

  it('every policy page is an Article with its title, summary, URL and cited sources', () => {
    const policies = contentPages(CONTENT).filter((c) => c.kind === 'policy');
    expect(policies.length).toBeGreaterThan(30);
    for (const policy of policies) {
      const page = pages.find((p) => p.path === policy.path)!;
      const [article] = ofType(page, 'Article') as (Block & {
        headline: string;
        description: string;
        url: string;
        citation: { name: string; url: string; publisher: { name: string } }[];
      })[];
      expect(article, policy.path).toBeDefined();
      expect(article!.headline).toBe(policy.title);
      expect(article!.description.length).toBeGreaterThan(9);
      expect(article!.url).toBe(page.canonical);
      expect(article!.citation.length).toBeGreaterThan(0);
      for (const c of article!.citation) {
        expect(c.name && c.publisher.name).toBeTruthy();
        expect(() => new URL(c.url)).not.toThrow();
      }
    }
  });
});
