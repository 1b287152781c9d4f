/**
 * Glossary synonym groups for the Korean search (its `synonymsFile` option in
 * astro.config.mjs), each with the term's page as a no-results suggestion:
 * each group is [term, fullForm, ...aliases, ...english] of one glossary entry,
 * which search treats as the same word (AI = 인공지능, 예타 = 예비타당성조사,
 * National Bio Committee = 국가바이오위원회; a name of several English words
 * only as a whole phrase, never one of its words alone).
 */
import type { APIRoute } from 'astro';
import type { z } from 'astro/zod';
import type { SynonymsFile } from '../../korean-search/index';
import { glossaryPath } from '../../lib/urls';
import type { glossarySchema } from '../../schemas/policy';

type GlossaryData = Pick<z.output<typeof glossarySchema>, 'term' | 'fullForm' | 'aliases' | 'english'>;

/** The synonym group of one glossary entry (shared with the tests, which read the files themselves). */
export function glossarySynonymGroup(id: string, data: GlossaryData): SynonymsFile['groups'][number] {
  return {
    id,
    term: data.term,
    path: glossaryPath(id),
    members: [...new Set([data.term, data.fullForm, ...data.aliases, ...data.english].filter((s): s is string => Boolean(s && s.trim())))],
  };
}

export const GET: APIRoute = async () => {
  // Imported here, not at the top, so tests can import glossarySynonymGroup outside Astro.
  const { getCollection } = await import('astro:content');
  const entries = await getCollection('glossary');
  const groups = entries.map((entry) => glossarySynonymGroup(entry.id, entry.data)).sort((a, b) => a.id.localeCompare(b.id));
  const body: SynonymsFile = { groups };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
