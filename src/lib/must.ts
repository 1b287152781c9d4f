/** The value, or an error naming what was missing: for what the code's own invariants or the page's markup say is there. */
export function must<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`${what} is missing`);
  return value;
}
