/**
 * How the search answers one query on the last build, step by step: the analysed
 * words and their tokens, the vocabulary shards read, each token's page count, the
 * query sent to Pagefind, and the results with their titles. It runs the site's own
 * SearchEngine and Pagefind (in Node, over a local server of the build), so what it
 * prints is what a reader's browser does.
 *
 * Usage: npm run search:explain -- "질의" [--dist dist] [--section <slug>] [--tag <태그>] [--all]
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SEARCH_DATA_DIR, correctionText, startNodeSearch, type SearchTrace } from '../src/korean-search/node';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const valueFlags = new Set(['--dist', '--section', '--tag']);
const query = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && !valueFlags.has(all[i - 1] ?? ''));
if (query === undefined) {
  console.error('사용법: npm run search:explain -- "질의" [--dist dist] [--section 분야] [--tag 태그] [--all]');
  process.exit(2);
}
const dist = resolve(arg('dist') ?? 'dist');
if (!existsSync(join(dist, SEARCH_DATA_DIR, 'manifest.json'))) {
  console.error(`${dist}에 검색 색인이 없습니다: 먼저 npm run build를 실행하세요.`);
  process.exit(1);
}

const { engine, close } = await startNodeSearch(dist);
try {
  let trace: SearchTrace | undefined;
  const outcome = await engine.search(query, { section: arg('section'), tag: arg('tag') }, (t) => (trace = t));

  console.log(`질의: ${JSON.stringify(query)}`);
  const correction = trace?.correction;
  if (correction) {
    console.log('\n오타 교정 (사이트에 없는 낱말)');
    if (correction.files.length) console.log(`  읽은 오타 조회 파일: ${correction.files.join(', ')}`);
    for (const word of correction.words) {
      const candidates = word.candidates.map((c) => `${c.text} ${c.pages ?? '없음'}쪽`).join(', ');
      console.log(`  ${word.word}: 후보 ${candidates || '없음'} → ${word.chosen ? `‘${word.chosen}’ (${word.choice})` : `교정 안 함 (${word.choice})`}`);
    }
    if (correction.query) console.log(`  교정한 질의: ${JSON.stringify(correction.query)} (아래는 이 질의의 단계)`);
    else if (correction.alternatives.length) console.log(`  제안: ${correction.alternatives.join(', ')}`);
    if (!correction.query && correction.candidateQueries.length)
      console.log(`  교정이 분명하지 않아 함께 찾는 후보 질의: ${correction.candidateQueries.map((c) => JSON.stringify(c.query)).join(', ')}`);
  }
  if (trace) {
    console.log('\n분석된 낱말');
    for (const term of trace.terms) console.log(`  ${term.text} (${term.kind}): ${term.tokens.join(', ')}`);
    if (trace.ignored.length) console.log(`  뺀 것: ${trace.ignored.join(', ')}`);
    console.log(`\n읽은 어휘 조각: ${trace.shards.map((n) => `vocab/${n}.gz`).join(', ')}`);
    console.log('\n토큰별 페이지 수');
    for (const t of trace.pageCounts) console.log(`  ${t.token.padEnd(16)} ${t.encoded.padEnd(20)} ${t.pages ?? '없음'}`);
    if (trace.knownWords.length) {
      console.log('\n낱말 토큰 (사이트의 낱말이면 바이그램 대신 이 토큰 하나를 보냄)');
      for (const w of trace.knownWords)
        console.log(`  ${w.word.padEnd(16)} ${w.encoded.padEnd(20)} ${w.pages === undefined ? '사이트의 낱말 아님: 바이그램으로' : w.pages}`);
    }
    console.log(`\nPagefind에 보낸 질의: ${trace.pagefindQuery ?? '(답을 쓰지 않음: 사이트에 없는 낱말)'}`);
    if (trace.phrase) console.log(`붙여 쓴 구절(이 구절을 담은 페이지가 먼저): ${trace.phrase}`);
  }
  console.log(`\n결과: ${outcome.kind}`);
  if (outcome.kind === 'results') {
    if (outcome.correction) console.log(`  ${correctionText(outcome.correction)} (입력: ‘${outcome.correction.from}’)`);
    const ordered = await outcome.ordered;
    const shown = process.argv.includes('--all') ? ordered : ordered.slice(0, 20);
    console.log(`  ${outcome.total}쪽${shown.length < outcome.total ? ` (앞 ${shown.length}쪽, --all로 전부)` : ''}`);
    for (const [i, id] of shown.entries()) {
      const doc = await engine.loadDoc(id);
      console.log(`  ${String(i + 1).padStart(3)}. ${id}  ${doc.title}  ${doc.url}`);
    }
  } else if (outcome.kind === 'unknown') {
    console.log(`  사이트에 없는 낱말: ${outcome.words.join(', ')}`);
  } else if (outcome.kind === 'no-terms') {
    console.log(`  검색할 낱말이 없음 (뺀 것: ${outcome.ignored.join(', ') || '없음'})`);
  }
} finally {
  await close();
}
