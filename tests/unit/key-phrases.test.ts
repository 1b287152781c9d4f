import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingPhrases, normalizeForMatch, parseKeyPhrases } from '../../src/lib/key-phrases';
import { REPO_ROOT } from '../helpers/astro-build';
import { lintContentFolder } from '../../scripts/lint-content';

const KEY_PHRASES = join(REPO_ROOT, 'data/source/key-phrases.txt');

describe('normalizeForMatch', () => {
  it('removes white space, commas and middle dots', () => {
    expect(normalizeForMatch('2조 9,300억 원')).toBe('2조9300억원');
    expect(normalizeForMatch('민·관 합작')).toBe('민관합작');
    expect(normalizeForMatch('민ㆍ관')).toBe('민관');
    expect(normalizeForMatch('민・관')).toBe('민관');
    expect(normalizeForMatch(' a\tb\nc\u00a0d ')).toBe('abcd');
  });
  it('lower-cases Latin letters', () => {
    expect(normalizeForMatch('AI기본법 SW 거점')).toBe('ai기본법sw거점');
  });
  it('composes decomposed Hangul', () => {
    expect(normalizeForMatch('기초연구'.normalize('NFD'))).toBe('기초연구');
  });
});

describe('parseKeyPhrases', () => {
  it('keeps one phrase a line and drops comments and blanks', () => {
    expect(parseKeyPhrases('# 주석\n국가전략기술\n\n  2027년  \n# Section 2\n35%\n')).toEqual(['국가전략기술', '2027년', '35%']);
  });
  it('handles CRLF files', () => {
    expect(parseKeyPhrases('a\r\nb\r\n')).toEqual(['a', 'b']);
  });
});

describe('missingPhrases', () => {
  it('matches across spacing, commas and dots', () => {
    expect(missingPhrases(['2조 9300억 원', '민·관 합작', 'AI기본법'], ['예산은 2조 9,300억 원입니다.', '민관 합작 투자', 'ai 기본법'])).toEqual([]);
  });
  it('reports the phrases no text contains', () => {
    expect(missingPhrases(['양자컴퓨터', '1000큐비트', '통신비'], ['1000 큐비트급 양자 컴퓨터'])).toEqual(['통신비']);
  });
  it('does not match across two texts', () => {
    expect(missingPhrases(['기초연구'], ['기초', '연구'])).toEqual(['기초연구']);
  });
});

describe("the repo's key-phrase file (data/source/key-phrases.txt)", () => {
  it('is in the repo and holds the seed phrases', () => {
    expect(existsSync(KEY_PHRASES), `${KEY_PHRASES}가 없습니다 (data/README.md)`).toBe(true);
    expect(parseKeyPhrases(readFileSync(KEY_PHRASES, 'utf8')).length).toBeGreaterThan(40);
  });

  it('lint:content reports the missing file by name when the key-phrase file is missing', () => {
    const missing = 'data/source/no-such-key-phrases.txt';
    const { errors } = lintContentFolder(join(REPO_ROOT, 'content'), missing);
    expect(errors).toContain(`${missing}: 핵심어 파일이 없습니다; 핵심어 검사를 할 수 없습니다 (key-phrase file not found; see data/README.md)`);
  });
});
