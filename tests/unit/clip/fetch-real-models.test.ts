// tools/fetch-real-models.ts against a real local HTTP server laid out like the hub
// (/<owner>/<name>/resolve/<revision>/<file>) serving the shipped demo model's files.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { readFile, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AutoTokenizer, CLIPTextModelWithProjection, env } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchModelError, fetchModel } from '../../../tools/fetch-real-models.ts';
import { listenLocal, tempDir } from '../helpers.ts';

const DEMO = resolve('public/models/clip-mini');
const PREFIX = '/demo/clip-mini/resolve/main/';
const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

describe('fetch-real-models', () => {
  let server: Server;
  let endpoint = '';
  let out = '';
  const requests: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = decodeURIComponent(req.url ?? '');
      requests.push(url);
      if (url.startsWith('/broken/')) {
        // announces more bytes than it sends, then hangs up
        res.writeHead(200, { 'content-length': '1000' });
        res.write('{"short":', () => res.socket?.destroy());
        return;
      }
      const rel = url.startsWith(PREFIX) ? url.slice(PREFIX.length) : null;
      if (rel === null || rel.includes('..')) {
        res.writeHead(404).end();
        return;
      }
      readFile(join(DEMO, rel)).then(
        (data) => res.writeHead(200, { 'content-length': String(data.length) }).end(data),
        () => res.writeHead(404).end(),
      );
    });
    endpoint = await listenLocal(server);
    out = await tempDir('fetch-models-');
  });

  afterAll(async () => {
    await new Promise((ok) => server.close(ok));
    await rm(out, { recursive: true, force: true });
  });

  it('downloads every file byte for byte, and transformers.js loads the result offline', async () => {
    const progress: string[] = [];
    const result = await fetchModel({
      modelId: 'demo/clip-mini',
      endpoint,
      outRoot: out,
      onProgress: (file) => progress.push(file),
    });
    const names = result.files.map((f) => f.path).sort();
    expect(names).toEqual(
      ['config.json', 'onnx/text_model.onnx', 'onnx/vision_model.onnx', 'preprocessor_config.json', 'tokenizer.json', 'tokenizer_config.json'].sort(),
    );
    for (const f of ['onnx/text_model.onnx', 'onnx/vision_model.onnx', 'tokenizer.json']) {
      // hashes, not toEqual: a deep equality over a 6 MB Buffer takes minutes
      expect(sha256(await readFile(join(out, 'demo/clip-mini', f))), f).toBe(sha256(await readFile(join(DEMO, f))));
    }
    expect(progress).toContain('onnx/vision_model.onnx');
    expect(requests).toContain(`${PREFIX}special_tokens_map.json`); // optional: asked for, 404 tolerated

    env.localModelPath = `${out}/`;
    env.allowRemoteModels = false;
    const tokenizer = await AutoTokenizer.from_pretrained('demo/clip-mini');
    const model = await CLIPTextModelWithProjection.from_pretrained('demo/clip-mini', { device: 'cpu', dtype: 'fp32' });
    const { text_embeds } = await model(tokenizer(['a cat', '고양이'], { padding: true, truncation: true }));
    expect(text_embeds.dims[0]).toBe(2);
  }, 60_000);

  it('says clearly when the host cannot be reached, and leaves no file behind', async () => {
    const dead = `http://127.0.0.1:1`;
    const err = await fetchModel({ modelId: 'Xenova/clip-vit-base-patch32', endpoint: dead, outRoot: out }).catch((e) => e);
    expect(err).toBeInstanceOf(FetchModelError);
    expect(err.kind).toBe('unreachable');
    expect(err.message).toMatch(/cannot reach http:\/\/127\.0\.0\.1:1.*needs the internet/);
    await expect(stat(join(out, 'Xenova'))).rejects.toThrow();
  });

  it('names the missing file for a wrong model id or dtype', async () => {
    const err = await fetchModel({ modelId: 'demo/clip-mini', dtype: 'q8', endpoint, outRoot: out }).catch((e) => e);
    expect(err).toBeInstanceOf(FetchModelError);
    expect(err.kind).toBe('not-found');
    expect(err.message).toContain('onnx/text_model_quantized.onnx');
  });

  it('rejects a truncated download and a model id that would escape the folder', async () => {
    const short = await fetchModel({ modelId: 'broken/model', endpoint, outRoot: out }).catch((e) => e);
    expect(short).toBeInstanceOf(FetchModelError);
    expect(short.kind).toBe('incomplete');
    await expect(stat(join(out, 'broken/model/config.json'))).rejects.toThrow();
    await expect(stat(join(out, 'broken/model/config.json.part'))).rejects.toThrow();
    const bad = await fetchModel({ modelId: '../../etc', endpoint, outRoot: out }).catch((e) => e);
    expect(bad.kind).toBe('bad-arguments');
  });
});
