// Downloads a real CLIP model in the transformers.js layout (default Xenova/clip-vit-base-patch32) into
// public/models/<model id>/, so the app and the index builder can load it with env.localModelPath and
// remote loading off, exactly like the shipped demo model public/models/clip-mini.
//
//   npx tsx tools/fetch-real-models.ts [--model Xenova/clip-vit-base-patch32] [--dtype fp32|fp16|q8|int8|uint8|q4|bnb4|q4f16]
//                                      [--revision main] [--out public/models] [--endpoint https://huggingface.co]
//
// Needs the internet (the Hugging Face hub or a mirror given with --endpoint; HF_ENDPOINT works too).
// Offline it stops at the first request with a FetchModelError of kind 'unreachable' that says so.
// Files are written to a .part file and renamed when complete, so an interrupted run leaves no half file.
// config.json gets "transformers.js_config": {"dtype": <dtype>} added when the model does not pin one,
// so that loaders that read the pinned dtype pick the files that were fetched.
// After fetching, rebuild the catalog index with the new model (the index builder in tools/) and point the
// app at the model id: an index built with another model or dim is refused by the encoder.
import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';

export const DEFAULT_MODEL_ID = 'Xenova/clip-vit-base-patch32';
export const DEFAULT_ENDPOINT = 'https://huggingface.co';
const CONNECT_TIMEOUT_MS = 20_000;
/** A body that sends nothing for this long is given up (a stalled mirror must not hang the tool). */
const IDLE_TIMEOUT_MS = 60_000;

/** File-name suffix transformers.js uses for each dtype (onnx/<name><suffix>.onnx). */
export const DTYPE_SUFFIX = Object.freeze({
  fp32: '',
  fp16: '_fp16',
  q8: '_quantized',
  int8: '_int8',
  uint8: '_uint8',
  q4: '_q4',
  bnb4: '_bnb4',
  q4f16: '_q4f16',
} as const);
export type ModelDtype = keyof typeof DTYPE_SUFFIX;

export type FetchModelErrorKind = 'bad-arguments' | 'unreachable' | 'http' | 'not-found' | 'incomplete' | 'invalid';

export class FetchModelError extends Error {
  override name = 'FetchModelError';
  constructor(
    readonly kind: FetchModelErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface FetchModelOptions {
  modelId?: string;
  dtype?: ModelDtype;
  revision?: string;
  /** Folder that holds model folders (env.localModelPath). */
  outRoot?: string;
  endpoint?: string;
  onProgress?: (file: string, loadedBytes: number, totalBytes: number | undefined) => void;
  fetchImpl?: typeof fetch;
}

export interface FetchModelResult {
  modelId: string;
  folder: string;
  files: { path: string; sizeBytes: number }[];
}

const REQUIRED_JSON = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'preprocessor_config.json'];
const OPTIONAL_JSON = ['special_tokens_map.json'];

export function modelFiles(dtype: ModelDtype): { required: string[]; optional: string[] } {
  const suffix = DTYPE_SUFFIX[dtype];
  return {
    required: [...REQUIRED_JSON, `onnx/text_model${suffix}.onnx`, `onnx/vision_model${suffix}.onnx`],
    optional: OPTIONAL_JSON,
  };
}

function checkModelId(id: string): void {
  // owner/name, no path tricks: the id becomes a folder under outRoot.
  if (!/^[A-Za-z0-9][\w.-]*(\/[A-Za-z0-9][\w.-]*)?$/.test(id) || id.includes('..')) {
    throw new FetchModelError('bad-arguments', `not a model id: ${JSON.stringify(id)} (expected owner/name)`);
  }
}

export async function download(
  url: string,
  dest: string,
  file: string,
  optional: boolean,
  opts: Required<Pick<FetchModelOptions, 'fetchImpl'>> & FetchModelOptions,
): Promise<number | null> {
  let res: Response;
  const abort = new AbortController();
  let timer = setTimeout(() => abort.abort(new Error(`no answer in ${CONNECT_TIMEOUT_MS} ms`)), CONNECT_TIMEOUT_MS);
  try {
    res = await opts.fetchImpl(url, { signal: abort.signal, redirect: 'follow' });
  } catch (err) {
    clearTimeout(timer);
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (err as Error).message;
    throw new FetchModelError(
      'unreachable',
      `cannot reach ${new URL(url).origin} (${why}). Fetching real models needs the internet or a mirror ` +
        `(--endpoint or HF_ENDPOINT); offline, the app runs on the shipped demo models (clip-mini, the compact engine).`,
      { cause: err },
    );
  }
  clearTimeout(timer);
  if (res.status === 404 || res.status === 401) {
    if (optional) return null;
    throw new FetchModelError('not-found', `${file} not found at ${url} (HTTP ${res.status}): wrong model id, revision or dtype?`);
  }
  if (!res.ok || !res.body) {
    throw new FetchModelError('http', `${url} answered HTTP ${res.status} ${res.statusText}`);
  }
  const header = res.headers.get('content-length');
  const total = header === null ? undefined : Number(header);
  await mkdir(dirname(dest), { recursive: true });
  const part = `${dest}.part`;
  let loaded = 0;
  const body = Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>);
  const idle = () => abort.abort(new Error(`no data for ${IDLE_TIMEOUT_MS} ms`));
  timer = setTimeout(idle, IDLE_TIMEOUT_MS);
  body.on('data', (chunk: Buffer) => {
    loaded += chunk.length;
    timer.refresh();
    opts.onProgress?.(file, loaded, total);
  });
  try {
    await pipeline(body, createWriteStream(part));
  } catch (err) {
    await rm(part, { force: true });
    clearTimeout(timer);
    throw new FetchModelError('incomplete', `download of ${file} broke off after ${loaded} bytes`, { cause: err });
  }
  clearTimeout(timer);
  if (total !== undefined && Number.isFinite(total) && loaded !== total) {
    await rm(part, { force: true });
    throw new FetchModelError('incomplete', `${file}: got ${loaded} bytes, the server announced ${total}`);
  }
  await rename(part, dest);
  return loaded;
}

/** Fetches one model into <outRoot>/<modelId>/ and checks that what came is usable. */
export async function fetchModel(options: FetchModelOptions = {}): Promise<FetchModelResult> {
  const modelId = options.modelId ?? DEFAULT_MODEL_ID;
  const dtype = options.dtype ?? 'fp32';
  const revision = options.revision ?? 'main';
  const endpoint = (options.endpoint ?? process.env.HF_ENDPOINT ?? DEFAULT_ENDPOINT).replace(/\/+$/, '');
  const outRoot = resolve(options.outRoot ?? 'public/models');
  checkModelId(modelId);
  if (!(dtype in DTYPE_SUFFIX)) {
    throw new FetchModelError('bad-arguments', `unknown dtype ${dtype}; one of ${Object.keys(DTYPE_SUFFIX).join(', ')}`);
  }
  if (!/^[\w.-]+$/.test(revision)) throw new FetchModelError('bad-arguments', `not a revision: ${revision}`);
  const opts = { ...options, fetchImpl: options.fetchImpl ?? fetch };
  const folder = join(outRoot, modelId);
  const { required, optional } = modelFiles(dtype);
  const files: FetchModelResult['files'] = [];
  for (const [list, isOptional] of [
    [required, false],
    [optional, true],
  ] as const) {
    for (const file of list) {
      const url = `${endpoint}/${modelId}/resolve/${encodeURIComponent(revision)}/${file}`;
      const size = await download(url, join(folder, file), file, isOptional, opts);
      if (size !== null) files.push({ path: file, sizeBytes: size });
    }
  }
  await validateFolder(folder, dtype);
  return { modelId, folder, files };
}

/** The fetched folder must look like a CLIP model transformers.js can load. */
async function validateFolder(folder: string, dtype: ModelDtype): Promise<void> {
  const configPath = join(folder, 'config.json');
  let config: Record<string, unknown>;
  try {
    config = JSON.parse(await readFile(configPath, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new FetchModelError('invalid', `${configPath} is not JSON`, { cause: err });
  }
  if (typeof config.model_type !== 'string' || !/clip/i.test(config.model_type)) {
    throw new FetchModelError('invalid', `${configPath}: model_type ${String(config.model_type)} is not a CLIP model`);
  }
  for (const file of ['tokenizer.json', 'tokenizer_config.json', 'preprocessor_config.json']) {
    try {
      JSON.parse(await readFile(join(folder, file), 'utf8'));
    } catch (err) {
      throw new FetchModelError('invalid', `${join(folder, file)} is not JSON`, { cause: err });
    }
  }
  for (const file of modelFiles(dtype).required.filter((f) => f.endsWith('.onnx'))) {
    if ((await stat(join(folder, file))).size === 0) throw new FetchModelError('invalid', `${file} is empty`);
  }
  const jsConfig = (config['transformers.js_config'] ?? {}) as Record<string, unknown>;
  if (jsConfig.dtype === undefined) {
    config['transformers.js_config'] = { ...jsConfig, dtype };
    await writeFile(configPath, `${JSON.stringify(config, null, 2)}\n`);
  }
}

function parseArgs(argv: string[]): FetchModelOptions & { index?: string } {
  const opts: FetchModelOptions & { index?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--help' || flag === '-h') {
      console.log(readHelp());
      process.exit(0);
    }
    if (value === undefined || value.startsWith('--')) throw new FetchModelError('bad-arguments', `${flag} needs a value`);
    i++;
    if (flag === '--model') opts.modelId = value;
    else if (flag === '--dtype') opts.dtype = value as ModelDtype;
    else if (flag === '--revision') opts.revision = value;
    else if (flag === '--out') opts.outRoot = value;
    else if (flag === '--endpoint') opts.endpoint = value;
    else if (flag === '--index') opts.index = value;
    else throw new FetchModelError('bad-arguments', `unknown option ${flag} (see --help)`);
  }
  return opts;
}

function readHelp(): string {
  return [
    'Fetch a real CLIP model (transformers.js layout) into public/models/<model id>/.',
    '  --model     model id (default Xenova/clip-vit-base-patch32; any repo with onnx/text_model*.onnx + onnx/vision_model*.onnx)',
    `  --dtype     ${Object.keys(DTYPE_SUFFIX).join(' | ')} (default fp32)`,
    '  --revision  branch, tag or commit (default main)',
    '  --out       folder for model folders (default public/models)',
    '  --endpoint  hub or mirror base URL (default $HF_ENDPOINT or https://huggingface.co)',
    '  --index     after fetching, rebuild this catalog\'s index with the model (default stickers; "none" to skip)',
  ].join('\n');
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  let last = '';
  const result = await fetchModel({
    ...opts,
    onProgress: (file, loaded, total) => {
      const line = total ? `${file} ${((100 * loaded) / total).toFixed(0)}%` : `${file} ${(loaded / 1e6).toFixed(1)} MB`;
      if (line !== last && process.stderr.isTTY) process.stderr.write(`\r${line.padEnd(60)}`);
      last = line;
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  for (const f of result.files) console.log(`${f.path}\t${f.sizeBytes} bytes`);
  console.log(`fetched ${result.modelId} into ${result.folder}`);
  // An index must come from the model that encodes the queries: rebuild it with the new one.
  const catalog = opts.index ?? 'stickers';
  if (catalog !== 'none') {
    const args = ['tsx', 'tools/build-index.ts', '--catalog', catalog, '--model', result.modelId, ...(opts.outRoot ? ['--models', opts.outRoot] : [])];
    console.log(`rebuilding the ${catalog} index: npx ${args.join(' ')}`);
    const r = spawnSync('npx', args, { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`index rebuild failed (exit ${r.status}); the model is fetched, run the command above again`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(err instanceof FetchModelError ? `fetch-real-models: ${err.message}` : err);
    process.exit(err instanceof FetchModelError && err.kind === 'bad-arguments' ? 2 : 1);
  });
}
