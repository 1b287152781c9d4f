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

const typoManifestSchema = z.object({
  /** Number of syllable shards (a power of two). */
  syllableShards: z.number(),
  /** Lengths that have a Latin-run file. */
  runLengths: z.array(z.number()),
});
/** What the manifest says about the typo lookup (src/korean-search/core/typo/lookup-files.ts), so the browser requests only files that exist. */
export type TypoManifest = z.infer<typeof typoManifestSchema>;

/**
 * manifest.json (core/data-files.ts): everything the browser needs before its first search.
 * The indexer writes every field; `vocabularySize` and `typo` are optional because the dev server
 * serves the index of the last build to newer browser code, and an index built before
 * they existed has neither (the engine then loads shards one by one and corrects no typos).
 */
export const searchManifestSchema = z.object({
  /** Changes with every build; appended to data URLs so caches never mix builds. */
  build: z.string(),
  /** Digest of the content folder the index was built from (contentDigest()); the dev server compares it to say when the index is stale. */
  contentDigest: z.string(),
  pageCount: z.number(),
  vocabularyShards: z.number(),
  /** Tokens in the vocabulary (all shards). */
  vocabularySize: z.number().optional(),
  typo: typoManifestSchema.optional(),
  synonyms: z.array(z.object({ id: z.string(), members: z.array(z.string()) })),
  sections: z.array(z.object({ slug: z.string(), title: z.string() })),
  tags: z.array(z.string()),
  /** No-results suggestions: the synonym groups with a page, then the site's own. */
  suggestions: z.array(suggestionSchema),
});
export type SearchManifest = z.infer<typeof searchManifestSchema>;

/** What the indexer process prints as its last line (indexer/run-indexer.ts reads it back). */
export const searchIndexSummarySchema = z.object({
  pageCount: z.number(),
  tokenCount: z.number(),
  shardCount: z.number(),
  seconds: z.number(),
});
export type SearchIndexSummary = z.infer<typeof searchIndexSummarySchema>;

/** One part of a page's text: the text before the first heading, or an h2/h3 heading and what follows it. */
export const docSectionSchema = z.object({
  /** Heading id to link to; empty for the text before the first heading. */
  anchor: z.string(),
  /** Heading text; empty for the text before the first heading. */
  heading: z.string(),
  /** Plain text, paragraphs separated by newlines. */
  text: z.string(),
  /** A facts box (status, figures, dates as a list of values), not prose: excerpts come from prose first. */
  facts: z.boolean().optional(),
});
export type DocSection = z.infer<typeof docSectionSchema>;

/** A page's text as the indexer extracted it: pagefind-ko/doc/<id>.gz, and the indexer's files between its two passes. */
export const searchPageSchema = z.object({
  /** The route path of the page (without the base path: the index is the same under any base). */
  url: z.string(),
  /** The page's kind as the site names it (data-search-kind; "page" when it names none), a filter. */
  kind: z.string(),
  section: z.string(),
  sectionTitle: z.string(),
  tags: z.array(z.string()),
  title: z.string(),
  sections: z.array(docSectionSchema),
});
export type SearchPage = z.infer<typeof searchPageSchema>;

/** Parses `text` as JSON of `schema`; the error names `what` and the first wrong field. */
export function parseJson<T extends z.ZodType>(schema: T, text: string, what: string): z.output<T> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${what}: JSON이 아닙니다 (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${what}: ${issue ? `${issue.path.join('.') || '(전체)'} — ${issue.message}` : parsed.error.message}`);
  }
  return parsed.data;
}
