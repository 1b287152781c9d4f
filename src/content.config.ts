import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { SECTION_SLUGS, type SectionSlug } from './data/sections';
import { glossarySchema, policySchema } from './schemas/policy';

/**
 * Content lives in the top-level `content/` folder (not src/) so writers never
 * touch code. CONTENT_DIR lets the scale benchmark and the broken-fixture tests
 * build the real site over another folder.
 */
const contentDir = process.env.CONTENT_DIR ?? './content';

/** The file name is the URL slug; a `slug` frontmatter field is refused by the strict schema. */
const idFromFileName = ({ entry }: { entry: string }) =>
  entry
    .replace(/\.mdx?$/, '')
    .split('/')
    .pop() ?? entry;

const sectionCollection = (slug: SectionSlug) =>
  defineCollection({
    loader: glob({ pattern: '*.mdx', base: `${contentDir}/${slug}`, generateId: idFromFileName }),
    schema: policySchema,
  });

export const collections = {
  ...(Object.fromEntries(SECTION_SLUGS.map((slug) => [slug, sectionCollection(slug)])) as Record<SectionSlug, ReturnType<typeof sectionCollection>>),
  glossary: defineCollection({
    loader: glob({ pattern: '*.mdx', base: `${contentDir}/glossary`, generateId: idFromFileName }),
    schema: glossarySchema,
  }),
};
