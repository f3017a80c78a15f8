// Per-item down-weights applied after fusion (e.g. an item shown often and never opened): the fused
// score is multiplied, the contributions (and so the explanation) stay as they were.
import type { FusedItem } from './fuse.ts';

/**
 * Multiplies each penalised item's fused score by its factor (in [0, 1]: 1 leaves it, 0 sends it to
 * the end) and re-sorts, ties by item index. Items without a penalty are unchanged.
 */
export function applyPenalties<S extends string>(fused: readonly FusedItem<S>[], penalties: ReadonlyMap<number, number> | undefined): readonly FusedItem<S>[] {
  if (!penalties || penalties.size === 0) return fused;
  for (const [itemIndex, factor] of penalties) {
    if (!(factor >= 0 && factor <= 1)) throw new RangeError(`penalty of item ${itemIndex} must be in [0, 1], got ${factor}`);
  }
  return fused
    .map((it) => {
      const factor = penalties.get(it.itemIndex);
      return factor === undefined ? it : { ...it, score: it.score * factor };
    })
    .sort((a, b) => b.score - a.score || a.itemIndex - b.itemIndex);
}
