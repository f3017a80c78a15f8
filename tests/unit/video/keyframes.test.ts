// Keyframe selection on synthetic grey frame sequences (no ffmpeg): motion, cuts, both samplers, errors.
import { describe, expect, it } from 'vitest';
import {
  type AnalysedFrame, detectCuts, KeyframeInputError, motionProfile, selectKeyframesAdaptive, selectKeyframesConstant,
} from '../../../src/core/video/keyframes.ts';
import { grayFromRgba } from '../../../src/core/video/gray.ts';
import { poolMean, PoolingInputError } from '../../../src/core/video/pool.ts';
import { thrownCode } from '../helpers.ts';

const W = 32;
const FPS = 10;

/** A plain background of grey `bg` with a 8x8 square of grey `fg` at (x, y). */
function frame(t: number, bg: number, fg: number, x: number, y: number): AnalysedFrame {
  const gray = new Uint8Array(W * W).fill(bg);
  for (let r = 0; r < 8; r++) for (let c = 0; c < 8; c++) gray[(y + r) * W + ((x + c) % W)] = fg;
  return { t, gray };
}

type Seg = { kind: 'static' | 'moving'; frames: number; bg: number; fg: number };
/** Frames for segments; a change of background between segments is a cut. */
function sequence(segs: Seg[]): { frames: AnalysedFrame[]; cuts: number[]; segOf: number[] } {
  const frames: AnalysedFrame[] = [];
  const cuts: number[] = [];
  const segOf: number[] = [];
  segs.forEach((s, k) => {
    if (k > 0 && s.bg !== segs[k - 1]!.bg) cuts.push(frames.length);
    for (let i = 0; i < s.frames; i++) {
      const x = s.kind === 'moving' ? 4 + ((i * 3) % 20) : 4;
      frames.push(frame(frames.length / FPS, s.bg, s.fg, x, 12));
      segOf.push(k);
    }
  });
  return { frames, cuts, segOf };
}

const clip = sequence([
  { kind: 'static', frames: 20, bg: 30, fg: 220 },
  { kind: 'moving', frames: 20, bg: 30, fg: 220 },
  { kind: 'static', frames: 20, bg: 200, fg: 60 },
  { kind: 'moving', frames: 20, bg: 200, fg: 60 },
  { kind: 'static', frames: 20, bg: 120, fg: 250 },
]);

describe('motionProfile and detectCuts', () => {
  it('measures zero motion on still frames and a large histogram jump at a cut', () => {
    const p = motionProfile(clip.frames);
    expect(p.motion[0]).toBe(0);
    expect(Math.max(...p.motion.slice(1, 20))).toBe(0);
    expect(Math.min(...p.motion.slice(21, 40))).toBeGreaterThan(0);
    expect(p.hist[40]).toBeGreaterThan(0.5);
    expect(Math.max(...p.hist.slice(21, 40))).toBeLessThan(0.05);
  });

  it('finds exactly the cuts, not the start of motion', () => {
    expect(detectCuts(motionProfile(clip.frames))).toEqual(clip.cuts);
  });

  it('does not take fast continuous change for a cut (spike must stand out from its neighbours)', () => {
    // Every frame a new random picture: high histogram change, but no spike over the local level.
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
    const noisy: AnalysedFrame[] = Array.from({ length: 30 }, (_, i) => ({
      t: i / FPS,
      gray: Uint8Array.from({ length: W * W }, () => (i % 2 ? rnd() >> 1 : 128 + (rnd() >> 1))),
    }));
    expect(detectCuts(motionProfile(noisy))).toEqual([]);
  });

  it('finds a cut between two shots that both move', () => {
    const s = sequence([
      { kind: 'moving', frames: 15, bg: 30, fg: 220 },
      { kind: 'moving', frames: 15, bg: 210, fg: 20 },
    ]);
    expect(detectCuts(motionProfile(s.frames))).toEqual([15]);
  });
});

describe('selectKeyframesConstant', () => {
  it('is evenly spaced in time and starts at the first frame', () => {
    const ks = selectKeyframesConstant(clip.frames, 10);
    expect(ks.map((k) => k.index)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(ks[0]!.reason).toBe('first');
    expect(ks.slice(1).every((k) => k.reason === 'interval')).toBe(true);
  });

  it('returns every frame when the budget exceeds the frames', () => {
    expect(selectKeyframesConstant(clip.frames.slice(0, 3), 8).map((k) => k.index)).toEqual([0, 1, 2]);
  });
});

describe('selectKeyframesAdaptive', () => {
  const budget = 10;
  const ks = selectKeyframesAdaptive(clip.frames, budget);
  const perSeg = (sel: { index: number }[]) => [0, 1, 2, 3, 4].map((s) => sel.filter((k) => clip.segOf[k.index] === s).length);

  it('keeps the first frame and the first frame after every cut, with reasons', () => {
    expect(ks.length).toBe(budget);
    expect(ks[0]).toEqual({ index: 0, t: 0, reason: 'first' });
    for (const c of clip.cuts) expect(ks.find((k) => k.index === c)?.reason).toBe('cut');
    expect(ks.filter((k) => k.reason === 'motion').length).toBe(budget - 1 - clip.cuts.length);
  });

  it('spends the rest of the budget in moving segments, more than constant-rate does', () => {
    const a = perSeg(ks);
    const c = perSeg(selectKeyframesConstant(clip.frames, budget));
    expect(a[1]! + a[3]!).toBeGreaterThan(c[1]! + c[3]!);
    // Static segments hold only their mandatory first/cut frame.
    expect([a[0], a[2], a[4]]).toEqual([1, 1, 1]);
    expect(a[1]! + a[3]!).toBe(budget - 3);
  });

  it('never returns a frame twice and stays in time order', () => {
    for (const b of [1, 2, 3, 5, 17, 60, 99, 100, 150]) {
      const sel = selectKeyframesAdaptive(clip.frames, b);
      expect(sel.length).toBe(Math.min(b, clip.frames.length));
      expect(new Set(sel.map((k) => k.index)).size).toBe(sel.length);
      expect(sel.map((k) => k.index)).toEqual([...sel.map((k) => k.index)].sort((x, y) => x - y));
    }
  });

  it('keeps the first frame and the strongest cuts when the budget is smaller than the cuts', () => {
    const sel = selectKeyframesAdaptive(clip.frames, 2);
    expect(sel[0]!.reason).toBe('first');
    expect(sel[1]!.reason).toBe('cut');
    expect(clip.cuts).toContain(sel[1]!.index);
  });

  it('falls back to even spacing when nothing moves', () => {
    const still = sequence([{ kind: 'static', frames: 40, bg: 50, fg: 200 }]).frames;
    expect(selectKeyframesAdaptive(still, 4).map((k) => k.index)).toEqual([0, 10, 20, 30]);
  });

  it('puts motion frames where the motion is within a shot (equal area of cumulative motion)', () => {
    // One shot: 30 still frames, then 10 moving frames: all extra frames land in the moving part.
    const s = sequence([
      { kind: 'static', frames: 30, bg: 40, fg: 230 },
      { kind: 'moving', frames: 10, bg: 40, fg: 230 },
    ]);
    const sel = selectKeyframesAdaptive(s.frames, 5);
    expect(sel.filter((k) => k.reason === 'motion').every((k) => k.index > 30)).toBe(true);
  });
});

describe('bad input', () => {
  const f = (t: number, n = W * W): AnalysedFrame => ({ t, gray: new Uint8Array(n) });
  const code = (fn: () => unknown): string => thrownCode(fn, KeyframeInputError) ?? 'no error';
  it('refuses empty, mismatched, non-increasing, bad budget', () => {
    expect(code(() => selectKeyframesAdaptive([], 4))).toBe('empty');
    expect(code(() => selectKeyframesConstant([f(0), f(0.1, 10)], 4))).toBe('size-mismatch');
    expect(code(() => motionProfile([f(0), f(0.1), f(0.1)]))).toBe('non-increasing-time');
    expect(code(() => motionProfile([f(0), f(Number.NaN)]))).toBe('non-increasing-time');
    expect(code(() => selectKeyframesAdaptive([f(0), f(1)], 0))).toBe('bad-budget');
    expect(code(() => selectKeyframesConstant([f(0), f(1)], 2.5))).toBe('bad-budget');
    expect(code(() => selectKeyframesAdaptive([f(0), f(1)], 2, { cutRatio: -1 }))).toBe('bad-option');
  });
});

describe('poolMean', () => {
  it('averages normalised vectors and returns a unit vector', () => {
    const v = poolMean([Float32Array.from([3, 0]), Float32Array.from([0, 1])]);
    expect(v[0]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(v[1]).toBeCloseTo(Math.SQRT1_2, 6);
  });
  it('refuses no vectors, mismatched sizes, zero vectors', () => {
    expect(() => poolMean([])).toThrow(PoolingInputError);
    expect(() => poolMean([new Float32Array(2).fill(1), new Float32Array(3).fill(1)])).toThrow(PoolingInputError);
    expect(() => poolMean([new Float32Array(2)])).toThrow(PoolingInputError);
  });
});

describe('grayFromRgba (canvas frames in the browser)', () => {
  it('converts with BT.601 weights and refuses a wrong buffer size', () => {
    const px = Uint8Array.from([255, 255, 255, 255, 255, 0, 0, 255, 0, 255, 0, 0, 0, 0, 255, 128]);
    expect(Array.from(grayFromRgba(px, 2, 2))).toEqual([255, 76, 150, 29]);
    expect(() => grayFromRgba(px, 3, 2)).toThrow(KeyframeInputError);
  });
});
