/**
 * Runs a command and measures it: wall time, the largest resident set of any one
 * process (GNU time's %M when /usr/bin/time exists) and the peak of the whole
 * process tree's summed RSS (polled from /proc every 100 ms), since Astro's
 * workers and Pagefind's service binary are child processes.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';

export interface ProcessMeasure {
  code: number | null;
  seconds: number;
  /** Largest single-process peak RSS in bytes (GNU time), or null without /usr/bin/time. */
  maxRssBytes: number | null;
  /** Peak of the summed RSS of the process and its descendants, in bytes (polled). */
  treePeakBytes: number;
  /** Peak RSS of each program in the tree (by executable name, e.g. node, pagefind), in bytes (polled). */
  byProgram: Record<string, number>;
}

function childrenOf(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function programOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '?';
  }
}

function treeRss(root: number, byProgram: Record<string, number>): number {
  const children = childrenOf();
  let total = 0;
  const stack = [root];
  for (let pid = stack.pop(); pid !== undefined; pid = stack.pop()) {
    const rss = rssOf(pid);
    total += rss;
    const name = programOf(pid);
    if (rss > (byProgram[name] ?? 0)) byProgram[name] = rss;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export function runMeasured(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; logFile: string; cwd?: string }): Promise<ProcessMeasure> {
  const useTime = existsSync('/usr/bin/time');
  const timeFile = `${options.logFile}.time`;
  rmSync(timeFile, { force: true });
  const [cmd, cmdArgs] = useTime ? ['/usr/bin/time', ['-f', '%M', '-o', timeFile, command, ...args]] : [command, args];
  const started = performance.now();
  const child = spawn(cmd, cmdArgs, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(options.logFile);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let treePeakBytes = 0;
  const byProgram: Record<string, number> = {};
  const timer = setInterval(() => {
    if (child.pid) treePeakBytes = Math.max(treePeakBytes, treeRss(child.pid, byProgram));
  }, 100);
  return new Promise((ok, fail) => {
    child.on('error', fail);
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      let maxRssBytes: number | null = null;
      if (useTime && existsSync(timeFile)) {
        const kb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop());
        if (Number.isFinite(kb)) maxRssBytes = kb * 1024;
      }
      log.end(() => ok({ code, seconds, maxRssBytes, treePeakBytes, byProgram }));
    });
  });
}
