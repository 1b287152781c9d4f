import { describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  assertSlug,
  glossaryUrl,
  normalizeBasePath,
  ogImagePath,
  ogImageUrl,
  policyUrl,
  searchUrl,
  sectionUrl,
  stripBase,
  tagUrl,
  withBase,
} from '../../src/lib/urls';

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

describe('base path', () => {
  it.each([
    ['', '/'],
    ['/', '/'],
    ['/kr-policy', '/kr-policy/'],
    ['kr-policy/', '/kr-policy/'],
    ['/org/kr-policy/', '/org/kr-policy/'],
    // Extra slashes collapse: the base can never become a protocol-relative //host URL.
    ['//evil.example/', '/evil.example/'],
  ])('normalizes %j to %j', (raw, base) => {
    expect(normalizeBasePath(raw)).toBe(base);
  });

  it.each(['/../etc/', '/a b/', '/정책/', '/a"onload="x/', '/a?b/', '/a#b/'])('refuses %j', (raw) => {
    expect(() => normalizeBasePath(raw)).toThrow(/기본 경로/);
  });

  it('puts route paths under the base and takes them out again', () => {
    expect(withBase('/ai-g3/', '/kr-policy/')).toBe('/kr-policy/ai-g3/');
    expect(withBase('/', '/kr-policy/')).toBe('/kr-policy/');
    expect(withBase('/ai-g3/', '/')).toBe('/ai-g3/');
    expect(stripBase('/kr-policy/ai-g3/', '/kr-policy/')).toBe('/ai-g3/');
    expect(stripBase('/kr-policy', '/kr-policy/')).toBe('/');
    expect(stripBase('/other/ai-g3/', '/kr-policy/')).toBeNull();
    expect(() => withBase('ai-g3/', '/kr-policy/')).toThrow();
  });

  it('the search URL carries an encoded query', () => {
    expect(searchUrl('R&D 예산')).toBe(`${withBase('/search/')}?q=R%26D%20%EC%98%88%EC%82%B0`);
  });
});

describe('ogImagePath / ogImageUrl', () => {
  it('map a route path to one PNG under /og/', () => {
    expect(ogImagePath('/')).toBe('/og/index.png');
    expect(ogImagePath('/ai-g3/')).toBe('/og/ai-g3.png');
    expect(ogImagePath('/ai-g3/ai-basic-act/')).toBe('/og/ai-g3/ai-basic-act.png');
    expect(ogImagePath('/glossary/ai/')).toBe('/og/glossary/ai.png');
    expect(ogImagePath('/tags/rnd-budget/')).toBe('/og/tags/rnd-budget.png');
  });

  it('give a page the same image whether named by its URL or its built file', () => {
    expect(ogImagePath('/404/')).toBe(ogImagePath('/404.html'));
    expect(ogImagePath('/timeline/index.html')).toBe(ogImagePath('/timeline/'));
  });

  it('put the URL under the base path', () => {
    expect(withBase(ogImagePath('/ai-g3/ai-basic-act/'), '/kr-policy/')).toBe('/kr-policy/og/ai-g3/ai-basic-act.png');
    expect(absoluteUrl(withBase(ogImagePath('/'), '/kr-policy/'), 'https://policy.example.org')).toBe('https://policy.example.org/kr-policy/og/index.png');
    expect(ogImageUrl('/timeline/')).toBe('/og/timeline.png');
  });

  it('refuse paths that are not the site’s', () => {
    expect(() => ogImagePath('ai-g3/')).toThrow(/\/로 시작/);
    expect(() => ogImagePath('/../etc/')).toThrow();
    expect(() => ogImagePath('/인공지능/')).toThrow();
  });
});
