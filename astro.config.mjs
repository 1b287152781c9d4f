// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import hostingFiles from './src/integrations/hosting-files.ts';
import { SECTIONS } from './src/data/sections.ts';
import { TAGS } from './src/data/tags.ts';
import koreanSearch from './src/korean-search/index.ts';
import linkPreviews from './src/integrations/link-previews/index.ts';
import rehypeBaseLinks from './src/integrations/rehype-base-links.ts';
import rehypeKoreanHeadingIds from './src/integrations/rehype-korean-heading-ids.ts';
import remarkSourceQuotes from './src/integrations/remark-source-quotes.ts';
import { collectAliasRedirects } from './src/lib/aliases.ts';
import { readDeployTarget } from './src/lib/deploy-target.ts';
import { loadStoredSources } from './src/lib/source-text.ts';
import { sectionPath, withBase } from './src/lib/urls.ts';

/**
 * Where the site will be served: SITE_URL (origin) and SITE_BASE (sub-path, e.g.
 * /kr-policy/). Without SITE_URL the build is for local use and says so loudly;
 * with REQUIRE_SITE_URL=1 (npm run build:deploy, the deploy workflow) it refuses.
 */
const target = readDeployTarget(process.env);
const contentDir = process.env.CONTENT_DIR ?? './content';
const aliasRedirects = collectAliasRedirects(contentDir);
/** Redirect pages for old URLs stay out of the sitemap. */
const aliasUrls = new Set(aliasRedirects.map((r) => withBase(r.from, target.base)));

export default defineConfig({
  site: target.site,
  base: target.base,
  // Builds over another content folder (fixtures, scale benchmark) keep their own content cache.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  trailingSlash: 'always',
  // Stylesheets are files (content-hashed under _astro/), never inline <style>, so
  // pages run under a CSP with style-src 'self'; one cached file serves every page.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Two pages claiming one URL (a slug colliding with an alias) must stop the build.
  prerenderConflictBehavior: 'error',
  markdown: {
    // Astro 7 defaults to Sätteri, which runs no remark/rehype plugins. The unified
    // processor runs remark-gfm (tables, footnotes, autolinks, strikethrough), our
    // romanized heading ids and the base path on content links; its own GFM switch
    // is off so remark-gfm is the only one. remark-directive reads `:src[…]` and
    // `:general`, with which claims name their source sentence (docs/provenance.md).
    processor: unified({
      gfm: false,
      remarkPlugins: [remarkGfm, remarkDirective, [remarkSourceQuotes, { storedSources: loadStoredSources(fileURLToPath(new URL('.', import.meta.url))) }]],
      rehypePlugins: [rehypeKoreanHeadingIds, [rehypeBaseLinks, { base: target.base }]],
      remarkRehype: {
        footnoteLabel: '각주',
        footnoteBackLabel: (/** @type {number} */ i) => `본문 ${i + 1}번 각주 위치로 돌아가기`,
      },
    }),
  },
  integrations: [
    mdx({ optimize: true }),
    sitemap({ filter: (page) => !aliasUrls.has(new URL(page).pathname) }),
    koreanSearch({
      contentDir,
      // Filters in the article's order, the glossary last; tags in the order of src/data/tags.ts.
      filterOrder: { sections: [...SECTIONS.map((s) => s.slug), 'glossary'], tags: Object.values(TAGS) },
      synonymsFile: '/search/synonyms.json',
      suggestions: SECTIONS.map((s) => ({ label: s.title, path: sectionPath(s.slug), alsoKnownAs: [s.short] })),
    }),
    linkPreviews(),
    hostingFiles({ redirects: aliasRedirects, localSite: target.local }),
  ],
  vite: {
    plugins: [tailwindcss()],
    environments: {
      // No preload helper in the browser bundle: it would be one more script file on
      // every content page, to save one round trip when the search UI first loads.
      client: { build: { modulePreload: false } },
    },
    // The search worker imports Pagefind at run time; module workers keep that an import.
    worker: { format: 'es' },
    build: {
      // Every script is a file of its own: an inlined one would need 'unsafe-inline' in the CSP.
      assetsInlineLimit: 0,
      rolldownOptions: {
        // Astro marks every content module with the "use astro:head-inject" directive for
        // its own use; Rolldown warns once per MDX file that it may drop it: on a large
        // site, megabytes of log with no action to take, so exactly this warning is
        // dropped and every other one is kept.
        onLog(level, log, handler) {
          if (level === 'warn' && log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('use astro:head-inject')) return;
          handler(level, log);
        },
      },
    },
  },
});
