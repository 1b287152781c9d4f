/**
 * Every built HTML page of dist/ (run `npm run build` first; `npm test` does) is valid
 * HTML by the Nu Html Checker (vnu.jar from the vnu-jar package, run on the `java` that
 * scripts/ensure-browser.sh provides). The checker takes seconds to start, so it runs
 * once over all pages. Errors fail the test; warnings (type "info") do not.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST, assertBuilt, htmlPages } from '../helpers/built-site';

const VNU_JAR = join(dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');

/**
 * The only errors let through, all from vnu's CSS checker (it checks the CSS that Astro inlines
 * in <style>): it does not know some CSS that browsers support and Tailwind 4 emits, and calls
 * it an error although the CSS is valid. Tailwind registers its custom properties with
 * `@property`, and tests `margin-trim` inside an @supports condition to pick the fallback for
 * browsers without @property. (vnu 26 does know `@layer`.) Add a name here only for that reason;
 * every other message is a real markup error.
 */
const CSS_UNKNOWN_TO_VNU = { atRules: ['@property'], properties: ['margin-trim'] };
const isUnknownToVnuCss = (message: string) =>
  CSS_UNKNOWN_TO_VNU.atRules.some((rule) => message === `CSS: Unrecognized at-rule “${rule}”`) ||
  CSS_UNKNOWN_TO_VNU.properties.some((prop) => message === `CSS: “${prop}”: Property “${prop}” doesn't exist.`);

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  firstLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

function runVnu(files: string[]): Promise<VnuMessage[]> {
  return new Promise((resolve, reject) => {
    // Exit status 1 only means "errors found"; the JSON report on stderr says which.
    execFile(
      'java',
      ['-Xss4m', '-jar', VNU_JAR, '--format', 'json', '--skip-non-html', ...files],
      { maxBuffer: 256 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
          reject(new Error('java가 PATH에 없습니다: bash scripts/ensure-browser.sh 로 설치하세요 (npm test의 pretest가 실행합니다).'));
          return;
        }
        try {
          resolve((JSON.parse(stderr) as { messages: VnuMessage[] }).messages);
        } catch {
          reject(new Error(`vnu.jar did not print a JSON report (${error?.message ?? 'exit 0'}):\n${stderr.slice(0, 2000)}`));
        }
      },
    );
  });
}

let messages: VnuMessage[] = [];
let pageCount = 0;

beforeAll(async () => {
  assertBuilt();
  const files = htmlPages().map((p) => p.file);
  pageCount = files.length;
  messages = await runVnu(files);
}, 300_000);

const where = (m: VnuMessage) => {
  const file = m.url?.startsWith('file:') ? relative(DIST, fileURLToPath(m.url)).split(sep).join('/') : (m.url ?? '?');
  return `${file}:${m.lastLine ?? m.firstLine ?? '?'}${m.firstColumn ? `:${m.firstColumn}` : ''}`;
};

describe('HTML validity (Nu Html Checker)', () => {
  it('checked every built page', () => {
    expect(pageCount).toBeGreaterThan(10);
  });

  it('no page has a markup error', () => {
    const warnings = new Map<string, number>();
    // vnu reads the pages as local files, which have no origin, so it reports every
    // same-site file as blocked by the meta CSP's 'self'; browsers load them (the e2e
    // suite counts real violations). Those notes are left out of the list.
    // It also reports the JSON-LD data blocks as inline scripts; browsers do not run
    // them, so the CSP does not apply (tests/build/site.test.ts allows no other inline script).
    const fileOriginNote = /^(Resource|Inline script) violates Content Security Policy \(meta tag\)/;
    for (const m of messages.filter((m) => m.type === 'info' && !fileOriginNote.test(m.message))) warnings.set(m.message, (warnings.get(m.message) ?? 0) + 1);
    if (warnings.size) console.info(`vnu warnings (not failures):\n${[...warnings].map(([text, n]) => `  ${n}× ${text}`).join('\n')}`);

    const errors = messages
      .filter((m) => m.type !== 'info' && !isUnknownToVnuCss(m.message))
      .map((m) => `${where(m)}: ${m.message}${m.extract ? ` [${m.extract.replace(/\s+/g, ' ').trim()}]` : ''}`);
    if (errors.length) console.error(`vnu: ${errors.length} error(s) in ${pageCount} pages\n${errors.join('\n')}`);
    expect(errors, `${errors.length} HTML error(s); each line is dist file:line:column: message`).toEqual([]);
  });
});
