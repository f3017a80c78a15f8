// tools/fetch-llm.ts against a real local HTTP server laid out like the hub (/mlc-ai/<id>/resolve/main/...)
// and the library host (/mlc-ai/binary-mlc-llm-libs/...): every file the page's web-llm will ask for
// lands under public/models/llm/, and the model is listed in installed.json only when all of them did.
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchLlm } from '../../../tools/fetch-llm.ts';
import { FetchModelError } from '../../../tools/fetch-real-models.ts';
import { listenLocal, withTempDir } from '../helpers.ts';

const MODEL = 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC';
const record = prebuiltAppConfig.model_list.find((m) => m.model_id === MODEL)!;
const libPath = new URL(record.model_lib).pathname;
const libName = libPath.slice(libPath.lastIndexOf('/') + 1);

/** The fake repository: what the hub would serve for the model, by file name. */
function repo(opts: { oldCacheName?: boolean; missingShard?: boolean } = {}): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  files.set('mlc-chat-config.json', Buffer.from(JSON.stringify({ model_type: 'qwen2', tokenizer_files: ['tokenizer.json', 'vocab.json', 'merges.txt'] })));
  files.set('tokenizer.json', Buffer.from('{"model":{}}'));
  files.set('vocab.json', Buffer.from('{}'));
  files.set('merges.txt', Buffer.from('#version: 0.2\n'));
  const cache = { records: [{ dataPath: 'params_shard_0.bin', records: [] }, { dataPath: 'params_shard_1.bin', records: [] }, { dataPath: 'params_shard_1.bin', records: [] }] };
  files.set(opts.oldCacheName ? 'ndarray-cache.json' : 'tensor-cache.json', Buffer.from(JSON.stringify(cache)));
  files.set('params_shard_0.bin', Buffer.alloc(70_000, 7));
  if (!opts.missingShard) files.set('params_shard_1.bin', Buffer.alloc(1234, 9));
  return files;
}

describe('fetch-llm', () => {
  let server: Server;
  let endpoint = '';
  let files = repo();
  const requests: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = decodeURIComponent(req.url ?? '');
      requests.push(url);
      const prefix = `/mlc-ai/${MODEL}/resolve/main/`;
      const body = url === libPath ? Buffer.from([0, 97, 115, 109]) : url.startsWith(prefix) ? files.get(url.slice(prefix.length)) : undefined;
      if (!body) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-length': String(body.length) }).end(body);
    });
    endpoint = await listenLocal(server);
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('fetches config, tokenizer, tensor cache, every shard once and the library, then lists the model', async () => {
    files = repo();
    await withTempDir('llm-', async (out) => {
      requests.length = 0;
      const r = await fetchLlm({ modelId: MODEL, outRoot: out, endpoint, libEndpoint: endpoint });
      const dir = join(out, 'llm', MODEL, 'resolve', 'main');
      for (const [name, data] of files) expect(await readFile(join(dir, name))).toEqual(data);
      expect((await stat(join(out, 'llm', 'libs', libName))).size).toBe(4);
      expect(requests.filter((u) => u.endsWith('params_shard_1.bin'))).toHaveLength(1);
      expect(JSON.parse(await readFile(join(out, 'llm', 'installed.json'), 'utf8'))).toEqual({ models: [MODEL] });
      expect(r.installed).toEqual([MODEL]);
      // A second model keeps the first listed (here: the same model again, listed once).
      await fetchLlm({ modelId: MODEL, outRoot: out, endpoint, libEndpoint: endpoint });
      expect(JSON.parse(await readFile(join(out, 'llm', 'installed.json'), 'utf8'))).toEqual({ models: [MODEL] });
    });
  });

  it('accepts an older repository whose tensor cache is called ndarray-cache.json', async () => {
    files = repo({ oldCacheName: true });
    await withTempDir('llm-', async (out) => {
      await fetchLlm({ modelId: MODEL, outRoot: out, endpoint, libEndpoint: endpoint });
      const dir = join(out, 'llm', MODEL, 'resolve', 'main');
      expect(await readFile(join(dir, 'tensor-cache.json'))).toEqual(files.get('ndarray-cache.json'));
    });
  });

  it('a missing shard stops the fetch with not-found and the model is not listed', async () => {
    files = repo({ missingShard: true });
    await withTempDir('llm-', async (out) => {
      const err = await fetchLlm({ modelId: MODEL, outRoot: out, endpoint, libEndpoint: endpoint }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FetchModelError);
      expect((err as FetchModelError).kind).toBe('not-found');
      expect((err as Error).message).toMatch(/params_shard_1\.bin/);
      await expect(stat(join(out, 'llm', 'installed.json'))).rejects.toThrow();
    });
  });

  it('refuses a model the app cannot choose, and says which it can', async () => {
    const err = await fetchLlm({ modelId: 'Llama-3-70B-Instruct-q4f16_1-MLC', outRoot: tmpdir() }).catch((e: unknown) => e);
    expect((err as FetchModelError).kind).toBe('bad-arguments');
    expect((err as Error).message).toMatch(/SmolLM2-360M/);
  });

  it('offline, it stops at the first request with "unreachable"', async () => {
    const err = await fetchLlm({ modelId: MODEL, outRoot: tmpdir(), endpoint: 'http://127.0.0.1:9', libEndpoint: 'http://127.0.0.1:9' }).catch((e: unknown) => e);
    expect((err as FetchModelError).kind).toBe('unreachable');
  });
});
