// "Not for me" on one item says something about its look-alikes too: the skipped item itself is
// removed for good (an exclusion, elsewhere), and its nearest neighbours in the catalog's own vector
// space are lowered, softly, so three skipped dogs make dogs rarer without hiding every animal.
import type { VectorMatrix } from '../u2i/format.ts';
import { unitRows } from './unit-rows.ts';

export interface SkipPenaltyOptions {
  /** How many nearest neighbours of each skipped item are lowered. */
  readonly neighbours: number;
  /** Share of a neighbour's fused score taken away by one skip, in [0, 1]; several skips compound. */
  readonly strength: number;
  /** Only neighbours at least this similar (cosine) are lowered, however few that leaves. */
  readonly minSimilarity: number;
}

/**
 * Measured by the steering simulation on stickers (bench/RESULTS-engagement.md,
 * `npx tsx bench/engagement/steering.ts`, tuning table): there, with users who skip two random
 * non-matching cards, no penalty setting beat none. These values (the mildest measured strength,
 * 10 neighbours, cosine >= 0.5) serve the "Not for me lowers look-alikes" behaviour; they are
 * not a measured optimum.
 */
export const DEFAULT_SKIP_PENALTY: SkipPenaltyOptions = Object.freeze({ neighbours: 10, strength: 0.5, minSimilarity: 0.5 });

/**
 * Down-weight factor per item row from the skipped rows, for RankRequest.penalties (the fused score is
 * multiplied by it): each skip multiplies its `neighbours` nearest items by (1 - strength), so an item
 * near two skips gets (1 - strength)^2. Rows not listed keep 1. Skipped rows themselves are not listed
 * (they are excluded outright).
 */
export function skipNeighbours(
  skipped: Iterable<number>,
  items: VectorMatrix,
  options: SkipPenaltyOptions = DEFAULT_SKIP_PENALTY,
): Map<number, number> {
  if (!(options.strength >= 0 && options.strength <= 1)) throw new RangeError(`skip strength must be in [0, 1], got ${options.strength}`);
  const skip = new Set<number>();
  for (const r of skipped) if (Number.isInteger(r) && r >= 0 && r < items.rows) skip.add(r);
  if (skip.size === 0 || options.neighbours <= 0 || options.strength === 0) return new Map();
  const factors = new Map<number, number>();
  for (const s of skip) {
    for (const row of nearestRows(items, s, options)) if (!skip.has(row)) factors.set(row, (factors.get(row) ?? 1) * (1 - options.strength));
  }
  return factors;
}

/** Neighbour lists per unit matrix and settings: skips accumulate, each is scanned for once. */
const nearCache = new WeakMap<Float32Array, Map<string, Map<number, readonly number[]>>>();

/** The `neighbours` rows most similar to row s (itself excepted) with cosine >= minSimilarity, best first. */
function nearestRows(items: VectorMatrix, s: number, options: SkipPenaltyOptions): readonly number[] {
  const unit = unitRows(items);
  let bySettings = nearCache.get(unit);
  if (!bySettings) nearCache.set(unit, (bySettings = new Map()));
  const key = `${options.neighbours} ${options.minSimilarity}`;
  let byRow = bySettings.get(key);
  if (!byRow) bySettings.set(key, (byRow = new Map()));
  const cached = byRow.get(s);
  if (cached) return cached;
  const { dim, rows } = items;
  const near: { row: number; sim: number }[] = [];
  for (let i = 0; i < rows; i++) {
    if (i === s) continue;
    let c = 0;
    for (let f = 0; f < dim; f++) c += unit[s * dim + f]! * unit[i * dim + f]!;
    if (c < options.minSimilarity) continue;
    if (near.length === options.neighbours && c <= near[near.length - 1]!.sim) continue;
    near.push({ row: i, sim: c });
    near.sort((a, b) => b.sim - a.sim || a.row - b.row);
    if (near.length > options.neighbours) near.pop();
  }
  const out = near.map((n) => n.row);
  byRow.set(s, out);
  return out;
}
