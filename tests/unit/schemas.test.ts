import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { aliasSchema, figureSchema, isoDate, milestoneSchema, sourceSchema } from '../../src/schemas/fields';
import { glossarySchema, policySchema } from '../../src/schemas/policy';
import { parseMdx } from '../../src/lib/frontmatter';

const policy = policySchema;

const VALID = `
title: 국가AI컴퓨팅센터 구축
summary: 과학기술정보통신부가 AI 인프라를 갖추려고 짓는 국가AI컴퓨팅센터입니다.
order: 2
tags: [ai, infrastructure]
status: in-progress
dates:
  - { label: 시행, date: "2026-01-22" }
figures:
  - { kind: money, label: 기초연구 예산, won: 2930000000000 }
  - { kind: percent, label: 비중, value: 35 }
  - { kind: count, label: 양자컴퓨터, value: 1000, unit: 큐비트급 }
milestones:
  - { when: "2027", until: true, text: 확대 }
  - { when: "2025-H2", sourceWording: 올해 하반기, text: 착수 }
sources:
  - title: AI개발사업 국가AI컴퓨팅센터 구축 본격화 소식!
    publisher: 충북진
    url: https://chungbukzine.com/3725
    date: "2025-01-14"
related:
  - { collection: ai-g3, id: ai-basic-act }
terms: [ai, msit]
aliases: [/ai/computing-center/]
updated: "2025-06-01"
`;

/** Frontmatter parsed by Astro's own parser (src/lib/frontmatter.ts), as the build reads it. */
const parseYaml = (text: string) => parseMdx(`---\n${text.trim()}\n---\n`, 'test.mdx').data;
const valid = () => parseYaml(VALID);

/** The failing issues as "path: message" lines. */
function issues(data: unknown, schema: z.ZodType = policy): string[] {
  const result = schema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

function expectIssue(data: unknown, path: string, message?: RegExp, schema: z.ZodType = policy) {
  const found = issues(data, schema);
  expect(found.length, 'the schema accepted invalid frontmatter').toBeGreaterThan(0);
  const atPath = found.filter((line) => line.startsWith(`${path}: `));
  expect(atPath, `no issue at "${path}" in:\n${found.join('\n')}`).not.toHaveLength(0);
  if (message) expect(atPath.join('\n')).toMatch(message);
}

describe('policy frontmatter', () => {
  it('accepts valid frontmatter and fills defaults', () => {
    const result = policy.safeParse(valid());
    expect(result.success, issues(valid()).join('\n')).toBe(true);
    const data = result.data!;
    expect(data.kind).toBe('policy');
    expect(data.milestones[1]!.until).toBe(false);
    expect(data.figures[0]).toEqual({ kind: 'money', label: '기초연구 예산', won: 2_930_000_000_000 });
  });

  it('accepts the minimal frontmatter', () => {
    const data = policy.parse(
      parseYaml(
        'title: 개요\nsummary: 열 자가 넘는 한 문장 요약입니다.\norder: 0\nkind: overview\nstatus: ongoing\nsources: [{ title: t, publisher: p, url: "https://example.org/" }]',
      ),
    );
    expect(data).toMatchObject({ tags: [], dates: [], figures: [], milestones: [], related: [], terms: [], aliases: [] });
  });

  it('rejects a missing title, naming the field', () => {
    const data = valid();
    delete data.title;
    expectIssue(data, 'title', /제목\(title\)/);
  });

  it('rejects an empty title', () => {
    expectIssue({ ...valid(), title: '' }, 'title', /title/);
  });

  it('rejects an impossible date "2025-02-30"', () => {
    expectIssue({ ...valid(), dates: [{ label: '시행', date: '2025-02-30' }] }, 'dates.0.date', /달력에 없는 날짜/);
    expectIssue({ ...valid(), updated: '2025-13-01' }, 'updated', /달력에 없는 날짜/);
  });

  it('rejects 29 February outside leap years only', () => {
    expect(isoDate.safeParse('2024-02-29').success).toBe(true);
    expect(isoDate.safeParse('2025-02-29').success).toBe(false);
    expect(isoDate.safeParse('2100-02-29').success).toBe(false);
  });

  it('rejects an unquoted YAML date (a Date object, as Astro parses it)', () => {
    expectIssue({ ...valid(), dates: [{ label: '시행', date: new Date('2026-01-22') }] }, 'dates.0.date', /따옴표/);
    expectIssue({ ...valid(), updated: new Date('2025-06-01') }, 'updated', /따옴표/);
    // An impossible unquoted date has already rolled over to another day; it must not pass either.
    expectIssue({ ...valid(), updated: new Date(Date.UTC(2025, 1, 30)) }, 'updated', /따옴표/);
  });

  it('rejects a date in another format', () => {
    expectIssue({ ...valid(), updated: '2025/06/01' }, 'updated', /YYYY-MM-DD/);
  });

  it('rejects money written as a string', () => {
    const data = parseYaml(VALID.replace('won: 2930000000000', 'won: "2조 9300억 원"'));
    expectIssue(data, 'figures.0.won', /원 단위 숫자/);
  });

  it('rejects money that is not a whole positive number of won', () => {
    expectIssue({ ...valid(), figures: [{ kind: 'money', label: 'x', won: 1.5 }] }, 'figures.0.won');
    expectIssue({ ...valid(), figures: [{ kind: 'money', label: 'x', won: -1 }] }, 'figures.0.won');
  });

  it('rejects an unknown figure kind and a percent over 100', () => {
    expectIssue({ ...valid(), figures: [{ kind: 'ratio', label: 'x', value: 1 }] }, 'figures.0.kind');
    expectIssue({ ...valid(), figures: [{ kind: 'percent', label: 'x', value: 135 }] }, 'figures.0.value');
  });

  it('rejects an unknown tag, naming it', () => {
    expectIssue({ ...valid(), tags: ['ai', 'blockchain'] }, 'tags.1', /알 수 없는 태그입니다: blockchain/);
  });

  it('rejects an unknown key such as slug (strict)', () => {
    const found = issues({ ...valid(), slug: 'custom-url' });
    expect(found.join('\n')).toMatch(/slug/);
  });

  it('rejects unknown keys inside nested objects', () => {
    expect(issues({ ...valid(), sources: [{ title: 't', publisher: 'p', url: 'https://example.org/', author: 'x' }] }).join('\n')).toMatch(
      /sources\.0.*author|author/,
    );
    expect(issues({ ...valid(), milestones: [{ when: '2027', text: 'x', year: 2027 }] }).join('\n')).toMatch(/year/);
  });

  it.each([
    '/AI/computing-center/',
    '/ai/computing-center',
    'ai/computing-center/',
    '/ai/컴퓨팅센터/',
    '/ai//x/',
    '/ai/computing center/',
    'https://example.org/ai/',
  ])('rejects the alias %j', (alias) => {
    expectIssue({ ...valid(), aliases: [alias] }, 'aliases.0', /별칭/);
  });

  it.each(['2025-H3', '2025-h2', '25', '2025-Q1', '2025-06'])('rejects the milestone %j', (when) => {
    expectIssue({ ...valid(), milestones: [{ when, text: '일정' }] }, 'milestones.0.when', /시점/);
  });

  it('rejects an unquoted year milestone (a number)', () => {
    expectIssue(parseYaml(VALID.replace('when: "2027"', 'when: 2027')), 'milestones.0.when');
  });

  it('rejects a page without sources', () => {
    expectIssue({ ...valid(), sources: [] }, 'sources', /출처/);
    expectIssue({ ...valid(), sources: [{ title: 't', publisher: 'p', url: 'not a url' }] }, 'sources.0.url', /URL/);
  });

  it('rejects an unknown status and kind', () => {
    expectIssue({ ...valid(), status: 'done' }, 'status');
    expectIssue({ ...valid(), kind: 'index' }, 'kind');
  });

  it('rejects a summary that is too short or too long', () => {
    expectIssue({ ...valid(), summary: '짧다' }, 'summary');
    expectIssue({ ...valid(), summary: '가'.repeat(201) }, 'summary');
  });
});

describe('field schemas', () => {
  it('accept valid values', () => {
    expect(aliasSchema.parse('/ai/computing-center/')).toBe('/ai/computing-center/');
    expect(milestoneSchema.parse({ when: '2025-H1', text: 'x' })).toEqual({ when: '2025-H1', until: false, text: 'x' });
    expect(figureSchema.parse({ kind: 'count', label: 'x', value: 1000, unit: '큐비트' })).toMatchObject({ value: 1000 });
    expect(sourceSchema.parse({ title: 't', publisher: 'p', url: 'https://example.org/', dateNote: '게시일 없음' })).toBeTruthy();
  });
});

describe('glossary frontmatter', () => {
  const term = {
    term: 'AI',
    fullForm: '인공지능',
    aliases: ['인공지능'],
    english: ['artificial intelligence', 'AI'],
    summary: '사람의 지능을 흉내 내는 기술입니다.',
    sources: [{ title: 't', publisher: 'p', url: 'https://example.org/' }],
  };
  it('accepts a valid term', () => {
    expect(glossarySchema.parse(term)).toEqual(term);
  });
  it('rejects a missing term and unknown keys', () => {
    const { term: _omit, ...rest } = term;
    expectIssue(rest, 'term', undefined, glossarySchema);
    expect(issues({ ...term, title: 'AI' }, glossarySchema).join('\n')).toMatch(/title/);
  });
  it('rejects a term without sources', () => {
    expectIssue({ ...term, sources: [] }, 'sources', undefined, glossarySchema);
  });
  it('rejects a term without an English name', () => {
    const { english: _omit, ...rest } = term;
    expectIssue(rest, 'english', /영문/, glossarySchema);
    expectIssue({ ...term, english: [] }, 'english', /영문/, glossarySchema);
    expectIssue({ ...term, english: ['  '] }, 'english.0', undefined, glossarySchema);
  });
});
