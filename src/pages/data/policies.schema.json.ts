import type { APIContext } from 'astro';
import { OPEN_DATA_PATHS, absoluteUrl, withBase } from '../../lib/urls';
import { openDataJsonSchema } from '../../schemas/open-data';

/** The JSON Schema of /data/policies.json, generated from its Zod schema. */
export function GET(context: APIContext) {
  const schema = openDataJsonSchema(absoluteUrl(withBase(OPEN_DATA_PATHS.schema), context.site));
  return new Response(JSON.stringify(schema, null, 1), { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
}
