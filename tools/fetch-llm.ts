// Downloads a web-llm model into public/models/llm/ so the page can run it from its own origin (the
// Content-Security-Policy allows no other host, and nothing the user types ever leaves the device):
//
//   public/models/llm/<model_id>/resolve/main/   mlc-chat-config.json, tokenizer files, tensor-cache.json, param shards
//   public/models/llm/libs/<lib>.wasm             the model's compiled WebGPU library
//   public/models/llm/installed.json              {"models": [...]}: what src/workers/llm-loader.ts offers
//
//   npx tsx tools/fetch-llm.ts [--model Qwen2.5-0.5B-Instruct-q4f16_1-MLC] [--out public/models]
//                              [--endpoint https://huggingface.co] [--lib-endpoint https://raw.githubusercontent.com]
//
// The model must be one the app can choose (LLM_CANDIDATES in src/core/llm/models.ts); its files and
// library come from web-llm's own record of it (prebuiltAppConfig), so they match the web-llm version
// the page bundles. Needs the internet (or mirrors given with --endpoint / --lib-endpoint). Files are
// written whole or not at all (see download() in fetch-real-models.ts), and installed.json lists the
// model only once every file is in place: an interrupted run leaves the page on the compact engine.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { LLM_CANDIDATES } from '../src/core/llm/models.ts';
import { download, FetchModelError } from './fetch-real-models.ts';

const HUB = 'https://huggingface.co';
const LIB_HOST = 'https://raw.githubusercontent.com';

export interface FetchLlmOptions {
  modelId?: string;
  /** Folder that holds `llm/` (default public/models). */
  outRoot?: string;
  /** Replaces https://huggingface.co in the model's URL (a mirror, or a test server). */
  endpoint?: string;
  /** Replaces https://raw.githubusercontent.com in the library's URL. */
  libEndpoint?: string;
  fetchImpl?: typeof fetch;
  onProgress?: (file: string, loadedBytes: number, totalBytes: number | undefined) => void;
}

export interface FetchLlmResult {
  modelId: string;
  files: { path: string; sizeBytes: number }[];
  installed: string[];
}

const ChatConfigSchema = z.object({ tokenizer_files: z.array(z.string().regex(/^[\w.-]+$/)).min(1) }).passthrough();
const TensorCacheSchema = z.object({ records: z.array(z.object({ dataPath: z.string().regex(/^[\w.-]+$/) }).passthrough()).min(1) }).passthrough();
const InstalledSchema = z.object({ models: z.array(z.string()) });

function swapOrigin(url: string, from: string, to: string | undefined): string {
  if (!to) return url;
  if (!url.startsWith(from)) throw new FetchModelError('bad-arguments', `${url} is not on ${from}; cannot point it at ${to}`);
  return to.replace(/\/+$/, '') + url.slice(from.length);
}

async function readJson<T>(path: string, schema: z.ZodType<T>, what: string): Promise<T> {
  try {
    return schema.parse(JSON.parse(await readFile(path, 'utf8')));
  } catch (err) {
    throw new FetchModelError('invalid', `${what} (${path}) is not what web-llm expects: ${(err as Error).message.slice(0, 200)}`, { cause: err });
  }
}

export async function fetchLlm(options: FetchLlmOptions = {}): Promise<FetchLlmResult> {
  const modelId = options.modelId ?? LLM_CANDIDATES[0];
  if (!(LLM_CANDIDATES as readonly string[]).includes(modelId)) {
    throw new FetchModelError('bad-arguments', `${modelId} is not a model the app can run; one of: ${LLM_CANDIDATES.join(', ')}`);
  }
  const { prebuiltAppConfig } = await import('@mlc-ai/web-llm');
  const record = prebuiltAppConfig.model_list.find((m) => m.model_id === modelId);
  if (!record) throw new FetchModelError('bad-arguments', `web-llm has no record of ${modelId}`);
  const outRoot = resolve(options.outRoot ?? 'public/models');
  const llmDir = join(outRoot, 'llm');
  const modelDir = join(llmDir, modelId, 'resolve', 'main');
  const base = `${swapOrigin(record.model.replace(/\/+$/, ''), HUB, options.endpoint ?? process.env.HF_ENDPOINT)}/resolve/main/`;
  const opts = { ...options, fetchImpl: options.fetchImpl ?? fetch };
  const files: FetchLlmResult['files'] = [];
  const get = async (file: string, optional = false): Promise<boolean> => {
    const size = await download(base + file, join(modelDir, file), file, optional, opts);
    if (size !== null) files.push({ path: `llm/${modelId}/resolve/main/${file}`, sizeBytes: size });
    return size !== null;
  };

  await get('mlc-chat-config.json');
  const config = await readJson(join(modelDir, 'mlc-chat-config.json'), ChatConfigSchema, 'mlc-chat-config.json');
  for (const f of config.tokenizer_files) await get(f);
  // web-llm reads tensor-cache.json; repositories made before the rename call it ndarray-cache.json (same records).
  if (!(await get('tensor-cache.json', true))) {
    if (!(await get('ndarray-cache.json', true))) throw new FetchModelError('not-found', `${base}: neither tensor-cache.json nor ndarray-cache.json`);
    await writeFile(join(modelDir, 'tensor-cache.json'), await readFile(join(modelDir, 'ndarray-cache.json')));
  }
  const cache = await readJson(join(modelDir, 'tensor-cache.json'), TensorCacheSchema, 'tensor-cache.json');
  for (const shard of [...new Set(cache.records.map((r) => r.dataPath))]) await get(shard);

  const libUrl = swapOrigin(record.model_lib, LIB_HOST, options.libEndpoint);
  const libName = record.model_lib.slice(record.model_lib.lastIndexOf('/') + 1);
  const libSize = await download(libUrl, join(llmDir, 'libs', libName), libName, false, opts);
  files.push({ path: `llm/libs/${libName}`, sizeBytes: libSize! });

  // Listed last, replaced atomically: the page never sees a model whose files are not all there.
  const listPath = join(llmDir, 'installed.json');
  let installed: string[] = [];
  try {
    installed = InstalledSchema.parse(JSON.parse(await readFile(listPath, 'utf8'))).models;
  } catch {
    installed = [];
  }
  if (!installed.includes(modelId)) installed = [...installed, modelId];
  await mkdir(llmDir, { recursive: true });
  await writeFile(`${listPath}.part`, `${JSON.stringify({ models: installed }, null, 2)}\n`);
  await rename(`${listPath}.part`, listPath);
  return { modelId, files, installed };
}

function parseArgs(argv: string[]): FetchLlmOptions {
  const opts: FetchLlmOptions = {};
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--help' || flag === '-h') {
      console.log(`Fetch a web-llm model into public/models/llm/ (same-origin serving).\n  --model  one of ${LLM_CANDIDATES.join(', ')}\n  --out  --endpoint  --lib-endpoint  (see the header of tools/fetch-llm.ts)`);
      process.exit(0);
    }
    if (value === undefined || value.startsWith('--')) throw new FetchModelError('bad-arguments', `${flag} needs a value`);
    if (flag === '--model') opts.modelId = value;
    else if (flag === '--out') opts.outRoot = value;
    else if (flag === '--endpoint') opts.endpoint = value;
    else if (flag === '--lib-endpoint') opts.libEndpoint = value;
    else throw new FetchModelError('bad-arguments', `unknown option ${flag} (see --help)`);
  }
  return opts;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fetchLlm({
    ...parseArgs(process.argv.slice(2)),
    onProgress: (file, loaded, total) => {
      if (process.stderr.isTTY) process.stderr.write(`\r${(total ? `${file} ${((100 * loaded) / total).toFixed(0)}%` : `${file} ${(loaded / 1e6).toFixed(1)} MB`).padEnd(60)}`);
    },
  }).then(
    (r) => {
      if (process.stderr.isTTY) process.stderr.write('\n');
      const mb = r.files.reduce((s, f) => s + f.sizeBytes, 0) / 1e6;
      console.log(`fetched ${r.modelId}: ${r.files.length} files, ${mb.toFixed(0)} MB; installed: ${r.installed.join(', ')}`);
    },
    (err: unknown) => {
      console.error(err instanceof FetchModelError ? `fetch-llm: ${err.message}` : err);
      process.exit(err instanceof FetchModelError && err.kind === 'bad-arguments' ? 2 : 1);
    },
  );
}
