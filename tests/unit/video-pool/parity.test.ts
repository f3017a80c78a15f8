// The shipped temporal pooling model (public/models/video-pool/temporal_pool.onnx) in onnxruntime-node
// against the torch model it was exported from. The fixture is written by training/video_pool.py: real
// held-out clips (clip-mini image_embeds of their keyframes, normalised times) and the torch outputs.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { cosine, maxAbsDiff } from '../helpers.ts';

const MODEL_DIR = resolve('public/models/video-pool');
const FIXTURE = resolve('tests/unit/video-pool/fixtures/temporal-pool-parity.json');
const CLIP_IDENTITY = resolve('public/models/clip-mini/identity.json');
const PARITY_MAX_ABS = 1e-4;
const PADDING_MAX_ABS = 1e-5;
/** Reversed keyframes count as a change when the cosine to the original output is below 1 - this. */
const ORDER_MIN_COSINE_DROP = 1e-3;

interface Case {
  frames: number[][];
  times: number[];
  mask: number[];
  video_embeds: number[];
  mean_pooled: number[];
  reversed_video_embeds: number[];
}

interface Fixture {
  base_model: string;
  dim: number;
  max_frames: number;
  cases: Case[];
}

interface PoolConfig {
  baseModel: string;
  dim: number;
  maxFrames: number;
  trained: string;
  command: string;
}

const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Fixture;
const config = JSON.parse(readFileSync(resolve(MODEL_DIR, 'config.json'), 'utf8')) as PoolConfig;

describe('video-pool temporal_pool.onnx (onnxruntime-node) vs torch', () => {
  let session: ort.InferenceSession;

  /** Runs one clip; `padTo` appends padding frames (random values, mask 0) after the keyframes. */
  async function pool(frames: number[][], times: number[], padTo = frames.length): Promise<Float32Array> {
    const t = padTo;
    const dim = fixture.dim;
    const f = new Float32Array(t * dim);
    const ti = new Float32Array(t);
    const m = new Float32Array(t);
    let seed = 12345;
    for (let i = 0; i < t; i++) {
      if (i < frames.length) {
        f.set(frames[i]!, i * dim);
        ti[i] = times[i]!;
        m[i] = 1;
      } else {
        for (let j = 0; j < dim; j++) {
          seed = (seed * 1103515245 + 12345) % 2147483648;
          f[i * dim + j] = (seed / 2147483648 - 0.5) * 10;
        }
        ti[i] = 0.37;
      }
    }
    const out = await session.run({
      frames: new ort.Tensor('float32', f, [1, t, dim]),
      times: new ort.Tensor('float32', ti, [1, t]),
      mask: new ort.Tensor('float32', m, [1, t]),
    });
    const v = out['video_embeds']!;
    expect(v.dims).toEqual([1, dim]);
    return v.data as Float32Array;
  }

  beforeAll(async () => {
    session = await ort.InferenceSession.create(resolve(MODEL_DIR, 'temporal_pool.onnx'));
  });

  it('is declared for the shipped clip-mini (config baseModel = identity modelId) with matching dims', () => {
    const identity = JSON.parse(readFileSync(CLIP_IDENTITY, 'utf8')) as { modelId: string };
    expect(config.baseModel).toBe(identity.modelId);
    expect(fixture.base_model).toBe(identity.modelId);
    expect(config.dim).toBe(fixture.dim);
    expect(config.maxFrames).toBe(32);
    expect(session.inputNames).toEqual(['frames', 'times', 'mask']);
    expect(session.outputNames).toEqual(['video_embeds']);
  });

  it(`matches torch within ${PARITY_MAX_ABS} on held-out clips of different lengths`, async () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(4);
    expect(new Set(fixture.cases.map((c) => c.frames.length)).size).toBeGreaterThan(1);
    for (const c of fixture.cases) {
      const got = await pool(c.frames, c.times);
      expect(maxAbsDiff(got, c.video_embeds)).toBeLessThan(PARITY_MAX_ABS);
    }
  });

  it('ignores padding frames: the same clip padded to maxFrames gives the same vector', async () => {
    for (const c of fixture.cases) {
      const plain = await pool(c.frames, c.times);
      const padded = await pool(c.frames, c.times, config.maxFrames);
      expect(maxAbsDiff(padded, plain)).toBeLessThan(PADDING_MAX_ABS);
    }
  });

  it('depends on frame order: reversed keyframes (same times) give torch\'s reversed output and move it', async () => {
    let moved = 0;
    for (const c of fixture.cases) {
      const plain = await pool(c.frames, c.times);
      const reversed = await pool([...c.frames].reverse(), c.times);
      expect(maxAbsDiff(reversed, c.reversed_video_embeds)).toBeLessThan(PARITY_MAX_ABS);
      if (cosine(plain, reversed) < 1 - ORDER_MIN_COSINE_DROP) moved++;
    }
    // A clip of one still scene has (nearly) the same frame everywhere: reversing it changes nothing.
    expect(moved).toBeGreaterThanOrEqual(fixture.cases.length - 2);
  });

  it('is trained: its output is not the mean of the normalised keyframes', async () => {
    for (const c of fixture.cases) {
      const got = await pool(c.frames, c.times);
      expect(cosine(got, c.mean_pooled)).toBeLessThan(0.99);
    }
  });
});
