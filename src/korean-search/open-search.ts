/**
 * The search entry every page loads (a small module, bundled and content-hashed by
 * Vite): opens the search dialog on a click of the header button, Ctrl/⌘+K or "/",
 * importing the search UI only then, and marks ?highlight= terms on a page reached
 * from a search result. Without JavaScript the header button is a link to /search/.
 */
let dialogModule: Promise<typeof import('./search-page')> | undefined;

/** The header button's own link, /search/ under the site's base path. */
const searchPageUrl = () => document.querySelector<HTMLAnchorElement>('a[data-search-trigger]')?.href ?? location.href;

function openSearch(): void {
  (dialogModule ??= import('./search-page')).then(
    (m) => m.openSearchDialog(),
    () => {
      // The bundle could not load (offline, a deploy in between): the search page still works.
      dialogModule = undefined;
      location.href = searchPageUrl();
    },
  );
}

document.addEventListener('click', (event) => {
  const target = event.target;
  if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || !(target instanceof Element)) return;
  if (!target.closest('[data-search-trigger]')) return;
  event.preventDefault();
  openSearch();
});

document.addEventListener('keydown', (event) => {
  const target = event.target;
  const typing = target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  const modK = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
  const slash = event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
  if (!modK && !slash) return;
  event.preventDefault();
  openSearch();
});

if (new URLSearchParams(location.search).has('highlight')) void import('./client/landing-highlight');
