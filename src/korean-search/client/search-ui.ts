/**
 * Search behaviour shared by the /search/ page and the header dialog, bound to
 * the markup of SearchPanel.astro by its data-search-* hooks. Results are plain
 * DOM built with textContent only: nothing the reader types ever becomes HTML.
 */
import type { QueryTerm } from '../core/analyzer';
import { RESULTS_PAGE_SIZE as PAGE_SIZE } from '../core/data-files';
import { compileMatcher, presentResult, type TermMatcher, type TextSegment } from '../core/highlight';
import type { SuggestionTarget } from '../core/suggest';
import { josa } from 'es-hangul';
import { AS_TYPED_PARAM, searchPageLink, underBase } from '../core/site-paths';
import { asTypedLabel, correctionText } from '../core/correction-text';
import { SearchEngine, type FilterOption, type SearchFilters, type SearchOutcome } from './engine';
import browseLinks from 'virtual:korean-search/browse-links';

let sharedEngine: SearchEngine | null = null;
export const getEngine = () =>
  (sharedEngine ??= new SearchEngine({
    // Written out here so Vite bundles the worker as a content-hashed file of its own.
    createWorker: () => new Worker(new URL('./pagefind-worker.ts', import.meta.url), { type: 'module' }),
  }));

type Attrs = Record<string, string | undefined>;

function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string | null | undefined)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) el.setAttribute(name, value);
  for (const child of children) if (child !== null && child !== undefined) el.append(child);
  return el;
}

function segmentsToNodes(segments: readonly TextSegment[]): Node[] {
  return segments.map((s) => (s.mark ? h('mark', {}, s.text) : document.createTextNode(s.text)));
}

/** The spellings a landing page should mark, passed as repeated ?highlight= values. */
function highlightHref(path: string, terms: readonly QueryTerm[], anchor = ''): string {
  const params = new URLSearchParams();
  for (const term of terms) for (const spelling of new Set([term.text, ...term.variants])) params.append('highlight', spelling);
  const query = params.toString();
  return `${underBase(path)}${query ? `?${query}` : ''}${anchor ? `#${anchor}` : ''}`;
}

export interface SearchElements {
  form: HTMLFormElement;
  input: HTMLInputElement;
  section: HTMLSelectElement;
  tag: HTMLSelectElement;
  filters: HTMLElement;
  status: HTMLElement;
  results: HTMLOListElement;
  more: HTMLButtonElement;
  help: HTMLElement;
}

/** Finds the parts of a search UI by their data-search-* attributes. */
export function findSearchElements(root: ParentNode): SearchElements {
  const get = <T extends Element>(name: string) => {
    const el = root.querySelector<T>(`[data-search-${name}]`);
    if (!el) throw new Error(`검색 화면에 data-search-${name} 요소가 없습니다`);
    return el;
  };
  return {
    form: get<HTMLFormElement>('form'),
    input: get<HTMLInputElement>('input'),
    section: get<HTMLSelectElement>('filter-section'),
    tag: get<HTMLSelectElement>('filter-tag'),
    filters: get<HTMLElement>('filters'),
    status: get<HTMLElement>('status'),
    results: get<HTMLOListElement>('results'),
    more: get<HTMLButtonElement>('more'),
    help: get<HTMLElement>('help'),
  };
}

/** 「‘뭐예요’는 찾지 않았습니다.」 for the words that named no topic; empty when there were none. */
function droppedNote(dropped: readonly string[]): string {
  const last = dropped.at(-1);
  if (last === undefined) return '';
  const quoted = dropped.map((w) => `‘${w}’`).join(', ');
  // The particle follows the last word's final sound (‘정책’은, ‘뭐예요’는).
  return ` ${quoted}${josa(last, '은/는').slice(last.length)} 찾지 않았습니다.`;
}

/**
 * 「‘인공지능’으로 찾은 결과입니다 · ‘인공지눙’으로 찾기」: the results are of a correction
 * (correctionText), and a link searches the words as typed (handled in place by
 * bindSearchUI; the href works on its own, e.g. in a new tab).
 */
function correctionNotice(correction: NonNullable<Extract<SearchOutcome, { kind: 'results' }>['correction']>, searchPage: string): HTMLElement {
  return h(
    'span',
    { 'data-search-correction': '', class: 'block' },
    `${correctionText(correction)} · `,
    h(
      'a',
      { href: searchPageLink(searchPage, correction.from, { asTyped: true }), 'data-search-query': correction.from, 'data-search-as-typed': '' },
      asTypedLabel(correction),
    ),
  );
}

/** 「이 말을 찾으셨나요?」 with corrected queries, when no single correction was clear. */
function alternativesList(alternatives: readonly string[], searchPage: string): HTMLElement {
  return h(
    'div',
    { class: 'text-sm' },
    h('p', { class: 'text-muted' }, '이 말을 찾으셨나요?'),
    h(
      'ul',
      { 'data-search-alternatives': '', class: 'mt-1 flex flex-wrap gap-x-4 gap-y-1' },
      ...alternatives.map((q) => h('li', {}, h('a', { href: searchPageLink(searchPage, q), 'data-search-query': q }, q))),
    ),
  );
}

function fillSelect(select: HTMLSelectElement, options: readonly FilterOption[], selected: string) {
  if (select.options.length === options.length + 1) return;
  select.replaceChildren(h('option', { value: '' }, '전체'));
  for (const option of options) {
    const el = h('option', { value: option.value }, option.label);
    if (option.value === selected) el.selected = true;
    select.append(el);
  }
}

function suggestionList(suggestions: readonly SuggestionTarget[]): HTMLElement {
  return h(
    'div',
    { class: 'text-sm' },
    h('p', { class: 'text-muted' }, '이런 항목을 찾으셨나요?'),
    h(
      'ul',
      { 'data-search-suggestions': '', class: 'mt-1 flex flex-wrap gap-x-4 gap-y-1' },
      ...suggestions.map((s) => h('li', {}, h('a', { href: underBase(s.path) }, s.label))),
    ),
  );
}

/**
 * What a failed search shows below its status: a button that searches again and the
 * site's sections to browse. The links come with the code (the integration's
 * `suggestions`), not from the search data that failed.
 */
function failureNotice(): HTMLElement {
  return h(
    'div',
    { 'data-search-failure': '', class: 'flex flex-col gap-2 text-sm' },
    h('button', { type: 'button', 'data-search-retry': '', class: 'self-start rounded-md border border-border px-3 py-1.5 text-fg' }, '다시 시도'),
    browseLinks.length
      ? h(
          'div',
          {},
          h('p', { class: 'text-muted' }, '분야별로 둘러볼 수도 있습니다.'),
          h(
            'ul',
            { 'data-search-browse': '', class: 'mt-1 flex flex-wrap gap-x-4 gap-y-1' },
            ...browseLinks.map((link) => h('li', {}, h('a', { href: underBase(link.path) }, link.label))),
          ),
        )
      : null,
  );
}

function resultItem(
  doc: Parameters<typeof presentResult>[0] & { url: string; sectionTitle: string; kind: string },
  terms: readonly QueryTerm[],
  matcher: TermMatcher,
): HTMLLIElement {
  const view = presentResult(doc, matcher);
  const subResults = view.subResults.length
    ? h(
        'ul',
        { class: 'mt-2 flex flex-col gap-1 border-l-2 border-border pl-3' },
        ...view.subResults.map((sub) =>
          h(
            'li',
            { 'data-search-subresult': '' },
            h('a', { href: highlightHref(doc.url, terms, sub.anchor), class: 'font-semibold' }, sub.heading),
            h('p', { class: 'text-sm text-muted' }, ...segmentsToNodes(sub.excerpt)),
          ),
        ),
      )
    : null;
  return h(
    'li',
    { 'data-search-result': '', class: 'rounded-md border border-border p-3' },
    h('a', { href: highlightHref(doc.url, terms), class: 'text-lg font-bold' }, ...segmentsToNodes(view.title)),
    h('p', { class: 'text-sm text-muted' }, doc.sectionTitle),
    h('p', { class: 'mt-1' }, ...segmentsToNodes(view.excerpt)),
    subResults,
  );
}

export interface BindOptions {
  /** Keep ?q= in the address bar in step with the box (the /search/ page). */
  syncUrl: boolean;
}

/** Wires a search UI: typing, filters, keyboard movement through results. */
export function bindSearchUI(elements: SearchElements, options: BindOptions) {
  const engine = getEngine();
  const { form, input, section, tag, filters, status, results, more } = elements;
  /** The search page: the form's own action (the header's search link, else this page, when a form lacks one), so links to it follow the site's base path. */
  const searchPage = form.getAttribute('action') || document.querySelector('a[data-search-trigger]')?.getAttribute('href') || location.pathname;
  let sequence = 0;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let shownIds: string[] = [];
  /** The final order of every result; the first page of shownIds is already in it (SearchOutcome.ordered). */
  let ordered: Promise<string[]> = Promise.resolve([]);
  let shown = 0;
  let terms: QueryTerm[] = [];
  let matcher: TermMatcher = compileMatcher([]);
  /** Search the words as typed, without typo correction (the as-typed link, ?correct=0); typing ends it. */
  let asTyped = false;

  const setBusy = (busy: boolean) => results.setAttribute('aria-busy', String(busy));

  // Under astro dev the index is the last build's: say so when it is missing or stale.
  void engine.devIndexState().then((state) => {
    if (!state || state === 'current') return;
    const notice = h(
      'p',
      { 'data-search-dev-notice': state, role: 'note', class: 'rounded-md border border-border px-3 py-2 text-sm' },
      state === 'missing'
        ? '개발 서버: 검색 색인이 아직 없습니다. `npm run build`를 한 번 실행하면 검색할 수 있습니다.'
        : '개발 서버: 검색 결과는 마지막 빌드의 내용입니다. 고친 글까지 찾으려면 `npm run build`를 다시 실행하세요.',
    );
    status.before(notice);
  });

  const renderMore = async (run: number) => {
    if (shown > 0) {
      shownIds = await ordered;
      if (run !== sequence) return;
    }
    const batch = shownIds.slice(shown, shown + PAGE_SIZE);
    const docs = await Promise.all(batch.map((id) => engine.loadDoc(id)));
    if (run !== sequence) return;
    performance.mark('search:texts-loaded');
    for (const doc of docs) results.append(resultItem(doc, terms, matcher));
    shown += batch.length;
    more.hidden = shown >= shownIds.length;
  };

  const show = async (outcome: SearchOutcome, run: number) => {
    results.replaceChildren();
    shownIds = [];
    ordered = Promise.resolve([]);
    shown = 0;
    more.hidden = true;
    results.dataset.total = '0';
    delete results.dataset.searchFailed;
    switch (outcome.kind) {
      case 'empty':
        filters.hidden = true;
        status.textContent = '검색어를 입력하세요.';
        return;
      case 'no-terms':
        filters.hidden = true;
        status.textContent = outcome.ignored.length
          ? `‘${outcome.ignored.join(' ')}’만으로는 검색할 수 없습니다. 찾을 낱말을 입력하세요.`
          : '검색할 낱말이 없습니다. 찾을 낱말을 입력하세요.';
        return;
      case 'unknown':
        filters.hidden = true;
        status.replaceChildren(`‘${outcome.words.join('’, ‘')}’에 해당하는 내용이 사이트에 없습니다.${droppedNote(outcome.dropped)}`);
        if (outcome.alternatives.length) results.append(h('li', { class: 'list-none' }, alternativesList(outcome.alternatives, searchPage)));
        results.append(h('li', { class: 'list-none' }, suggestionList(outcome.suggestions)));
        return;
      case 'results': {
        terms = outcome.terms;
        matcher = compileMatcher(terms);
        fillSelect(section, outcome.sections, section.value);
        fillSelect(tag, outcome.tags, tag.value);
        filters.hidden = outcome.total === 0 && !section.value && !tag.value;
        results.dataset.total = String(outcome.total);
        const notes: string[] = [];
        if (outcome.ignored.length) notes.push(`‘${outcome.ignored.join(' ')}’은(는) 한 글자라 검색에서 뺐습니다.`);
        if (outcome.truncated) notes.push('검색어가 길어 앞부분만 찾았습니다.');
        if (outcome.dropped.length) notes.push(droppedNote(outcome.dropped).trim());
        status.textContent = (outcome.total > 0 ? `검색 결과 ${outcome.total}건` : '검색 결과가 없습니다.') + (notes.length ? ` ${notes.join(' ')}` : '');
        // A correction is said first, in the same live region, so it is announced with the results.
        if (outcome.correction) status.prepend(correctionNotice(outcome.correction, searchPage));
        if (outcome.total === 0) {
          results.append(h('li', { class: 'list-none' }, suggestionList(outcome.suggestions)));
          return;
        }
        shownIds = outcome.ids;
        ordered = outcome.ordered;
        await renderMore(run);
      }
    }
  };

  const run = async () => {
    const run = ++sequence;
    const query = input.value;
    if (options.syncUrl) {
      const url = new URL(location.href);
      if (query.trim()) url.searchParams.set('q', query.trim());
      else url.searchParams.delete('q');
      if (asTyped) url.searchParams.set(AS_TYPED_PARAM, '0');
      else url.searchParams.delete(AS_TYPED_PARAM);
      history.replaceState(history.state, '', url);
    }
    setBusy(true);
    // Marks for benchmarks and DevTools: where the time of a search goes.
    performance.mark('search:start');
    try {
      const outcome = await engine.search(query, { section: section.value || undefined, tag: tag.value || undefined } satisfies SearchFilters, undefined, {
        correct: !asTyped,
      });
      if (run !== sequence) return;
      performance.mark('search:matched');
      await show(outcome, run);
      performance.mark('search:rendered');
    } catch (error) {
      if (run !== sequence) return;
      console.error(error);
      // A failed search is never a count of results: the list says failed, not done with 0.
      results.replaceChildren(h('li', { class: 'list-none' }, failureNotice()));
      delete results.dataset.total;
      results.dataset.searchFailed = '';
      filters.hidden = true;
      more.hidden = true;
      status.textContent = '검색 중 문제가 생겼습니다. 검색 자료를 불러오지 못해 결과를 확인할 수 없습니다. 다시 시도하거나 분야별로 둘러보세요.';
    } finally {
      if (run === sequence) setBusy(false);
    }
  };

  const schedule = (delay: number) => {
    clearTimeout(debounce);
    debounce = setTimeout(() => void run(), delay);
  };

  input.addEventListener('input', () => {
    asTyped = false;
    schedule(150);
  });
  input.addEventListener('focus', () => engine.warmUp(), { once: true });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(debounce);
    void run();
  });
  section.addEventListener('change', () => void run());
  tag.addEventListener('change', () => void run());
  // One batch at a time: a second click while one loads would take the same batch again.
  let loadingMore = false;
  more.addEventListener('click', () => {
    if (loadingMore) return;
    loadingMore = true;
    const firstNew = shown;
    const run = sequence;
    renderMore(run)
      .then(
        () => results.querySelectorAll<HTMLAnchorElement>('[data-search-result] > a')[firstNew]?.focus(),
        (error: unknown) => {
          if (run !== sequence) return;
          console.error(error);
          status.textContent = '결과를 더 불러오지 못했습니다. 잠시 뒤에 다시 시도하세요.';
        },
      )
      .finally(() => (loadingMore = false));
  });

  // The as-typed link and the offered corrections search in place (a modified click opens the link as usual).
  const searchLink = (event: MouseEvent) => {
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[data-search-query]') : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    clearTimeout(debounce);
    input.value = link.dataset.searchQuery ?? '';
    asTyped = link.hasAttribute('data-search-as-typed');
    input.focus();
    void run();
  };
  status.addEventListener('click', searchLink);
  results.addEventListener('click', searchLink);
  // 다시 시도: the same search again; every file that failed is fetched anew (the engine and Pagefind keep no failure).
  results.addEventListener('click', (event) => {
    if (!(event.target instanceof Element) || !event.target.closest('[data-search-retry]')) return;
    clearTimeout(debounce);
    input.focus();
    void run();
  });

  // Arrow keys move between the links of the results (and the correction notice above them) and back to the box.
  const links = () => [...status.querySelectorAll<HTMLElement>('a[href]'), ...results.querySelectorAll<HTMLElement>('a[href], [data-search-retry]')];
  const onArrow = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const all = links();
    if (all.length === 0) return;
    const at = all.indexOf(document.activeElement as HTMLElement);
    event.preventDefault();
    if (event.key === 'ArrowDown') (all[at + 1] ?? all[at] ?? all[0])?.focus();
    else if (at <= 0) input.focus();
    else all[at - 1]?.focus();
  };
  input.addEventListener('keydown', onArrow);
  results.addEventListener('keydown', onArrow);
  status.addEventListener('keydown', onArrow);

  return {
    search(query: string, options: { asTyped?: boolean } = {}) {
      input.value = query;
      asTyped = options.asTyped ?? false;
      void run();
    },
    /** No search to run: the results list is settled and empty. */
    idle() {
      results.dataset.total = '0';
      setBusy(false);
    },
  };
}
