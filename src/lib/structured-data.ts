/**
 * schema.org structured data (JSON-LD) for the site's pages, built from the same
 * values the pages show. Pure: the caller passes absolute URLs.
 */

export type JsonLd = Record<string, unknown>;

/** The home page: the site and how to search it (`{search_term_string}` is schema.org's placeholder). */
export function webSiteJsonLd(site: { name: string; description: string; url: string; searchUrl: string }): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: site.name,
    description: site.description,
    url: site.url,
    inLanguage: 'ko',
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${site.searchUrl}?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

/** The trail from the home page to the page, each step an absolute URL. */
export function breadcrumbJsonLd(items: readonly { name: string; url: string }[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({ '@type': 'ListItem', position: i + 1, name: item.name, item: item.url })),
  };
}

export interface ArticleFacts {
  headline: string;
  description: string;
  url: string;
  /** When the page was last checked against its sources ("YYYY-MM-DD"). */
  dateModified?: string;
  /** The site the page belongs to. */
  site: { name: string; url: string };
  /** The sources the page is written from. */
  sources: readonly { title: string; publisher: string; url: string; date?: string }[];
  keywords?: readonly string[];
}

/**
 * A policy page: an Article that cites its sources (schema.org `citation`). No
 * author or publication date is claimed beyond what the content states.
 */
export function articleJsonLd(facts: ArticleFacts): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: facts.headline,
    description: facts.description,
    url: facts.url,
    mainEntityOfPage: facts.url,
    inLanguage: 'ko',
    ...(facts.dateModified ? { dateModified: facts.dateModified } : {}),
    ...(facts.keywords?.length ? { keywords: facts.keywords.join(', ') } : {}),
    isPartOf: { '@type': 'WebSite', name: facts.site.name, url: facts.site.url },
    citation: facts.sources.map((s) => ({
      '@type': 'CreativeWork',
      name: s.title,
      url: s.url,
      publisher: { '@type': 'Organization', name: s.publisher },
      ...(s.date ? { datePublished: s.date } : {}),
    })),
  };
}

/** JSON for a <script type="application/ld+json"> element: "<" escaped so no text can close the element. */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
