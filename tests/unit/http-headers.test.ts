import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  metaCsp,
  CACHE_RULES,
  CSP_DIRECTIVES,
  IMMUTABLE,
  REVALIDATE,
  SECURITY_HEADERS,
  cacheControlFor,
  renderNetlifyHeaders,
  renderNginxRedirectMap,
  renderRedirects,
  serializeCsp,
} from '../../src/lib/http-headers';
import { REPO_ROOT, deployFiles } from '../../scripts/generate-deploy-config';

const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; worker-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
const ALIAS = { from: '/ai/computing-center/', to: '/ai-g3/national-ai-computing-center/' };

describe('the header list', () => {
  it('serializes the CSP record to the policy string', () => {
    expect(serializeCsp(CSP_DIRECTIVES)).toBe(CSP);
    expect(SECURITY_HEADERS.find((h) => h.name === 'Content-Security-Policy')?.value).toBe(CSP);
  });

  it('has every security header once', () => {
    expect(Object.fromEntries(SECURITY_HEADERS.map((h) => [h.name, h.value]))).toEqual({
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
      'Cross-Origin-Opener-Policy': 'same-origin',
    });
  });

  it.each([
    ['/_astro/main.Bx3k9a.js', IMMUTABLE],
    ['/_astro/sub/dir/font.woff2', IMMUTABLE],
    ['/pagefind/index/ko_0a1b2c3.pf_index', IMMUTABLE],
    ['/pagefind/filter/ko_0a1b2c3.pf_filter', IMMUTABLE],
    ['/pagefind/fragment/ko_0a1b2c3.pf_fragment', IMMUTABLE],
    ['/pagefind/pagefind.ko_ca32d42fdb.pf_meta', IMMUTABLE],
    ['/pagefind/pagefind.js', REVALIDATE],
    ['/pagefind/pagefind-entry.json', REVALIDATE],
    ['/pagefind/wasm.unknown.pagefind', REVALIDATE],
    ['/pagefind-ko/vocab/0.gz', REVALIDATE],
    ['/pagefind-ko/index/x', REVALIDATE],
    ['/', REVALIDATE],
    ['/ai-g3/', REVALIDATE],
    ['/rss.xml', REVALIDATE],
    ['/sitemap-index.xml', REVALIDATE],
  ])('gives %s Cache-Control %s', (path, expected) => {
    expect(cacheControlFor(path)).toBe(expected);
  });

  it('applies the rules under a base path only', () => {
    expect(cacheControlFor('/kr/_astro/a.js', '/kr/')).toBe(IMMUTABLE);
    expect(cacheControlFor('/_astro/a.js', '/kr/')).toBe(REVALIDATE);
  });

  it('has no two cache rules matching one path', () => {
    const samples = ['/_astro/x', '/pagefind/index/x', '/pagefind/filter/x', '/pagefind/fragment/x', '/pagefind/a.pf_meta'];
    for (const sample of samples) {
      const matching = CACHE_RULES.filter((r) => new RegExp(`^${r.path.replace(/\./g, '\\.').replace(/\*/g, '.*')}$`).test(sample));
      expect(matching, sample).toHaveLength(1);
    }
  });
});

describe('renderNetlifyHeaders', () => {
  it('puts the security headers on /* and Cache-Control only on the hashed paths', () => {
    const text = renderNetlifyHeaders('/');
    const blocks = text
      .split('\n')
      .filter((l) => !l.startsWith('#') && l.trim() !== '')
      .reduce<{ path: string; headers: string[] }[]>((acc, line) => {
        if (line.startsWith('/')) acc.push({ path: line, headers: [] });
        else acc.at(-1)!.headers.push(line.trim());
        return acc;
      }, []);
    expect(blocks[0]).toEqual({ path: '/*', headers: SECURITY_HEADERS.map((h) => `${h.name}: ${h.value}`) });
    expect(blocks.slice(1)).toEqual(CACHE_RULES.map((r) => ({ path: r.path, headers: [`Cache-Control: ${IMMUTABLE}`] })));
    // The hosts comma-join a header set by two matching rules: never on /*.
    expect(blocks[0]!.headers.some((h) => h.startsWith('Cache-Control'))).toBe(false);
  });

  it('prefixes the base path', () => {
    const paths = renderNetlifyHeaders('/kr-policy/')
      .split('\n')
      .filter((l) => l.startsWith('/'));
    expect(paths).toEqual(['/kr-policy/*', ...CACHE_RULES.map((r) => `/kr-policy${r.path}`)]);
  });

  it.each(['', 'kr', '/kr', 'kr/', '/../', '/a b/', '/kr/"/', '/kr/$x/', '/한국/'])('refuses the base path %j', (base) => {
    expect(() => renderNetlifyHeaders(base)).toThrow(/기본 경로/);
  });
});

describe('redirect files', () => {
  it('renders _redirects lines', () => {
    expect(renderRedirects([ALIAS], '/')).toMatch(/\n\/ai\/computing-center\/ \/ai-g3\/national-ai-computing-center\/ 301\n$/);
    expect(renderRedirects([ALIAS], '/kr/')).toMatch(/\n\/kr\/ai\/computing-center\/ \/kr\/ai-g3\/national-ai-computing-center\/ 301\n$/);
  });

  it('renders nginx map entries, with and without the trailing slash', () => {
    const lines = renderNginxRedirectMap([ALIAS], '/kr/')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    expect(lines).toEqual([
      '"/kr/ai/computing-center/" "/kr/ai-g3/national-ai-computing-center/";',
      '"/kr/ai/computing-center" "/kr/ai-g3/national-ai-computing-center/";',
    ]);
  });

  it('renders nothing but the comment for no aliases', () => {
    expect(
      renderNginxRedirectMap([], '/')
        .split('\n')
        .filter((l) => l && !l.startsWith('#')),
    ).toEqual([]);
  });

  it.each([
    '/old" "/evil/";\n"/x/',
    '/old/;return 200 hi;/',
    '/~^.*$/',
    '/$host/',
    '/old/{/',
    '/옛-주소/',
    '/%ec%98%9b/',
    '/Old/',
    '/old/../etc/',
    '/old//x/',
    '/old',
    'old/',
    '//evil.example/',
    '/old\\/',
    '/old /',
    '',
  ])('refuses the hostile alias path %j', (from) => {
    for (const render of [renderNginxRedirectMap, renderRedirects]) {
      expect(() => render([{ from, to: ALIAS.to }], '/')).toThrow(/리디렉션/);
      expect(() => render([{ from: ALIAS.from, to: from }], '/')).toThrow(/리디렉션/);
    }
  });

  it('refuses an alias that points at two pages or at itself', () => {
    expect(() => renderNginxRedirectMap([ALIAS, { from: ALIAS.from, to: '/ai-g3/' }], '/')).toThrow(/두 곳/);
    expect(() => renderRedirects([{ from: '/ai-g3/', to: '/ai-g3/' }], '/')).toThrow(/제자리/);
    expect(renderNginxRedirectMap([ALIAS, ALIAS], '/').match(/^"/gm)).toHaveLength(2);
  });
});

describe('committed deploy files', () => {
  it.each(deployFiles().map((f) => [f.path, f.text]))('%s is what the generator writes', (path, expected) => {
    const committed = readFileSync(join(REPO_ROOT, path), 'utf8');
    if (committed !== expected) {
      throw new Error(`${path}가 src/lib/http-headers.ts와 다릅니다: \`npm run generate:deploy\`를 실행하고 결과를 커밋하세요.`);
    }
  });

  it('nginx.conf sets no header outside its generated block', () => {
    const conf = readFileSync(join(REPO_ROOT, 'deploy/nginx.conf'), 'utf8');
    const outside = conf.replace(/# >>> generated server:[\s\S]*?# <<< generated server/, '');
    // add_header in a location would silently drop every server-level header there.
    expect(outside).not.toMatch(/^\s*(?:add_header|more_set_headers|expires)\b/m);
    expect(conf.match(/^\s*add_header /gm)).toHaveLength(SECURITY_HEADERS.length + 1);
  });
});

describe('the CSP in a <meta> element', () => {
  it('is the header policy without the directives a meta policy cannot carry', () => {
    const meta = metaCsp();
    expect(meta).not.toMatch(/frame-ancestors|report-uri|sandbox/);
    expect(serializeCsp()).toBe(`${meta}; frame-ancestors 'none'`);
  });
});
