/**
 * Preference adapter for the CLIP text embedding: q' = q + U (V q), U: dim x rank, V: rank x dim.
 * Trained offline by training/preference.py (pairwise logistic loss + InfoNCE) and shipped as
 * public/models/preference/adapter.json; trainAdapterOnClicks continues training in the browser on the
 * user's own click pairs. Pure and deterministic: runs in workers, Node tools and tests.
 *
 * q is the L2-normalised text embedding; normalise q' before cosine search (ranking one query's
 * candidates by q'.x equals ranking them by cosine, since |q'| is the same for every candidate).
 */
import { z } from 'zod';

export interface TextAdapter {
  readonly baseModel: string;
  readonly dim: number;
  readonly rank: number;
  /** U, dim x rank, row-major. */
  readonly u: Float32Array;
  /** V, rank x dim, row-major. */
  readonly v: Float32Array;
}

export type AdapterErrorCode = 'schema' | 'base-model' | 'dim' | 'weights' | 'input';

export class AdapterError extends Error {
  override name = 'AdapterError';
  constructor(
    readonly code: AdapterErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Score scale of the pairwise loss; the same constant as PAIR_SCALE in training/preference.py. */
export const PAIR_SCALE = 20;

const AdapterJsonSchema = z.object({
  format: z.literal('clip-text-adapter'),
  version: z.literal(1),
  baseModel: z.string().min(1),
  dim: z.number().int().positive(),
  rank: z.number().int().positive(),
  weights: z.string(),
});

export interface AdapterExpectation {
  /** modelId of the text encoder in use (public/models/clip-mini/identity.json). */
  modelId: string;
  dim: number;
}

function decodeBase64(b64: string): Uint8Array {
  let bin: string;
  try {
    bin = atob(b64);
  } catch {
    throw new AdapterError('weights', 'adapter weights are not valid base64');
  }
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

function encodeBase64(bytes: Uint8Array): string {
  let bin = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(bin);
}

/** Validates an adapter file against the encoder it will be applied to. */
export function parseAdapter(json: unknown, expect: AdapterExpectation): TextAdapter {
  const r = AdapterJsonSchema.safeParse(json);
  if (!r.success) {
    const issues = r.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new AdapterError('schema', `invalid adapter file: ${issues.join('; ')}`);
  }
  const a = r.data;
  if (a.baseModel !== expect.modelId) {
    throw new AdapterError('base-model', `adapter was trained for "${a.baseModel}", the encoder is "${expect.modelId}"`);
  }
  if (a.dim !== expect.dim) throw new AdapterError('dim', `adapter dim ${a.dim}, encoder dim ${expect.dim}`);
  if (a.rank > a.dim) throw new AdapterError('schema', `adapter rank ${a.rank} exceeds dim ${a.dim}`);
  const bytes = decodeBase64(a.weights);
  const want = 2 * a.dim * a.rank * 4;
  if (bytes.length !== want) {
    throw new AdapterError('weights', `adapter weights are ${bytes.length} bytes, expected ${want} (2 x ${a.dim} x ${a.rank} float32)`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = a.dim * a.rank;
  const u = new Float32Array(n);
  const v = new Float32Array(n);
  for (let i = 0; i < n; i++) u[i] = view.getFloat32(4 * i, true);
  for (let i = 0; i < n; i++) v[i] = view.getFloat32(4 * (n + i), true);
  for (const x of [u, v]) if (!x.every(Number.isFinite)) throw new AdapterError('weights', 'adapter weights contain NaN or Infinity');
  return { baseModel: a.baseModel, dim: a.dim, rank: a.rank, u, v };
}

/** The adapter as the JSON file format (for storing a user-trained adapter, e.g. in IndexedDB). */
export function adapterToJson(a: TextAdapter): { format: 'clip-text-adapter'; version: 1; baseModel: string; dim: number; rank: number; weights: string } {
  const n = a.dim * a.rank;
  const bytes = new Uint8Array(8 * n);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < n; i++) view.setFloat32(4 * i, a.u[i]!, true);
  for (let i = 0; i < n; i++) view.setFloat32(4 * (n + i), a.v[i]!, true);
  return { format: 'clip-text-adapter', version: 1, baseModel: a.baseModel, dim: a.dim, rank: a.rank, weights: encodeBase64(bytes) };
}

function checkVector(a: TextAdapter, x: Float32Array, what: string): void {
  if (x.length !== a.dim) throw new AdapterError('input', `${what} has ${x.length} dims, the adapter ${a.dim}`);
}

/** h = V q (length rank). */
function project(a: TextAdapter, q: Float32Array): Float64Array {
  const h = new Float64Array(a.rank);
  for (let k = 0; k < a.rank; k++) {
    let s = 0;
    const row = k * a.dim;
    for (let j = 0; j < a.dim; j++) s += a.v[row + j]! * q[j]!;
    h[k] = s;
  }
  return h;
}

/** q' = q + U (V q). q as the encoder gives it after L2 normalisation; the result is not normalised. */
export function applyAdapter(a: TextAdapter, q: Float32Array): Float32Array {
  checkVector(a, q, 'query vector');
  const h = project(a, q);
  const out = new Float32Array(a.dim);
  for (let i = 0; i < a.dim; i++) {
    let s = q[i]!;
    const row = i * a.rank;
    for (let k = 0; k < a.rank; k++) s += a.u[row + k]! * h[k]!;
    out[i] = s;
  }
  return out;
}

export interface ClickExample {
  /** L2-normalised query text embedding. */
  q: Float32Array;
  /** L2-normalised embedding of the clicked (preferred) item. */
  preferred: Float32Array;
  /** L2-normalised embedding of an item shown above it and skipped. */
  rejected: Float32Array;
}

export interface ClickTrainingOptions {
  /** SGD step size. */
  lr: number;
  /** Passes over the examples, in the order given (deterministic). */
  epochs: number;
  /** L2 penalty on U and V (applied with each example's step). */
  l2: number;
  /** Score scale of the logistic loss (default PAIR_SCALE). */
  scale?: number;
}

/** Pairwise accuracy: share of examples whose preferred item scores above the rejected one. */
export function pairwiseAccuracy(a: TextAdapter, examples: readonly ClickExample[]): number {
  if (examples.length === 0) return NaN;
  let right = 0;
  for (const e of examples) if (margin(applyAdapter(a, e.q), e) > 0) right++;
  return right / examples.length;
}

function margin(q2: Float32Array | Float64Array, e: ClickExample): number {
  let m = 0;
  for (let i = 0; i < q2.length; i++) m += q2[i]! * (e.preferred[i]! - e.rejected[i]!);
  return m;
}

/**
 * Plain SGD on softplus(-scale * (q'.preferred - q'.rejected)) + l2 (|U|^2 + |V|^2), one example per step.
 * Returns a new adapter; the input is not modified. With no examples the weights are returned unchanged.
 * Note: if U and V are both zero the gradient is zero (start from the shipped adapter, whose V is not).
 */
export function trainAdapterOnClicks(a: TextAdapter, examples: readonly ClickExample[], opts: ClickTrainingOptions): TextAdapter {
  if (!(opts.lr > 0) || !(opts.l2 >= 0) || !Number.isInteger(opts.epochs) || opts.epochs < 0) {
    throw new AdapterError('input', `bad training options ${JSON.stringify(opts)}`);
  }
  for (const e of examples) {
    checkVector(a, e.q, 'query vector');
    checkVector(a, e.preferred, 'preferred item vector');
    checkVector(a, e.rejected, 'rejected item vector');
  }
  const scale = opts.scale ?? PAIR_SCALE;
  const { dim, rank } = a;
  const u = Float32Array.from(a.u);
  const v = Float32Array.from(a.v);
  const next: TextAdapter = { baseModel: a.baseModel, dim, rank, u, v };
  const d = new Float64Array(dim);
  const utd = new Float64Array(rank);
  for (let epoch = 0; epoch < opts.epochs && examples.length > 0; epoch++) {
    for (const e of examples) {
      for (let i = 0; i < dim; i++) d[i] = e.preferred[i]! - e.rejected[i]!;
      const h = project(next, e.q);
      // m = q.d + (U h).d ; dL/dm = -scale * sigmoid(-scale m)
      let m = 0;
      utd.fill(0);
      for (let i = 0; i < dim; i++) {
        let uh = 0;
        const row = i * rank;
        for (let k = 0; k < rank; k++) {
          uh += u[row + k]! * h[k]!;
          utd[k] = utd[k]! + u[row + k]! * d[i]!;
        }
        m += (e.q[i]! + uh) * d[i]!;
      }
      const g = -scale / (1 + Math.exp(scale * m));
      // dm/dU[i,k] = d_i h_k ; dm/dV[k,j] = (U^T d)_k q_j
      for (let i = 0; i < dim; i++) {
        const row = i * rank;
        for (let k = 0; k < rank; k++) u[row + k] = u[row + k]! - opts.lr * (g * d[i]! * h[k]! + 2 * opts.l2 * u[row + k]!);
      }
      for (let k = 0; k < rank; k++) {
        const row = k * dim;
        for (let j = 0; j < dim; j++) v[row + j] = v[row + j]! - opts.lr * (g * utd[k]! * e.q[j]! + 2 * opts.l2 * v[row + j]!);
      }
    }
  }
  return next;
}
