// "Jump to the moment": the keyframe of a video that looks most like what the user asked for.

export interface VideoMoment {
  /** Seconds from the start of the video. */
  readonly t: number;
  /** The keyframe's unit-length vector (same model as the queries). */
  readonly vector: Float32Array;
}

/**
 * The time of the keyframe with the highest dot product with any of the wanted phrases' vectors.
 * Undefined for a video with fewer than two keyframes (it starts at the beginning) or no phrases.
 * Pass only what is wanted: a disliked phrase would send the video to the part the user does not want.
 */
export function bestMoment(keyframes: readonly VideoMoment[] | undefined, wanted: readonly Float32Array[]): number | undefined {
  if (!keyframes || keyframes.length < 2 || wanted.length === 0) return undefined;
  let best = -Infinity;
  let at: number | undefined;
  for (const k of keyframes) {
    for (const q of wanted) {
      let s = 0;
      for (let j = 0; j < q.length; j++) s += q[j]! * k.vector[j]!;
      if (s > best) {
        best = s;
        at = k.t;
      }
    }
  }
  return at;
}
