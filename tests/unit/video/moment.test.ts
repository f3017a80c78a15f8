import { describe, expect, it } from 'vitest';
import { bestMoment } from '../../../src/core/video/moment.ts';

const v = (...x: number[]) => Float32Array.from(x);
// A clip that shows a cat (0-3 s), then a cow (3-4.5 s).
const keyframes = [{ t: 0, vector: v(1, 0) }, { t: 1.5, vector: v(0.9, 0.1) }, { t: 3, vector: v(0, 1) }];

describe('bestMoment', () => {
  it('opens at the keyframe closest to a wanted phrase', () => {
    expect(bestMoment(keyframes, [v(1, 0)])).toBe(0);
    expect(bestMoment(keyframes, [v(0.2, 1)])).toBe(3);
    expect(bestMoment(keyframes, [v(1, 0), v(0, 0.5)])).toBe(0);
  });

  it('has no moment for a single keyframe, no keyframes or no phrases', () => {
    expect(bestMoment([keyframes[0]!], [v(1, 0)])).toBeUndefined();
    expect(bestMoment(undefined, [v(1, 0)])).toBeUndefined();
    expect(bestMoment(keyframes, [])).toBeUndefined();
  });
});
