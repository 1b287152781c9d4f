/**
 * The card drawer's parts: the PNG writer and palette, the cache key, reading cards back from
 * built pages, and the drawer itself over a two-page site in a temporary folder (the
 * same process `npm run build` starts): an unchanged card is copied from the cache,
 * a changed one is drawn again, and bad input fails naming the page.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { cardAttributes, type LinkCard } from '../../src/lib/link-card';
import { ogImagePath } from '../../src/lib/urls';
import { readBuiltCards, readCard } from '../../src/integrations/link-previews/built-cards';
import { cardCacheKey, previewCacheDir } from '../../src/integrations/link-previews/cache';
import { runPreviewJob } from '../../src/integrations/link-previews/job';
import { encodeIndexedPng, readPngSize } from '../../src/integrations/link-previews/png';
import { missingCharacters, readCoverageFile } from '../../src/integrations/link-previews/font-coverage';
import { cardFontFiles } from '../../src/integrations/link-previews/fonts';
import { blendPalette, createPaletteMapper, hexRgb, nearestEntry } from '../../src/integrations/link-previews/palette';
import { REPO_ROOT } from '../helpers/astro-build';

describe('encodeIndexedPng', () => {
  it('writes a palette PNG whose IHDR, palette and pixels read back', () => {
    const palette = new Uint8Array([255, 255, 255, 11, 87, 208, 26, 28, 32]);
    const indices = new Uint8Array([0, 1, 2, 2, 1, 0]);
    const png = encodeIndexedPng(indices, palette, 3, 2);
    expect(readPngSize(png)).toEqual({ width: 3, height: 2 });
    expect([...png.subarray(24, 26)]).toEqual([8, 3]); // 8-bit palette
    const plte = png.indexOf('PLTE');
    expect(png.subarray(plte + 4, plte + 4 + 9).equals(Buffer.from(palette))).toBe(true);
    const idat = png.indexOf('IDAT');
    const raw = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
    // Each row: filter byte 0, then the row's indices.
    expect([...raw]).toEqual([0, 0, 1, 2, 0, 2, 1, 0]);
  });

  it('refuses indices that do not match the size or a palette of more than 256 colours, and reads no size from a non-PNG', () => {
    expect(() => encodeIndexedPng(new Uint8Array(5), new Uint8Array(3), 3, 2)).toThrow(/3×2/);
    expect(() => encodeIndexedPng(new Uint8Array(6), new Uint8Array(257 * 3), 3, 2)).toThrow(/256/);
    expect(readPngSize(Buffer.from('<svg/>'))).toBeNull();
  });
});

describe('palette', () => {
  const ground = hexRgb('#ffffff');
  const inks = ['#0b57d0', '#1a1c20'].map(hexRgb);
  const palette = blendPalette(ground, inks, 64);

  it('holds the ground and each ink in full, in at most 256 colours', () => {
    expect(palette.length / 3).toBe(1 + 2 * 63);
    expect([...palette.subarray(0, 3)]).toEqual([255, 255, 255]);
    expect([...palette.subarray(63 * 3, 64 * 3)]).toEqual([11, 87, 208]);
    expect([...palette.subarray(126 * 3, 127 * 3)]).toEqual([26, 28, 32]);
    expect(() => blendPalette(ground, [...inks, ...inks, ...inks, ...inks, ...inks], 64)).toThrow(/256/);
  });

  it('maps every pixel to the nearest colour, and the same colour always to the same entry', () => {
    const toIndices = createPaletteMapper(palette);
    // White, the accent, the fg, a half blend of the accent, and a colour off every blend.
    const rgba = new Uint8Array([255, 255, 255, 255, 11, 87, 208, 255, 26, 28, 32, 255, 133, 171, 232, 255, 250, 0, 0, 255, 11, 87, 208, 255]);
    const indices = toIndices(rgba);
    expect([...indices.subarray(0, 3)]).toEqual([0, 63, 126]);
    expect(indices[3]).toBe(nearestEntry(palette, 133, 171, 232));
    expect(Math.abs(indices[3]! - 32)).toBeLessThanOrEqual(1);
    expect(indices[5]).toBe(63);
    expect([...toIndices(rgba)]).toEqual([...indices]);
  });
});

describe('font coverage', () => {
  it('Pretendard has every Hangul syllable and the punctuation titles use, and no Hanja or emoji', () => {
    for (const file of Object.values(cardFontFiles())) {
      const covers = readCoverageFile(file);
      let syllables = 0;
      for (let cp = 0xac00; cp <= 0xd7a3; cp++) if (covers(cp)) syllables++;
      expect(syllables).toBe(11172);
      expect(missingCharacters('국가AI컴퓨팅센터 1000큐비트급 R&D·「」‘’“”—…%#() ㅇㅈㅋ', covers)).toEqual([]);
      expect(missingCharacters('AI 漢字 法 😀 漢', covers)).toEqual(['漢', '字', '法', '😀']);
    }
  });
});

describe('cardCacheKey', () => {
  const card: LinkCard = { section: '용어집', title: 'AI기본법', site: '사이트' };
  it('is the same for the same text and renderer, and ignores white space runs', () => {
    expect(cardCacheKey(card, 'f1')).toBe(cardCacheKey({ ...card }, 'f1'));
    expect(cardCacheKey({ ...card, title: ' AI기본법\n' }, 'f1')).toBe(cardCacheKey(card, 'f1'));
  });
  it('changes with any text, and with the renderer fingerprint', () => {
    const keys = new Set([
      cardCacheKey(card, 'f1'),
      cardCacheKey(card, 'f2'),
      cardCacheKey({ ...card, title: 'AI 기본법' }, 'f1'),
      cardCacheKey({ ...card, section: undefined }, 'f1'),
      cardCacheKey({ ...card, site: '다른 사이트' }, 'f1'),
      // Fields are kept apart: moving text from one to the other is another card.
      cardCacheKey({ section: '용어집AI기본법', title: '', site: '사이트' }, 'f1'),
    ]);
    expect(keys.size).toBe(6);
  });
  it('lives in node_modules/.cache unless LINK_PREVIEW_CACHE_DIR says otherwise', () => {
    expect(previewCacheDir('/p', {})).toBe('/p/node_modules/.cache/link-previews');
    expect(previewCacheDir('/p', { LINK_PREVIEW_CACHE_DIR: 'elsewhere/cache' })).toBe('elsewhere/cache');
  });
});

const attrs = (card: LinkCard) =>
  Object.entries(cardAttributes(card))
    .map(([k, v]) => ` ${k}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
    .join('');
const page = (card: LinkCard | null) =>
  `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>t</title>${card ? `<meta property="og:image" content="https://x.example/og.png"${attrs(card)}>` : ''}</head><body><h1>t</h1></body></html>`;

describe('readCard', () => {
  it('reads the card back with entities decoded', () => {
    expect(readCard(page({ section: 'R&D', title: '"큰따옴표" & 제목', site: 'S' }))).toEqual({ section: 'R&D', title: '"큰따옴표" & 제목', site: 'S' });
    expect(readCard(page({ title: '제목', site: 'S' }))).toEqual({ title: '제목', site: 'S' });
  });
  it('gives null for a page without a card', () => {
    expect(readCard(page(null))).toBeNull();
  });
});

describe('the drawer and its cache', () => {
  const work = mkdtempSync(join(tmpdir(), 'link-previews-test-'));
  const outDir = join(work, 'dist');
  const cacheDir = join(work, 'cache');
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const site: Record<string, LinkCard | null> = {
    'index.html': { title: "2025년(기사 기준 '올해') 과학기술·디지털·AI 정책 한눈에 보기", site: '과학기술·AI 정책 지식' },
    'ai-g3/ai-basic-act/index.html': { section: 'AI 글로벌 3대 강국 도약', title: 'AI기본법과 하위 법령 마련', site: '과학기술·AI 정책 지식' },
    'old/index.html': null,
  };
  const write = (files: Record<string, LinkCard | null>) => {
    rmSync(outDir, { recursive: true, force: true });
    for (const [file, card] of Object.entries(files)) {
      mkdirSync(dirname(join(outDir, file)), { recursive: true });
      writeFileSync(join(outDir, file), page(card));
    }
  };
  const image = (route: string) => join(outDir, ogImagePath(route));

  it('draws every card once, then copies unchanged ones from the cache and redraws a changed one', async () => {
    write(site);
    expect(readBuiltCards(outDir).map((c) => c.route)).toEqual(['/ai-g3/ai-basic-act/', '/']);
    const first = await runPreviewJob(REPO_ROOT, { outDir, cacheDir });
    expect(first).toMatchObject({ pages: 2, drawn: 2, reused: 0 });
    const home = readFileSync(image('/'));
    const policy = readFileSync(image('/ai-g3/ai-basic-act/'));
    expect(readPngSize(home)).toEqual({ width: 1200, height: 630 });
    expect(policy.length).toBeLessThanOrEqual(100 * 1024);
    expect(first.largestBytes).toBe(Math.max(home.length, policy.length));

    write(site);
    const second = await runPreviewJob(REPO_ROOT, { outDir, cacheDir });
    expect(second).toMatchObject({ pages: 2, drawn: 0, reused: 2, workers: 0 });
    expect(readFileSync(image('/')).equals(home)).toBe(true);
    expect(readFileSync(image('/ai-g3/ai-basic-act/')).equals(policy)).toBe(true);

    write({ ...site, 'ai-g3/ai-basic-act/index.html': { ...site['ai-g3/ai-basic-act/index.html']!, title: 'AI기본법 시행령 제정' } });
    const third = await runPreviewJob(REPO_ROOT, { outDir, cacheDir });
    expect(third).toMatchObject({ pages: 2, drawn: 1, reused: 1 });
    expect(readFileSync(image('/')).equals(home)).toBe(true);
    const redrawn = readFileSync(image('/ai-g3/ai-basic-act/'));
    expect(redrawn.equals(policy)).toBe(false);
    expect(readPngSize(redrawn)).toEqual({ width: 1200, height: 630 });
    expect(statSync(image('/old/'), { throwIfNoEntry: false })).toBeUndefined();
  }, 60_000);

  it('fails naming the page when a card cannot be drawn, has a character the font lacks, or comes out too large', async () => {
    write({ 'index.html': site['index.html']!, 'glossary/empty/index.html': { section: '용어집', title: ' ', site: 'S' } });
    await expect(runPreviewJob(REPO_ROOT, { outDir, cacheDir: join(work, 'cache-2') })).rejects.toThrow(
      '링크 미리보기 이미지를 그리지 못했습니다 (/glossary/empty/): 카드 제목이 비어 있습니다',
    );
    write({ ...site, 'tags/law/index.html': { section: '태그', title: '#法·제도', site: 'S' } });
    await expect(runPreviewJob(REPO_ROOT, { outDir, cacheDir: join(work, 'cache-2') })).rejects.toThrow(
      /글꼴\(Pretendard\)에 없는 글자[\s\S]*\/tags\/law\/: 法 \(U\+6CD5\)/,
    );
    write(site);
    await expect(runPreviewJob(REPO_ROOT, { outDir, cacheDir: join(work, 'cache-3'), maxBytes: 1000 })).rejects.toThrow(
      /\((\/|\/ai-g3\/ai-basic-act\/)\): 이미지가 [\d.]+ KB로 한도 1 KB를 넘습니다/,
    );
  }, 60_000);
});
