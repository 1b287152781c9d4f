/**
 * URL rules of the site: lowercase ASCII segments, always a trailing slash.
 * Every internal link is built here so the rules live in one place.
 */
const SEGMENT = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function assertSlug(slug: string, what = 'slug'): string {
  if (!SEGMENT.test(slug)) throw new Error(`${what} "${slug}"는 소문자 ASCII 단어와 하이픈으로만 써야 합니다`);
  return slug;
}

export const sectionUrl = (section: string) => `/${assertSlug(section, '분야')}/`;
export const policyUrl = (section: string, id: string) => `/${assertSlug(section, '분야')}/${assertSlug(id, '정책')}/`;
export const glossaryUrl = (id?: string) => (id ? `/glossary/${assertSlug(id, '용어')}/` : '/glossary/');
export const tagUrl = (tag?: string) => (tag ? `/tags/${assertSlug(tag, '태그')}/` : '/tags/');

/** Absolute URL for canonical links and feeds; `site` comes from astro.config. */
export function absoluteUrl(path: string, site: URL | string | undefined): string {
  if (!site) return path;
  return new URL(path, site).href;
}
