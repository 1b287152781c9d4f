/** The site's `suggestions` option (label and route path), served by the integration's Vite plugin (index.ts). */
declare module 'virtual:korean-search/browse-links' {
  const links: { label: string; path: string }[];
  export default links;
}
