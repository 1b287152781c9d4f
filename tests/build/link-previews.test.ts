/**
 * Link previews on the built site: every page (the redirect pages of old URLs aside)
 * names an absolute og:image that exists in the build as a 1200×630 PNG of at most
 * 100 KB, with its size and alt text, and asks for the large Twitter card. The card's
 * text is the page's own.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CARD_ATTRIBUTES, CARD_MAX_BYTES, CARD_SIZE } from '../../src/lib/link-card';
import { SECTION_SLUGS } from '../../src/data/sections';
import { readPngSize } from '../../src/integrations/link-previews/png';
import { stripBase } from '../../src/lib/urls';
import { BASE, CONTENT, DIST, assertBuilt, attr, contentPages, decodeEntities, htmlPages, metaContent, tags } from '../helpers/built-site';

interface Page {
  path: string;
  html: string;
}

let pages: Page[] = [];
const aliases = new Set(contentPages(CONTENT).flatMap((c) => c.aliases));

beforeAll(() => {
  assertBuilt();
  pages = htmlPages()
    .filter(({ path }) => !aliases.has(path))
    .map(({ path, file }) => ({ path, html: readFileSync(file, 'utf8') }));
});

const ogImageTag = (html: string) => tags(html, 'meta').find((t) => attr(t, 'property') === 'og:image');

describe('link previews', () => {
  it('cover every kind of page: home, sections, policies, glossary terms, timeline, tags', () => {
    const paths = new Set(pages.map((p) => p.path));
    for (const path of [
      '/',
      '/timeline/',
      '/glossary/',
      '/tags/',
      '/search/',
      ...SECTION_SLUGS.map((s) => `/${s}/`),
      ...contentPages(CONTENT).map((c) => c.path),
    ]) {
      expect(paths.has(path), path).toBe(true);
    }
    expect(pages.filter((p) => p.path.startsWith('/glossary/') && p.path !== '/glossary/').length).toBeGreaterThan(20);
    expect(pages.filter((p) => p.path.startsWith('/tags/') && p.path !== '/tags/').length).toBeGreaterThan(5);
  });

  it('every page has an absolute og:image: a 1200×630 PNG of at most 100 KB in the build', () => {
    const problems: string[] = [];
    for (const { path, html } of pages) {
      const canonical = attr(tags(html, 'link').find((l) => attr(l, 'rel') === 'canonical') ?? '', 'href') ?? '';
      const content = metaContent(html, 'og:image');
      if (!content) {
        problems.push(`${path}: og:image가 없음`);
        continue;
      }
      let url: URL;
      try {
        url = new URL(content);
      } catch {
        problems.push(`${path}: og:image "${content}"가 절대 주소가 아님`);
        continue;
      }
      if (url.origin !== new URL(canonical).origin) problems.push(`${path}: og:image ${content}의 origin이 canonical ${canonical}과 다름`);
      const route = stripBase(url.pathname, BASE);
      if (!route || !route.endsWith('.png')) {
        problems.push(`${path}: og:image ${content}가 기본 경로 ${BASE} 아래의 PNG가 아님`);
        continue;
      }
      const file = join(DIST, route);
      let png: Buffer;
      try {
        png = readFileSync(file);
      } catch {
        problems.push(`${path}: ${file}이 없음`);
        continue;
      }
      const size = readPngSize(png);
      if (!size || size.width !== CARD_SIZE.width || size.height !== CARD_SIZE.height) problems.push(`${path}: ${route}의 IHDR ${JSON.stringify(size)}`);
      if (statSync(file).size > CARD_MAX_BYTES) problems.push(`${path}: ${route}가 ${statSync(file).size}바이트`);
    }
    expect(problems).toEqual([]);
    expect(pages.length).toBeGreaterThan(100);
  });

  it('every page gives the image size and alt text and asks for the large Twitter card', () => {
    for (const { path, html } of pages) {
      expect(metaContent(html, 'og:image:width'), path).toBe(String(CARD_SIZE.width));
      expect(metaContent(html, 'og:image:height'), path).toBe(String(CARD_SIZE.height));
      expect(metaContent(html, 'og:image:type'), path).toBe('image/png');
      expect(metaContent(html, 'og:image:alt')?.trim(), path).toBeTruthy();
      expect(metaContent(html, 'twitter:card'), path).toBe('summary_large_image');
    }
  });

  it("each card's title is the page's own heading, and its alt text says it", () => {
    for (const page of contentPages(CONTENT)) {
      const { html } = pages.find((p) => p.path === page.path)!;
      const tag = ogImageTag(html)!;
      expect(attr(tag, CARD_ATTRIBUTES.title), page.path).toBe(page.title);
      expect(metaContent(html, 'og:image:alt'), page.path).toContain(page.title);
    }
    for (const { path, html } of pages) {
      const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/
        .exec(html)?.[1]
        ?.replace(/<[^>]+>/g, '')
        .trim();
      const title = attr(ogImageTag(html)!, CARD_ATTRIBUTES.title);
      if (h1) expect(title, path).toBe(decodeEntities(h1));
    }
  });
});
