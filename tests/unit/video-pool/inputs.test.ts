import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { PoolingInputError } from '../../../src/core/video/pool.ts';
import { TemporalPoolConfigSchema, temporalInputs } from '../../../src/core/video/temporal.ts';

const config = TemporalPoolConfigSchema.parse(JSON.parse(readFileSync('public/models/video-pool/config.json', 'utf8')));
const unit = (seed: number) => {
  const v = Float32Array.from({ length: config.dim }, (_, j) => Math.sin(seed * 7.3 + j * 0.37));
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
};

describe('temporalInputs', () => {
  it('orders keyframes by time and normalises times by the duration', () => {
    const a = unit(1);
    const b = unit(2);
    const x = temporalInputs([b, a], [3, 1], 4, config);
    expect(Array.from(x.times)).toEqual([0.25, 0.75]);
    expect(Array.from(x.frames.subarray(0, config.dim))).toEqual(Array.from(a));
    expect(Array.from(x.mask)).toEqual([1, 1]);
  });

  it('keeps at most maxFrames, first and last included', () => {
    const n = config.maxFrames + 9;
    const x = temporalInputs(Array.from({ length: n }, (_, i) => unit(i)), Array.from({ length: n }, (_, i) => i), n, config);
    expect(x.count).toBe(config.maxFrames);
    expect(x.times[0]).toBe(0);
    expect(x.times[x.count - 1]).toBeCloseTo((n - 1) / n, 6);
  });

  it('refuses empty input, mismatched lengths, wrong sizes and a bad duration', () => {
    expect(() => temporalInputs([], [], 1, config)).toThrow(PoolingInputError);
    expect(() => temporalInputs([unit(1)], [0, 1], 1, config)).toThrow(/times/);
    expect(() => temporalInputs([new Float32Array(3)], [0], 1, config)).toThrow(/takes 256/);
    expect(() => temporalInputs([unit(1)], [0], 0, config)).toThrow(/duration/);
  });

  it('feeds the shipped model: one unit-normalisable vector out, and the order of keyframes matters', async () => {
    const session = await ort.InferenceSession.create(`public/models/video-pool/${config.file}`);
    const run = async (vs: Float32Array[], ts: number[]) => {
      const x = temporalInputs(vs, ts, 4, config);
      const out = await session.run({
        frames: new ort.Tensor('float32', x.frames, [1, x.count, config.dim]),
        times: new ort.Tensor('float32', x.times, [1, x.count]),
        mask: new ort.Tensor('float32', x.mask, [1, x.count]),
      });
      return out.video_embeds!.data as Float32Array;
    };
    const vs = [unit(1), unit(2), unit(3)];
    const y = await run(vs, [0, 1, 3]);
    expect(y.length).toBe(config.dim);
    expect(Math.hypot(...y)).toBeGreaterThan(0);
    const z = await run([...vs].reverse(), [0, 1, 3]); // same times, frames in the other order
    expect(Math.max(...y.map((v, j) => Math.abs(v - z[j]!)))).toBeGreaterThan(1e-3);
  });
});
