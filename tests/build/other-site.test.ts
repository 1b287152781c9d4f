/**
 * The Korean search on a site that is not this one (tests/fixtures/other-site/):
 * other sections, no glossary, no tags, no synonyms file. A real `astro build`
 * indexes it through the integration alone, and the engine finds its pages, so
 * nothing of this site is built into the search module.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_DATA_DIR, startNodeSearch, type SearchManifest, type SearchOutcome } from '../../src/korean-search/node';
import { REPO_ROOT } from '../helpers/astro-build';

const FIXTURE = join(REPO_ROOT, 'tests/fixtures/other-site');
let work = '';
let outDir = '';
let search: Awaited<ReturnType<typeof startNodeSearch>>;

beforeAll(async () => {
  mkdirSync(join(REPO_ROOT, '.tmp'), { recursive: true });
  work = mkdtempSync(join(REPO_ROOT, '.tmp', 'other-site-'));
  outDir = join(work, 'dist');
  const build = spawnSync(
    join(REPO_ROOT, 'node_modules/.bin/node'),
    [join(REPO_ROOT, 'node_modules/.bin/astro'), 'build', '--root', FIXTURE, '--outDir', outDir],
    {
      cwd: FIXTURE,
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
      timeout: 180_000,
    },
  );
  if (build.status !== 0) throw new Error(`astro build of the fixture site failed:\n${build.stdout}\n${build.stderr}`);
  search = await startNodeSearch(outDir);
});
afterAll(async () => {
  await search?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function urls(outcome: SearchOutcome): Promise<string[]> {
  return outcome.kind === 'results' ? Promise.all(outcome.ids.map(async (id) => (await search.engine.loadDoc(id)).url)) : [];
}

describe('the Korean search on another site', () => {
  it('indexes the pages the site marks, with its own sections and no tags or synonyms', () => {
    const manifest = JSON.parse(readFileSync(join(outDir, SEARCH_DATA_DIR, 'manifest.json'), 'utf8')) as SearchManifest;
    expect(manifest.pageCount).toBe(3);
    expect(manifest.sections).toEqual([
      { slug: 'reference', title: '참고 자료' },
      { slug: 'guides', title: '안내서' },
    ]);
    expect(manifest.tags).toEqual([]);
    expect(manifest.synonyms).toEqual([]);
    expect(manifest.suggestions).toEqual([{ label: '설치 안내', path: '/guides/install/' }]);
  });

  it.each([
    ['배포', '/guides/deploy/'],
    ['패키지설치', '/guides/install/'],
    ['환경설정이 뭐예요', '/reference/settings/'],
    ['필요한 환경', '/guides/install/'],
  ])('「%s」 finds %s first', async (query, page) => {
    expect((await urls(await search.engine.search(query)))[0]).toBe(page);
  });

  it('filters by the sections the pages name', async () => {
    expect(await urls(await search.engine.search('설정', { section: 'reference' }))).toEqual(['/reference/settings/']);
    expect(await urls(await search.engine.search('설치', { section: 'reference' }))).toEqual([]);
  });

  it('a word on no page finds nothing and offers the site’s suggestions', async () => {
    const outcome = await search.engine.search('고양이');
    expect(outcome.kind).toBe('unknown');
    if (outcome.kind === 'unknown') expect(outcome.suggestions.map((s) => s.path)).toEqual(['/guides/install/']);
  });

  it('shows each result under its section’s title from the page', async () => {
    const outcome = await search.engine.search('배포');
    if (outcome.kind !== 'results') throw new Error(`expected results, got ${outcome.kind}`);
    const first = outcome.ids[0];
    if (!first) throw new Error('no result');
    expect((await search.engine.loadDoc(first)).sectionTitle).toBe('안내서');
  });
});
