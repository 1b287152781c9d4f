/**
 * Checks over the main build in dist/ (run `npm run build` first; `npm test` does):
 * seed key phrases, meta tags, sitemap and feed, alias redirects, URL and id rules,
 * and that content pages load nothing from other hosts and no JavaScript files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { missingPhrases, normalizeForMatch, parseKeyPhrases } from '../../src/lib/key-phrases';
import {
  DIST,
  KEY_PHRASES_FILE,
  assertBuilt,
  at,
  attr,
  contentPages,
  htmlPages,
  metaContent,
  sitemapPaths,
  tags,
  visibleMainText,
  type ContentPage,
} from '../helpers/built-site';

let pages: { path: string; file: string; html: string }[] = [];
let content: ContentPage[] = [];
const html = (path: string) => {
  const page = pages.find((p) => p.path === path);
  if (!page) throw new Error(`빌드에 ${path} 페이지가 없습니다`);
  return page.html;
};

beforeAll(() => {
  assertBuilt();
  pages = htmlPages().map((p) => ({ ...p, html: readFileSync(p.file, 'utf8') }));
  content = contentPages();
});

/** Pages built from content/: section overviews and policies. */
const policyPages = () => content;

describe('seed key phrases', () => {
  it('every phrase of data/source/key-phrases.txt appears in the visible <main> text of some page', () => {
    expect(existsSync(KEY_PHRASES_FILE), `${KEY_PHRASES_FILE}가 없습니다 (핵심어 파일은 저장소에 있어야 합니다; data/README.md)`).toBe(true);
    const phrases = parseKeyPhrases(readFileSync(KEY_PHRASES_FILE, 'utf8'));
    expect(phrases.length).toBeGreaterThan(40);
    const texts = pages.filter((p) => !p.path.startsWith('/search/')).map((p) => visibleMainText(p.html));
    const missing = missingPhrases(phrases, texts);
    expect(missing, `built pages lack ${missing.length} key phrase(s) (normalized: ${missing.map(normalizeForMatch).join(', ')})`).toEqual([]);
  });
});

describe('meta tags', () => {
  it('the content folder has pages', () => {
    expect(policyPages().length).toBeGreaterThan(10);
  });

  it('every policy and overview page has lang="ko", canonical, og:title, og:description, twitter:card', () => {
    const problems: string[] = [];
    for (const page of policyPages()) {
      const text = html(page.path);
      const lang = /<html\b[^>]*\slang="([^"]*)"/i.exec(text)?.[1];
      if (lang !== 'ko') problems.push(`${page.path}: <html lang> is ${lang ?? 'missing'}`);
      const canonical = tags(text, 'link').find((t) => attr(t, 'rel') === 'canonical');
      const href = canonical && attr(canonical, 'href');
      if (!href) problems.push(`${page.path}: no <link rel="canonical">`);
      else if (!/^https?:\/\//.test(href) || new URL(href).pathname !== page.path) problems.push(`${page.path}: canonical is ${href}`);
      for (const key of ['og:title', 'og:description', 'og:url', 'og:type', 'twitter:card', 'description']) {
        const value = metaContent(text, key);
        if (!value?.trim()) problems.push(`${page.path}: no ${key}`);
      }
      if (metaContent(text, 'og:title') && page.title && !metaContent(text, 'og:title')!.includes(page.title))
        problems.push(`${page.path}: og:title "${metaContent(text, 'og:title')}" is not the page title "${page.title}"`);
      const title = /<title>([^<]*)<\/title>/.exec(text)?.[1];
      if (!title?.trim()) problems.push(`${page.path}: empty <title>`);
    }
    expect(problems).toEqual([]);
  });

  it('every page has a unique <title>', () => {
    const seen = new Map<string, string>();
    const dupes: string[] = [];
    for (const page of pages) {
      if (page.path === '/404.html' || /http-equiv="refresh"/.test(page.html)) continue;
      const title = /<title>([^<]*)<\/title>/.exec(page.html)?.[1] ?? '';
      if (seen.has(title)) dupes.push(`${page.path} and ${seen.get(title)}: "${title}"`);
      seen.set(title, page.path);
    }
    expect(dupes).toEqual([]);
  });
});

describe('sitemap and feed', () => {
  it('sitemap-index.xml and rss.xml exist', () => {
    expect(existsSync(join(DIST, 'sitemap-index.xml')), 'dist/sitemap-index.xml').toBe(true);
    expect(existsSync(join(DIST, 'rss.xml')), 'dist/rss.xml').toBe(true);
  });

  it('the sitemap lists every policy and overview page', () => {
    const listed = new Set(sitemapPaths());
    const missing = policyPages()
      .filter((p) => !listed.has(p.path))
      .map((p) => p.path);
    expect(missing).toEqual([]);
  });

  it('the sitemap lists only pages that exist, each once', () => {
    const listed = sitemapPaths();
    expect(new Set(listed).size).toBe(listed.length);
    const built = new Set(pages.map((p) => p.path));
    expect(listed.filter((p) => !built.has(p))).toEqual([]);
  });

  it('every sitemap URL is lowercase ASCII with a trailing slash', () => {
    const bad = sitemapPaths().filter((p) => !/^\/(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)*$/.test(p));
    expect(bad).toEqual([]);
  });

  it('the sitemap leaves out the 404 page', () => {
    expect(sitemapPaths().filter((p) => p.includes('404'))).toEqual([]);
  });

  it('the RSS feed lists every policy page, in Korean', () => {
    const rss = readFileSync(join(DIST, 'rss.xml'), 'utf8');
    expect(rss).toContain('<language>ko</language>');
    const links = new Set([...rss.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => new URL(m[1]!).pathname));
    const missing = policyPages()
      .filter((p) => p.kind === 'policy' && !links.has(p.path))
      .map((p) => p.path);
    expect(missing).toEqual([]);
  });
});

describe('alias redirects', () => {
  it('/ai/computing-center/ redirects to /ai-g3/national-ai-computing-center/ and stays out of the sitemap', () => {
    const text = html('/ai/computing-center/');
    const refresh = tags(text, 'meta').find((t) => attr(t, 'http-equiv')?.toLowerCase() === 'refresh');
    expect(refresh && attr(refresh, 'content')).toMatch(/^0;\s*url=\/ai-g3\/national-ai-computing-center\/$/);
    expect(text).toMatch(/<a href="\/ai-g3\/national-ai-computing-center\/"/);
    expect(metaContent(text, 'robots')).toBe('noindex');
    const canonical = tags(text, 'link').find((t) => attr(t, 'rel') === 'canonical');
    expect(new URL(attr(canonical!, 'href')!).pathname).toBe('/ai-g3/national-ai-computing-center/');
    expect(sitemapPaths()).not.toContain('/ai/computing-center/');
    expect(existsSync(join(DIST, 'ai-g3', 'national-ai-computing-center', 'index.html'))).toBe(true);
  });

  it('every alias declared in content has a redirect page to its page and is not in the sitemap', () => {
    const listed = new Set(sitemapPaths());
    const problems: string[] = [];
    for (const page of policyPages()) {
      for (const alias of page.aliases) {
        const redirect = pages.find((p) => p.path === alias);
        if (!redirect) problems.push(`${page.file}: alias ${alias} has no page`);
        else if (!redirect.html.includes(`url=${page.path}"`)) problems.push(`${page.file}: alias ${alias} does not redirect to ${page.path}`);
        if (listed.has(alias)) problems.push(`${page.file}: alias ${alias} is in the sitemap`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('ids and URLs', () => {
  it('no heading id contains "%" or non-ASCII', () => {
    const bad: string[] = [];
    for (const page of pages) {
      for (const heading of page.html.match(/<h[1-6]\b[^>]*>/gi) ?? []) {
        const id = attr(heading, 'id');
        if (id !== undefined && !/^[A-Za-z][A-Za-z0-9_-]*$/.test(id)) bad.push(`${page.path}: ${heading}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('no in-page anchor is percent-encoded or non-ASCII', () => {
    const bad: string[] = [];
    for (const page of pages) {
      for (const m of page.html.matchAll(/\shref="([^"]*#[^"]*)"/g)) {
        const hash = m[1]!.slice(m[1]!.indexOf('#') + 1);
        // A text fragment (the source quotes' link into the article) is a directive, not an anchor: percent-encoded by design.
        if (hash.startsWith(':~:text=')) continue;
        if (/%|[^\x20-\x7e]/.test(hash)) bad.push(`${page.path}: href="${m[1]}"`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('every built page lives at a lowercase ASCII path with a trailing slash', () => {
    const bad = pages.map((p) => p.path).filter((p) => p !== '/404.html' && !/^\/(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)*$/.test(p));
    expect(bad).toEqual([]);
  });
});

describe('pages load nothing from elsewhere and carry no inline code', () => {
  it('every script is a file of the site under _astro/, no inline script, <style> or style="" (the CSP refuses them), no external style or font', () => {
    const problems: string[] = [];
    const ownScript = new RegExp(`^${at('/_astro/')}[\\w.-]+\\.js$`);
    for (const page of pages) {
      for (const script of tags(page.html, 'script')) {
        const src = attr(script, 'src');
        const type = attr(script, 'type');
        if (src === undefined) {
          // Data blocks (JSON-LD) are not code, and the CSP does not apply to them.
          if (type !== 'application/ld+json') problems.push(`${page.path}: inline ${script}`);
        } else if (!ownScript.test(src)) problems.push(`${page.path}: <script src="${src}">`);
      }
      if (/<style\b/i.test(page.html)) problems.push(`${page.path}: inline <style>`);
      if (/\sstyle="/i.test(page.html)) problems.push(`${page.path}: style="" attribute`);
      for (const link of tags(page.html, 'link')) {
        const rel = (attr(link, 'rel') ?? '').toLowerCase();
        const href = attr(link, 'href') ?? '';
        if (/\.m?js(?:[?#]|$)/.test(href)) problems.push(`${page.path}: ${link}`);
        else if (
          /stylesheet|preload|modulepreload|prefetch|preconnect|dns-prefetch/.test(rel) &&
          (/^[a-z]+:|^\/\//i.test(href) || rel.includes('preconnect') || rel.includes('dns-prefetch'))
        )
          problems.push(`${page.path}: ${link}`);
      }
      for (const m of page.html.matchAll(/<(?:img|iframe|source|video|audio|embed|object)\b[^>]*\s(?:src|data|srcset)="([^"]*)"/gi)) {
        if (/^(?:[a-z]+:)?\/\//i.test(m[1]!)) problems.push(`${page.path}: embeds ${m[1]}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
