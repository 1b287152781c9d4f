// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import remarkGfm from 'remark-gfm';
import rehypeKoreanHeadingIds from './src/integrations/rehype-korean-heading-ids.ts';
import { collectAliasPaths } from './src/lib/aliases.ts';

/** The public origin; set SITE_URL when deploying so canonical URLs, the sitemap and the feed are absolute. */
const site = process.env.SITE_URL ?? 'http://localhost:4321';
/** Redirect pages for old URLs stay out of the sitemap. */
const aliasPaths = collectAliasPaths(process.env.CONTENT_DIR ?? './content');

export default defineConfig({
  site,
  // Builds over another content folder (fixtures, scale benchmark) keep their own content cache.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  // Two pages claiming one URL (a slug colliding with an alias) must stop the build.
  prerenderConflictBehavior: 'error',
  markdown: {
    // Astro 7 defaults to Sätteri, which runs no remark/rehype plugins. The unified
    // processor runs remark-gfm (tables, footnotes, autolinks, strikethrough) and our
    // romanized heading ids; its own GFM switch is off so remark-gfm is the only one.
    processor: unified({
      gfm: false,
      remarkPlugins: [remarkGfm],
      rehypePlugins: [rehypeKoreanHeadingIds],
      remarkRehype: {
        footnoteLabel: '각주',
        footnoteBackLabel: (/** @type {number} */ i) => `본문 ${i + 1}번 각주 위치로 돌아가기`,
      },
    }),
  },
  integrations: [mdx({ optimize: true }), sitemap({ filter: (page) => !aliasPaths.has(new URL(page).pathname) })],
  vite: {
    plugins: [tailwindcss()],
    build: {
      rolldownOptions: {
        // Astro marks every content module with the "use astro:head-inject" directive for
        // its own use; Rolldown warns once per MDX file that it may drop it. At 10,000
        // pages that was 10,040 warnings with code frames (13 MB of log) and no action
        // to take, so exactly this warning is dropped and every other one is kept.
        onLog(level, log, handler) {
          if (level === 'warn' && log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('use astro:head-inject')) return;
          handler(level, log);
        },
      },
    },
  },
});
