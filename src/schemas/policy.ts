import { z } from 'astro/zod';
import { SECTION_SLUGS } from '../data/sections';
import { TAG_IDS } from '../data/tags';
import { aliasSchema, datedEventSchema, figureSchema, isoDate, milestoneSchema, sourceSchema, statusSchema } from './fields';

/**
 * A page in any section, as `{ collection: <section>, id: <file name> }`. Whether it
 * exists is checked with everything else that spans files (src/lib/content-checks.ts),
 * by the build and by lint:content alike; Astro's reference() would only log a miss.
 */
const pageReference = z.object({ collection: z.enum(SECTION_SLUGS), id: z.string().min(1) }).strict();

/** Frontmatter shared by every page of every policy section. */
export const policySchema = z
  .object({
    /** Page title: the policy's name as the source writes it. */
    title: z.string({ error: '제목(title)이 필요합니다' }).min(1, '제목(title)이 비어 있습니다'),
    /** One sentence that says what the policy is. Shown under the title and in lists. */
    summary: z.string().min(10).max(200),
    /** `overview` is the section's own page at `/<section>/`; everything else is a policy. */
    kind: z.enum(['overview', 'policy']).default('policy'),
    /** Position within the section (overview first, then ascending). */
    order: z.number().int().nonnegative(),
    /** Tag ids from src/data/tags.ts. */
    tags: z.array(z.enum(TAG_IDS, { error: (issue) => `알 수 없는 태그입니다: ${String(issue.input)} (src/data/tags.ts 참고)` })).default([]),
    /** Where the policy stands according to the source. */
    status: statusSchema,
    /** Dated events known for the policy. Leave empty rather than guess. */
    dates: z.array(datedEventSchema).default([]),
    /** Key figures: money in won, percentages, counts. */
    figures: z.array(figureSchema).default([]),
    /** Deadlines and scheduled steps. */
    milestones: z.array(milestoneSchema).default([]),
    /** Where every fact on the page comes from. */
    sources: z.array(sourceSchema).min(1, '출처(sources)가 하나 이상 필요합니다'),
    /** Related policies in any section, as `{ collection, id }`. */
    related: z.array(pageReference).default([]),
    /** Glossary term ids this page uses; they are linked from the page. */
    terms: z.array(z.string().min(1)).default([]),
    /** Old paths that redirect here. */
    aliases: z.array(aliasSchema).default([]),
    /** Last time the page was checked against its sources. */
    updated: isoDate.optional(),
  })
  .strict();

/** Frontmatter of a glossary term (content/glossary/). */
export const glossarySchema = z
  .object({
    /** The term as written in the source. */
    term: z.string().min(1),
    /** The spelled-out form of an abbreviation (출연연 → 정부출연연구기관). */
    fullForm: z.string().optional(),
    /** Other spellings readers type. Search treats them as synonyms of `term`. */
    aliases: z.array(z.string().min(1)).default([]),
    /**
     * English names, for foreign readers and journalists: the standard English name
     * first (the form MSIT's English releases use), then established abbreviations
     * only (MSIT, GRIs), never invented ones. Shown labelled 영문 and treated by
     * search as synonyms of `term`, a multi-word name only as a whole phrase.
     */
    english: z.array(z.string().trim().min(1), { error: '영문 이름(english) 목록이 필요합니다' }).min(1, '영문 이름(english)이 하나 이상 필요합니다'),
    /** One-sentence definition. */
    summary: z.string().min(5).max(200),
    /** Where the definition comes from. */
    sources: z.array(sourceSchema).min(1),
  })
  .strict();
