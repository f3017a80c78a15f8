// The model guard without the LLM: a logistic regression over hashed character n-grams of the
// normalised text (see normalize.ts: leet, jamo, spacing and invisible characters are undone
// before features are taken). Trained offline by tools/train-safety-model.ts (tools/safety/
// train-model.ts); weights ship as a small JSON file (int8-quantised, base64). Only scoring lives
// here. Pure and synchronous.
import { z } from 'zod';
import { SafetyDataError } from './lexicon.ts';
import { skeleton } from './normalize.ts';

export const MODEL_FORMAT = 'safety-model';
export const MODEL_VERSION = 1;
/** Character n-gram orders over the normalised text with spaces, and over the text with spaces removed. */
export const NGRAM_MIN = 2;
export const NGRAM_MAX = 4;
export const JOINED_NGRAM_MIN = 3;
/** Longest text that is featurised; longer text is scored on its first part (the lexicon sees all of it). */
export const MAX_FEATURE_CHARS = 2000;

export const ModelWeightsSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  version: z.literal(MODEL_VERSION),
  /** Number of hashed feature buckets (power of two). */
  dim: z.number().int().min(16).max(1 << 20),
  bias: z.number().finite(),
  /** weight = int8 * scale */
  scale: z.number().positive().finite(),
  /** base64 of `dim` signed bytes */
  weights: z.string(),
  threshold: z.number().min(0).max(1),
  /**
   * "guard": the combined guard refuses what scores at or above the threshold. "measured-only": the
   * model did not earn its place at build time (tools/train-safety-model.ts: too little recall at a
   * threshold that keeps benign refusals rare), so it ships for measurement and refuses nothing.
   */
  role: z.enum(['guard', 'measured-only']).default('guard'),
  trainedOn: z.string(),
  license: z.string(),
});
export type ModelWeights = z.infer<typeof ModelWeightsSchema>;

export interface ModelGuard {
  /** Probability-like score in [0, 1] that the text is unsafe. */
  score(text: string): number;
  readonly threshold: number;
  readonly role: 'guard' | 'measured-only';
  readonly featureCount: number;
  readonly trainedOn: string;
}

function fnv1a(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Sparse, L2-normalised feature vector of a text: bucket indices and values. */
export function featurize(text: string, dim: number): { index: Int32Array; value: Float32Array } {
  const counts = new Map<number, number>();
  const mask = dim - 1;
  const add = (g: string): void => {
    const k = fnv1a(g) & mask;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  };
  const skel = skeleton(text.length > MAX_FEATURE_CHARS ? text.slice(0, MAX_FEATURE_CHARS) : text);
  // Collapse long runs ("fuuuuck" -> "fuuck") so elongation does not dilute the n-grams.
  const s = ` ${skel.replace(/(.)\1{2,}/gu, '$1$1')} `;
  const chars = [...s];
  for (let n = NGRAM_MIN; n <= NGRAM_MAX; n++) {
    for (let i = 0; i + n <= chars.length; i++) add(`${n}:${chars.slice(i, i + n).join('')}`);
  }
  const joined = [...s.replace(/ /g, '')];
  for (let n = JOINED_NGRAM_MIN; n <= NGRAM_MAX; n++) {
    for (let i = 0; i + n <= joined.length; i++) add(`j${n}:${joined.slice(i, i + n).join('')}`);
  }
  for (const w of skel.split(' ')) if (w) add(`w:${w}`);
  let norm = 0;
  for (const v of counts.values()) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  const index = new Int32Array(counts.size);
  const value = new Float32Array(counts.size);
  let i = 0;
  for (const [k, v] of counts) {
    index[i] = k;
    value[i++] = v / norm;
  }
  return { index, value };
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

function decodeBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Builds the guard; throws SafetyDataError on a file that is not valid weights. */
export function createModelGuard(weights: unknown): ModelGuard {
  const parsed = ModelWeightsSchema.safeParse(weights);
  if (!parsed.success) throw new SafetyDataError(`invalid safety model: ${parsed.error.issues[0]?.message ?? 'unknown'} at ${parsed.error.issues[0]?.path.join('.') ?? ''}`);
  const m = parsed.data;
  if ((m.dim & (m.dim - 1)) !== 0) throw new SafetyDataError(`invalid safety model: dim ${m.dim} is not a power of two`);
  const bytes = decodeBase64(m.weights);
  if (bytes.length !== m.dim) throw new SafetyDataError(`invalid safety model: ${bytes.length} weights for dim ${m.dim}`);
  const w = new Float32Array(m.dim);
  const signed = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  for (let i = 0; i < m.dim; i++) w[i] = signed[i]! * m.scale;
  return {
    threshold: m.threshold,
    role: m.role,
    featureCount: m.dim,
    trainedOn: m.trainedOn,
    score(text: string): number {
      if (typeof text !== 'string') throw new TypeError('score(text) expects a string');
      const f = featurize(text, m.dim);
      let z = m.bias;
      for (let i = 0; i < f.index.length; i++) z += w[f.index[i]!]! * f.value[i]!;
      return sigmoid(z);
    },
  };
}
