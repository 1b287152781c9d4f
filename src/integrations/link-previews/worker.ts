/**
 * A worker thread of the card drawer (draw-site-cards.ts): draws the cards it is sent, checks
 * their size, and writes each to the cache and into the site.
 */
import { copyFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parentPort, threadId } from 'node:worker_threads';
import { CARD_MAX_BYTES, type LinkCard } from '../../lib/link-card';
import { must } from '../../lib/must';
import { createCardRenderer, type CardRenderer } from './draw-card';

export interface DrawTask {
  id: number;
  card: LinkCard;
  cacheFile: string;
  outFiles: string[];
  maxBytes?: number;
}
export type DrawReply = { id: number; bytes: number } | { id: number; error: string };

let renderer: CardRenderer | undefined;

const port = must(parentPort, 'parentPort (worker.ts runs as a worker thread)');

port.on('message', (task: DrawTask) => {
  try {
    renderer ??= createCardRenderer();
    const png = renderer.draw(task.card);
    const limit = task.maxBytes ?? CARD_MAX_BYTES;
    if (png.length > limit) throw new Error(`이미지가 ${(png.length / 1024).toFixed(1)} KB로 한도 ${(limit / 1024).toFixed(0)} KB를 넘습니다`);
    mkdirSync(dirname(task.cacheFile), { recursive: true });
    // Written whole under another name, then renamed: a build stopped midway leaves no half file in the cache.
    const partial = `${task.cacheFile}.${process.pid}-${threadId}.partial`;
    writeFileSync(partial, png);
    renameSync(partial, task.cacheFile);
    for (const out of task.outFiles) {
      mkdirSync(dirname(out), { recursive: true });
      copyFileSync(task.cacheFile, out);
    }
    port.postMessage({ id: task.id, bytes: png.length } satisfies DrawReply);
  } catch (error) {
    port.postMessage({ id: task.id, error: error instanceof Error ? error.message : String(error) } satisfies DrawReply);
  }
});
