/**
 * English names of glossary terms (`english` in content/glossary/*.mdx): every
 * entry has one, and search treats each as a synonym of the Korean term, a name
 * of several words only as a whole phrase, never one of its common words alone.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMdxFile } from '../../src/lib/frontmatter';
import { createKoreanAnalyzer, describeToken, queryTokens, type SynonymGroup } from '../../src/korean-search/node';
import { glossarySynonymGroup } from '../../src/pages/search/synonyms.json.ts';
import { glossarySchema } from '../../src/schemas/policy';

const GLOSSARY = join(import.meta.dirname, '../../content/glossary');
const entries = readdirSync(GLOSSARY)
  .filter((name) => name.endsWith('.mdx'))
  .sort()
  .map((name) => ({ id: name.replace(/\.mdx$/, ''), file: `content/glossary/${name}`, data: readMdxFile(join(GLOSSARY, name)).data }));

/**
 * The site's real synonym groups, built by the same function as /search/synonyms.json.
 * An entry the schema refuses is left out here and named by the tests below.
 */
const groups: SynonymGroup[] = entries.flatMap(({ id, data }) => {
  const parsed = glossarySchema.safeParse(data);
  return parsed.success ? [glossarySynonymGroup(id, parsed.data)] : [];
});
const analyzer = createKoreanAnalyzer({ synonyms: groups });

const tokensOf = (query: string) => queryTokens(analyzer.analyzeQuery(query)).map(describeToken);
const synonymsOf = (query: string) => tokensOf(query).filter((t) => t.startsWith('syn:'));
const english = (id: string) => (entries.find((e) => e.id === id)!.data.english as string[] | undefined) ?? [];

describe('every glossary entry has an English name', () => {
  it('reads the real glossary', () => expect(entries.length).toBeGreaterThanOrEqual(30));

  it.each(entries.map((e) => [e.file, e.data] as const))('%s', (_file, data) => {
    expect(Array.isArray(data.english), 'english: [standard English name, abbreviations…] is missing').toBe(true);
    const names = data.english as unknown[];
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      expect(typeof name).toBe('string');
      expect((name as string).trim()).not.toBe('');
      // English text only: it is shown with lang="en".
      expect(name).toMatch(/^[A-Za-z][A-Za-z0-9&' -]*$/);
    }
    expect(new Set(names).size, 'a name is listed twice').toBe(names.length);
    expect(glossarySchema.safeParse(data).error?.issues ?? []).toEqual([]);
  });

  it('no English name belongs to two entries', () => {
    const owner = new Map<string, string>();
    for (const { id, data } of entries) {
      for (const name of (data.english as string[] | undefined) ?? []) {
        const key = name.toLowerCase().replace(/-/g, ' ');
        expect(owner.get(key), `${name}: ${owner.get(key)} and ${id}`).toBeUndefined();
        owner.set(key, id);
      }
    }
  });
});

describe('an English name finds the Korean term', () => {
  it.each([
    ['national bio committee', '국가바이오위원회'],
    ['National Bio Committee', '국가바이오위원회'],
    ['NATIONAL BIO COMMITTEE', '국가바이오위원회'],
    ['national  bio   committee', '국가바이오위원회'],
    ['National Bio Committee의', '국가바이오위원회를'],
    ['science diplomacy', '과학기술외교'],
    ['Science Diplomacy', '과학기술외교'],
    ['science and technology diplomacy', '과학기술외교'],
    ['S&T diplomacy', '과학기술외교'],
    ['preliminary feasibility study', '예비타당성조사'],
    ['government-funded research institutes', '출연연'],
    ['GRIs', '출연연'],
    ['Ministry of Science and ICT', '과기정통부'],
    ['National AI Computing Center', '국가AI컴퓨팅센터'],
    ['AI Basic Act', 'AI기본법'],
    ['national strategic technology', '국가전략기술'],
    ['regional R&D', '지역R&D'],
  ])('%s → the tokens of %s', (query, korean) => {
    const tokens = tokensOf(query);
    expect(tokens).toEqual(tokensOf(korean));
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatch(/^syn:/);
  });

  it.each(entries.map((e) => [e.id] as const))('every English name of %s, as a query, is its synonym token', (id) => {
    for (const name of english(id)) {
      expect(tokensOf(name), name).toEqual([`syn:${id}`]);
      expect(analyzer.indexTokens(`영문: ${name}.`).map(describeToken), name).toContain(`syn:${id}`);
    }
  });

  it('finds the Korean page text', () => {
    const indexed = new Set(analyzer.indexTokens('국가바이오위원회를 출범시켜 민관 협력으로 바이오 산업의 경쟁력을 높이겠다').map(describeToken));
    for (const query of ['national bio committee', 'NATIONAL BIO COMMITTEE', 'National Bio Committee 출범']) {
      expect(
        tokensOf(query).every((t) => indexed.has(t)),
        query,
      ).toBe(true);
    }
    expect(new Set(analyzer.indexTokens('과학기술 외교의 활성화').map(describeToken))).toContain('syn:science-diplomacy');
  });

  it('keeps the rest of the query as words of their own', () => {
    expect(tokensOf('science diplomacy 활성화')).toEqual(['syn:science-diplomacy', '활성', '성화']);
    expect(tokensOf('R&D budget')).toEqual(['syn:rnd', 'budget']);
  });
});

describe('a common English word alone is no synonym', () => {
  it.each([
    'science',
    'national',
    'budget',
    'bio',
    'committee',
    'diplomacy',
    'research',
    'technology',
    'Ministry',
    'and',
    'center',
    'fund',
    'policy',
    'data',
    'basic',
    'act',
    'study',
    'company',
    'business',
  ])('%s', (word) => {
    expect(synonymsOf(word)).toEqual([]);
    expect(synonymsOf(word.toUpperCase())).toEqual([]);
  });

  it.each(['national bio', 'bio committee', 'national committee', 'science technology', 'national bio committees', 'bio national committee'])(
    'nor a part or a variant of a name: %s',
    (query) => expect(synonymsOf(query)).toEqual([]),
  );

  it('nor in page text', () => {
    const tokens = analyzer.indexTokens('national science budget for the bio committee and diplomacy research').map(describeToken);
    expect(tokens.filter((t) => t.startsWith('syn:'))).toEqual([]);
  });
});
