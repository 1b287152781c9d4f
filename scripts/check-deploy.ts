/**
 * Refuses a build that would ship local addresses: scans every text file of the
 * output folder for localhost / loopback URLs (canonical links, Open Graph, the
 * sitemap, robots.txt, the feed). `npm run build:deploy` and the deploy workflow
 * run it after building with REQUIRE_SITE_URL=1.
 *
 * Usage: npm run check:deploy [-- outDir]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';

const TEXT_FILES = new Set(['.html', '.xml', '.txt', '.json', '.webmanifest', '.js', '.css']);
const LOCAL_URL = /\bhttps?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?::\d+)?/g;

export interface LocalUrlFinding {
  file: string;
  url: string;
  count: number;
}

/** Every file under `dir` that names a local URL, with the first such URL and how many there are. */
export function findLocalUrls(dir: string): LocalUrlFinding[] {
  const findings: LocalUrlFinding[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory() || !TEXT_FILES.has(extname(entry.name))) continue;
    const path = join(entry.parentPath, entry.name);
    const matches = readFileSync(path, 'utf8').match(LOCAL_URL);
    if (matches) findings.push({ file: relative(dir, path), url: matches[0], count: matches.length });
  }
  return findings.sort((a, b) => a.file.localeCompare(b.file));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const dir = resolve(process.argv[2] ?? 'dist');
  const findings = findLocalUrls(dir);
  if (findings.length > 0) {
    console.error(`배포할 수 없습니다: ${findings.length}개 파일에 로컬 주소가 있습니다. SITE_URL을 주고 다시 빌드하세요.`);
    for (const f of findings.slice(0, 20)) console.error(`  ${f.file}: ${f.url} (${f.count}회)`);
    process.exit(1);
  }
  console.log(`check:deploy: ${dir}에 로컬 주소가 없습니다.`);
}
