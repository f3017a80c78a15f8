// Task selection for the compact engine: a multinomial logistic regression over sparse binary
// features of one turn (lemmas, Korean surface forms with their endings, word bigrams, character
// n-grams, and the extractor's own signals: a negation cue fired, a like was found, how many key
// phrases). Trained offline by tools/train-task-classifier.ts; the weights ship as JSON.
import { z } from 'zod';
import { TASKS, type Task } from '../intent.ts';
import type { PreferenceCues } from './preferences.ts';
import type { Word } from './words.ts';

export const TASK_MODEL_FORMAT_VERSION = 1;

export const TaskModelSchema = z
  .object({
    formatVersion: z.literal(TASK_MODEL_FORMAT_VERSION),
    kind: z.literal('multinomial-logistic-regression'),
    tasks: z.array(z.enum(TASKS)).min(2),
    features: z.array(z.string().min(1).max(64)).max(100_000),
    /** Row-major [feature][task]. */
    weights: z.array(z.number().finite()),
    bias: z.array(z.number().finite()),
    training: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  })
  .strict()
  .refine((m) => m.weights.length === m.features.length * m.tasks.length && m.bias.length === m.tasks.length, {
    message: 'weights must hold one value per feature and task, bias one per task',
  });
export type TaskModel = z.infer<typeof TaskModelSchema>;

export class TaskModelError extends Error {
  override name = 'TaskModelError';
}

export function parseTaskModel(data: unknown): TaskModel {
  const r = TaskModelSchema.safeParse(data);
  if (!r.success) {
    const first = r.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new TaskModelError(`Invalid task model: ${first.join('; ')}`);
  }
  return r.data;
}

export interface TaskSignals {
  readonly cues: PreferenceCues;
  readonly likes: number;
  readonly dislikes: number;
  readonly keyPhrases: number;
  readonly knownPhrases: number;
}

const CHAR_NGRAM_MIN = 2;
const CHAR_NGRAM_MAX = 3;
const bucket = (n: number) => (n >= 2 ? '2+' : String(n));

/** The sparse binary features of one turn; the same function at training and at run time. */
export function taskFeatures(words: readonly Word[], signals: TaskSignals): string[] {
  const out = new Set<string>();
  const toks = words.filter((w) => w.kind !== 'punct');
  let prev = '<s>';
  for (const w of toks) {
    out.add(`w:${w.norm}`);
    if (w.surface !== w.norm) out.add(`s:${w.surface}`);
    for (const s of w.suffixes) out.add(`x:${s}`);
    out.add(`b:${prev}_${w.surface}`);
    prev = w.surface;
    const padded = `<${w.surface}>`;
    for (let n = CHAR_NGRAM_MIN; n <= CHAR_NGRAM_MAX; n++) {
      for (let i = 0; i + n <= padded.length; i++) out.add(`c:${padded.slice(i, i + n)}`);
    }
  }
  out.add(`b:${prev}_</s>`);
  if (words.some((w) => w.surface === '?')) out.add('@question');
  if (toks.length <= 2) out.add('@short');
  if (signals.cues.negative > 0) out.add('@neg-cue');
  if (signals.cues.positive > 0) out.add('@pos-cue');
  if (signals.cues.only > 0) out.add('@only-cue');
  out.add(`@likes:${bucket(signals.likes)}`);
  out.add(`@dislikes:${bucket(signals.dislikes)}`);
  out.add(`@phrases:${bucket(signals.keyPhrases)}`);
  out.add(`@known:${bucket(signals.knownPhrases)}`);
  return [...out];
}

export interface TaskPrediction {
  readonly task: Task;
  readonly probability: number;
  readonly probabilities: Readonly<Record<Task, number>>;
}

export interface TaskClassifier {
  predict(features: readonly string[]): TaskPrediction;
}

export function createTaskClassifier(model: TaskModel): TaskClassifier {
  const index = new Map<string, number>();
  model.features.forEach((f, i) => index.set(f, i));
  const K = model.tasks.length;
  return {
    predict(features) {
      const logits = [...model.bias];
      for (const f of features) {
        const i = index.get(f);
        if (i === undefined) continue;
        for (let k = 0; k < K; k++) logits[k]! += model.weights[i * K + k]!;
      }
      const probs = softmax(logits);
      let best = 0;
      for (let k = 1; k < K; k++) if (probs[k]! > probs[best]!) best = k;
      const probabilities = Object.fromEntries(TASKS.map((t) => [t, 0])) as Record<Task, number>;
      model.tasks.forEach((t, k) => (probabilities[t] = probs[k]!));
      return { task: model.tasks[best]!, probability: probs[best]!, probabilities };
    },
  };
}

function softmax(logits: readonly number[]): number[] {
  const max = Math.max(...logits);
  const exps = logits.map((l) => Math.exp(l - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

export interface TrainingExample {
  readonly features: readonly string[];
  readonly task: Task;
}

export interface TrainOptions {
  /** Features seen in fewer training examples are dropped (the extractor's @ signals are always kept). */
  readonly minCount?: number;
  readonly epochs?: number;
  readonly learningRate?: number;
  /** L2 penalty per weight, scaled by the number of examples. */
  readonly l2?: number;
  /** Digits kept in the shipped weights. */
  readonly precision?: number;
}

/**
 * Full-batch gradient descent (Adam) on the mean cross-entropy plus an L2 penalty. Deterministic:
 * weights start at zero and examples are not shuffled, so the same data gives the same model.
 */
export function trainTaskClassifier(examples: readonly TrainingExample[], options: TrainOptions = {}): TaskModel {
  const { minCount = 2, epochs = 300, learningRate = 0.1, l2 = 1e-3, precision = 4 } = options;
  if (examples.length === 0) throw new TaskModelError('No training examples');
  const counts = new Map<string, number>();
  for (const ex of examples) for (const f of new Set(ex.features)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const features = [...counts.entries()].filter(([f, c]) => c >= minCount || f.startsWith('@')).map(([f]) => f).sort();
  const index = new Map(features.map((f, i) => [f, i]));
  const tasks = [...TASKS];
  const K = tasks.length;
  const F = features.length;
  const rows = examples.map((ex) => ({
    x: [...new Set(ex.features)].map((f) => index.get(f)).filter((i): i is number => i !== undefined),
    y: tasks.indexOf(ex.task),
  }));
  const W = new Float64Array(F * K);
  const b = new Float64Array(K);
  const mW = new Float64Array(F * K);
  const vW = new Float64Array(F * K);
  const mB = new Float64Array(K);
  const vB = new Float64Array(K);
  const [beta1, beta2, eps] = [0.9, 0.999, 1e-8];
  const n = rows.length;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const gW = new Float64Array(F * K);
    const gB = new Float64Array(K);
    for (const { x, y } of rows) {
      const logits = Array.from(b);
      for (const i of x) for (let k = 0; k < K; k++) logits[k]! += W[i * K + k]!;
      const p = softmax(logits);
      for (let k = 0; k < K; k++) {
        const d = (p[k]! - (k === y ? 1 : 0)) / n;
        gB[k]! += d;
        for (const i of x) gW[i * K + k]! += d;
      }
    }
    for (let j = 0; j < F * K; j++) gW[j]! += l2 * W[j]!;
    const c1 = 1 - beta1 ** epoch;
    const c2 = 1 - beta2 ** epoch;
    for (let j = 0; j < F * K; j++) {
      mW[j] = beta1 * mW[j]! + (1 - beta1) * gW[j]!;
      vW[j] = beta2 * vW[j]! + (1 - beta2) * gW[j]! ** 2;
      W[j]! -= (learningRate * (mW[j]! / c1)) / (Math.sqrt(vW[j]! / c2) + eps);
    }
    for (let k = 0; k < K; k++) {
      mB[k] = beta1 * mB[k]! + (1 - beta1) * gB[k]!;
      vB[k] = beta2 * vB[k]! + (1 - beta2) * gB[k]! ** 2;
      b[k]! -= (learningRate * (mB[k]! / c1)) / (Math.sqrt(vB[k]! / c2) + eps);
    }
  }
  const round = (v: number) => Math.round(v * 10 ** precision) / 10 ** precision;
  return {
    formatVersion: TASK_MODEL_FORMAT_VERSION,
    kind: 'multinomial-logistic-regression',
    tasks,
    features,
    weights: Array.from(W, round),
    bias: Array.from(b, round),
  };
}
