/** The value, or an error naming what was missing: for what the code's own invariants say is there (an index in range, a key just set). */
export function must<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`korean-search: ${what} is missing`);
  return value;
}
