/**
 * Glossary synonym groups for the search index builder and the browser:
 * each group is [term, fullForm, ...aliases] of one glossary entry, which
 * search treats as the same word (AI = 인공지능, 예타 = 예비타당성조사).
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';

export interface SynonymsFile {
  groups: { id: string; term: string; members: string[] }[];
}

export const GET: APIRoute = async () => {
  const entries = await getCollection('glossary');
  const groups = entries
    .map((entry) => ({
      id: entry.id,
      term: entry.data.term,
      members: [...new Set([entry.data.term, entry.data.fullForm, ...entry.data.aliases].filter((s): s is string => Boolean(s && s.trim())))],
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const body: SynonymsFile = { groups };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
