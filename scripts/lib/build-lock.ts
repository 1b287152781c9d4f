/**
 * Astro writes the list of a build's content modules into the project's own .astro/
 * folder (content-modules.mjs) and reads it back while it builds, whatever outDir and
 * cacheDir say: two builds of this project at once can render each other's content. The
 * builds that tests and benchmarks start over other content folders take this lock, so
 * they run one at a time across processes and workers.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const POLL_MS = 100;

/** Whether a process with this id is running. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process holding the lock, or 0 while the holder has not written its id yet. */
function holder(lock: string): number {
  try {
    return Number(readFileSync(join(lock, 'pid'), 'utf8')) || 0;
  } catch {
    return 0;
  }
}

/** Runs `task` holding the project's build lock (`<repo>/.tmp/astro-build.lock`, a folder: mkdir is atomic). */
export async function withBuildLock<T>(repoRoot: string, task: () => Promise<T>): Promise<T> {
  const lock = join(repoRoot, '.tmp', 'astro-build.lock');
  mkdirSync(join(repoRoot, '.tmp'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // A lock left by a process that died (a killed test run) is taken over.
    const pid = holder(lock);
    if (pid !== 0 && !running(pid)) {
      rmSync(lock, { recursive: true, force: true });
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  writeFileSync(join(lock, 'pid'), String(process.pid));
  try {
    return await task();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
