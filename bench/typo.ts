/**
 * bench:typo — how the typo-correction rules (src/korean-search/core/typo/correct.ts TYPO_RULES) do on
 * the built site: every one-jamo slip of every title word (three syllables or more)
 * is corrected back to the word, to another word, searched together with other candidates
 * (no clear correction), offered, or left alone; everyday words not on the site and random
 * Hangul must never be corrected nor searched by candidates. Prints the
 * figures for the rules in use and for variants of them, and the bytes of the typo
 * lookup a correction reads. Runs correctQuery in Node on the built files (no Pagefind);
 * then, for a few typos, the whole search (the site's engine and Pagefind in Node over
 * a local server) and the bytes it fetched after a first query had loaded the engine.
 *
 * Usage: npm run bench:typo [-- --dist dist]
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { HANGUL_FIRST, HANGUL_LAST, TYPO_RULES, SEARCH_DATA_DIR, TYPO_DIR, startNodeSearch, type TypoRules } from '../src/korean-search/node';
import { EVERYDAY_WORDS, allSlips, indexedDocs, nodeCorrector, siteText, siteWords } from '../scripts/lib/typo-eval';

const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' } } });
const dist = values.dist;
const corrector = nodeCorrector(dist);
const docs = indexedDocs(dist);
const text = siteText(docs);
const words = siteWords(docs, corrector.analyzer, 2);

/** Seeded random Hangul words of 3–4 syllables that do not occur on the site. */
function randomWords(count: number, seed = 1): string[] {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const out: string[] = [];
  while (out.length < count) {
    const length = 3 + Math.floor(next() * 2);
    const word = Array.from({ length }, () => String.fromCharCode(HANGUL_FIRST + Math.floor(next() * (HANGUL_LAST - HANGUL_FIRST + 1)))).join('');
    if (!text.includes(word)) out.push(word);
  }
  return out;
}

const everyday = EVERYDAY_WORDS.filter((w) => !text.includes(w));
const random = randomWords(300);
// Slips that are themselves site words are searched as typed, never corrected: left out.
const slips = words.flatMap(({ word }) =>
  allSlips(word)
    .filter((s) => corrector.unknownTerms(s).length > 0)
    .map((typed) => ({ word, typed })),
);

async function evaluate(rules: TypoRules) {
  // searched: no clear correction, but the word is among the candidates searched together (its page among the results).
  const tally = { right: 0, wrong: 0, searched: 0, offered: 0, none: 0 };
  const wrong: string[] = [];
  const bySyllables = new Map<number, { right: number; all: number }>();
  for (const { word, typed } of slips) {
    const c = await corrector.correct(typed, rules);
    const group = bySyllables.get(word.length) ?? { right: 0, all: 0 };
    group.all++;
    if (c.query === word) {
      tally.right++;
      group.right++;
    } else if (c.query) {
      tally.wrong++;
      wrong.push(`${typed}→${c.query} (${word})`);
    } else if (c.candidateQueries.some((q) => q.query === word)) tally.searched++;
    else if (c.alternatives.includes(word)) tally.offered++;
    else tally.none++;
    bySyllables.set(word.length, group);
  }
  const falseCorrections: string[] = [];
  for (const w of [...everyday, ...random]) {
    const c = await corrector.correct(w, rules);
    if (c.query) falseCorrections.push(`${w}→${c.query}`);
    // Each candidate of a word on its own is on some page: any candidate query would find results.
    else if (c.candidateQueries.length) falseCorrections.push(`${w}→${c.candidateQueries.map((q) => q.query).join('|')}`);
  }
  return { tally, wrong, bySyllables, falseCorrections };
}

console.log(
  `${dist}: ${docs.length} pages; ${words.length} title words (${words.filter((w) => w.word.length >= 3).length} of 3+ syllables), ${slips.length} unknown one-jamo slips; ${everyday.length} everyday words not on the site, ${random.length} random words\n`,
);
const variants: [string, TypoRules][] = [
  ['rules in use', TYPO_RULES],
  ['minUnits 2', { ...TYPO_RULES, minUnits: 2 }],
  ['minUnits 4', { ...TYPO_RULES, minUnits: 4 }],
  ['dominance 2', { ...TYPO_RULES, dominance: 2 }],
  ['dominance 10', { ...TYPO_RULES, dominance: 10 }],
];
for (const [name, rules] of variants) {
  const r = await evaluate(rules);
  const pct = (n: number) => `${((100 * n) / slips.length).toFixed(1)}%`;
  const lengths = [...r.bySyllables]
    .sort((a, b) => a[0] - b[0])
    .map(([n, g]) => `${n}음절 ${g.right}/${g.all}`)
    .join(', ');
  console.log(
    `${name.padEnd(13)} slips: right ${r.tally.right} (${pct(r.tally.right)}), wrong ${r.tally.wrong} (${pct(r.tally.wrong)}), searched with other candidates ${r.tally.searched}, offered ${r.tally.offered}, none ${r.tally.none} | ${lengths}`,
  );
  console.log(
    `${''.padEnd(13)} unrelated words corrected or searched by candidates: ${r.falseCorrections.length}/${everyday.length + random.length}${r.falseCorrections.length ? ` (${r.falseCorrections.slice(0, 8).join(', ')})` : ''}`,
  );
  if (r.wrong.length) console.log(`${''.padEnd(13)} wrong: ${r.wrong.slice(0, 8).join(', ')}${r.wrong.length > 8 ? ' …' : ''}`);
}

// Bytes: the whole lookup, and what one correction reads (the rules in use).
const typoDir = join(dist, SEARCH_DATA_DIR, TYPO_DIR);
const sizes = new Map(readdirSync(typoDir).map((f) => [`${TYPO_DIR}/${f}`, statSync(join(typoDir, f)).size]));
const total = [...sizes.values()].reduce((a, b) => a + b, 0);
const syllableShards = [...sizes].filter(([f]) => /\/s\d+\.gz$/.test(f)).map(([, n]) => n);
const perQuery: number[] = [];
for (const { typed } of slips) {
  corrector.takeFiles();
  const fresh = nodeCorrector(dist);
  await fresh.correct(typed);
  perQuery.push(fresh.takeFiles().reduce((sum, f) => sum + (sizes.get(f) ?? 0), 0));
}
perQuery.sort((a, b) => a - b);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(
  `\ntypo lookup: ${sizes.size} files, ${kb(total)} (gzip); syllable shards ${syllableShards.length}, ${kb(Math.min(...syllableShards))}–${kb(Math.max(...syllableShards))}; ` +
    `read by one correction: median ${kb(perQuery[Math.floor(perQuery.length / 2)] ?? 0)}, max ${kb(perQuery.at(-1) ?? 0)}`,
);

// Whole searches: what a typo query fetches once the engine is loaded (the later-query budget).
const node = await startNodeSearch(dist);
try {
  await node.engine.search('인공지능');
  for (const query of ['인공지눙', '바이오위원희', '출연언', '양자컴퓨타 큐비트', '된장찌개 끓이는 뻡']) {
    node.resetTraffic();
    const outcome = await node.engine.search(query);
    const { bytes, requests, paths } = node.traffic();
    const typoFiles = paths.filter((p) => p.includes(`/${TYPO_DIR}/`)).length;
    const what = outcome.kind === 'results' ? `${outcome.total}쪽${outcome.correction ? ` via ‘${outcome.correction.to}’` : ''}` : outcome.kind;
    console.log(`${query.padEnd(14)} ${what.padEnd(24)} ${kb(bytes).padStart(8)} in ${requests} requests (${typoFiles} typo lookup files)`);
  }
} finally {
  await node.close();
}
