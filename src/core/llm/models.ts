// Which web-llm model this device can hold. web-llm itself fetches a model's config before it checks
// the GPU (offline that is a bare "Failed to fetch"), so the app checks the adapter, its features and
// its limits first and picks from a short list, or says exactly why no model fits.

/** The fields of web-llm's ModelRecord this choice reads (web-llm 0.2.86 `prebuiltAppConfig`). */
export interface ModelRecordLike {
  model_id: string;
  vram_required_MB?: number;
  low_resource_required?: boolean;
  buffer_size_required_bytes?: number;
  required_features?: string[];
}

/** Preference order: Qwen2.5 handles Korean and JSON better; SmolLM2 is smaller. f16 before f32. */
export const LLM_CANDIDATES = [
  'Qwen2.5-0.5B-Instruct-q4f16_1-MLC',
  'SmolLM2-360M-Instruct-q4f16_1-MLC',
  'Qwen2.5-0.5B-Instruct-q4f32_1-MLC',
  'SmolLM2-360M-Instruct-q4f32_1-MLC',
] as const;

export interface GpuCapabilities {
  /** A WebGPU adapter was granted. */
  adapter: boolean;
  features: ReadonlySet<string>;
  maxBufferSize: number;
  maxStorageBufferBindingSize: number;
  /** navigator.deviceMemory in GiB when the browser reports it (coarse, capped at 8). */
  deviceMemoryGiB?: number;
  /** Software adapters (SwiftShader) can run WebGPU but far too slowly for a language model. */
  isFallbackAdapter?: boolean;
}

export type ModelChoice =
  | { ok: true; modelId: string; record: ModelRecordLike }
  | { ok: false; reason: string };

/** web-llm's own rule: models not marked low-resource need a 1 GiB storage buffer binding. */
const FULL_RESOURCE_BINDING = 1 << 30;
/** The share of reported device memory a model may take. */
const MEMORY_SHARE = 0.5;

export function chooseModel(
  caps: GpuCapabilities,
  records: readonly ModelRecordLike[],
  candidates: readonly string[] = LLM_CANDIDATES,
  installed?: ReadonlySet<string>,
): ModelChoice {
  if (!caps.adapter) return { ok: false, reason: 'This browser has no WebGPU adapter.' };
  if (caps.isFallbackAdapter) return { ok: false, reason: 'WebGPU runs on a software adapter here: too slow for a language model.' };
  const rejected: string[] = [];
  for (const id of candidates) {
    const r = records.find((m) => m.model_id === id);
    if (!r) {
      rejected.push(`${id}: unknown to this web-llm version`);
      continue;
    }
    if (installed && !installed.has(id)) {
      rejected.push(`${id}: model files are not installed on this site`);
      continue;
    }
    const missing = (r.required_features ?? []).filter((f) => !caps.features.has(f));
    if (missing.length) {
      rejected.push(`${id}: needs ${missing.join(', ')}`);
      continue;
    }
    if (!r.low_resource_required && caps.maxStorageBufferBindingSize < FULL_RESOURCE_BINDING) {
      rejected.push(`${id}: needs a 1 GiB storage buffer binding`);
      continue;
    }
    if (r.buffer_size_required_bytes && caps.maxBufferSize < r.buffer_size_required_bytes) {
      rejected.push(`${id}: needs buffers of ${r.buffer_size_required_bytes} bytes`);
      continue;
    }
    if (caps.deviceMemoryGiB && r.vram_required_MB && r.vram_required_MB > caps.deviceMemoryGiB * 1024 * MEMORY_SHARE) {
      rejected.push(`${id}: needs ${Math.round(r.vram_required_MB)} MB, more than this device can spare`);
      continue;
    }
    return { ok: true, modelId: id, record: r };
  }
  return { ok: false, reason: `No language model fits this device (${rejected.join('; ')}).` };
}
