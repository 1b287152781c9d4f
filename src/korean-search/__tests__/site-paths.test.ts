import { describe, expect, it } from 'vitest';
import { routeUnderBase, searchPageLink, searchesAsTyped, underBase } from '../core/site-paths';

describe('paths under the site’s base path', () => {
  it.each([
    ['/', '/a/b/', '/a/b/'],
    ['/kr-policy/', '/a/b/', '/kr-policy/a/b/'],
    ['/kr-policy', '/pagefind/', '/kr-policy/pagefind/'],
    ['/x/y/', '/', '/x/y/'],
  ])('under %s, %s is %s', (base, path, url) => expect(underBase(path, base)).toBe(url));

  it('refuses a path that does not start with /', () => expect(() => underBase('a/', '/')).toThrow('/로 시작'));

  it.each([
    ['/', '/a/', '/a/'],
    ['/kr-policy/', '/kr-policy/a/', '/a/'],
    ['/kr-policy/', '/kr-policy', '/'],
    ['/kr-policy', '/kr-policy/pagefind/x.js', '/pagefind/x.js'],
    ['/kr-policy/', '/kr-policyx/a/', null],
    ['/kr-policy/', '/a/', null],
  ])('under %s, %s is the route %s', (base, pathname, route) => expect(routeUnderBase(pathname, base)).toBe(route));
});

describe('links to the search page', () => {
  it('carries the query, encoded, and the as-typed switch', () => {
    expect(searchPageLink('/kr-policy/search/', 'R&D 예산')).toBe('/kr-policy/search/?q=R%26D%20%EC%98%88%EC%82%B0');
    expect(searchPageLink('/search/?q=old#top', '인공지눙', { asTyped: true })).toBe(`/search/?q=${encodeURIComponent('인공지눙')}&correct=0`);
    expect(searchesAsTyped(new URLSearchParams('q=x&correct=0'))).toBe(true);
    expect(searchesAsTyped(new URLSearchParams('q=x'))).toBe(false);
  });
});
