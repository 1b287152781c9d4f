import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findLocalUrls } from '../../scripts/check-deploy';
import { LOCAL_SITE, readDeployTarget } from '../../src/lib/deploy-target';

describe('readDeployTarget (SITE_URL, SITE_BASE)', () => {
  it('falls back to localhost, marked local, when SITE_URL is unset', () => {
    expect(readDeployTarget({})).toEqual({ site: LOCAL_SITE, base: '/', local: true });
  });

  it('takes an origin and a base path', () => {
    expect(readDeployTarget({ SITE_URL: 'https://policy.example.org', SITE_BASE: '/kr-policy' })).toEqual({
      site: 'https://policy.example.org',
      base: '/kr-policy/',
      local: false,
    });
    expect(readDeployTarget({ SITE_URL: 'https://org.github.io/', SITE_BASE: '' }).base).toBe('/');
  });

  it('refuses to build for deployment without a public SITE_URL', () => {
    expect(() => readDeployTarget({ REQUIRE_SITE_URL: '1' })).toThrow(/SITE_URL이 없습니다/);
    expect(() => readDeployTarget({ REQUIRE_SITE_URL: '1', SITE_URL: 'http://localhost:4321' })).toThrow(/이 컴퓨터의 주소/);
    expect(() => readDeployTarget({ REQUIRE_SITE_URL: '1', SITE_URL: 'http://127.0.0.1:8080' })).toThrow(/이 컴퓨터의 주소/);
    expect(readDeployTarget({ REQUIRE_SITE_URL: '1', SITE_URL: 'https://policy.example.org' }).local).toBe(false);
  });

  it.each([
    ['policy.example.org', /주소가 아닙니다/],
    ['ftp://policy.example.org', /http\(s\)/],
    ['https://policy.example.org/kr-policy/', /SITE_BASE=\/kr-policy\//],
    ['https://policy.example.org/?a=1', /origin만/],
    ['https://user:pw@policy.example.org', /origin만/],
  ])('says what is wrong with SITE_URL=%j', (value, message) => {
    expect(() => readDeployTarget({ SITE_URL: value })).toThrow(message);
  });
});

describe('check:deploy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'check-deploy-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names every file that carries a local URL, and passes a clean folder', () => {
    mkdirSync(join(dir, 'a'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<link rel="canonical" href="https://policy.example.org/">');
    expect(findLocalUrls(dir)).toEqual([]);
    writeFileSync(
      join(dir, 'a', 'index.html'),
      '<link rel="canonical" href="http://localhost:4321/a/"><meta property="og:url" content="http://localhost:4321/a/">',
    );
    writeFileSync(join(dir, 'sitemap-0.xml'), '<loc>http://127.0.0.1:4321/</loc>');
    writeFileSync(join(dir, 'photo.png'), 'http://localhost:4321/ inside binary data is not a link');
    expect(findLocalUrls(dir)).toEqual([
      { file: join('a', 'index.html'), url: 'http://localhost:4321', count: 2 },
      { file: 'sitemap-0.xml', url: 'http://127.0.0.1:4321', count: 1 },
    ]);
  });
});
