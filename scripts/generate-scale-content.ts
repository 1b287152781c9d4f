/**
 * Writes a synthetic content tree for the scale benchmark into a temporary folder
 * (never into content/): the ten overviews, N policy pages and a copy of the real
 * glossary so `terms` references resolve.
 *
 * Usage: node --import tsx scripts/generate-scale-content.ts --pages 1000 [--seed 1] [--out DIR]
 * Without --out it writes to .tmp/scale/content-<N>-<seed>/ (git-ignored) and prints the path.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateScaleContent } from './lib/scale-content';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface WriteScaleOptions {
  pages: number;
  seed: number;
  /** Target folder; emptied first. */
  outDir: string;
  /** Glossary to copy (default: the real content/glossary). */
  glossaryDir?: string;
}

/** Writes the tree and returns the number of files written. */
export function writeScaleContent({ pages, seed, outDir, glossaryDir = join(ROOT, 'content', 'glossary') }: WriteScaleOptions): number {
  const out = resolve(outDir);
  if (out === resolve(ROOT, 'content') || out.startsWith(resolve(ROOT, 'content') + '/')) throw new Error('합성 콘텐츠를 content/에 쓸 수 없습니다');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'glossary'), { recursive: true });
  const glossaryIds: string[] = [];
  if (existsSync(glossaryDir)) {
    for (const name of readdirSync(glossaryDir).sort()) {
      if (!name.endsWith('.mdx')) continue;
      cpSync(join(glossaryDir, name), join(out, 'glossary', name));
      glossaryIds.push(name.replace(/\.mdx$/, ''));
    }
  }
  const files = generateScaleContent({ pages, seed, glossaryIds });
  const dirs = new Set(files.map((f) => dirname(f.path)));
  for (const d of dirs) mkdirSync(join(out, d), { recursive: true });
  for (const f of files) writeFileSync(join(out, f.path), f.text);
  return files.length + glossaryIds.length;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const pages = Number(arg('pages') ?? 1000);
  const seed = Number(arg('seed') ?? 1);
  const outDir = arg('out') ?? join(ROOT, '.tmp', 'scale', `content-${pages}-${seed}`);
  const started = performance.now();
  const count = writeScaleContent({ pages, seed, outDir });
  console.log(`${count}개 파일을 ${outDir}에 썼습니다 (${((performance.now() - started) / 1000).toFixed(1)}초)`);
}
