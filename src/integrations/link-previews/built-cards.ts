/**
 * The cards of a built site, read back from its pages: BaseLayout.astro writes each
 * page's card into the data-card-* attributes of its og:image <meta>, so the text
 * drawn is the text the page was built with and nothing restates it.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { join, relative } from 'node:path';
import { globSync } from 'tinyglobby';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { CARD_ATTRIBUTES, type LinkCard } from '../../lib/link-card';
import { urlOfBuiltFile } from '../../korean-search/node';
import { OG_IMAGE_DIR } from '../../lib/urls';

export interface BuiltCard {
  /** The page's route path ("/ai-g3/ai-basic-act/", "/404.html"). */
  route: string;
  card: LinkCard;
}

/** Every *.html file of a built site, leaving out the folders of generated files (the search's hold no HTML). */
function htmlFiles(outDir: string): string[] {
  const ignore = [OG_IMAGE_DIR.replaceAll('/', ''), '_*', '.*'].map((folder) => `**/${folder}/**`);
  return globSync('**/*.html', { cwd: outDir, ignore, dot: true, expandDirectories: false })
    .map((file) => join(outDir, file))
    .sort();
}

/** The start of a file up to </head> (the head is all we read; whole file if it has none). */
function readHead(file: string): string {
  const fd = openSync(file, 'r');
  try {
    let text = '';
    const buffer = Buffer.alloc(16 * 1024);
    const chunks: Buffer[] = [];
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      chunks.push(Buffer.from(buffer.subarray(0, n)));
      text = Buffer.concat(chunks).toString('utf8');
      const end = text.indexOf('</head>');
      if (end >= 0) return text.slice(0, end + '</head>'.length);
    }
    return text;
  } finally {
    closeSync(fd);
  }
}

/** The card a page's head declares, or null when it has none (redirect pages). */
export function readCard(headHtml: string): LinkCard | null {
  const meta = select('meta[property="og:image"]', fromHtml(headHtml));
  if (!meta) return null;
  // hast names data-* attributes in camelCase: data-card-title → dataCardTitle.
  const read = (name: string) => {
    const value = meta.properties[name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())];
    return typeof value === 'string' ? value : undefined;
  };
  const title = read(CARD_ATTRIBUTES.title);
  if (title === undefined) return null;
  const section = read(CARD_ATTRIBUTES.section);
  const site = read(CARD_ATTRIBUTES.site);
  return { title, ...(typeof section === 'string' && section ? { section } : {}), site: typeof site === 'string' ? site : '' };
}

/** Every page of the built site that declares a card. */
export function readBuiltCards(outDir: string): BuiltCard[] {
  const cards: BuiltCard[] = [];
  for (const file of htmlFiles(outDir)) {
    const card = readCard(readHead(file));
    if (card) cards.push({ route: urlOfBuiltFile(relative(outDir, file)), card });
  }
  return cards;
}
