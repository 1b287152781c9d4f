/**
 * Reading a built site (dist/ by default, DIST_DIR to test another build) without a
 * browser: its HTML files, the visible text of <main>, sitemap and feed URLs, and the
 * pages the content folder says must exist.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { REPO_ROOT } from './astro-build';
import { readMdxFile } from '../../src/lib/frontmatter';
import { SECTION_SLUGS } from '../../src/data/sections';
import { normalizeBasePath, stripBase, withBase } from '../../src/lib/urls';
import { pagePath } from '../../src/lib/content-checks';

export const DIST = resolve(REPO_ROOT, process.env.DIST_DIR ?? 'dist');
/** The base path the build under test was made with (SITE_BASE, as for the build itself). */
export const BASE = normalizeBasePath(process.env.SITE_BASE ?? '/');
/**
 * Whether the build under test is at the root. Tests of what no base path changes (axe,
 * the 320 px layout, answers that hold no URL) run on the root build only.
 */
export const AT_ROOT = BASE === '/';
/** A route path as the build under test serves it. */
export const at = (path: string) => withBase(path, BASE);
export const CONTENT = resolve(REPO_ROOT, process.env.CONTENT_DIR ?? 'content');
/** The seed article's key phrases, copied into the repo (data/README.md says from where). */
export const KEY_PHRASES_FILE = resolve(REPO_ROOT, 'data/source/key-phrases.txt');

export function assertBuilt(): void {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(
      `${DIST}/index.html가 없습니다: 이 시험은 빌드된 사이트를 검사합니다. 먼저 \`npm run build\`를 실행하세요 (npm test는 빌드 후 vitest를 실행합니다).`,
    );
  }
}

/** Every built HTML file as its URL path ("/ai-g3/", "/404.html"). */
export function htmlPages(dir = DIST): { path: string; file: string }[] {
  const ignore = ['**/.*/**', '**/pagefind/**', '**/_astro/**'];
  const pages = globSync('**/*.html', { cwd: dir, ignore, dot: true, expandDirectories: false }).map((rel) => ({
    path: rel === 'index.html' ? '/' : rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`,
    file: join(dir, rel),
  }));
  return pages.sort((a, b) => a.path.localeCompare(b.path));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', middot: '·', hellip: '…', rsquo: '’', lsquo: '‘' };
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The text a reader sees inside <main>: no scripts, styles, templates or tags, and of a closed <details> only its summary (the source quotes). */
export function visibleMainText(html: string): string {
  const main = /<main\b[^>]*>([\s\S]*?)<\/main>/i.exec(html)?.[1] ?? '';
  return decodeEntities(
    main
      .replace(/<(script|style|template|noscript)\b[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<details\b(?![^>]*\sopen\b)[^>]*>\s*(<summary\b[\s\S]*?<\/summary>)[\s\S]*?<\/details>/gi, ' $1 ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<[^>]+>/g, ' '),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

/** Attribute value of the first tag matching `tag` that has `match` among its attributes. */
export function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag);
  return m ? decodeEntities(m[1]!) : undefined;
}

export function tags(html: string, name: string): string[] {
  return html.match(new RegExp(`<${name}\\b[^>]*>`, 'gi')) ?? [];
}

export function metaContent(html: string, key: string): string | undefined {
  const tag = tags(html, 'meta').find((t) => attr(t, 'property') === key || attr(t, 'name') === key);
  return tag ? attr(tag, 'content') : undefined;
}

/** `<loc>` paths of every sitemap listed in sitemap-index.xml (base path included). */
export function sitemapPaths(dir = DIST): string[] {
  const index = readFileSync(join(dir, 'sitemap-index.xml'), 'utf8');
  const paths: string[] = [];
  for (const loc of index.matchAll(/<loc>([^<]+)<\/loc>/g)) {
    const pathname = new URL(decodeEntities(loc[1]!)).pathname;
    const file = join(dir, stripBase(pathname, BASE) ?? pathname);
    const sitemap = readFileSync(file, 'utf8');
    for (const page of sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)) paths.push(new URL(decodeEntities(page[1]!)).pathname);
  }
  return paths;
}

export interface ContentPage {
  /** content/<section>/<file>.mdx */
  file: string;
  path: string;
  kind: 'overview' | 'policy';
  title: string;
  aliases: string[];
}

/** The pages the content folder declares, read straight from the MDX frontmatter. */
export function contentPages(dir = CONTENT): ContentPage[] {
  const pages: ContentPage[] = [];
  for (const section of SECTION_SLUGS) {
    const folder = join(dir, section);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder)
      .filter((n) => n.endsWith('.mdx'))
      .sort()) {
      const data = readMdxFile(join(folder, name)).data as { kind?: string; title?: string; aliases?: string[] };
      const kind = data.kind === 'overview' ? 'overview' : 'policy';
      const id = name.replace(/\.mdx$/, '');
      pages.push({
        file: `${section}/${name}`,
        path: pagePath({ collection: section, id, kind }),
        kind,
        title: String(data.title ?? ''),
        aliases: data.aliases ?? [],
      });
    }
  }
  return pages;
}
