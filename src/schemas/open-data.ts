import { z } from 'astro/zod';
import { SECTION_SLUGS } from '../data/sections';
import { STATUS_LABELS, figureSchema, isoDate, milestoneSchema, sourceSchema, statusSchema } from './fields';

/**
 * /data/policies.json: every policy page as data, built from the same frontmatter
 * fields (and field schemas) the pages show. /data/policies.schema.json is this
 * schema exported by Zod (z.toJSONSchema), never written by hand.
 */
export const openDataPolicySchema = z
  .object({
    /** The page, as an absolute URL. */
    url: z.url(),
    /** The policy section the page belongs to. */
    section: z.object({ slug: z.enum(SECTION_SLUGS), title: z.string().min(1) }).strict(),
    /** The policy's name as the source writes it. */
    title: z.string().min(1),
    /** One sentence saying what the policy is. */
    summary: z.string().min(1),
    /** Where the policy stands according to the source. */
    status: statusSchema,
    /** The status as the site shows it in Korean. */
    statusLabel: z.enum(Object.values(STATUS_LABELS) as [string, ...string[]]),
    /** Key figures; money always in whole won (`won`). */
    figures: z.array(figureSchema),
    /** Deadlines and scheduled steps, with the source's own wording of the time where it has one. */
    milestones: z.array(milestoneSchema),
    /** Where every fact comes from. */
    sources: z.array(sourceSchema).min(1),
    /** Last time the page was checked against its sources. */
    updated: isoDate.optional(),
  })
  .strict();

export const openDataSchema = z
  .object({
    /** Where the JSON Schema of this file is. */
    $schema: z.url(),
    /** The site's name. */
    title: z.string().min(1),
    /** The site's home page. */
    site: z.url(),
    /** Every policy page (section overviews are not policies). */
    policies: z.array(openDataPolicySchema),
  })
  .strict();

export type OpenData = z.infer<typeof openDataSchema>;

/** The JSON Schema (draft 2020-12) of /data/policies.json, for a file at `id`. */
export function openDataJsonSchema(id: string): Record<string, unknown> {
  return { $id: id, title: '정책 공개 데이터 (policies.json)', ...z.toJSONSchema(openDataSchema, { target: 'draft-2020-12', io: 'output' }) };
}
