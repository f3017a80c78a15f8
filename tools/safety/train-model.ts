// Training of the model guard's weights (src/core/safety/model.ts scores with them): logistic
// regression by SGD over the same hashed features, and int8 quantisation for shipping. Build-time
// only; used by tools/train-safety-model.ts.
import { featurize, sigmoid } from '../../src/core/safety/model.ts';
import { rng } from '../../src/core/random.ts';

export function encodeBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]!);
  return btoa(bin);
}

export interface TrainingExample {
  text: string;
  unsafe: boolean;
}

export interface TrainOptions {
  dim: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

/** Logistic regression by SGD with L2 (lazy, per touched weight) and class-balanced loss. */
export function trainLogistic(examples: readonly TrainingExample[], opt: TrainOptions): { w: Float32Array; bias: number } {
  const feats = examples.map((e) => featurize(e.text, opt.dim));
  const pos = examples.filter((e) => e.unsafe).length;
  const neg = examples.length - pos;
  const wPos = examples.length / (2 * Math.max(1, pos));
  const wNeg = examples.length / (2 * Math.max(1, neg));
  const w = new Float32Array(opt.dim);
  let bias = 0;
  const order = examples.map((_, i) => i);
  const rand = rng(opt.seed);
  let step = 0;
  for (let epoch = 0; epoch < opt.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const idx of order) {
      const f = feats[idx]!;
      const y = examples[idx]!.unsafe ? 1 : 0;
      let z = bias;
      for (let k = 0; k < f.index.length; k++) z += w[f.index[k]!]! * f.value[k]!;
      const lr = opt.learningRate / (1 + step++ * 1e-4);
      const g = (sigmoid(z) - y) * (y ? wPos : wNeg);
      bias -= lr * g;
      for (let k = 0; k < f.index.length; k++) {
        const j = f.index[k]!;
        w[j] = w[j]! - lr * (g * f.value[k]! + opt.l2 * w[j]!);
      }
    }
  }
  return { w, bias };
}

/** int8 quantisation of trained weights for shipping. */
export function quantize(w: Float32Array): { bytes: Uint8Array; scale: number } {
  let max = 0;
  for (const v of w) max = Math.max(max, Math.abs(v));
  const scale = max / 127 || 1;
  const q = new Int8Array(w.length);
  for (let i = 0; i < w.length; i++) q[i] = Math.max(-127, Math.min(127, Math.round(w[i]! / scale)));
  return { bytes: new Uint8Array(q.buffer), scale };
}
