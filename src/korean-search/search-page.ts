/**
 * The search UI (a chunk of its own in Vite's bundle). Content pages import it
 * only when the reader first asks for search (open-search.ts); the /search/ page
 * imports it at once and mounts on its own markup.
 */
import { searchesAsTyped } from './core/site-paths';
import { bindSearchUI, findSearchElements } from './client/search-ui';
import { must } from './core/must';

let dialog: HTMLDialogElement | null = null;
let returnFocusTo: HTMLElement | null = null;

/** Clones the dialog from its <template> (SearchDialogTemplate.astro) into the page. */
function createDialog(): HTMLDialogElement | null {
  const template = document.querySelector<HTMLTemplateElement>('template[data-search-dialog-template]');
  const el = template?.content.firstElementChild?.cloneNode(true);
  if (!(el instanceof HTMLDialogElement)) return null;
  el.querySelector('[data-search-close]')?.addEventListener('click', () => el.close());
  // A click on the backdrop (outside the box) closes the dialog.
  el.addEventListener('click', (event) => {
    if (event.target === el) el.close();
  });
  el.addEventListener('close', () => {
    returnFocusTo?.focus();
    returnFocusTo = null;
  });
  document.body.append(el);
  return el;
}

/** Opens the search dialog; on /search/ itself, focuses the page's box instead. */
export function openSearchDialog(): void {
  const pageInput = document.querySelector<HTMLInputElement>('[data-search-page-root] [data-search-input]');
  if (pageInput) {
    pageInput.focus();
    pageInput.select();
    return;
  }
  if (!dialog) {
    dialog = createDialog();
    // A page without the template (none today) still has the search page.
    if (!dialog) {
      location.href = document.querySelector<HTMLAnchorElement>('a[data-search-trigger]')?.href ?? location.href;
      return;
    }
    bindSearchUI(findSearchElements(dialog), { syncUrl: false });
  }
  if (dialog.open) return;
  returnFocusTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  dialog.showModal();
  const input = must(dialog.querySelector<HTMLInputElement>('[data-search-input]'), 'data-search-input');
  input.focus();
  input.select();
}

/** Mounts the /search/ page: reads ?q= and searches at once. */
export function mountSearchPage(root: HTMLElement): void {
  const ui = bindSearchUI(findSearchElements(root), { syncUrl: true });
  const params = new URLSearchParams(location.search);
  const query = params.get('q');
  const input = must(root.querySelector<HTMLInputElement>('[data-search-input]'), 'data-search-input');
  // The page's HTML says aria-busy="true" so a client never reads "done, 0 results"
  // before this script has answered a ?q= search; without one there is nothing to wait for.
  if (query !== null) ui.search(query, { asTyped: searchesAsTyped(params) });
  else ui.idle();
  input.focus();
}

const pageRoot = document.querySelector<HTMLElement>('[data-search-page-root]');
if (pageRoot) mountSearchPage(pageRoot);
