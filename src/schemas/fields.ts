import { z } from 'astro/zod';

/**
 * A calendar date written as a quoted `"YYYY-MM-DD"` string.
 * Unquoted YAML dates are parsed by the YAML parser (Astro's and ours, src/lib/frontmatter.ts) into `Date` objects and impossible
 * ones roll over silently (2025-02-30 becomes 2 March), so only strings pass and
 * each one is checked against the real calendar.
 */
export const isoDate = z
  .string({ error: '날짜는 따옴표로 감싼 "YYYY-MM-DD" 문자열이어야 합니다' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '날짜 형식은 "YYYY-MM-DD"여야 합니다')
  .refine((value) => {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, '달력에 없는 날짜입니다');

/** A source the page's facts come from. Every page needs at least one. */
export const sourceSchema = z
  .object({
    /** Title of the cited article or document, exactly as published. */
    title: z.string().min(1),
    /** Who published it (a newspaper, ministry, site name). */
    publisher: z.string().min(1),
    /** Where a reader can check it. */
    url: z.url({ error: '출처 URL이 올바르지 않습니다' }),
    /** Publication date, when the source states one. */
    date: isoDate.optional(),
    /** What the date means when it is not a publication date. */
    dateNote: z.string().optional(),
  })
  .strict();

/**
 * Words quoted from the one sentence of the stored source (data/source/) a fact
 * rests on; required on pages that cite a stored source (src/lib/claims.ts).
 */
const sourceQuote = z.string().trim().min(1).optional();

/** Money, always in won as a plain number (2조 9,300억 원 → 2930000000000). */
const moneyFigure = z
  .object({
    kind: z.literal('money'),
    /** What the amount is for. */
    label: z.string().min(1),
    /** Amount in won. A string such as "2조 9300억 원" is rejected on purpose. */
    won: z.number({ error: '금액(won)은 원 단위 숫자여야 합니다 (예: 2930000000000)' }).int().positive(),
    /** The source's words this rests on. */
    quote: sourceQuote,
  })
  .strict();

/** A share such as "정부 R&D 예산의 35%". */
const percentFigure = z
  .object({
    kind: z.literal('percent'),
    /** What the share is of. */
    label: z.string().min(1),
    /** Percentage points, 0–100. */
    value: z.number().min(0).max(100),
    /** The source's words this rests on. */
    quote: sourceQuote,
  })
  .strict();

/** A count with its unit, such as 1000큐비트. */
const countFigure = z
  .object({
    kind: z.literal('count'),
    /** What is counted. */
    label: z.string().min(1),
    /** The number. */
    value: z.number().nonnegative(),
    /** The unit written right after the number (큐비트, 개, 명). */
    unit: z.string().min(1),
    /** The source's words this rests on. */
    quote: sourceQuote,
  })
  .strict();

/** A key figure of a policy, shown by `formatFigure`. */
export const figureSchema = z.discriminatedUnion('kind', [moneyFigure, percentFigure, countFigure]);

/**
 * When something is due: a year (`"2027"`) or a half-year (`"2025-H2"`),
 * optionally as a deadline (`until: true` → "2027년까지").
 */
export const milestoneSchema = z
  .object({
    /** `"YYYY"` or `"YYYY-H1"` / `"YYYY-H2"`. */
    when: z.string().regex(/^\d{4}(-H[12])?$/, '시점은 "2027" 또는 "2025-H2" 형식이어야 합니다'),
    /** True when `when` is a deadline rather than a point in time. */
    until: z.boolean().default(false),
    /** How the source itself words the time, e.g. "올해 하반기". */
    sourceWording: z.string().optional(),
    /** What happens then. */
    text: z.string().min(1),
    /** The source's words this rests on. */
    quote: sourceQuote,
  })
  .strict();

/** A dated event in the policy's life (enactment, launch). */
export const datedEventSchema = z
  .object({
    /** What happened on that date. */
    label: z.string().min(1),
    /** The date. */
    date: isoDate,
    /** The source's words this rests on. */
    quote: sourceQuote,
  })
  .strict();

export const STATUS_LABELS = {
  planned: '계획',
  'in-progress': '추진 중',
  enacted: '제정·시행',
  ongoing: '상시 추진',
} as const;

export const statusSchema = z.enum(Object.keys(STATUS_LABELS) as [keyof typeof STATUS_LABELS, ...(keyof typeof STATUS_LABELS)[]]);

/** An old URL path that must keep working: `/old/path/`. */
export const aliasSchema = z.string().regex(/^\/([a-z0-9-]+\/)+$/, '별칭은 "/옛-경로/"처럼 소문자 ASCII와 슬래시로 된 경로여야 합니다');

export type Milestone = z.output<typeof milestoneSchema>;
