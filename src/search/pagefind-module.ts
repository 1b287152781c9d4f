/** The part of Pagefind's browser API (pagefind.js) that our search uses. */
export interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string, options?: { filters?: Record<string, string> }): Promise<{ results: { id: string; score: number }[] } | null>;
}
