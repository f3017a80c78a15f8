// Keyframe selection for video items: motion per analysed frame, scene cuts, and two samplers with
// the same budget: a constant-rate baseline and an adaptive one that spends frames where motion is.
// Pure: the input is small grey frames (e.g. 32x32 or 64x64) from ffmpeg in Node or a canvas in the
// browser, so both paths pick the same keyframes for the same video.
//
// Motion of frame i (i >= 1): mean absolute difference to frame i-1, in [0, 1] (grey levels / 255).
// Histogram distance of frame i: total variation distance between the 32-bin grey histograms of
// frames i-1 and i, in [0, 1]. A moving object over a fixed background changes pixels but hardly the
// histogram; a cut to another scene changes both.
//
// Cut rule (documented contract, see detectCuts): frame i starts a new shot when
//   hist[i] >= cutMinHistogram (0.25)                         -- the picture's content changed, AND
//   motion[i] >= cutMinMotion (0.04)                          -- not a global flicker of a few levels, AND
//   motion[i] >= cutRatio (3) x median(motion of the 2 x cutWindow (2 x 3) neighbours, i excluded)
//                                                             -- a spike well above the local level,
// so fast continuous motion (high motion in every neighbouring frame) is not mistaken for a cut.

export const KEYFRAME_REASONS = ['first', 'cut', 'motion', 'interval'] as const;
/** Why a frame was kept: the first frame, the first frame after a cut, a motion sample, or a constant-rate sample. */
export type KeyframeReason = (typeof KEYFRAME_REASONS)[number];

export interface AnalysedFrame {
  /** Presentation time in seconds; strictly increasing along the sequence. */
  readonly t: number;
  /** Grey levels, row-major, width x height bytes; every frame of a sequence has the same size. */
  readonly gray: Uint8Array;
}

export interface Keyframe {
  /** Position in the analysed frame sequence. */
  readonly index: number;
  readonly t: number;
  readonly reason: KeyframeReason;
}

export const KEYFRAME_INPUT_ERROR_CODES = ['empty', 'size-mismatch', 'non-increasing-time', 'bad-budget', 'bad-option'] as const;
export type KeyframeInputErrorCode = (typeof KEYFRAME_INPUT_ERROR_CODES)[number];

/** Input the keyframe functions refuse. `code` is stable; `message` names the frame and the values. */
export class KeyframeInputError extends Error {
  override readonly name = 'KeyframeInputError';
  readonly code: KeyframeInputErrorCode;
  constructor(code: KeyframeInputErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export interface CutOptions {
  readonly cutMinHistogram?: number;
  readonly cutMinMotion?: number;
  readonly cutRatio?: number;
  readonly cutWindow?: number;
}

export interface AdaptiveOptions extends CutOptions {
  /**
   * Motion below this (mean grey-level difference / 255) counts as none: codec noise on a still
   * picture must not attract frames. Default 1/255.
   */
  readonly noiseFloor?: number;
}

export const DEFAULT_CUT_MIN_HISTOGRAM = 0.25;
export const DEFAULT_CUT_MIN_MOTION = 0.04;
export const DEFAULT_CUT_RATIO = 3;
export const DEFAULT_CUT_WINDOW = 3;
export const DEFAULT_NOISE_FLOOR = 1 / 255;
const HISTOGRAM_BINS = 32;

export interface MotionProfile {
  /** motion[i]: mean |frame i - frame i-1| / 255; motion[0] = 0. */
  readonly motion: Float64Array;
  /** hist[i]: total variation distance of the grey histograms of frames i-1 and i; hist[0] = 0. */
  readonly hist: Float64Array;
}

/** Validates a frame sequence (typed KeyframeInputError) and returns the pixel count per frame. */
export function validateFrames(frames: readonly AnalysedFrame[]): number {
  if (frames.length === 0) throw new KeyframeInputError('empty', 'no analysed frames (the video decoded to zero frames)');
  const size = frames[0]!.gray.length;
  if (size === 0) throw new KeyframeInputError('size-mismatch', 'frame 0 has no pixels');
  for (let i = 0; i < frames.length; i++) {
    const f = frames[i]!;
    if (f.gray.length !== size) {
      throw new KeyframeInputError('size-mismatch', `frame ${i} has ${f.gray.length} pixels, frame 0 has ${size}`);
    }
    if (!Number.isFinite(f.t)) throw new KeyframeInputError('non-increasing-time', `frame ${i} has time ${f.t}`);
    if (i > 0 && !(f.t > frames[i - 1]!.t)) {
      throw new KeyframeInputError('non-increasing-time', `frame ${i} at ${f.t} s is not after frame ${i - 1} at ${frames[i - 1]!.t} s`);
    }
  }
  return size;
}

function histogram(gray: Uint8Array): Float64Array {
  const h = new Float64Array(HISTOGRAM_BINS);
  const shift = 8 - Math.log2(HISTOGRAM_BINS);
  for (let p = 0; p < gray.length; p++) h[gray[p]! >> shift]! += 1;
  for (let b = 0; b < HISTOGRAM_BINS; b++) h[b]! /= gray.length;
  return h;
}

export function motionProfile(frames: readonly AnalysedFrame[]): MotionProfile {
  const size = validateFrames(frames);
  const motion = new Float64Array(frames.length);
  const hist = new Float64Array(frames.length);
  let prevHist = histogram(frames[0]!.gray);
  for (let i = 1; i < frames.length; i++) {
    const a = frames[i - 1]!.gray;
    const b = frames[i]!.gray;
    let s = 0;
    for (let p = 0; p < size; p++) s += Math.abs(a[p]! - b[p]!);
    motion[i] = s / (size * 255);
    const h = histogram(b);
    let tv = 0;
    for (let k = 0; k < HISTOGRAM_BINS; k++) tv += Math.abs(h[k]! - prevHist[k]!);
    hist[i] = tv / 2;
    prevHist = h;
  }
  return { motion, hist };
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function positive(name: string, v: number | undefined, fallback: number, allowZero = false): number {
  if (v === undefined) return fallback;
  if (!Number.isFinite(v) || v < 0 || (!allowZero && v === 0)) throw new KeyframeInputError('bad-option', `${name} must be a ${allowZero ? 'non-negative' : 'positive'} number, got ${v}`);
  return v;
}

/** Indices of the frames that start a new shot (never 0), by the rule at the top of this file. */
export function detectCuts(profile: MotionProfile, options: CutOptions = {}): number[] {
  const minHist = positive('cutMinHistogram', options.cutMinHistogram, DEFAULT_CUT_MIN_HISTOGRAM, true);
  const minMotion = positive('cutMinMotion', options.cutMinMotion, DEFAULT_CUT_MIN_MOTION, true);
  const ratio = positive('cutRatio', options.cutRatio, DEFAULT_CUT_RATIO);
  const window = Math.round(positive('cutWindow', options.cutWindow, DEFAULT_CUT_WINDOW));
  const { motion, hist } = profile;
  const cuts: number[] = [];
  for (let i = 1; i < motion.length; i++) {
    if (hist[i]! < minHist || motion[i]! < minMotion) continue;
    const neighbours: number[] = [];
    for (let j = Math.max(1, i - window); j <= Math.min(motion.length - 1, i + window); j++) if (j !== i) neighbours.push(motion[j]!);
    if (motion[i]! >= ratio * median(neighbours)) cuts.push(i);
  }
  return cuts;
}

function checkBudget(budget: number): void {
  if (!Number.isInteger(budget) || budget < 1) throw new KeyframeInputError('bad-budget', `budget must be a positive integer, got ${budget}`);
}

const byIndex = (a: Keyframe, b: Keyframe): number => a.index - b.index;

/**
 * Constant-rate baseline: `budget` frames at equal time steps from the first frame
 * (t0, t0 + D/budget, ...; D = last t - first t + one frame step), each the nearest analysed frame
 * not already taken. Returns min(budget, frames) keyframes in time order.
 */
export function selectKeyframesConstant(frames: readonly AnalysedFrame[], budget: number): Keyframe[] {
  validateFrames(frames);
  checkBudget(budget);
  const n = frames.length;
  if (budget >= n) return frames.map((f, i) => ({ index: i, t: f.t, reason: i === 0 ? 'first' : 'interval' }));
  const t0 = frames[0]!.t;
  const step = n > 1 ? (frames[n - 1]!.t - t0) / (n - 1) : 0;
  const span = frames[n - 1]!.t - t0 + step;
  const taken = new Set<number>();
  const out: Keyframe[] = [];
  let cursor = 0;
  for (let j = 0; j < budget; j++) {
    const target = t0 + (j * span) / budget;
    while (cursor + 1 < n && Math.abs(frames[cursor + 1]!.t - target) <= Math.abs(frames[cursor]!.t - target)) cursor++;
    let idx = cursor;
    while (taken.has(idx) && idx + 1 < n) idx++;
    if (taken.has(idx)) continue;
    taken.add(idx);
    out.push({ index: idx, t: frames[idx]!.t, reason: j === 0 ? 'first' : 'interval' });
  }
  return out.sort(byIndex);
}

/** Splits `total` slots over weights by largest remainder, each share capped by `caps`. */
function apportion(total: number, weights: readonly number[], caps: readonly number[]): number[] {
  const alloc = weights.map(() => 0);
  let left = total;
  // Repeat while slots remain and some shot can still take one: a capped shot gives its excess back.
  while (left > 0) {
    const open = weights.map((w, s) => (alloc[s]! < caps[s]! ? w : 0));
    const sum = open.reduce((a, b) => a + b, 0);
    if (sum <= 0) break;
    const exact = open.map((w) => (left * w) / sum);
    let given = 0;
    const rem: { s: number; r: number }[] = [];
    exact.forEach((x, s) => {
      const add = Math.min(Math.floor(x), caps[s]! - alloc[s]!);
      alloc[s]! += add;
      given += add;
      if (open[s]! > 0 && alloc[s]! < caps[s]!) rem.push({ s, r: x - Math.floor(x) });
    });
    rem.sort((a, b) => b.r - a.r || a.s - b.s);
    for (const { s } of rem) {
      if (given >= left) break;
      alloc[s]! += 1;
      given += 1;
    }
    if (given === 0) break;
    left -= given;
  }
  return alloc;
}

/**
 * Adaptive keyframes: always the first frame and the first frame after each cut (if the budget is
 * smaller than that, the first frame and the strongest cuts by histogram distance); the rest of the
 * budget goes to shots in proportion to their accumulated motion (motion above the noise floor, the
 * cut frame's own jump excluded), and within a shot at equal steps of cumulative motion (the k extra
 * frames sit where cumulative motion crosses (j - 1/2)/k of the shot's total, j = 1..k), moved to the
 * nearest free frame so nothing is taken twice. Budget that motion cannot place (no motion above the
 * floor, or moving shots with fewer frames than their share) goes to constant-rate frames not yet kept. Returns min(budget, frames) keyframes in time order.
 */
export function selectKeyframesAdaptive(frames: readonly AnalysedFrame[], budget: number, options: AdaptiveOptions = {}): Keyframe[] {
  const profile = motionProfile(frames);
  checkBudget(budget);
  const floor = positive('noiseFloor', options.noiseFloor, DEFAULT_NOISE_FLOOR, true);
  const n = frames.length;
  const cuts = detectCuts(profile, options);
  const keep = (index: number, reason: KeyframeReason): Keyframe => ({ index, t: frames[index]!.t, reason });

  const mandatory = [keep(0, 'first'), ...cuts.map((c) => keep(c, 'cut'))];
  if (budget <= mandatory.length) {
    const strongest = [...cuts].sort((a, b) => profile.hist[b]! - profile.hist[a]! || a - b).slice(0, budget - 1);
    return [keep(0, 'first'), ...strongest.map((c) => keep(c, 'cut'))].sort(byIndex);
  }
  if (budget >= n) return frames.map((_, i) => keep(i, i === 0 ? 'first' : cuts.includes(i) ? 'cut' : 'motion'));

  const starts = [0, ...cuts];
  const shots = starts.map((s, k) => ({ start: s, end: k + 1 < starts.length ? starts[k + 1]! : n }));
  const effective = Array.from(profile.motion, (m, i) => (starts.includes(i) ? 0 : Math.max(0, m - floor)));
  const shotMotion = shots.map(({ start, end }) => effective.slice(start + 1, end).reduce((a, b) => a + b, 0));
  const caps = shots.map(({ start, end }) => end - start - 1);
  const extra = budget - mandatory.length;

  const taken = new Set(starts);
  const out = [...mandatory];
  // Frames from the constant-rate sampler (smallest rate that yields enough new ones), skipping kept ones:
  // the whole rest of the budget when nothing moves, or what moving shots could not take.
  const fillEvenly = (want: number): void => {
    for (let b = Math.min(n, budget); want > 0 && b <= n; b++) {
      const fresh = selectKeyframesConstant(frames, b).filter((k) => !taken.has(k.index));
      if (fresh.length < want && b < n) continue;
      for (const k of fresh.slice(0, want)) {
        taken.add(k.index);
        out.push(keep(k.index, 'motion'));
      }
      break;
    }
  };
  if (shotMotion.every((m) => m === 0)) {
    fillEvenly(extra);
    return out.sort(byIndex);
  }

  const alloc = apportion(extra, shotMotion, caps);
  shots.forEach(({ start, end }, s) => {
    const k = alloc[s]!;
    if (k === 0) return;
    const total = shotMotion[s]!;
    let cum = 0;
    let i = start;
    for (let j = 1; j <= k; j++) {
      const target = ((j - 0.5) / k) * total;
      while (i + 1 < end && cum + effective[i + 1]! < target) {
        i++;
        cum += effective[i]!;
      }
      // Frame i+1 is where cumulative motion crosses the target (the motion happened on the way to it).
      const want = Math.min(end - 1, i + 1);
      let pick = -1;
      for (let d = 0; d < end - start && pick < 0; d++) {
        if (want + d < end && !taken.has(want + d)) pick = want + d;
        else if (want - d > start && !taken.has(want - d)) pick = want - d;
      }
      if (pick < 0) return;
      taken.add(pick);
      out.push(keep(pick, 'motion'));
    }
  });
  fillEvenly(budget - out.length);
  return out.sort(byIndex);
}
