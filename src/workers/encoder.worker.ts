// CLIP encoders (transformers.js): the text tower for queries, the vision tower for videos the user adds. Loaded lazily, once per model, on WebGPU when the browser gives
// an adapter and on WASM otherwise. Model files come from this site only (no hub, no CDN).
import { wasmMemoryReport } from './memory-probe.ts'; // first: it wraps WebAssembly before anything instantiates
import '../core/zod-config.ts'; // before any zod schema is built: no `new Function` probe under the CSP
import * as Comlink from 'comlink';
import type { WorkerStatus } from '../core/status.ts';
import type { StatusListener, WorkerConfig } from '../messages/common.ts';
import type { EncodedBatch, EncoderApi, Picture, TextEncoderPort } from '../messages/encoder.ts';
import { z } from 'zod';
import { cancel, crashSoon, withRequest } from './requests.ts';
import { normalised } from '../core/vector.ts';
import { assertModelName, assertSameOriginUrl } from '../core/same-origin.ts';

const IdentitySchema = z.object({ modelId: z.string().min(1) });
// The ONNX runtime's WASM files, bundled by Vite: the default is a CDN, which breaks offline use.
// transformers.js runs onnxruntime-web's WebGPU bundle, whose built-in glue loads the asyncify build
// (26.9 MB: WebGPU needs asyncify to await the GPU from inside wasm). On the WASM device nothing awaits
// inside wasm, so the plain build (14.3 MB, its own glue) does the same work with less code for V8 to
// compile while the user chats: over a load and 27-40 turns, lazy compiles 3.4-3.8 -> 0.9-1.2 s of CPU
// and optimising ones 6.0-9.2 -> 4.6-6.8 s (bench/app/wasm-compile.ts, 2026-11-30).
import ortAsyncifyWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import ortPlainWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import ortPlainGlueUrl from 'onnxruntime-web/ort-wasm-simd-threaded.mjs?url';

type Transformers = typeof import('@huggingface/transformers');
type Device = 'webgpu' | 'wasm';

interface TextEncoder {
  /** The model's identity (name@hash of its files), as recorded in the indexes built with it. */
  modelId: string;
  device: Device;
  encode(texts: string[]): Promise<Float32Array[]>;
}

let onStatus: StatusListener | null = null;
let modelsBase: URL | null = null;
let libPromise: Promise<Transformers> | null = null;
/** The device whose onnxruntime build this worker loaded: one per worker, the runtime initialises once. */
let libDevice: Device | null = null;
const encoders = new Map<string, Promise<TextEncoder>>();
const imageEncoders = new Map<string, Promise<ImageEncoder>>();

interface ImageEncoder {
  modelId: string;
  device: Device;
  encode(pictures: Picture[]): Promise<Float32Array[]>;
}

function report(s: Omit<WorkerStatus, 'worker'>): void {
  onStatus?.({ worker: 'encoder', ...s });
}

export class ModelMissingError extends Error {
  override name = 'ModelMissingError';
}

/** WebGPU when the browser gives a hardware adapter; WASM otherwise (a software adapter is slower than WASM SIMD). */
async function pickDevice(): Promise<Device> {
  const gpu = (navigator as WorkerNavigator & { gpu?: { requestAdapter(): Promise<{ info?: { isFallbackAdapter?: boolean }; isFallbackAdapter?: boolean } | null> } }).gpu;
  if (!gpu) return 'wasm';
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return 'wasm';
    return adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter ? 'wasm' : 'webgpu';
  } catch {
    return 'wasm';
  }
}

/**
 * transformers.js with the onnxruntime build for `device`. The runtime initialises once per worker, so
 * the first model loaded picks the build; a later WebGPU model on the plain build is refused (only the
 * test hook that forces a device can ask for one: the page's own requests all take pickDevice()'s).
 */
function loadLib(device: Device): Promise<Transformers> {
  libDevice ??= device;
  if (device === 'webgpu' && libDevice !== 'webgpu') {
    return Promise.reject(new Error('This encoder loaded onnxruntime for WASM; WebGPU needs a fresh worker (reload the page)'));
  }
  libPromise ??= import('@huggingface/transformers').then((lib) => {
    lib.env.allowLocalModels = true;
    lib.env.allowRemoteModels = false;
    // A path, not a URL: transformers.js 4.3 only probes local files for paths (a full http URL is
    // treated as remote, and remote models are off). The path keeps sub-path hosting working.
    lib.env.localModelPath = modelsBase!.pathname;
    lib.env.useBrowserCache = false;
    const wasm = lib.env.backends.onnx.wasm;
    if (wasm) {
      const url = (u: string) => new URL(u, self.location.href).href;
      // WebGPU: the bundle's own glue with its wasm. WASM: the plain build's glue and wasm.
      wasm.wasmPaths = (libDevice === 'webgpu' ? { wasm: url(ortAsyncifyWasmUrl) } : { mjs: url(ortPlainGlueUrl), wasm: url(ortPlainWasmUrl) }) as typeof wasm.wasmPaths;
      wasm.numThreads = 1; // no cross-origin isolation on plain static hosting: threads are unavailable
    }
    // Off: with both paths set, transformers.js would copy the runtime into its own Cache Storage (the
    // service worker already holds it) and import the glue from a blob: URL, which the CSP refuses.
    lib.env.useWasmCache = false;
    return lib;
  });
  return libPromise;
}

function unitRows(data: Float32Array, rows: number, dim: number): Float32Array[] {
  return Array.from({ length: rows }, (_, i) => normalised(data.subarray(i * dim, (i + 1) * dim)));
}

async function identityOf(modelId: string): Promise<string> {
  const r = await fetch(new URL(`${modelId}/identity.json`, modelsBase!));
  const missing = (why: string) => new ModelMissingError(`The CLIP model "${modelId}" has no identity.json (${why}): build an index with it first`);
  if (!r.ok) throw missing(`HTTP ${r.status}`);
  // A static host with a fallback page answers a missing file with 200 and its index.html.
  if (/html/i.test(r.headers.get('content-type') ?? '')) throw missing('the server answered with a web page');
  const parsed = IdentitySchema.safeParse(await r.json().catch(() => null));
  if (!parsed.success) throw missing('not a valid identity file');
  return parsed.data.modelId;
}

/** transformers.js's "file not found" (in any of its forms) as a ModelMissingError naming what is missing. */
function asModelMissing(err: unknown, what: string): unknown {
  if (err instanceof ModelMissingError) return err;
  const name = (err as { name?: string }).name ?? '';
  if (name === 'ModelFileNotFoundError' || /not found|404|Could not locate/i.test(String(err))) {
    return new ModelMissingError(`${what} (${String((err as Error).message ?? err)})`);
  }
  return err;
}

/**
 * Loads once per key and shares the promise; a failed load is reported, forgotten (the next call
 * tries again) and rethrown with a missing file named as such.
 */
function loadOnce<T>(cache: Map<string, Promise<T>>, key: string, missing: string, failedState: WorkerStatus['state'], load: () => Promise<T>): Promise<T> {
  let p = cache.get(key);
  if (!p) {
    p = load().catch((err: unknown) => {
      throw asModelMissing(err, missing);
    });
    p.catch((err: unknown) => {
      cache.delete(key);
      report({ state: failedState, engine: 'transformers.js', device: '-', detail: (err as Error).message ?? String(err) });
    });
    cache.set(key, p);
  }
  return p;
}

/** The vision tower, for videos the user adds (the shipped indexes were embedded offline). Loaded on first use. */
function getImageEncoder(modelId: string): Promise<ImageEncoder> {
  assertModelName(modelId);
  return loadOnce(imageEncoders, modelId, `The vision tower of "${modelId}" is not available`, 'error', async () => {
    const device = await pickDevice();
    const lib = await loadLib(device);
    report({ state: 'loading', engine: `transformers.js ${modelId} (vision)`, device, detail: `Loading the ${modelId} vision tower` });
    const identity = await identityOf(modelId);
    const processor = await lib.AutoProcessor.from_pretrained(modelId);
    const model = await lib.CLIPVisionModelWithProjection.from_pretrained(modelId, { device, dtype: 'fp32' });
    report({ state: 'ready', engine: `transformers.js ${modelId}`, device });
    return {
      modelId: identity, device,
      async encode(pictures: Picture[]) {
        const images = pictures.map((pic) => {
          if (pic.data.length !== pic.width * pic.height * 4) throw new Error(`picture ${pic.width}x${pic.height} has ${pic.data.length} bytes, not RGBA`);
          const rgb = new Uint8ClampedArray(pic.width * pic.height * 3);
          for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
            // Flatten on white, as the catalog images were (training/data_prep.py, tools/build-index.ts).
            const a = pic.data[j + 3]! / 255;
            rgb[i] = pic.data[j]! * a + 255 * (1 - a);
            rgb[i + 1] = pic.data[j + 1]! * a + 255 * (1 - a);
            rgb[i + 2] = pic.data[j + 2]! * a + 255 * (1 - a);
          }
          return new lib.RawImage(rgb, pic.width, pic.height, 3);
        });
        const inputs = await processor(images);
        const { image_embeds } = (await model(inputs)) as { image_embeds: { dims: number[]; data: Float32Array } };
        return unitRows(image_embeds.data, pictures.length, image_embeds.dims.at(-1)!);
      },
    };
  });
}

function getEncoder(modelId: string, forceDevice?: Device): Promise<TextEncoder> {
  assertModelName(modelId);
  return loadOnce(encoders, `${modelId}|${forceDevice ?? 'auto'}`, `The CLIP model "${modelId}" is not shipped with this site`, 'unavailable', async () => {
    const device = forceDevice ?? (await pickDevice());
    const lib = await loadLib(device);
    report({ state: 'loading', engine: `transformers.js ${modelId}`, device, detail: `Loading ${modelId}` });
    const progress = (e: { status?: string; file?: string; loaded?: number; total?: number }) => {
      if (e.status === 'progress' && e.file) {
        report({ state: 'loading', engine: `transformers.js ${modelId}`, device,
          progress: { label: e.file, loadedBytes: e.loaded ?? 0, totalBytes: e.total ?? 0 } });
      }
    };
    const identity = await identityOf(modelId);
    const tokenizer = await lib.AutoTokenizer.from_pretrained(modelId);
    const model = await lib.CLIPTextModelWithProjection.from_pretrained(modelId, { device, dtype: 'fp32', progress_callback: progress });
    report({ state: 'ready', engine: `transformers.js ${modelId}`, device });
    return {
      modelId: identity, device,
      async encode(texts: string[]) {
        const inputs = tokenizer(texts, { padding: true, truncation: true });
        const { text_embeds } = await model(inputs);
        return unitRows(text_embeds.data as Float32Array, texts.length, text_embeds.dims.at(-1) as number);
      },
    };
  });
}

/** Unit-length text embeddings, and the identity of the model that made them (transferred, not copied). */
async function encodeTexts(modelName: string, texts: string[], device?: Device, signal?: AbortSignal): Promise<EncodedBatch> {
  const enc = await getEncoder(modelName, device);
  signal?.throwIfAborted();
  const vectors = await enc.encode(texts);
  return Comlink.transfer({ modelId: enc.modelId, device: enc.device, vectors }, vectors.map((v) => v.buffer as ArrayBuffer));
}

const api: EncoderApi = {
  /** Linear memory of the WebAssembly modules this worker runs (see memory-probe.ts). */
  memory: wasmMemoryReport,
  init(listener: StatusListener, config: WorkerConfig): void {
    onStatus = listener;
    // Models come from this site only: a foreign base URL is refused, and model names are names, not URLs.
    modelsBase = assertSameOriginUrl(config.modelsBaseUrl, self.location.href);
    report({ state: 'idle', engine: 'transformers.js CLIP', device: '-', detail: 'Loads when a catalog with an embedding index is searched.' });
  },

  /** The retrieval worker's line to this encoder: text embeddings for the intent's phrases. */
  connect(port: MessagePort): void {
    const served: TextEncoderPort = { encodeText: (modelName, texts) => encodeTexts(modelName, texts) };
    Comlink.expose(served, port);
  },

  async encodeText(requestId: number, modelName: string, texts: string[], device?: Device): Promise<EncodedBatch> {
    return withRequest(requestId, (signal) => encodeTexts(modelName, texts, device, signal));
  },

  /** Unit-length image embeddings (vision tower) of RGBA pictures, e.g. a video's keyframes. */
  async encodeImages(requestId: number, modelName: string, pictures: Picture[]): Promise<EncodedBatch> {
    return withRequest(requestId, async (signal) => {
      const enc = await getImageEncoder(modelName);
      signal.throwIfAborted();
      const vectors = await enc.encode(pictures);
      return Comlink.transfer({ modelId: enc.modelId, device: enc.device, vectors }, vectors.map((v) => v.buffer as ArrayBuffer));
    });
  },

  cancel,

  crash(reason: string): void {
    crashSoon(reason);
  },
};

Comlink.expose(api);
