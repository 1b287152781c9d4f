import { describe, expect, it } from 'vitest';
import { SECTION_SLUGS } from '../../src/data/sections';
import { policySchema } from '../../src/schemas/policy';
import { parseMdx } from '../../src/lib/frontmatter';
import { createRng, finalSound, generateScaleContent, pageRef, withParticle } from '../../scripts/lib/scale-content';

const frontmatterOf = (text: string): unknown => parseMdx(text, 'generated.mdx').data;

const schema = policySchema;

describe('withParticle', () => {
  it.each([
    ['기본법', '을', '기본법을'],
    ['컴퓨팅센터', '을', '컴퓨팅센터를'],
    ['AI기본법', '이', 'AI기본법이'],
    ['지역R&D', '을', '지역R&D를'],
    ['범부처 CTO', '은', '범부처 CTO는'],
    ['1000큐비트급', '으로', '1000큐비트급으로'],
    ['1000', '이', '1000이'],
    ['2', '이', '2가'],
    ['서울', '으로', '서울로'],
    ['데이터센터', '으로', '데이터센터로'],
    ['출연연', '과', '출연연과'],
    ['스타트업', '의', '스타트업의'],
    ['35%', '을', '35%를'],
    ['SW', '에서', 'SW에서'],
  ] as const)('%s + %s → %s', (word, particle, expected) => {
    expect(withParticle(word, particle)).toBe(expected);
  });

  it('reads L, R and 1, 7, 8 as ending in ㄹ', () => {
    expect(finalSound('URL')).toBe('rieul');
    expect(finalSound('7')).toBe('rieul');
    expect(finalSound('10')).toBe('consonant');
  });
});

describe('generateScaleContent', () => {
  const glossaryIds = ['ai', 'qubit'];
  const files = generateScaleContent({ pages: 300, seed: 7, glossaryIds });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateScaleContent({ pages: 300, seed: 7, glossaryIds })).toEqual(files);
    expect(generateScaleContent({ pages: 300, seed: 8, glossaryIds })).not.toEqual(files);
  });

  it('writes ten overviews and N policies spread over every section', () => {
    expect(files).toHaveLength(310);
    for (const slug of SECTION_SLUGS) {
      const inSection = files.filter((f) => f.path.startsWith(`${slug}/`));
      expect(inSection.filter((f) => f.path.endsWith('/overview.mdx'))).toHaveLength(1);
      expect(inSection.length).toBe(31);
    }
    expect(pageRef(12)).toEqual({ section: SECTION_SLUGS[2], id: 'policy-00013' });
  });

  it('gives frontmatter the real schema accepts, with references that resolve', () => {
    const ids = new Set(files.map((f) => f.path.replace(/\.mdx$/, '')));
    for (const f of files) {
      const parsed = schema.safeParse(frontmatterOf(f.text));
      expect(parsed.success, `${f.path}: ${parsed.error?.message}`).toBe(true);
      for (const r of parsed.data!.related) expect(ids.has(`${r.collection}/${r.id}`)).toBe(true);
      for (const t of parsed.data!.terms) expect(glossaryIds).toContain(t);
    }
  });

  it('uses the seed vocabulary with particles, compounds, spacing variants and h2/h3 headings', () => {
    const all = files.map((f) => f.text).join('\n');
    for (const phrase of ['국가AI컴퓨팅센터', 'AI기본법', '1000큐비트급', '지역R&D', '컴퓨팅센터를', '출연연의', '정책펀드', '정책 펀드', '\n## ', '\n### ']) {
      expect(all, phrase).toContain(phrase);
    }
    // No particle in the wrong form after a vowel-final or consonant-final Hangul noun.
    expect(all).not.toMatch(/센터을|기본법를|출연연가/);
  });

  it('draws from a seeded PRNG in [0, 1)', () => {
    const rng = createRng(1);
    const values = Array.from({ length: 1000 }, rng);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(createRng(1)()).toBe(values[0]);
  });
});
