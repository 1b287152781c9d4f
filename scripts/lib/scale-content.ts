/**
 * Synthetic Korean policy pages for the scale benchmark (pure: no file system).
 *
 * The seed article's vocabulary is recombined into N policy pages spread over the
 * ten sections: seed compounds (국가AI컴퓨팅센터, AI기본법, 1000큐비트급, 지역R&D),
 * new compounds made from the same parts (지역바이오위원회, 첨단AI플랫폼), nouns
 * with particles chosen by their final sound (AI기본법을, 출연연의, 데이터센터로),
 * spacing variants (정책 펀드 / 정책펀드), h2/h3 headings, lists and a table.
 * Frontmatter follows src/schemas/policy.ts; `related` only points at pages that
 * exist and `terms` only at the glossary ids passed in.
 * The same seed always gives byte-identical files.
 */
import { disassembleCompleteCharacter } from 'es-hangul';
import { SECTIONS } from '../../src/data/sections';
import { TAG_IDS } from '../../src/data/tags';
import { must } from '../../src/lib/must';

export interface ScaleFile {
  /** Path inside the content folder, e.g. `ai-g3/policy-00042.mdx`. */
  path: string;
  text: string;
}

export interface ScaleOptions {
  /** Number of policy pages (the ten overviews come on top). */
  pages: number;
  /** PRNG seed; the same seed gives the same files. */
  seed: number;
  /** Glossary ids that exist in the copied glossary; pages cite some of them in `terms`. */
  glossaryIds?: readonly string[];
}

/** mulberry32: small, fast, good enough for picking words. */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => must(list[Math.floor(rng() * list.length)], 'pick from an empty list');
const chance = (rng: Rng, p: number) => rng() < p;
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

// ---------------------------------------------------------------------------
// Particles

type FinalSound = 'vowel' | 'rieul' | 'consonant';

/** Latin letters as read in Korean: L, R end in ㄹ; M, N in a consonant; the rest in a vowel. */
const LATIN_FINAL: Record<string, FinalSound> = { l: 'rieul', r: 'rieul', m: 'consonant', n: 'consonant' };
/** Digits as read (영 일 이 삼 사 오 육 칠 팔 구). */
const DIGIT_FINAL: FinalSound[] = ['consonant', 'rieul', 'vowel', 'consonant', 'vowel', 'vowel', 'consonant', 'rieul', 'rieul', 'vowel'];

/** How a word ends when read aloud: decides 을/를, 이/가, 으로/로. */
export function finalSound(word: string): FinalSound {
  const trimmed = word.normalize('NFC').replace(/[^0-9A-Za-z가-힣%]+$/u, '');
  const last = trimmed.at(-1);
  if (!last) return 'vowel';
  const syllable = disassembleCompleteCharacter(last);
  if (syllable) return syllable.jongseong === '' ? 'vowel' : syllable.jongseong === 'ㄹ' ? 'rieul' : 'consonant';
  if (/[0-9]/.test(last)) {
    // 10 십, 100 백, 1000 천, 10000 만: a run of trailing zeros after another digit is read as a consonant.
    const zeros = /([1-9])(0+)$/.exec(trimmed);
    if (zeros) return 'consonant';
    return must(DIGIT_FINAL[Number(last)], `final sound of ${last}`);
  }
  if (last === '%') return 'vowel'; // 퍼센트
  return LATIN_FINAL[last.toLowerCase()] ?? 'vowel';
}

export const PARTICLES = ['을', '이', '은', '과', '으로', '의', '에', '에서', '도', '까지'] as const;
export type Particle = (typeof PARTICLES)[number];

/** Attaches a particle in the form the word's last sound asks for: 법 → 법을, 센터 → 센터를, 지역R&D → 지역R&D를. */
export function withParticle(word: string, particle: Particle): string {
  const s = finalSound(word);
  const closed = s !== 'vowel';
  switch (particle) {
    case '을':
      return word + (closed ? '을' : '를');
    case '이':
      return word + (closed ? '이' : '가');
    case '은':
      return word + (closed ? '은' : '는');
    case '과':
      return word + (closed ? '과' : '와');
    case '으로':
      return word + (s === 'consonant' ? '으로' : '로');
    default:
      return word + particle;
  }
}

// ---------------------------------------------------------------------------
// Vocabulary (from the seed article and the real content pages)

/** Terms written exactly as in the seed article. */
export const SEED_TERMS = [
  '국가AI컴퓨팅센터',
  'AI기본법',
  '1000큐비트급 양자컴퓨터',
  '지역R&D',
  '국가전략기술',
  '국가바이오위원회',
  '양자컴퓨터',
  '양자과학',
  '기술사업화 플랫폼',
  '예비타당성조사',
  '출연연',
  '세액공제',
  '데이터센터',
  '소상공인',
  '통신비',
  '범부처 CTO',
  '석박사',
  '이공계',
  '정책 펀드',
  '스타트업',
  '하위 법령',
  '연구소 기업',
  '과학기술 외교',
  '디지털 포용사회',
  '바이오 제조 혁신',
  'AI 바이오 혁신전략',
  '5개년 종합계획',
  '연구개발',
  '평가제도',
  '민관 협력',
  '민·관 합작',
  '대학 부설 연구소',
  '여성 과학자',
  '경력 단절',
  '일자리 창출',
  '신진 연구자',
  'SW 거점',
  '지역 경제',
  '국가 경쟁력',
  '기술 안전성',
  '기초연구',
  '소프트웨어 교육',
  '규제 완화',
  'R&D 예산',
  '과기정통부',
  '인공지능',
  'AI 인프라',
  '연구 생태계',
  '청년 창업',
  '전략기술 인재',
  '기술사업화',
  'R&D 기획',
  '선도형 R&D 시스템',
  '국가적 임무',
  '지식 탐색',
  '바이오 산업',
  '디지털 역량',
  '법제도',
  '연구소',
  '연구자 평가제도',
  '투명성',
] as const;

const PREFIXES = [
  '국가',
  '지역',
  '첨단',
  '차세대',
  '범부처',
  '민관',
  '글로벌',
  '초광역',
  '디지털',
  '바이오',
  '양자',
  'AI',
  '반도체',
  '우주',
  '탄소중립',
  '해양',
  '미래',
  '공공',
  '국가AI',
  '지역AI',
] as const;
const HEADS = [
  '컴퓨팅센터',
  '기본법',
  '위원회',
  '플랫폼',
  '종합계획',
  '혁신전략',
  '펀드',
  '거점',
  '연구단',
  '클러스터',
  '데이터센터',
  '실증단지',
  '인재센터',
  '협의체',
  '진흥원',
  '특구',
  '바이오위원회',
  '혁신센터',
] as const;
const UNITS = ['큐비트급', '테라플롭스급', '메가와트급', '페타바이트급'] as const;
const REGIONS = [
  '서울',
  '부산',
  '대구',
  '인천',
  '광주',
  '대전',
  '울산',
  '세종',
  '경기',
  '강원',
  '충북',
  '충남',
  '전북',
  '전남',
  '경북',
  '경남',
  '제주',
] as const;
const ACTORS = ['정부', '과기정통부', '대학', '지자체', '민간 기업', '연구자', '관계 부처', '전문기관'] as const;
const VERB_STEMS = ['추진', '강화', '지원', '확대', '마련', '구축', '개선', '촉진', '조성', '육성', '검토', '고도화'] as const;
const VERB_ENDINGS = ['합니다', '할 예정입니다', '할 계획입니다', '하겠습니다', '할 것입니다'] as const;
/** A sentence-final verb: 추진합니다, 확대할 계획입니다 … */
const verb = (rng: Rng) => pick(rng, VERB_STEMS) + pick(rng, VERB_ENDINGS);
/** The same verbs before a noun: 추진하는, 확대하는 … */
const verbAdnominal = (rng: Rng) => `${pick(rng, VERB_STEMS)}하는`;
const GOALS = ['성장 기반', '경쟁력', '안전성', '혁신 역량', '연구 환경', '사업화 성과', '협력 체계', '투명성', '일자리', '지역 균형'] as const;
const TITLE_SUFFIXES = ['구축', '지원 사업', '추진 계획', '활성화 방안', '혁신 전략', '고도화', '육성 사업', '제도 개선', '확대', '시범 사업'] as const;
const STATUSES = ['planned', 'in-progress', 'enacted', 'ongoing'] as const;
/** Multi-word terms that writers also write without the space. */
const SPACING_VARIANTS: Record<string, string> = {
  '정책 펀드': '정책펀드',
  '경력 단절': '경력단절',
  '연구소 기업': '연구소기업',
  '일자리 창출': '일자리창출',
  '여성 과학자': '여성과학자',
};

/** A compound noun: a seed term, a new prefix+head compound, a number+unit compound or a region compound. */
function noun(rng: Rng): string {
  const r = rng();
  let word: string;
  if (r < 0.55) word = pick(rng, SEED_TERMS);
  else if (r < 0.8) word = pick(rng, PREFIXES) + pick(rng, HEADS);
  else if (r < 0.88) word = `${pick(rng, [100, 500, 1000, 2000, 5000, 10])}${pick(rng, UNITS)}`;
  else word = `${pick(rng, REGIONS)} ${pick(rng, HEADS)}`;
  const variant = SPACING_VARIANTS[word];
  return variant && chance(rng, 0.35) ? variant : word;
}

function money(rng: Rng): string {
  const jo = int(rng, 0, 5);
  const eok = int(rng, 1, 99) * 100;
  return jo > 0 ? `${jo}조 ${eok}억 원` : `${eok}억 원`;
}

/** Where a page draws its nouns from: mostly its own topic, sometimes anywhere. */
type Nouns = () => string;

/**
 * A page is about one topic: most nouns come from a handful chosen for it, like a
 * real policy page, so a term is on a share of the pages rather than on all of them.
 */
function topicNouns(rng: Rng, main: string): Nouns {
  const topic = [main, ...Array.from({ length: 5 }, () => noun(rng))];
  return () => (chance(rng, 0.85) ? pick(rng, topic) : noun(rng));
}

function sentence(rng: Rng, n: Nouns): string {
  const a = n();
  const b = n();
  const year = int(rng, 2025, 2030);
  switch (int(rng, 0, 11)) {
    case 0:
      return `${withParticle(pick(rng, ACTORS), '은')} ${year}년까지 ${withParticle(a, '을')} ${verb(rng)}.`;
    case 1:
      return `${withParticle(a, '은')} ${withParticle(b, '과')} 함께 ${withParticle(pick(rng, ['AI 산업', '바이오 산업', '양자 기술', '지역', '연구 현장']), '의')} ${withParticle(pick(rng, GOALS), '을')} 높입니다.`;
    case 2:
      return `${withParticle(pick(rng, REGIONS), '에서')} ${withParticle(a, '으로')} ${withParticle(b, '을')} ${verb(rng)}.`;
    case 3:
      return `${withParticle(a, '에')} ${withParticle(money(rng), '을')} 투입하고, 정부 R&D 예산의 ${int(rng, 5, 40)}%를 관련 분야에 집중합니다.`;
    case 4:
      return `${withParticle(a, '에서')} ${withParticle(b, '이')} 논의되었으며, ${withParticle(pick(rng, ACTORS), '이')} 후속 조치를 ${verb(rng)}.`;
    case 5:
      return `특히 올해 하반기에는 ${withParticle(a, '의')} ${pick(rng, ['5개년 종합계획', '세부 계획', '실행 방안', '로드맵', '기본계획'])}을 수립하고 ${withParticle(b, '에')} 착수할 계획입니다.`;
    case 6:
      return `${withParticle(pick(rng, ACTORS), '은')} ${withParticle(a, '을')} 통해 ${withParticle(b, '의')} ${withParticle(pick(rng, GOALS), '을')} 강화하겠다고 밝혔습니다.`;
    case 7:
      return `${withParticle(a, '도')} ${withParticle(b, '과')} 연계되어 ${verbAdnominal(rng)} 방향으로 검토됩니다.`;
    case 8:
      return `원문은 ${withParticle(a, '이')} ${withParticle(b, '까지')} 확장된다고 설명하지만 구체적인 일정은 밝히지 않았습니다.`;
    case 9:
      return `${withParticle(a, '은')} 지난해 제정된 ${withParticle(n(), '을')} 근거로 합니다.`;
    case 10:
      return `${withParticle(pick(rng, ['청년', '연구자', '기업', '주민', '학생']), '이')} ${withParticle(a, '에')} 참여할 수 있도록 ${withParticle(b, '을')} ${verb(rng)}.`;
    default:
      return `${withParticle(a, '과')} ${withParticle(b, '은')} ${withParticle(n(), '을')} 중심으로 ${verb(rng)}.`;
  }
}

function paragraph(rng: Rng, n: Nouns): string {
  return Array.from({ length: int(rng, 2, 4) }, () => sentence(rng, n)).join(' ');
}

function title(rng: Rng, n: Nouns): string {
  const region = chance(rng, 0.3) ? `${pick(rng, REGIONS)} ` : '';
  return `${region}${n()} ${pick(rng, TITLE_SUFFIXES)}`;
}

/** YAML flow scalars: quote when the text could be misread. */
const yamlString = (s: string) => JSON.stringify(s);

/**
 * A source that is no stored text (data/source/): the generated sentences quote nothing,
 * and a page citing a stored text must cite it statement by statement (docs/provenance.md).
 */
function sourceBlock(): string {
  return [
    'sources:',
    '  - title: 규모 시험용 합성 출처',
    '    publisher: 규모 시험',
    '    url: https://example.org/scale-test',
    '    dateNote: 생성기가 만든 합성 페이지라 원문이 없습니다.',
  ].join('\n');
}

function body(rng: Rng, main: string, n: Nouns): string {
  const parts: string[] = [];
  parts.push('## 한눈에 보기', '', `${withParticle(main, '은')} ${paragraph(rng, n)}`, '');
  parts.push('## 주요 내용', '');
  for (let i = int(rng, 2, 3); i > 0; i--) {
    parts.push(`### ${n()} ${pick(rng, ['지원', '구축', '연계', '확대', '개선'])}`, '', paragraph(rng, n), '');
  }
  if (chance(rng, 0.5)) {
    parts.push('## 추진 일정', '');
    for (let i = int(rng, 2, 4); i > 0; i--) parts.push(`- ${int(rng, 2025, 2030)}년: ${sentence(rng, n)}`);
    parts.push('');
  }
  if (chance(rng, 0.25)) {
    parts.push('## 주요 수치', '', '| 항목 | 내용 |', '| --- | --- |');
    for (let i = int(rng, 2, 3); i > 0; i--) parts.push(`| ${n()} | ${money(rng)} |`);
    parts.push('');
  }
  parts.push('## 다른 정책과의 관계', '', paragraph(rng, n), '');
  parts.push('## 원문에서 확인되지 않은 점', '');
  for (let i = int(rng, 2, 3); i > 0; i--)
    parts.push(`- ${withParticle(n(), '의')} ${pick(rng, ['구체적인 예산 규모', '시행 시점', '담당 기관', '지원 대상', '근거 법령'])}`);
  parts.push('');
  return parts.join('\n');
}

interface PageRef {
  section: string;
  id: string;
}

/** Page `i` (0-based) lives in section i mod 10 and is named policy-00001 … (1-based, zero-padded). */
export function pageRef(i: number): PageRef {
  return { section: must(SECTIONS[i % SECTIONS.length], 'section').slug, id: `policy-${String(i + 1).padStart(5, '0')}` };
}

function frontmatter(fields: string[]): string {
  return `---\n${fields.join('\n')}\n${sourceBlock()}\n---\n\n`;
}

function tagsFor(rng: Rng): string[] {
  const tags = new Set<string>();
  for (let i = int(rng, 1, 3); i > 0; i--) tags.add(pick(rng, TAG_IDS));
  return [...tags];
}

function termsFor(rng: Rng, glossaryIds: readonly string[]): string[] {
  if (glossaryIds.length === 0) return [];
  const terms = new Set<string>();
  for (let i = int(rng, 0, 3); i > 0; i--) terms.add(pick(rng, glossaryIds));
  return [...terms];
}

/** All pages of a synthetic content tree (ten overviews and `pages` policies); the glossary is copied separately. */
export function generateScaleContent({ pages, seed, glossaryIds = [] }: ScaleOptions): ScaleFile[] {
  if (!Number.isInteger(pages) || pages < 1) throw new Error(`pages는 1 이상의 정수여야 합니다: ${pages}`);
  const rng = createRng(seed);
  const files: ScaleFile[] = [];

  for (const section of SECTIONS) {
    const fields = [
      `title: ${yamlString(`${section.title} (규모 시험)`)}`,
      `summary: ${yamlString(`${section.title} 분야의 합성 정책 페이지를 모아 보여 주는 규모 시험용 개요입니다.`)}`,
      'kind: overview',
      'order: 0',
      `tags: [${tagsFor(rng).join(', ')}]`,
      'status: ongoing',
      `terms: [${termsFor(rng, glossaryIds).join(', ')}]`,
    ];
    const n = topicNouns(rng, noun(rng));
    files.push({
      path: `${section.slug}/overview.mdx`,
      text: frontmatter(fields) + `## 한눈에 보기\n\n${paragraph(rng, n)}\n\n## 분야의 방향\n\n${paragraph(rng, n)}\n`,
    });
  }

  for (let i = 0; i < pages; i++) {
    const ref = pageRef(i);
    const main = noun(rng);
    const n = topicNouns(rng, main);
    const pageTitle = `${main} ${pick(rng, TITLE_SUFFIXES)}`.trim();
    const related: PageRef[] = [];
    if (i > 0) for (let k = int(rng, 0, 3); k > 0; k--) related.push(pageRef(int(rng, 0, i - 1)));
    const uniqueRelated = [...new Map(related.map((r) => [`${r.section}/${r.id}`, r])).values()];
    const milestones = chance(rng, 0.3)
      ? [
          `  - { when: "${int(rng, 2025, 2030)}${chance(rng, 0.5) ? `-H${int(rng, 1, 2)}` : ''}", until: ${chance(rng, 0.5)}, text: ${yamlString(`${main} ${pick(rng, ['착수', '완료', '시행', '출범'])}`)} }`,
        ]
      : [];
    const figures = chance(rng, 0.3)
      ? [`  - { kind: money, label: ${yamlString(`${main} 예산`)}, won: ${int(rng, 1, 300) * 10_000_000_000} }`]
      : chance(rng, 0.2)
        ? [`  - { kind: count, label: ${yamlString('개발 규모')}, value: ${pick(rng, [100, 500, 1000])}, unit: 큐비트급 }`]
        : [];
    const fields = [
      `title: ${yamlString(chance(rng, 0.5) ? pageTitle : title(rng, n))}`,
      `summary: ${yamlString(`${withParticle(main, '을')} ${verbAdnominal(rng)} 계획을 담은 합성 정책 페이지입니다.`)}`,
      `order: ${Math.floor(i / SECTIONS.length) + 1}`,
      `tags: [${tagsFor(rng).join(', ')}]`,
      `status: ${pick(rng, STATUSES)}`,
      milestones.length ? `milestones:\n${milestones.join('\n')}` : 'milestones: []',
      figures.length ? `figures:\n${figures.join('\n')}` : 'figures: []',
      uniqueRelated.length ? `related:\n${uniqueRelated.map((r) => `  - { collection: ${r.section}, id: ${r.id} }`).join('\n')}` : 'related: []',
      `terms: [${termsFor(rng, glossaryIds).join(', ')}]`,
    ];
    files.push({ path: `${ref.section}/${ref.id}.mdx`, text: frontmatter(fields) + body(rng, main, n) });
  }
  return files;
}
