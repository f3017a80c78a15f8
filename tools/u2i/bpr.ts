// Matrix factorisation trained with BPR (Rendle et al. 2009) on implicit feedback: for a user u, an
// item i they interacted with and an item j they did not, maximise log sigmoid(u.v_i - u.v_j).
// Plain SGD over Float32Array factors, uniform negatives, seeded: the same config gives the same model.
import { createRng, shuffle } from './random';
import type { UserScorer } from './metrics';

export interface BprConfig {
  readonly dim: number;
  readonly epochs: number;
  readonly learningRate: number;
  /** L2 on the factors touched by each step. */
  readonly reg: number;
  /** Init standard deviation of the factors. */
  readonly initStd: number;
  readonly seed: number;
  /** Learning rate decays linearly to this fraction of the start by the last epoch (1 = constant). */
  readonly finalLearningRateFraction?: number;
  /**
   * Adds an item bias as one extra factor: the user's last factor is fixed at 1 and the item's last
   * factor is its bias, so a plain dot product still scores (dim + 1 factors are stored).
   */
  readonly itemBias?: boolean;
}

export interface MfModel {
  readonly dim: number;
  readonly nUsers: number;
  readonly nItems: number;
  /** nUsers x dim, row-major. */
  readonly users: Float32Array;
  /** nItems x dim, row-major. */
  readonly items: Float32Array;
}

export function trainBpr(train: readonly Int32Array[], nItems: number, cfg: BprConfig, onEpoch?: (epoch: number, model: MfModel) => void): MfModel {
  const bias = cfg.itemBias === true;
  const dim = cfg.dim + (bias ? 1 : 0);
  const nUsers = train.length;
  const rng = createRng(cfg.seed);
  const users = new Float32Array(nUsers * dim);
  const items = new Float32Array(nItems * dim);
  for (let x = 0; x < users.length; x++) users[x] = rng.normal() * cfg.initStd;
  for (let x = 0; x < items.length; x++) items[x] = rng.normal() * cfg.initStd;
  if (bias) {
    for (let u = 0; u < nUsers; u++) users[u * dim + dim - 1] = 1;
    for (let i = 0; i < nItems; i++) items[i * dim + dim - 1] = 0;
  }
  const userFactors = bias ? dim - 1 : dim;

  // Positive pairs, and a per-user bitset to reject sampled negatives the user has interacted with.
  let nPairs = 0;
  for (const its of train) nPairs += its.length;
  const pairUser = new Int32Array(nPairs);
  const pairItem = new Int32Array(nPairs);
  const order = new Int32Array(nPairs);
  const known = new Uint8Array(nUsers * nItems);
  let p = 0;
  train.forEach((its, u) => {
    for (const i of its) {
      pairUser[p] = u;
      pairItem[p] = i;
      order[p] = p;
      p++;
      known[u * nItems + i] = 1;
    }
  });

  const model: MfModel = { dim, nUsers, nItems, users, items };
  const reg = cfg.reg;
  const uvec = new Float32Array(dim);
  const finalFraction = cfg.finalLearningRateFraction ?? 1;
  for (let epoch = 0; epoch < cfg.epochs; epoch++) {
    const progress = cfg.epochs > 1 ? epoch / (cfg.epochs - 1) : 0;
    const lr = cfg.learningRate * (1 - (1 - finalFraction) * progress);
    shuffle(order, rng);
    for (let t = 0; t < nPairs; t++) {
      const q = order[t]!;
      const u = pairUser[q]!;
      const i = pairItem[q]!;
      let j = rng.int(nItems);
      while (known[u * nItems + j]) j = rng.int(nItems);
      const uo = u * dim;
      const io = i * dim;
      const jo = j * dim;
      let x = 0;
      for (let f = 0; f < dim; f++) x += users[uo + f]! * (items[io + f]! - items[jo + f]!);
      const g = 1 / (1 + Math.exp(x)); // sigmoid(-x) = d/dx of -log sigmoid(x), up to sign
      for (let f = 0; f < dim; f++) uvec[f] = users[uo + f]!;
      for (let f = 0; f < dim; f++) {
        const vi = items[io + f]!;
        const vj = items[jo + f]!;
        if (f < userFactors) users[uo + f] = uvec[f]! + lr * (g * (vi - vj) - reg * uvec[f]!);
        items[io + f] = vi + lr * (g * uvec[f]! - reg * vi);
        items[jo + f] = vj + lr * (-g * uvec[f]! - reg * vj);
      }
    }
    onEpoch?.(epoch, model);
  }
  return model;
}

/** Dot-product scores of one user against every item. */
export function mfScorer(model: { dim: number; users: Float32Array; items: Float32Array }): UserScorer {
  const { dim, users, items } = model;
  return (u, out) => {
    const uo = u * dim;
    for (let i = 0, io = 0; i < out.length; i++, io += dim) {
      let s = 0;
      for (let f = 0; f < dim; f++) s += users[uo + f]! * items[io + f]!;
      out[i] = s;
    }
  };
}
