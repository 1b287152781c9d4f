/**
 * The normalization used by data/source/key-phrases.txt and the search evaluation:
 * white space, commas and middle dots removed, Latin letters lower-cased.
 */
export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\s,·ㆍ・]/g, '')
    .toLowerCase();
}

/** Phrases of a key-phrases file: one per line, `#` lines are comments. */
export function parseKeyPhrases(fileText: string): string[] {
  return fileText
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

/** The phrases that none of the texts contains. */
export function missingPhrases(phrases: readonly string[], texts: readonly string[]): string[] {
  const haystack = texts.map(normalizeForMatch).join('\n');
  return phrases.filter((phrase) => !haystack.includes(normalizeForMatch(phrase)));
}
