// On-device learning: the user's own likes, clicks, dwell and skips nudge their vector with one small
// logistic step each, on the device only. The step is bounded so a burst of taps cannot blow the
// vector up: its norm is clipped to a cap (the manifest's largest shipped user norm by default).
import { U2iError } from './format.ts';
import { dot } from './score.ts';

export const ENGAGEMENT_SIGNALS = ['like', 'click', 'dwell', 'skip'] as const;
export type EngagementSignal = (typeof ENGAGEMENT_SIGNALS)[number];

/** What each signal says (the item is wanted or not) and how much one occurrence counts. */
export const SIGNAL_EFFECT: Readonly<Record<EngagementSignal, { readonly target: 0 | 1; readonly weight: number }>> =
  Object.freeze({
    like: { target: 1, weight: 1 },
    click: { target: 1, weight: 0.5 },
    dwell: { target: 1, weight: 0.3 },
    skip: { target: 0, weight: 0.5 },
  });

/** Learning rate chosen by the MovieLens replay (bench/RESULTS-u2i.md). */
export const DEFAULT_ONLINE_LEARNING_RATE = 0.1;

export interface OnlineUpdateOptions {
  /** The norm the updated vector is clipped to. */
  readonly maxNorm: number;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * One online step on the log-likelihood of the signal: u += lr * weight * (target - sigmoid(u.v)) * v,
 * then the norm is clipped to `maxNorm`. Returns a new vector; `u` is not modified.
 */
export function updateUserVector(
  u: Float32Array,
  itemVec: Float32Array,
  signal: EngagementSignal,
  lr: number,
  options: OnlineUpdateOptions,
): Float32Array {
  if (u.length !== itemVec.length) throw new U2iError('dim-mismatch', `user ${u.length} values, item ${itemVec.length}`);
  if (!(lr >= 0) || !Number.isFinite(lr)) throw new RangeError(`learning rate must be a finite number >= 0, got ${lr}`);
  if (!(options.maxNorm > 0)) throw new RangeError(`maxNorm must be > 0, got ${options.maxNorm}`);
  const effect = SIGNAL_EFFECT[signal];
  if (!effect) throw new RangeError(`unknown engagement signal "${String(signal)}"`);
  const step = lr * effect.weight * (effect.target - sigmoid(dot(u, 0, itemVec, 0, u.length)));
  const out = new Float32Array(u.length);
  let norm2 = 0;
  for (let f = 0; f < u.length; f++) {
    out[f] = u[f]! + step * itemVec[f]!;
    norm2 += out[f]! * out[f]!;
  }
  const norm = Math.sqrt(norm2);
  if (norm > options.maxNorm) for (let f = 0; f < out.length; f++) out[f]! *= options.maxNorm / norm;
  if (out.some((x) => !Number.isFinite(x))) throw new U2iError('not-finite', 'online update produced a non-finite value');
  return out;
}

/** A cold user (stickers: no engagement data) starts at zero and learns only on the device. */
export const coldUserVector = (dim: number): Float32Array => new Float32Array(dim);
