/** The dev server's answer at /pagefind-ko/dev-status.json (no Node imports: the browser code reads it too). */
export interface DevSearchStatus {
  /** No index in the output folder, an index of other content than is on disk, or an index of this content. */
  state: 'missing' | 'stale' | 'current';
}

export const DEV_STATUS_FILE = 'dev-status.json';
