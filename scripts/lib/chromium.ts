/**
 * Debian's Chromium in its old headless mode (package chromium-headless-shell: the
 * browser Playwright itself runs headless, the same Blink and V8 without the full
 * browser around them, and much cheaper per page: docs/benchmarks.md), driven
 * by playwright-core and by the benchmarks. The flags keep Chromium from calling out to
 * the network, which this machine's sandbox refuses.
 */
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell';

/** Chromium's flags for every driver of it (Playwright here, raw DevTools in bench/harness/cdp-browser.ts). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
}

/**
 * Records every Content-Security-Policy violation in a browser context: the
 * `securitypolicyviolation` events of every page and frame, and the console lines in
 * which Chromium reports refused loads (those of workers included), into `violations`.
 */
export async function watchCspViolations(context: BrowserContext, violations: string[]): Promise<void> {
  await context.exposeBinding('__reportCspViolation', ({ frame }, text: string) => {
    violations.push(`${frame.url()}: ${text}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation?: (text: string) => void }).__reportCspViolation;
      report?.(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
}
