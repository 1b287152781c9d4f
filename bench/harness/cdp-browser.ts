/**
 * Headless Chromium driven over the raw DevTools protocol, for timing searches.
 *
 * Why not Playwright here: Playwright turns on the DevTools Network domain in every
 * page and worker, and Chromium then reports each request to the driver before it
 * goes on. Measured on this project's 2-core machines, that made each fetch of an
 * index chunk several times slower (docs/benchmarks.md), and a search fetches many
 * files, so the driver, not the search, made up much of the latency. This driver only evaluates
 * scripts (Target and Runtime domains), as a reader's browser runs them; the bench
 * server counts the bytes, so nothing needs the Network domain.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/lib/chromium';

export interface CdpPage {
  /** Evaluates an expression in the page, awaits it when it is a promise, and returns its value (JSON-serialisable). */
  evaluate<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

export interface CdpBrowser {
  /** Opens `url` in a fresh browser context (its own empty cache) and waits until it has loaded. */
  newPage(url: string): Promise<CdpPage>;
  close(): Promise<void>;
}

/** A DevTools command typed by playwright-core's Protocol: its parameters and its reply by method name. */
type Send = CDPSession['send'];

const STARTUP_TIMEOUT_MS = 30_000;

/**
 * What Playwright adds on its own launches, so the pages run alike: a page opened over
 * DevTools counts as hidden, and Chromium would otherwise throttle its timers and lower
 * its renderer's priority.
 */
const FOREGROUND_ARGS = [
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--disable-ipc-flooding-protection',
  '--disable-hang-monitor',
  '--disable-field-trial-config',
  '--disable-back-forward-cache',
  '--disable-extensions',
  '--disable-default-apps',
  '--no-default-browser-check',
];

function devtoolsUrl(chrome: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start in ${STARTUP_TIMEOUT_MS / 1000} s:\n${log}`)), STARTUP_TIMEOUT_MS);
    if (!chrome.stderr) return reject(new Error('Chromium was started without a stderr pipe'));
    chrome.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(log);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    chrome.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (code ${code}) before DevTools was up:\n${log}`));
    });
  });
}

export async function launchCdpBrowser(): Promise<CdpBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'cdp-bench-'));
  const chrome = spawn(
    CHROMIUM_PATH,
    ['--headless', ...CHROMIUM_ARGS, ...FOREGROUND_ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    // Its own process group, ended whole on close: Debian's /usr/bin/chromium-headless-shell
    // is a shell script that starts the browser as its child (as Playwright ends a browser).
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  const exited = new Promise((resolve) => chrome.once('exit', resolve));
  /** Signals the browser's process group; false when no process of it is left. */
  const signalGroup = (signal: NodeJS.Signals | 0) => {
    try {
      if (chrome.pid !== undefined) process.kill(-chrome.pid, signal);
      return chrome.pid !== undefined;
    } catch {
      return false;
    }
  };
  // A benchmark stopped with Ctrl+C or an uncaught error does not leave the browser running.
  const endGroup = () => signalGroup('SIGTERM');
  const interrupted = () => {
    endGroup();
    process.exit(130);
  };
  process.once('exit', endGroup);
  process.once('SIGINT', interrupted);
  const socket = new WebSocket(await devtoolsUrl(chrome));
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error('DevTools socket failed to open')), { once: true });
  });
  let nextId = 0;
  // The browser's replies are trusted to match the Protocol types, as Playwright's own CDPSession does.
  const pending = new Map<number, { resolve(result: unknown): void; reject(error: Error): void }>();
  socket.addEventListener('message', (event) => {
    const reply: unknown = JSON.parse(String(event.data));
    // Events carry no id.
    if (typeof reply !== 'object' || reply === null || !('id' in reply) || typeof reply.id !== 'number') return;
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if ('error' in reply) {
      const { error } = reply;
      waiting.reject(new Error(typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : JSON.stringify(error)));
    } else waiting.resolve('result' in reply ? reply.result : undefined);
  });
  /** Commands to the browser, or to one page's session. */
  const session =
    (sessionId?: string): Send =>
    (method, params) =>
      new Promise((resolve, reject) => {
        const id = ++nextId;
        pending.set(id, { resolve, reject });
        socket.send(JSON.stringify({ id, method, params: params ?? {}, ...(sessionId ? { sessionId } : {}) }));
      });
  const browser = session();

  const evaluate = async <T>(page: Send, expression: string): Promise<T> => {
    const { result, exceptionDetails } = await page('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(`In the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  };

  return {
    async newPage(url) {
      const { browserContextId } = await browser('Target.createBrowserContext', { disposeOnDetach: true });
      const { targetId } = await browser('Target.createTarget', { url, browserContextId });
      const page = session((await browser('Target.attachToTarget', { targetId, flatten: true })).sessionId);
      const started = Date.now();
      const loaded = () =>
        // While the page is still navigating, its old context may be gone: not loaded yet.
        evaluate<string>(page, `location.href === ${JSON.stringify(url)} && document.readyState`).then(
          (state) => state === 'complete',
          () => false,
        );
      while (!(await loaded())) {
        if (Date.now() - started > STARTUP_TIMEOUT_MS) throw new Error(`${url} did not load`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return {
        evaluate: (expression) => evaluate(page, expression),
        close: async () => {
          await browser('Target.closeTarget', { targetId });
          await browser('Target.disposeBrowserContext', { browserContextId });
        },
      };
    },
    async close() {
      socket.close();
      process.off('exit', endGroup);
      process.off('SIGINT', interrupted);
      endGroup();
      await exited;
      // The wrapper script exits first; the profile is removed once the browser has gone too.
      for (let waited = 0; signalGroup(0) && waited < 5_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
