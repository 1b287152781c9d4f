/**
 * Converts public Korean documentation into the committed corpus
 * (bench/corpus/data/pages.json.gz) and writes bench/corpus/LICENSES.md.
 *
 * Usage: node --import tsx bench/corpus/convert.ts --source vue=DIR --source vite=DIR --source rust=DIR --source react=DIR --source astro=DIR
 * Each DIR is a git repository of that source (a bare mirror or a checkout); its HEAD is read.
 * Pages are kept when their text is mostly Hangul and long enough to search, their title
 * is not already taken by a kept page, and their MDX compiles.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { compile } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import { CORPUS_DIR, CORPUS_FILE, corpusSchema, type CorpusPage, type CorpusSource } from './lib/corpus-data';
import { cleanSourceMarkdown, compact, hangulShare, plainText } from './lib/source-markdown';

interface SourceSpec {
  repo: string;
  publisher: string;
  licence: string;
  /** Licence files to copy into LICENSES.md. */
  licenceFiles: string[];
  /** Markdown files that are documentation pages. */
  include: RegExp;
  exclude?: RegExp;
  url: (path: string) => string;
}

const SOURCES: Record<string, SourceSpec> = {
  vue: {
    repo: 'vuejs-translations/docs-ko',
    publisher: 'Vue.js 한국어 문서',
    licence: 'CC BY 4.0',
    licenceFiles: ['LICENSE'],
    include: /^src\/.+\.md$/,
    exclude: /^src\/(index|translations\/index|sponsor\/index|partners\/)/,
    url: (p) => `https://ko.vuejs.org/${p.replace(/^src\//, '').replace(/\.md$/, '.html')}`,
  },
  vite: {
    repo: 'vitejs/docs-ko',
    publisher: 'Vite 한국어 문서',
    licence: 'MIT',
    licenceFiles: ['LICENSE'],
    include: /^(guide|config|blog|changes|plugins)\/.+\.md$|^(blog|releases|team)\.md$/,
    url: (p) => `https://ko.vite.dev/${p.replace(/(^|\/)index\.md$/, '$1').replace(/\.md$/, '')}`,
  },
  rust: {
    repo: 'rust-kr/doc.rust-kr.org',
    publisher: '러스트 프로그래밍 언어 (한국어판)',
    licence: 'MIT OR Apache-2.0',
    licenceFiles: ['COPYRIGHT', 'LICENSE-MIT'],
    include: /^src\/(ch\d|appendix|foreword).*\.md$/,
    url: (p) => `https://doc.rust-kr.org/${p.replace(/^src\//, '').replace(/\.md$/, '.html')}`,
  },
  react: {
    repo: 'reactjs/ko.react.dev',
    publisher: 'React 한국어 문서',
    licence: 'CC BY 4.0',
    licenceFiles: ['LICENSE-DOCS.md'],
    include: /^src\/content\/(learn|reference|blog|community|warnings|errors)\/.+\.md$/,
    exclude: /\/index\.md$|rsc-sandbox-test/,
    url: (p) => `https://ko.react.dev/${p.replace(/^src\/content\//, '').replace(/\.md$/, '')}`,
  },
  astro: {
    repo: 'withastro/docs',
    publisher: 'Astro 문서 (한국어)',
    licence: 'MIT',
    licenceFiles: ['LICENSE'],
    include: /^src\/content\/docs\/ko\/.+\.mdx?$/,
    url: (p) => `https://docs.astro.build/${p.replace(/^src\/content\/docs\//, '').replace(/(\/index)?\.mdx?$/, '')}/`,
  },
};

/** Thresholds for a page worth searching: mostly Hangul, and more than a stub. */
const MIN_HANGUL_SHARE = 0.5;
const MIN_HANGUL_CHARS = 300;

const git = (dir: string, ...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

function pageId(source: string, path: string): string {
  const words = path
    .replace(/^src\/(content\/)?(docs\/ko\/)?/, '')
    .replace(/\.mdx?$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${source}-${words}`;
}

async function compiles(body: string): Promise<string | undefined> {
  try {
    await compile(body, { remarkPlugins: [remarkGfm] });
    return undefined;
  } catch (error) {
    return String(error).split('\n')[0];
  }
}

function parseArgs(): Map<string, string> {
  const dirs = new Map<string, string>();
  process.argv.forEach((value, i) => {
    if (value !== '--source') return;
    const [name, dir] = (process.argv[i + 1] ?? '').split(/=(.*)/s);
    if (!name || !dir || !(name in SOURCES)) throw new Error(`--source 이름=경로 (이름: ${Object.keys(SOURCES).join(', ')}): ${process.argv[i + 1]}`);
    dirs.set(name, dir);
  });
  if (dirs.size === 0) throw new Error('--source 이름=경로 가 하나 이상 필요합니다');
  return dirs;
}

async function main() {
  const dirs = parseArgs();
  const sources: CorpusSource[] = [];
  const pages: CorpusPage[] = [];
  const titles = new Set<string>();
  const licenceTexts: string[] = [];
  const dropped = { notHangul: 0, short: 0, noTitle: 0, sameTitle: 0, mdx: 0 };
  for (const [name, dir] of dirs) {
    const spec = SOURCES[name];
    if (!spec) continue;
    const commit = git(dir, 'rev-parse', 'HEAD').trim();
    sources.push({ name, repo: spec.repo, commit, publisher: spec.publisher, licence: spec.licence });
    const files = git(dir, 'ls-tree', '-r', '--name-only', 'HEAD')
      .split('\n')
      .filter((p) => spec.include.test(p) && !spec.exclude?.test(p))
      .sort();
    let kept = 0;
    for (const path of files) {
      const { title, body } = cleanSourceMarkdown(git(dir, 'show', `HEAD:${path}`));
      const text = plainText(body);
      if (!title) {
        dropped.noTitle++;
        continue;
      }
      if (hangulShare(body) < MIN_HANGUL_SHARE) {
        dropped.notHangul++;
        continue;
      }
      if ((text.match(/[가-힣]/g) ?? []).length < MIN_HANGUL_CHARS) {
        dropped.short++;
        continue;
      }
      // Title queries need one right answer; spacing is ignored when comparing.
      if (titles.has(compact(title))) {
        dropped.sameTitle++;
        continue;
      }
      const problem = await compiles(body);
      if (problem) {
        dropped.mdx++;
        console.warn(`  MDX 컴파일 실패, 제외: ${name}:${path}: ${problem}`);
        continue;
      }
      titles.add(compact(title));
      pages.push({ id: pageId(name, path), source: name, path, url: spec.url(path), title, body });
      kept++;
    }
    console.log(`${name} (${spec.repo} @ ${commit.slice(0, 12)}): 후보 ${files.length}쪽 중 ${kept}쪽`);
    const texts = spec.licenceFiles.map((file) => `#### ${file}\n\n\`\`\`text\n${git(dir, 'show', `HEAD:${file}`).trim()}\n\`\`\``);
    licenceTexts.push(
      [
        `## ${spec.publisher}`,
        '',
        `- 저장소: https://github.com/${spec.repo}`,
        `- 커밋: ${commit}`,
        `- 라이선스: ${spec.licence}`,
        `- 사용한 파일: ${spec.include.source}${spec.exclude ? ` (제외: ${spec.exclude.source})` : ''}`,
        '',
        ...texts,
      ].join('\n'),
    );
  }
  pages.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ids = new Set(pages.map((p) => p.id));
  if (ids.size !== pages.length) throw new Error('페이지 id가 겹칩니다');
  const corpus = corpusSchema.parse({ sources, pages });
  mkdirSync(dirname(CORPUS_FILE), { recursive: true });
  const gz = gzipSync(JSON.stringify(corpus), { level: 9 });
  writeFileSync(CORPUS_FILE, gz);
  writeFileSync(
    join(CORPUS_DIR, 'LICENSES.md'),
    [
      '# 말뭉치 출처와 라이선스',
      '',
      'data/pages.json.gz의 페이지는 아래 저장소의 Markdown 문서를 convert.ts로 옮긴 것입니다. 옮기면서 코드 블록, HTML과 컴포넌트 태그(안의 글은 남김), 주석, 그림, 링크 주소를 뺐고 제목 수준을 맞췄습니다. 글 자체는 고치지 않았습니다. 각 페이지의 원문 주소는 페이지의 `url`에 있습니다.',
      '',
      ...licenceTexts.flatMap((t) => [t, '']),
    ].join('\n'),
  );
  console.log(`${pages.length}쪽, ${(gz.length / 1024).toFixed(0)} KB → ${CORPUS_FILE}`);
  console.log(`제외: ${JSON.stringify(dropped)}`);
}

await main();
