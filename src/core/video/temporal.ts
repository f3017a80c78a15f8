// Inputs of the trained temporal pooling model (public/models/video-pool/temporal_pool.onnx, trained by
// training/video_pool.py): keyframe vectors in time order, their times as a fraction of the video's
// length, and a mask. The model itself runs in onnxruntime (web in the encoder worker, node in the
// catalog tool); this part is pure so both prepare the same tensors.
import { z } from 'zod';
import { PoolingInputError } from './pool.ts';

export const TemporalPoolConfigSchema = z.object({
  baseModel: z.string().min(1),
  dim: z.number().int().positive(),
  maxFrames: z.number().int().positive(),
  file: z.string().min(1),
});
export type TemporalPoolConfig = z.infer<typeof TemporalPoolConfigSchema>;

export interface TemporalInputs {
  /** [1, T, dim] keyframe vectors (unit length). */
  readonly frames: Float32Array;
  /** [1, T] keyframe time / video duration, ascending, in [0, 1]. */
  readonly times: Float32Array;
  /** [1, T] ones (no padding is needed for a single video). */
  readonly mask: Float32Array;
  readonly count: number;
}

/**
 * Orders keyframes by time, keeps at most `maxFrames` (evenly spread over the kept order, first and last
 * kept), and normalises times by the duration. Throws PoolingInputError on unusable input.
 */
export function temporalInputs(vectors: readonly Float32Array[], times: readonly number[], duration: number, config: Pick<TemporalPoolConfig, 'dim' | 'maxFrames'>): TemporalInputs {
  if (vectors.length === 0) throw new PoolingInputError('no keyframe vectors to pool');
  if (vectors.length !== times.length) throw new PoolingInputError(`${vectors.length} keyframe vectors but ${times.length} times`);
  if (!(duration > 0) || !Number.isFinite(duration)) throw new PoolingInputError(`bad video duration ${duration}`);
  let order = vectors.map((_, i) => i).sort((a, b) => times[a]! - times[b]! || a - b);
  if (order.length > config.maxFrames) {
    const n = config.maxFrames;
    order = Array.from({ length: n }, (_, j) => order[Math.round((j * (order.length - 1)) / (n - 1))]!);
  }
  const t = order.length;
  const frames = new Float32Array(t * config.dim);
  const out = new Float32Array(t);
  order.forEach((i, j) => {
    const v = vectors[i]!;
    if (v.length !== config.dim) throw new PoolingInputError(`keyframe vector ${i} has ${v.length} values, the model takes ${config.dim}`);
    frames.set(v, j * config.dim);
    out[j] = Math.min(1, Math.max(0, times[i]! / duration));
  });
  return { frames, times: out, mask: new Float32Array(t).fill(1), count: t };
}
