import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { SECTION_SLUGS, type SectionSlug } from './data/sections';
import { glossarySchema, policySchema } from './schemas/policy';

/**
 * Content lives in the top-level `content/` folder (not src/) so writers never
 * touch code. CONTENT_DIR lets the scale benchmark and the broken-fixture tests
 * build the real site over another folder.
 */
const contentDir = process.env.CONTENT_DIR ?? './content';

/** The file name is the URL slug; a `slug` frontmatter field is refused by the strict schema. */
const idFromFileName = ({ entry }: { entry: string }) => entry.replace(/\.mdx?$/, '').split('/').pop()!;

/**
 * `related` may point into any section. Astro's reference() is bound to one
 * collection, so the field is a union of one reference per section, selected by
 * the `collection` key of `{ collection, id }`.
 */
const anyPolicyReference = z.union(
  SECTION_SLUGS.map((slug) => reference(slug)) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]],
) as unknown as z.ZodType<{ collection: SectionSlug; id: string }>;

const sectionCollection = (slug: SectionSlug) =>
  defineCollection({
    loader: glob({ pattern: '*.mdx', base: `${contentDir}/${slug}`, generateId: idFromFileName }),
    schema: policySchema({ related: anyPolicyReference, term: reference('glossary') }),
  });

export const collections = {
  ...(Object.fromEntries(SECTION_SLUGS.map((slug) => [slug, sectionCollection(slug)])) as Record<SectionSlug, ReturnType<typeof sectionCollection>>),
  glossary: defineCollection({
    loader: glob({ pattern: '*.mdx', base: `${contentDir}/glossary`, generateId: idFromFileName }),
    schema: glossarySchema,
  }),
};
