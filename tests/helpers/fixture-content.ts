/**
 * Writes a small, valid content tree (one overview per section, a few policies, a
 * glossary term, a GFM probe page) into a temporary folder. Build tests then break
 * one thing at a time and run the real `astro build` over it with CONTENT_DIR.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SECTIONS } from '../../src/data/sections';
import { STORED_SOURCE_FILES } from '../../src/data/stored-sources';

const SOURCE = `sources:
  - title: 시험용 출처
    publisher: 시험 발행처
    url: https://example.org/source`;

export function policyFile(fields: Record<string, string>, body = '## 개요\n\n시험용 본문입니다.\n'): string {
  const base: Record<string, string> = {
    title: '시험 정책',
    summary: '빌드 시험을 위해 만든 정책 페이지입니다.',
    order: '1',
    status: 'planned',
    tags: '[ai]',
    ...fields,
  };
  const lines = Object.entries(base)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join('\n')}\n${SOURCE}\n---\n\n${body}`;
}

export const GFM_PROBE_BODY = `## 표

| 항목 | 값 |
| --- | --- |
| 기초연구 | 2조 9300억 원 |

## 각주와 자동 링크

출처는 https://example.org/auto 입니다.[^1] ~~취소선~~

[^1]: 각주 내용입니다.
`;

const [ARTICLE] = STORED_SOURCE_FILES;
/** Frontmatter `sources` naming the stored article: the page's claims must quote it. */
const ARTICLE_SOURCE = `sources:
  - title: ${ARTICLE?.title ?? ''}
    publisher: ${ARTICLE?.publisher ?? ''}
    url: ${ARTICLE?.url ?? ''}`;

/** A policy that cites the stored article: each statement quotes a sentence of it. */
export function quotingPolicyFile(fields: Record<string, string>, body: string): string {
  return policyFile(fields, body).replace(SOURCE, ARTICLE_SOURCE);
}

export const QUOTING_BODY = `## 한눈에 보기

세액공제로 민간 투자를 늘리겠다고 합니다. :src[AI 관련 세액공제를 통해 민간 기업의 투자를]

- 예산의 35%가 이 분야에 들어갑니다. :src[정부 R&D 예산의 35%에 해당하는 금액이]
`;

export function createFixtureContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'policy-fixture-'));
  for (const section of SECTIONS) {
    mkdirSync(join(dir, section.slug));
    writeFileSync(join(dir, section.slug, 'overview.mdx'), policyFile({ title: `${section.title} 개요`, kind: 'overview', order: '0' }));
  }
  writeFileSync(
    join(dir, 'ai-g3', 'sample-policy.mdx'),
    policyFile(
      {
        title: 'GFM 시험 정책',
        related: '[{ collection: ai-g3, id: second-policy }]',
        terms: '[ai]',
        aliases: '[/old/sample/]',
        figures: '[{ kind: money, label: 시험 예산, won: 2930000000000 }]',
        milestones: '[{ when: "2025-H2", text: 시험 일정 }]',
      },
      GFM_PROBE_BODY,
    ),
  );
  writeFileSync(join(dir, 'ai-g3', 'second-policy.mdx'), policyFile({ title: '두 번째 정책', order: '2' }));
  writeFileSync(
    join(dir, 'ai-g3', 'quoting-policy.mdx'),
    quotingPolicyFile(
      { title: '원문을 인용하는 정책', order: '3', figures: '[{ kind: percent, label: 정부 R&D 예산 중 비중, value: 35, quote: 정부 R&D 예산의 35% }]' },
      QUOTING_BODY,
    ),
  );
  mkdirSync(join(dir, 'glossary'));
  writeFileSync(
    join(dir, 'glossary', 'ai.mdx'),
    `---\nterm: AI\nfullForm: 인공지능\naliases: [인공지능]\nenglish: [artificial intelligence, AI]\nsummary: 사람의 지능을 흉내 내는 기술입니다.\n${SOURCE}\n---\n\n시험용 용어 설명입니다.\n`,
  );
  return dir;
}

/** Replaces one piece of a fixture file; fails loudly if the fixture changed shape. */
export function edit(file: string, from: string | RegExp, to: string) {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture edit found nothing to replace in ${file}: ${from}`);
  writeFileSync(file, next);
}

export const second = (dir: string) => join(dir, 'ai-g3', 'second-policy.mdx');
/** Adds frontmatter lines to ai-g3/second-policy.mdx. */
export const addToSecond = (lines: string) => (dir: string) => edit(second(dir), /^order: 2$/m, `order: 2\n${lines}`);
