/**
 * /data/policies.json on the built site: valid against /data/policies.schema.json
 * (generated from the Zod schema), and complete: every policy page, its figures with
 * money in whole won, milestones and sources.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT, DIST, assertBuilt, at, contentPages } from '../helpers/built-site';

let data: { $schema: string; site: string; policies: { url: string; title: string; figures: { kind: string; won?: number }[]; sources: unknown[] }[] };
let schema: Record<string, unknown>;

/** A validator for draft 2020-12 that also checks formats (uri, date) rather than ignoring them. */
function compile(schema: Record<string, unknown>) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

beforeAll(() => {
  assertBuilt();
  data = JSON.parse(readFileSync(join(DIST, 'data', 'policies.json'), 'utf8'));
  schema = JSON.parse(readFileSync(join(DIST, 'data', 'policies.schema.json'), 'utf8'));
});

describe('open data', () => {
  it('validates against its generated JSON Schema', () => {
    const validate = compile(schema);
    const valid = validate(data);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 1)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema rejects what the site never writes (money as a string, an unknown field)', () => {
    const validate = compile(schema);
    const first = data.policies.find((p) => p.figures.some((f) => f.kind === 'money'))!;
    const broken = structuredClone(data);
    const target = broken.policies.find((p) => p.url === first.url)!;
    const money = target.figures.find((f) => f.kind === 'money')! as { won: unknown };
    money.won = '2조 9300억 원';
    expect(validate(broken)).toBe(false);
    expect(validate({ ...data, extra: 1 })).toBe(false);
    expect(validate({ ...data, site: 'not a url' })).toBe(false);
  });

  it('lists every policy page once, by its absolute URL, and points at its schema', () => {
    const policies = contentPages(CONTENT).filter((p) => p.kind === 'policy');
    expect(data.policies.map((p) => new URL(p.url).pathname).sort()).toEqual(policies.map((p) => at(p.path)).sort());
    expect(new URL(data.$schema).pathname).toBe(at('/data/policies.schema.json'));
    for (const p of data.policies) expect(p.sources.length).toBeGreaterThan(0);
    expect(data.policies.some((p) => p.figures.some((f) => f.kind === 'money' && Number.isInteger(f.won)))).toBe(true);
  });
});
