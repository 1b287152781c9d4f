import { describe, expect, it } from 'vitest';
import { absoluteUrl, assertSlug, glossaryUrl, policyUrl, sectionUrl, tagUrl } from '../../src/lib/urls';

describe('URL builders', () => {
  it('build lowercase paths with a trailing slash', () => {
    expect(sectionUrl('ai-g3')).toBe('/ai-g3/');
    expect(policyUrl('ai-g3', 'national-ai-computing-center')).toBe('/ai-g3/national-ai-computing-center/');
    expect(glossaryUrl()).toBe('/glossary/');
    expect(glossaryUrl('ai')).toBe('/glossary/ai/');
    expect(tagUrl()).toBe('/tags/');
    expect(tagUrl('rnd-budget')).toBe('/tags/rnd-budget/');
  });

  it.each(['AI', 'ai_g3', '인공지능', 'ai g3', '-ai', 'ai-', 'ai--g3', '', 'ai/g3', '%ec%9d%b8'])('refuse the segment %j', (bad) => {
    expect(() => sectionUrl(bad)).toThrow(/소문자 ASCII/);
    expect(() => policyUrl('ai-g3', bad)).toThrow();
    expect(() => glossaryUrl(bad || 'X')).toThrow();
    expect(() => tagUrl(bad || 'X')).toThrow();
  });

  it('name what was wrong', () => {
    expect(() => assertSlug('Bad', 'content/ai-g3/Bad.mdx: 파일 이름')).toThrow(/content\/ai-g3\/Bad\.mdx: 파일 이름 "Bad"/);
    expect(assertSlug('quantum-1000')).toBe('quantum-1000');
  });
});

describe('absoluteUrl', () => {
  it('joins a path to the site', () => {
    expect(absoluteUrl('/ai-g3/', 'https://policy.example.kr')).toBe('https://policy.example.kr/ai-g3/');
    expect(absoluteUrl('/ai-g3/', new URL('https://policy.example.kr/'))).toBe('https://policy.example.kr/ai-g3/');
  });
  it('leaves the path alone without a site', () => {
    expect(absoluteUrl('/ai-g3/', undefined)).toBe('/ai-g3/');
  });
});
