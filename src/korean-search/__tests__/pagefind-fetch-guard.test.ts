import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { guardPagefindFetches } from '../client/pagefind-module';

const BASE = new URL('https://example.test/sub/pagefind/');
const CHUNK = Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from('chunk body')]);

/** A scope whose fetch answers `files` (path → status and body) and records the failures the guard reports. */
function guarded(files: Record<string, { status?: number; body: Uint8Array | string }>) {
  const failures: string[] = [];
  const scope: { fetch: typeof fetch } = {
    fetch: (input) => {
      const file = files[new URL(input instanceof Request ? input.url : input, BASE).pathname];
      return file
        ? Promise.resolve(new Response(typeof file.body === 'string' ? file.body : new Uint8Array(file.body), { status: file.status ?? 200 }))
        : Promise.reject(new TypeError('network error'));
    },
  };
  guardPagefindFetches(scope, BASE, (path) => failures.push(path));
  return { fetch: scope.fetch, failures };
}

describe('guardPagefindFetches', () => {
  it('hands a good gzip file on inflated, with its signature (Pagefind then takes it as is)', async () => {
    const { fetch, failures } = guarded({ '/sub/pagefind/index/a.pf_index': { body: gzipSync(CHUNK) } });
    const response = await fetch('/sub/pagefind/index/a.pf_index');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(CHUNK);
    expect(failures).toEqual([]);
  });

  it.each([
    ['missing (404)', { status: 404, body: '<!doctype html>' }],
    ['truncated', { body: gzipSync(CHUNK).subarray(0, 12) }],
    ['not gzip', { body: 'hello' }],
    ['gzip of something else', { body: gzipSync('not a pagefind file') }],
  ])('reports a file that is %s and fails its fetch', async (_name, file) => {
    const { fetch, failures } = guarded({ '/sub/pagefind/index/a.pf_index': file });
    await expect(fetch('/sub/pagefind/index/a.pf_index')).rejects.toThrow();
    expect(failures).toEqual(['/sub/pagefind/index/a.pf_index']);
  });

  it('reports a request that does not reach the server', async () => {
    const { fetch, failures } = guarded({});
    await expect(fetch('/sub/pagefind/wasm.unknown.pagefind')).rejects.toThrow();
    expect(failures).toEqual(['/sub/pagefind/wasm.unknown.pagefind']);
  });

  it('leaves the entry JSON to Pagefind and other paths alone', async () => {
    const { fetch, failures } = guarded({ '/sub/pagefind/pagefind-entry.json': { body: '{"version":"1.6.0"}' }, '/sub/other.gz': { status: 404, body: 'x' } });
    expect(await (await fetch('/sub/pagefind/pagefind-entry.json')).json()).toEqual({ version: '1.6.0' });
    expect((await fetch('/sub/other.gz')).status).toBe(404);
    expect(failures).toEqual([]);
  });
});
