// Pooling: keyframe vectors of one video -> one vector for the index. Mean pooling is the baseline;
// a trained temporal model (frame order matters) plugs in through the same `VideoPooling` signature.
import { normalised } from '../vector.ts';

export class PoolingInputError extends Error {
  override readonly name = 'PoolingInputError';
}

/** Keyframe vectors in time order (each `dim` floats), with their times in seconds. */
export type VideoPooling = (vectors: readonly Float32Array[], times?: readonly number[]) => Float32Array;

export const VIDEO_POOLINGS = ['mean', 'temporal'] as const;
export type VideoPoolingName = (typeof VIDEO_POOLINGS)[number];

/** normalised(), refusing a vector that has no direction (zero, or not finite). */
export function l2Normalise(v: Float32Array): Float32Array {
  let s = 0;
  for (let j = 0; j < v.length; j++) s += v[j]! * v[j]!;
  if (!(s > 0) || !Number.isFinite(s)) throw new PoolingInputError('cannot normalise a zero or non-finite vector');
  return normalised(v);
}

/**
 * Mean of the L2-normalised keyframe vectors, L2-normalised: every keyframe counts once whatever
 * its norm. Times are ignored (order does not matter to a mean).
 */
export const poolMean: VideoPooling = (vectors) => {
  if (vectors.length === 0) throw new PoolingInputError('no keyframe vectors to pool');
  const dim = vectors[0]!.length;
  if (dim === 0) throw new PoolingInputError('keyframe vectors are empty');
  const sum = new Float32Array(dim);
  vectors.forEach((v, i) => {
    if (v.length !== dim) throw new PoolingInputError(`keyframe vector ${i} has ${v.length} values, vector 0 has ${dim}`);
    const u = l2Normalise(v);
    for (let j = 0; j < dim; j++) sum[j]! += u[j]!;
  });
  return l2Normalise(sum);
};
