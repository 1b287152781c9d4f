/** The virtual module in which the integration (index.ts) hands the site's `suggestions` to the search UI. */
export const BROWSE_LINKS_MODULE = 'virtual:korean-search/browse-links';
