/**
 * The browser side of search: loads the manifest, checks query tokens against
 * the vocabulary, asks Pagefind for the pages holding every token, and loads
 * the original text of the pages to show. Everything is fetched on first use.
 */
import { gunzipSync } from 'fflate';
import { createKoreanAnalyzer, describeToken, termWordToken, type KoreanAnalyzer, type QueryTerm } from '../core/analyzer';
import { encodeToken } from '../core/pagefind-adapter';
import {
  PRELOADED_VOCABULARY_TOKENS,
  RESULTS_PAGE_SIZE,
  SEARCH_DATA_DIR,
  isGzip,
  pageBlocks,
  type SearchManifest,
  type TypoManifest,
} from '../core/data-files';
import type { SearchPage } from '../options';
import {
  alternativeTokens,
  cleanQuery,
  holdsPhrase,
  knownItemsFirst,
  pagefindQuery,
  titleHoldsEvery,
  phraseFirst,
  phraseTokens,
  planQuery,
  resolveStems,
  holdsTermsInARow,
  termsWithUnknownTokens,
  syllableWithParticle,
  withoutTermWords,
  unjoinedTerms,
  typedWords,
  queryKeys,
  wordTokens,
} from '../core/query';
import { suggest, type SuggestionTarget } from '../core/suggest';
import { parseShard, shardOf, unknownTokens, type VocabularyEntry } from '../core/vocabulary';
import { TYPO_RULES, correctQuery, shareByResults, type CandidateQuery, type QueryCorrection } from '../core/typo/correct';
import { underBase } from '../core/site-paths';
import type { CorrectionFacts } from '../core/correction-text';
import { DEV_STATUS_FILE, type DevSearchStatus } from '../core/dev-status';
import { PagefindClient } from './pagefind-client';
import { DAMAGED_INDEX_ERROR, PAGEFIND_BASE } from './pagefind-module';
import { TypoLoader } from './typo-loader';
import { must } from '../core/must';

const DATA_BASE = underBase(`/${SEARCH_DATA_DIR}/`);
/** How many results holdingInARow checks against their text. */
const UNJOINED_CHECK_LIMIT = 50;

/**
 * Pages past the first results page that the phrase search names and whose text is
 * checked for the phrase: the next three results pages' worth, what 「더 보기」 shows
 * first. Past them a page keeps its place, never moved on its bigrams alone.
 */
const PHRASE_CHECKS = 3 * RESULTS_PAGE_SIZE;

/** What the engine asks Pagefind: ids of the pages holding every token, best first. */
export interface PagefindSearcher {
  warmUp(): void;
  search(term: string, filters?: Record<string, string>): Promise<string[]>;
  /** Drops the loaded index, so the next search fetches every file again (after a damaged one). */
  reset?(): void;
}

export type SearchEngineOptions = {
  /** Where manifest.json, vocab/ and doc/ are served (default: pagefind-ko/ under the site's base path). */
  dataBase?: string;
} & (
  | {
      /** Starts the worker Pagefind runs in (pagefind-worker.ts, however the caller bundled it). */
      createWorker: () => Worker;
    }
  | {
      /** A Pagefind of the caller's own (npm run search:explain runs one in Node). */
      pagefind: PagefindSearcher;
    }
);

/** Each step of one search, for npm run search:explain. */
export interface SearchTrace {
  /** The query words as analysed: text, kind and tokens (readable form). */
  terms: { text: string; kind: string; tokens: string[] }[];
  ignored: string[];
  /** Vocabulary shards fetched for the query's tokens. */
  shards: number[];
  /** Pages holding each query token (readable token → count; undefined when no page has it). */
  pageCounts: { token: string; encoded: string; pages: number | undefined }[];
  /** Each word term's known-word token (termWordToken) and the pages holding it; undefined when the site has no such word (its bigrams are sent). */
  knownWords: { word: string; encoded: string; pages: number | undefined }[];
  /** The encoded tokens whose Pagefind answer is used (null when an unknown word means the answer is dropped). */
  pagefindQuery: string | null;
  /** The words run together (readable), whose pages rank first; null for one word or a phrase the site never holds. */
  phrase: string | null;
  /** The typo correction tried for unknown words: of the query as typed, when the steps above are of its correction. */
  correction?: QueryCorrection & { typed: string };
}

export interface SearchFilters {
  section?: string;
  tag?: string;
}

export interface FilterOption {
  value: string;
  label: string;
}

export interface SearchHit {
  id: string;
  doc: SearchPage;
}

export type SearchOutcome =
  | { kind: 'empty' }
  /** The query has nothing searchable left (one syllable, punctuation, emoji). */
  | { kind: 'no-terms'; ignored: string[] }
  /** Some words appear nowhere on the site; `alternatives` are corrected queries to offer when no correction was clear. */
  | { kind: 'unknown'; words: string[]; dropped: string[]; suggestions: SuggestionTarget[]; alternatives: string[] }
  | {
      kind: 'results';
      terms: QueryTerm[];
      ignored: string[];
      /** Words with no topic (뭐예요, 언제) that were not searched for. */
      dropped: string[];
      truncated: boolean;
      total: number;
      /** Every result; the first RESULTS_PAGE_SIZE in their final order, the rest once `ordered` settles. */
      ids: string[];
      /** Every result in final order (phrase pages first; see orderByPhrase). */
      ordered: Promise<string[]>;
      sections: FilterOption[];
      tags: FilterOption[];
      suggestions: SuggestionTarget[];
      /**
       * The query had words not on the site and these results are of its correction (from: as
       * typed, to: the query searched); `similar` when no correction was clear and the results are
       * those of several candidate queries (the typed words, and the candidates that found pages).
       * `withTyped`: the results are of the query as typed, followed by pages titled with a
       * slip of one of its words (titleSlips).
       */
      correction?: CorrectionFacts;
    };

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Our data files are gzip; a host may already have inflated them in transit.
 * Inflated in place with fflate rather than DecompressionStream: our files are
 * small, and the stream's task hops cost more per file on a busy main thread than
 * fflate's whole inflation (measured in Chromium, docs/benchmarks.md).
 */
async function fetchGzipText(url: string): Promise<string> {
  const bytes = await fetchBytes(url);
  return new TextDecoder().decode(isGzip(bytes) ? gunzipSync(bytes) : bytes);
}

export class SearchEngine {
  private manifest: Promise<SearchManifest> | null = null;
  private analyzer: KoreanAnalyzer | null = null;
  private pagefind: PagefindSearcher | null = null;
  private readonly dataBase: string;
  private readonly shards = new Map<number, Promise<Map<string, VocabularyEntry>>>();
  /** The shards loaded so far, read without waiting when a search starts. */
  private readonly loadedShards = new Map<number, Map<string, VocabularyEntry>>();
  private readonly docs = new Map<string, Promise<SearchPage>>();
  private readonly typos = new TypoLoader((path) => this.loadManifest().then((m) => fetchGzipText(`${this.dataBase}${path}?v=${m.build}`)));

  constructor(private readonly options: SearchEngineOptions) {
    this.dataBase = options.dataBase ?? DATA_BASE;
  }

  loadManifest(): Promise<SearchManifest> {
    this.manifest ??= fetch(`${this.dataBase}manifest.json`, { cache: 'no-cache' }).then((r) => {
      if (!r.ok) throw new Error(`검색 색인을 불러오지 못했습니다 (HTTP ${r.status})`);
      // Read unchecked: Zod would more than triple the search chunk (docs/benchmarks.md); Node tools parse it with searchManifestSchema.
      return r.json() as Promise<SearchManifest>;
    });
    this.manifest.catch(() => (this.manifest = null));
    return this.manifest;
  }

  private async getPagefind(): Promise<PagefindSearcher> {
    await this.loadManifest();
    this.pagefind ??=
      'pagefind' in this.options ? this.options.pagefind : new PagefindClient({ pagefindBase: PAGEFIND_BASE, createWorker: this.options.createWorker });
    return this.pagefind;
  }

  private async getAnalyzer(): Promise<KoreanAnalyzer> {
    const manifest = await this.loadManifest();
    this.analyzer ??= createKoreanAnalyzer({ synonyms: manifest.synonyms });
    return this.analyzer;
  }

  private loadShard(n: number, build: string): Promise<Map<string, VocabularyEntry>> {
    let shard = this.shards.get(n);
    if (!shard) {
      shard = fetchGzipText(`${this.dataBase}vocab/${n}.gz?v=${build}`).then((text) => {
        const entries = parseShard(text);
        // Shards are sized to hold hundreds of tokens each (chooseShardCount): an empty one is a file cut short, not a vocabulary.
        if (entries.size === 0) throw new Error(`어휘 조각 ${n}이 비어 있습니다`);
        this.loadedShards.set(n, entries);
        return entries;
      });
      shard.catch(() => this.shards.delete(n));
      this.shards.set(n, shard);
    }
    return shard;
  }

  /**
   * After a search has answered, loads the vocabulary shards not yet loaded when the
   * whole vocabulary is small (PRELOADED_VOCABULARY_TOKENS): the next queries then
   * fetch only Pagefind's chunks and the result texts.
   */
  private loadRestOfVocabulary(manifest: SearchManifest): void {
    // A manifest of an older index has no size: load shard by shard.
    if (manifest.vocabularySize === undefined || manifest.vocabularySize > PRELOADED_VOCABULARY_TOKENS) return;
    for (let n = 0; n < manifest.vocabularyShards; n++) this.loadShard(n, manifest.build).catch(() => undefined);
  }

  /**
   * The main search's ids in phrase-first order: pages holding the query as one phrase
   * (or whose title holds every word of it) first, each group in the main search's
   * order. A page moves up only when its text holds the phrase: those of the first results page (their texts load at once, the
   * page shows them anyway), and, once the phrase search answers, its pages further
   * down, the first PHRASE_CHECKS of them in the main order (the phrase search only
   * says that the joining bigrams occur somewhere on a page). When every page of the
   * first results page holds the phrase, that page is already in its final order, so
   * the search answers without waiting: `ids` then has its first page in place, and
   * `ordered` gives the whole order once the phrase search and the checks answer.
   */
  private async orderByPhrase(
    main: string[],
    phraseSearching: Promise<string[]>,
    phrase: string,
    words: string[],
  ): Promise<{ ids: string[]; ordered: Promise<string[]> }> {
    // A text that does not load moves nothing (the page reports the text itself).
    const holds = (doc: SearchPage) => holdsPhrase(pageBlocks(doc), phrase) || titleHoldsEvery(doc.title, words);
    const holding = (ids: string[]) => Promise.all(ids.map((id) => this.loadDoc(id).then(holds, () => false))).then((held) => ids.filter((_, i) => held[i]));
    const firstPage = main.slice(0, RESULTS_PAGE_SIZE);
    const heldOnFirstPage = holding(firstPage);
    // A phrase search that fails costs the order past the first page, never a result.
    const confirmed = phraseSearching.then(
      (phraseIds) => {
        const candidates = new Set(phraseIds);
        return holding(
          main
            .slice(RESULTS_PAGE_SIZE)
            .filter((id) => candidates.has(id))
            .slice(0, PHRASE_CHECKS),
        );
      },
      () => [] as string[],
    );
    const ordered = Promise.all([heldOnFirstPage, confirmed]).then(([held, further]) => phraseFirst(main, [...held, ...further]));
    const firstPageFinal = heldOnFirstPage.then((held) => (held.length === firstPage.length ? main : ordered));
    return { ids: await Promise.race([ordered, firstPageFinal]), ordered };
  }

  /**
   * Known items first (knownItemsFirst) within the first results page, whose texts the
   * page loads anyway: a page titled or headed exactly as the query moves to the top.
   */
  private async knownItemsOnFirstPage(ids: string[], keys: string[]): Promise<string[]> {
    const firstPage = ids.slice(0, RESULTS_PAGE_SIZE);
    const docs = await this.firstPageDocs(firstPage).catch(() => null);
    return docs ? [...knownItemsFirst(firstPage, docs, keys), ...ids.slice(RESULTS_PAGE_SIZE)] : ids;
  }

  /**
   * The results whose text holds each of `terms` in a row (unjoinedTerms): their bigrams
   * found a page that may hold them apart. The first results page is checked (its texts
   * load for the page anyway); when every one of its pages holds the words in a row, the
   * site uses them as a word and the rest is kept. Otherwise the results up to
   * UNJOINED_CHECK_LIMIT are checked, in order, and the rest kept: past that many pages,
   * loading every text would cost more than a rare extra result far down.
   */
  private async holdingInARow(ids: string[], terms: readonly QueryTerm[]): Promise<string[]> {
    const holding = async (checked: string[]) => {
      const holds = await Promise.all(
        checked.map((id) =>
          this.loadDoc(id).then(
            (doc) => holdsTermsInARow(pageBlocks(doc), terms),
            // A text that does not load cannot be checked; the page reports the text.
            () => true,
          ),
        ),
      );
      return { kept: checked.filter((_, i) => holds[i]), all: holds.every(Boolean) };
    };
    const firstPage = await holding(ids.slice(0, RESULTS_PAGE_SIZE));
    if (firstPage.all) return ids;
    const further = await holding(ids.slice(RESULTS_PAGE_SIZE, UNJOINED_CHECK_LIMIT));
    return [...firstPage.kept, ...further.kept, ...ids.slice(UNJOINED_CHECK_LIMIT)];
  }

  /**
   * Pagefind found no page, yet the vocabulary puts every token it was asked on some
   * page: either no page holds them all, or an index chunk Pagefind needed failed to
   * load (Pagefind logs and drops such a chunk and answers without it; on the
   * main-thread path it loads chunks in its own worker, where guardPagefindFetches
   * cannot see them). Each token must then find a page on its own; one that does not
   * means a damaged index, which throws rather than reading as "nothing found".
   */
  private async confirmNoPage(pagefind: PagefindSearcher, query: string, filtered: boolean): Promise<void> {
    const tokens = query.split(' ');
    // One token, unfiltered: the search just made was that token's own.
    const alone = tokens.length === 1 && !filtered ? [[]] : await Promise.all(tokens.map((token) => pagefind.search(token)));
    if (alone.every((ids) => ids.length > 0)) return;
    pagefind.reset?.();
    throw new Error(DAMAGED_INDEX_ERROR);
  }

  /** The page text of a result, as shown. */
  loadDoc(id: string): Promise<SearchPage> {
    let doc = this.docs.get(id);
    if (!doc) {
      // Unchecked, like the manifest (loadManifest).
      doc = this.loadManifest().then((m) =>
        fetchGzipText(`${this.dataBase}doc/${encodeURIComponent(id)}.gz?v=${m.build}`).then((t) => JSON.parse(t) as SearchPage),
      );
      doc.catch(() => this.docs.delete(id));
      this.docs.set(id, doc);
    }
    return doc;
  }

  /** The texts of the first results page: the ones the search page shows first, so loading them costs the reader nothing more. */
  private firstPageDocs(ids: readonly string[]): Promise<SearchPage[]> {
    return Promise.all(ids.slice(0, RESULTS_PAGE_SIZE).map((id) => this.loadDoc(id)));
  }

  /**
   * Under `astro dev` only: whether the dev server has a search index and whether it
   * matches the content on disk (src/korean-search/dev/dev-server.ts).
   */
  async devIndexState(): Promise<DevSearchStatus['state'] | null> {
    if (!import.meta.env.DEV) return null;
    try {
      const response = await fetch(`${this.dataBase}${DEV_STATUS_FILE}`, { cache: 'no-store' });
      return response.ok ? ((await response.json()) as DevSearchStatus).state : 'missing';
    } catch {
      return 'missing';
    }
  }

  /** Starts loading what every search needs, e.g. when the search box gets focus. */
  warmUp(): void {
    void this.getPagefind().then(
      (p) => p.warmUp(),
      () => undefined,
    );
  }

  /** Corrections of the query's unknown words (src/korean-search/core/typo/correct.ts), reading the typo lookup and the vocabulary. */
  private correct(query: string, unknownTerms: string[], manifest: SearchManifest, typo: TypoManifest, analyzer: KoreanAnalyzer): Promise<QueryCorrection> {
    return correctQuery(query, unknownTerms, {
      analyzer,
      loadLookup: (needs) => this.typos.lookup(typo, needs),
      pageCounts: (encoded) =>
        Promise.all(encoded.map(async (token) => (await this.loadShard(shardOf(token, manifest.vocabularyShards), manifest.build)).get(token)?.pages)),
    });
  }

  /**
   * The results of the correction of `terms` (the query's words not on the site) when it is
   * clear and finds pages, else of its candidates together (searchCandidates); no outcome when
   * neither finds a page. `corrected`: the steps of the clear correction's search.
   */
  private async searchCorrection(
    query: string,
    terms: string[],
    filters: SearchFilters,
    manifest: SearchManifest,
    typo: TypoManifest,
    analyzer: KoreanAnalyzer,
  ): Promise<{ correction: QueryCorrection; outcome?: SearchOutcome; corrected?: SearchTrace }> {
    const correction = await this.correct(query, terms, manifest, typo, analyzer);
    if (correction.query) {
      let corrected: SearchTrace | undefined;
      const outcome = await this.search(correction.query, filters, (t) => (corrected = t), { correct: false });
      // A correction that finds nothing (its words never on one page) is no answer: the candidates are tried next.
      if (outcome.kind === 'results' && (outcome.total > 0 || Boolean(filters.section || filters.tag)))
        return { correction, outcome: { ...outcome, correction: { from: cleanQuery(query), to: correction.query } }, corrected };
    }
    const candidates = correction.candidateQueries.filter((c) => c.query !== correction.query);
    return { correction, outcome: await this.searchCandidates(query, candidates, typedWords(query, terms), filters) };
  }

  /**
   * When no correction of the unknown words is clear: searches every candidate query and
   * answers with the pages of those that find any, each holding a share of the top in
   * proportion to its results (shareByResults). The query with the most results comes first: a candidate's chance is its frequency (its pages, as
   * when one correction is chosen) times the chance that the other words are on a page with
   * it (results over its pages), that is its results. Undefined when none finds a page.
   */
  private async searchCandidates(
    query: string,
    candidates: readonly CandidateQuery[],
    words: string[],
    filters: SearchFilters,
  ): Promise<SearchOutcome | undefined> {
    const outcomes = await Promise.all(candidates.map((c) => this.search(c.query, filters, undefined, { correct: false })));
    const found = outcomes
      .flatMap((outcome, i) => (outcome.kind === 'results' && outcome.total > 0 ? [{ outcome, candidate: must(candidates[i], 'candidate') }] : []))
      .sort((a, b) => b.outcome.total - a.outcome.total || b.candidate.pages - a.candidate.pages);
    const [first] = found;
    if (!first) return undefined;
    const from = cleanQuery(query);
    if (found.length === 1) return { ...first.outcome, correction: { from, to: first.candidate.query } };
    const totals = found.map((f) => f.outcome.total);
    const ids = shareByResults(
      found.map((f) => f.outcome.ids),
      totals,
    );
    // Each list's order past its first page may still change (orderByPhrase): the first page stays as shown.
    const firstPage = ids.slice(0, RESULTS_PAGE_SIZE);
    const ordered = Promise.all(found.map((f) => f.outcome.ordered)).then((lists) => {
      const rest = shareByResults(lists, totals).filter((id) => !firstPage.includes(id));
      return [...firstPage, ...rest];
    });
    const terms = [...new Map(found.flatMap((f) => f.outcome.terms).map((t) => [t.text, t])).values()];
    const candidateWords = [...new Set(found.flatMap((f) => f.candidate.words))];
    return {
      ...first.outcome,
      terms,
      total: ids.length,
      ids,
      ordered,
      suggestions: [],
      correction: { from, to: first.candidate.query, similar: { words, candidates: candidateWords } },
    };
  }

  /**
   * A query of several site words that finds less than a results page may hold a slip that
   * made another site word (표현하기 → 표면하기). For each of its Hangul words, the site's words
   * one slip away are put in its place (correctQuery, as for an unknown word beside known
   * words; in all at most TYPO_RULES.maxCandidateQueries queries, as for an unknown word),
   * and of each such query's first results page the pages whose title holds every one of
   * its words are added after the results as typed. Null when none is found, or when a result's title already holds
   * every word (the page was found). `words`: the slipped words; `terms`: the candidates'
   * words, to mark in the added pages; `to`: the first candidate query that added a page.
   */
  private async titleSlips(
    query: string,
    terms: readonly QueryTerm[],
    ids: readonly string[],
    manifest: SearchManifest,
    typo: TypoManifest,
    analyzer: KoreanAnalyzer,
  ): Promise<{ ids: string[]; words: string[]; candidates: string[]; terms: QueryTerm[]; to: string } | null> {
    const words = terms.map((t) => t.text);
    const shown = await this.firstPageDocs(ids);
    if (shown.some((doc) => titleHoldsEvery(doc.title, words))) return null;
    const varied = terms.filter((t) => /^[가-힣]+$/.test(t.text));
    const corrections = await Promise.all(varied.map((t) => this.correct(query, [t.text], manifest, typo, analyzer)));
    const candidates = corrections
      .flatMap((c, i) => c.candidateQueries.map((q) => ({ ...q, word: must(varied[i], 'varied term').text })))
      .sort((a, b) => b.pages - a.pages)
      .slice(0, TYPO_RULES.maxCandidateQueries);
    const found = await Promise.all(
      candidates.map(async (candidate) => {
        const outcome = await this.search(candidate.query, {}, undefined, { correct: false, probe: true });
        if (outcome.kind !== 'results') return { candidate, terms: [], ids: [] };
        const docs = await this.firstPageDocs(outcome.ids);
        const candidateWords = outcome.terms.map((t) => t.text);
        const titled = outcome.ids.slice(0, RESULTS_PAGE_SIZE).filter((_, i) => titleHoldsEvery(must(docs[i], 'doc').title, candidateWords));
        return { candidate, terms: outcome.terms, ids: titled };
      }),
    );
    const adding = found.filter((f) => f.ids.some((id) => !ids.includes(id)));
    const [first] = adding;
    if (!first) return null;
    const added = [...new Set(adding.flatMap((f) => f.ids))].filter((id) => !ids.includes(id));
    return {
      ids: [...ids, ...added],
      words: [...new Set(adding.map((f) => f.candidate.word))],
      candidates: [...new Set(adding.flatMap((f) => f.candidate.words))],
      terms: adding.flatMap((f) => f.terms),
      to: first.candidate.query,
    };
  }

  /**
   * Searches; `trace`, when given, receives what each step found (npm run search:explain).
   * Unknown words are corrected when one correction is clearly best, unless `correct` is false.
   */
  async search(
    query: string,
    filters: SearchFilters = {},
    trace?: (trace: SearchTrace) => void,
    { correct = true, probe = false }: { correct?: boolean; probe?: boolean } = {},
  ): Promise<SearchOutcome> {
    const analyzer = await this.getAnalyzer();
    const manifest = await this.loadManifest();
    const typed = planQuery(query, analyzer);
    if (typed.status === 'empty') return { kind: 'empty' };
    if (typed.status === 'no-terms') return { kind: 'no-terms', ignored: typed.ignored };

    const pagefindFilters: Record<string, string> = {};
    if (filters.section) pagefindFilters.section = filters.section;
    if (filters.tag) pagefindFilters.tag = filters.tag;
    // Pagefind searches while the vocabulary shards load, unless a query word may be a
    // known word (termWordToken) whose shard is not loaded yet (asking for its bigrams
    // first would keep the worker busy with the slower query) or a loaded shard already
    // shows a token unknown. The query is asked again when a stem turns out to be a
    // seam (resolveStems). Pagefind's answer is dropped when a word is unknown (Pagefind
    // would have searched a shorter prefix).
    const pagefind = await this.getPagefind();
    pagefind.warmUp();
    const loaded = (token: string) => this.loadedShards.get(shardOf(token, manifest.vocabularyShards))?.has(token) === true;
    const shardLoaded = (token: string) => this.loadedShards.has(shardOf(token, manifest.vocabularyShards));
    const search = (sent: string) => {
      const running = pagefind.search(sent, pagefindFilters);
      running.catch(() => undefined);
      return running;
    };
    let sent: string | null = null;
    let searching: Promise<string[]> | null = null;
    const knownUnknown = typed.encoded.some((token) => shardLoaded(token) && !loaded(token));
    if (!knownUnknown && wordTokens(typed).every(shardLoaded)) searching = search((sent = pagefindQuery(typed, loaded)));
    const shards = new Map<number, Map<string, VocabularyEntry>>();
    const loadShards = async (tokens: readonly string[]) => {
      const wanted = [...new Set(tokens.map((t) => shardOf(t, manifest.vocabularyShards)))].filter((n) => !shards.has(n));
      for (const [n, shard] of await Promise.all(wanted.map(async (n) => [n, await this.loadShard(n, manifest.build)] as const))) shards.set(n, shard);
    };
    const lookup = (token: string) => shards.get(shardOf(token, manifest.vocabularyShards))?.get(token);
    // Several words: pages holding them as one phrase rank first. Those are the results
    // that also hold the bigrams joining the words, so Pagefind is asked for just those
    // (a chunk or two) and the main results are filtered by its answer.
    const phrase = phraseTokens(typed);
    const seams = phrase.filter((token) => !typed.encoded.includes(token));
    let phraseSearching = seams.length > 0 && !knownUnknown ? search(seams.join(' ')) : null;
    await loadShards([...typed.encoded, ...phrase, ...wordTokens(typed)]);
    let plan = resolveStems(typed, lookup);
    if (plan !== typed) {
      // A stem ended in a seam: judge the less stripped forms with their own shards.
      await loadShards(alternativeTokens(typed));
      plan = resolveStems(typed, lookup);
      await loadShards(wordTokens(plan));
      phraseSearching = null;
    }
    // A joining bigram the site never holds: no page holds the phrase (and Pagefind would have tried a shorter prefix).
    if (phrase.some((token) => lookup(token) === undefined)) phraseSearching = null;
    const unknown = new Set(unknownTokens(plan.encoded, manifest.vocabularyShards, shards));
    const steps = (): SearchTrace => ({
      terms: plan.analyzed.terms.map((t) => ({ text: t.text, kind: t.kind, tokens: t.tokens.map(describeToken) })),
      ignored: plan.analyzed.ignored,
      shards: [...shards.keys()],
      pageCounts: plan.tokens.map((token, i) => {
        const encoded = must(plan.encoded[i], 'encoded token');
        return { token: describeToken(token), encoded, pages: lookup(encoded)?.pages };
      }),
      knownWords: plan.analyzed.terms.flatMap((term) => {
        const token = termWordToken(term);
        return token === undefined ? [] : [{ word: term.text, encoded: encodeToken(token), pages: lookup(encodeToken(token))?.pages }];
      }),
      pagefindQuery: unknown.size > 0 ? null : sent,
      phrase: phraseSearching && plan.analyzed.phrase ? plan.analyzed.phrase.text : null,
    });
    const report = () => trace?.(steps());
    // Filter choices come from the manifest (every section and used tag), not from
    // per-result counts, for the cost reason given in PagefindClient.
    const answerOf = (ids: string[], ordered: Promise<string[]>, terms: QueryTerm[] = plan.analyzed.terms) => ({
      terms,
      ignored: plan.analyzed.ignored,
      dropped: plan.analyzed.dropped,
      truncated: plan.analyzed.truncated,
      total: ids.length,
      ids,
      ordered,
      sections: manifest.sections.map((s): FilterOption => ({ value: s.slug, label: s.title })),
      tags: manifest.tags.map((t): FilterOption => ({ value: t, label: t })),
      suggestions: ids.length === 0 ? suggest(query, manifest.suggestions) : [],
    });
    const particleTerms = syllableWithParticle(plan.analyzed);
    // The query without its one-syllable-and-particle words, when it has any (null: nothing to leave out).
    const withoutParticleWords = async (): Promise<SearchOutcome | null> => {
      const { rest, removed } = withoutTermWords(query, particleTerms);
      if (removed.length === 0 || rest === '') return null;
      const outcome = await this.search(rest, filters, trace, { correct });
      return outcome.kind === 'results' ? { ...outcome, ignored: [...outcome.ignored, ...removed] } : outcome;
    };
    if (unknown.size > 0) {
      const unknownTerms = termsWithUnknownTokens(plan.analyzed, unknown);
      // 「… 모든 곳은」 with 곳은 on no page: the word is left out, as a lone syllable would be.
      if (particleTerms.length > 0 && unknownTerms.every((term) => particleTerms.includes(term))) {
        const outcome = await withoutParticleWords();
        if (outcome) return outcome;
      }
      const answer: SearchOutcome = {
        kind: 'unknown',
        words: typedWords(query, unknownTerms),
        dropped: plan.analyzed.dropped,
        suggestions: suggest(query, manifest.suggestions),
        alternatives: [],
      };
      if (!correct || !manifest.typo) {
        report();
        return answer;
      }
      const { correction, outcome, corrected } = await this.searchCorrection(query, unknownTerms, filters, manifest, manifest.typo, analyzer);
      trace?.(
        corrected
          ? { ...corrected, correction: { ...correction, typed: query } }
          : { ...steps(), correction: { ...correction, query: undefined, typed: query } },
      );
      return outcome ?? { ...answer, alternatives: correction.alternatives };
    }
    const wanted = pagefindQuery(plan, (token) => lookup(token) !== undefined);
    if (!searching || wanted !== sent) searching = search((sent = wanted));
    const unjoined = unjoinedTerms(plan, (token) => lookup(token) !== undefined);
    if (unjoined.length > 0) searching = searching.then((all) => this.holdingInARow(all, unjoined));
    report();
    const phraseText = phraseSearching ? plan.analyzed.phrase?.text : undefined;
    const byPhrase =
      phraseSearching && phraseText
        ? await this.orderByPhrase(
            await searching,
            phraseSearching,
            phraseText,
            plan.analyzed.terms.map((t) => t.text),
          )
        : await searching.then((all) => ({ ids: all, ordered: Promise.resolve(all) }));
    const keys = queryKeys(query, plan.analyzed);
    const ids = await this.knownItemsOnFirstPage(byPhrase.ids, keys);
    const ordered = byPhrase.ordered.then((all) => this.knownItemsOnFirstPage(all, keys));
    // A probe (titleSlips' candidate queries) takes an empty answer as it is: the query as typed was checked.
    if (probe) return { kind: 'results', ...answerOf(ids, ordered) };
    if (ids.length === 0) await this.confirmNoPage(pagefind, wanted, Object.keys(pagefindFilters).length > 0);
    // No page holds 곳은 with the other words (and the index is whole): they are searched without it.
    if (ids.length === 0 && particleTerms.length > 0) {
      const outcome = await withoutParticleWords();
      if (outcome) return outcome;
    }
    this.loadRestOfVocabulary(manifest);
    // A word of three syllables or more that is no word of the site, only its bigrams apart,
    // may be a slip, corrected like an unknown word: when nothing is found (작성효기), or when
    // it holds a bigram the site has only across a space, so that no site word holds it
    // (며이그레이션: 며이, as in 「하며 이」), and no page of the first results holds it either (spacing ignored). An
    // inflected form the analyser keeps whole (조작하려면) holds no such bigram and is left
    // alone. The first texts are the ones the page shows first: loading them costs no request.
    const notSiteWords = plan.analyzed.terms.filter((t) => {
      const token = termWordToken(t);
      const suspect = ids.length === 0 || t.tokens.some((bigram) => lookup(encodeToken(bigram))?.bridgeOnly === true);
      return token !== undefined && lookup(encodeToken(token)) === undefined && suspect;
    });
    const firstTexts =
      correct && manifest.typo && !filters.section && !filters.tag && notSiteWords.length > 0
        ? await this.firstPageDocs(ids).catch(() => undefined)
        : undefined;
    const absent = firstTexts ? notSiteWords.filter((t) => !firstTexts.some((doc) => holdsPhrase(pageBlocks(doc), t.text))) : [];
    if (absent.length > 0 && manifest.typo) {
      const { correction, outcome, corrected } = await this.searchCorrection(
        query,
        absent.map((t) => t.text),
        filters,
        manifest,
        manifest.typo,
        analyzer,
      );
      if (outcome) {
        trace?.(
          corrected
            ? { ...corrected, correction: { ...correction, typed: query } }
            : { ...steps(), correction: { ...correction, query: undefined, typed: query } },
        );
        return outcome;
      }
    }
    const slips =
      correct && manifest.typo && !filters.section && !filters.tag && plan.analyzed.terms.length > 1 && ids.length > 0 && ids.length < RESULTS_PAGE_SIZE
        ? // The results as typed stand on their own: a text or a candidate search that fails only adds no page.
          await this.titleSlips(query, plan.analyzed.terms, ids, manifest, manifest.typo, analyzer).catch(() => null)
        : null;
    if (slips) {
      const terms = [...new Map([...plan.analyzed.terms, ...slips.terms].map((t) => [t.text, t])).values()];
      return {
        kind: 'results',
        ...answerOf(slips.ids, Promise.resolve(slips.ids), terms),
        correction: { from: cleanQuery(query), to: slips.to, similar: { words: slips.words, candidates: slips.candidates, withTyped: true } },
      };
    }
    return { kind: 'results', ...answerOf(ids, ordered) };
  }
}
