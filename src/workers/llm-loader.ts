// Starts web-llm when this device can run it and the site has the model files; otherwise says why.
// Same-origin only: model weights live under models/llm/<model_id>/resolve/main/ and the compiled model
// libraries under models/llm/libs/ (tools/fetch-llm.ts puts them there where the internet is
// reachable), so the page's Content-Security-Policy never has to allow another host.
import { z } from 'zod';
import { type ChatEngineLike, createLlmEngine, type LlmEngine } from '../core/llm/engine.ts';
import { chooseModel, type GpuCapabilities, LLM_CANDIDATES } from '../core/llm/models.ts';
import type { LoadProgress } from '../core/status.ts';

const InstalledSchema = z.object({ models: z.array(z.string()) });

export type LlmLoad =
  | { ok: true; engine: LlmEngine; modelId: string }
  | { ok: false; reason: string };

interface GpuAdapterLike {
  features: ReadonlySet<string>;
  limits: { maxBufferSize: number; maxStorageBufferBindingSize: number };
  info?: { isFallbackAdapter?: boolean };
  isFallbackAdapter?: boolean;
}

export async function gpuCapabilities(): Promise<GpuCapabilities> {
  const gpu = (navigator as unknown as { gpu?: { requestAdapter(o?: object): Promise<GpuAdapterLike | null> } }).gpu;
  const adapter = gpu ? await gpu.requestAdapter({ powerPreference: 'high-performance' }).catch(() => null) : null;
  const mem = (navigator as unknown as { deviceMemory?: number }).deviceMemory;
  if (!adapter) return { adapter: false, features: new Set(), maxBufferSize: 0, maxStorageBufferBindingSize: 0 };
  return {
    adapter: true,
    features: new Set(adapter.features),
    maxBufferSize: adapter.limits.maxBufferSize,
    maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
    isFallbackAdapter: Boolean(adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter),
    ...(mem ? { deviceMemoryGiB: mem } : {}),
  };
}

/** Which models this site serves: models/llm/installed.json, written by the fetch tool. */
async function installedModels(modelsBase: URL): Promise<Set<string>> {
  try {
    const res = await fetch(new URL('llm/installed.json', modelsBase));
    if (!res.ok) return new Set();
    return new Set(InstalledSchema.parse(await res.json()).models);
  } catch {
    return new Set();
  }
}

export async function loadLlm(modelsBase: URL, onProgress: (p: LoadProgress) => void): Promise<LlmLoad> {
  const caps = await gpuCapabilities();
  if (!caps.adapter) return { ok: false, reason: 'This browser has no WebGPU adapter.' };
  if (caps.isFallbackAdapter) return { ok: false, reason: 'WebGPU runs on a software adapter here: too slow for a language model.' };
  const installed = await installedModels(modelsBase);
  if (installed.size === 0) return { ok: false, reason: 'No language model files are installed on this site.' };
  const webllm = await import('@mlc-ai/web-llm');
  const records = webllm.prebuiltAppConfig.model_list;
  const choice = chooseModel(caps, records, LLM_CANDIDATES, installed);
  if (!choice.ok) return choice;
  const record = records.find((r) => r.model_id === choice.modelId)!;
  const libName = record.model_lib.slice(record.model_lib.lastIndexOf('/') + 1);
  try {
    const engine = await webllm.CreateMLCEngine(choice.modelId, {
      appConfig: {
        model_list: [{
          ...record,
          model: new URL(`llm/${choice.modelId}/resolve/main/`, modelsBase).href,
          model_lib: new URL(`llm/libs/${libName}`, modelsBase).href,
        }],
      },
      initProgressCallback: (r) => onProgress({ label: `${choice.modelId}: ${r.text.slice(0, 60)}`, loadedBytes: Math.round(r.progress * 1000), totalBytes: 1000 }),
    });
    return { ok: true, modelId: choice.modelId, engine: createLlmEngine(engine as unknown as ChatEngineLike, { modelId: choice.modelId }) };
  } catch (err) {
    // web-llm rejects with Errors or, from its worker variant, plain strings.
    const msg = err instanceof Error ? err.message : String(err);
    return { ok: false, reason: `The language model could not load (${msg}).` };
  }
}
