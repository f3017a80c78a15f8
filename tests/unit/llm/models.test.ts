import { describe, expect, test } from 'vitest';
import { chooseModel, type GpuCapabilities, type ModelRecordLike } from '../../../src/core/llm/models.ts';

// The records as web-llm 0.2.86's prebuiltAppConfig lists them (vram, features, low-resource).
const records: ModelRecordLike[] = [
  { model_id: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC', vram_required_MB: 944.62, low_resource_required: true, required_features: ['shader-f16'] },
  { model_id: 'SmolLM2-360M-Instruct-q4f16_1-MLC', vram_required_MB: 376.06, low_resource_required: true, required_features: ['shader-f16'] },
  { model_id: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC', vram_required_MB: 1060.2, low_resource_required: true },
  { model_id: 'SmolLM2-360M-Instruct-q4f32_1-MLC', vram_required_MB: 579.61, low_resource_required: true },
];
const gpu = (p: Partial<GpuCapabilities> = {}): GpuCapabilities => ({
  adapter: true, features: new Set(['shader-f16']), maxBufferSize: 2 ** 31, maxStorageBufferBindingSize: 2 ** 30, ...p,
});

describe('chooseModel', () => {
  test('no adapter or a software adapter: no model, with the reason', () => {
    expect(chooseModel(gpu({ adapter: false }), records)).toEqual({ ok: false, reason: 'This browser has no WebGPU adapter.' });
    expect(chooseModel(gpu({ isFallbackAdapter: true }), records)).toMatchObject({ ok: false, reason: expect.stringMatching(/software adapter/) });
  });

  test('prefers Qwen2.5 f16 when shader-f16 is there, f32 variants without it', () => {
    expect(chooseModel(gpu(), records)).toMatchObject({ ok: true, modelId: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC' });
    expect(chooseModel(gpu({ features: new Set() }), records)).toMatchObject({ ok: true, modelId: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC' });
  });

  test('a device with little memory gets the smaller model', () => {
    expect(chooseModel(gpu({ deviceMemoryGiB: 1 }), records)).toMatchObject({ ok: true, modelId: 'SmolLM2-360M-Instruct-q4f16_1-MLC' });
    expect(chooseModel(gpu({ deviceMemoryGiB: 0.5 }), records)).toMatchObject({ ok: false, reason: expect.stringMatching(/more than this device can spare/) });
  });

  test('only installed models are chosen, and the reason names what is missing', () => {
    const r = chooseModel(gpu(), records, undefined, new Set());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/not installed on this site/);
    expect(chooseModel(gpu(), records, undefined, new Set(['SmolLM2-360M-Instruct-q4f32_1-MLC']))).toMatchObject({ modelId: 'SmolLM2-360M-Instruct-q4f32_1-MLC' });
  });

  test('models not marked low-resource need a 1 GiB binding', () => {
    const big = [{ model_id: 'Big', vram_required_MB: 100 }];
    expect(chooseModel(gpu({ maxStorageBufferBindingSize: 2 ** 27 }), big, ['Big'])).toMatchObject({ ok: false, reason: expect.stringMatching(/1 GiB/) });
    expect(chooseModel(gpu(), big, ['Big'])).toMatchObject({ ok: true });
  });
});
