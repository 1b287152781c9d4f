/**
 * What a site tells the Korean search, and the JSON the search reads at its
 * boundaries (the indexer's job, the site's synonyms file), as Zod schemas: the
 * types come from them, and a malformed file fails with the field named.
 */
import { z } from 'astro/zod';

const suggestionSchema = z.object({
  /** Visible label. */
  label: z.string().min(1),
  /** The route path it links to (without the base path). */
  path: z.string().startsWith('/'),
  /** Other spellings that should also attract the query. */
  alsoKnownAs: z.array(z.string()).optional(),
});

export const koreanSearchOptionsSchema = z.object({
  /** The content folder the site is built from: the dev server tells a writer when the index is older than it. */
  contentDir: z.string().min(1),
  /**
   * Order of the filter values. Pages name their section (data-search-section,
   * data-search-section-title) and tags (data-search-tags) themselves; values listed
   * here come first in this order, the others after them in Korean alphabetical order.
   */
  filterOrder: z
    .object({
      sections: z.array(z.string()).default([]),
      tags: z.array(z.string()).default([]),
    })
    .default({ sections: [], tags: [] }),
  /**
   * A JSON file the site builds (a route path such as /search/synonyms.json), in the
   * form of synonymsFileSchema: words search treats as one, and where each group's
   * page is (a no-results suggestion). Without it there are no synonyms.
   */
  synonymsFile: z.string().startsWith('/').optional(),
  /** More no-results suggestions (after the synonym groups'), e.g. the site's sections. */
  suggestions: z.array(suggestionSchema).default([]),
});

/** The options as a site writes them (defaults may be left out). */
export type KoreanSearchOptions = z.input<typeof koreanSearchOptionsSchema>;
export type ResolvedSearchOptions = z.output<typeof koreanSearchOptionsSchema>;
/** A no-results suggestion (core/suggest.ts). */
export type SuggestionTarget = z.output<typeof suggestionSchema>;

/** The site's synonyms file: each group's members are one word to the search. */
export const synonymsFileSchema = z.object({
  groups: z.array(
    z.object({
      /** Stable ASCII id. */
      id: z.string().min(1),
      /** The group's main spelling, the label of its suggestion. */
      term: z.string().min(1),
      members: z.array(z.string().min(1)).min(1),
      /** The group's page, offered when a search finds nothing. */
      path: z.string().startsWith('/').optional(),
    }),
  ),
});
export type SynonymsFile = z.output<typeof synonymsFileSchema>;

/** One run of the indexer over a built site (indexer/run-indexer.ts). */
export const indexJobSchema = z.object({
  /** The built site. */
  outDir: z.string().min(1),
  /** contentDigest() of the content it was built from. */
  contentDigest: z.string().min(1),
  options: koreanSearchOptionsSchema,
});
export type IndexJob = z.output<typeof indexJobSchema>;

/** Parses `text` as JSON of `schema`; the error names `what` and the first wrong field. */
export function parseJson<T extends z.ZodType>(schema: T, text: string, what: string): z.output<T> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${what}: JSON이 아닙니다 (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${what}: ${issue ? `${issue.path.join('.') || '(전체)'} — ${issue.message}` : parsed.error.message}`);
  }
  return parsed.data;
}
