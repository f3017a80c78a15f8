// Before the first like, a feed that nobody has typed into has only popularity, and in the sticker
// catalog the most popular items are all faces: a person who wants animals skips faces screen after
// screen and the feed never finds out. Exploration proposes items unlike anything already shown, so
// each cold screen covers new parts of the catalog's vector space until something is liked.
import type { Candidate } from '../fusion/fuse.ts';
import { TASTE } from '../fusion/reason.ts';
import type { VectorMatrix } from '../u2i/format.ts';
import { similarityRow, unitRows } from './unit-rows.ts';

export const EXPLORE_SOURCE = 'explore';

/**
 * k items picked greedily, each the farthest (lowest highest-cosine) from everything shown and picked
 * so far (farthest-point sampling). Score = that distance, so the first pick scores highest. With
 * nothing shown, the first pick is the item farthest from the catalog's mean direction.
 */
export function exploreCandidates(req: {
  readonly items: VectorMatrix;
  readonly shown: Iterable<number>;
  readonly k: number;
  readonly exclude?: ReadonlySet<number>;
}): Candidate<typeof EXPLORE_SOURCE>[] {
  const { items, k } = req;
  const { dim, rows } = items;
  const unit = unitRows(items);
  const nearest = new Float32Array(rows).fill(-1); // highest cosine to anything shown or picked
  const usable = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) {
    if (req.exclude?.has(r)) continue;
    for (let f = 0; f < dim; f++) if (unit[r * dim + f] !== 0) { usable[r] = 1; break; }
  }
  const mark = (s: number) => {
    const sim = similarityRow(items, s);
    for (let r = 0; r < rows; r++) if (sim[r]! > nearest[r]!) nearest[r] = sim[r]!;
  };
  let any = false;
  for (const s of req.shown) {
    if (!Number.isInteger(s) || s < 0 || s >= rows) continue;
    usable[s] = 0;
    mark(s);
    any = true;
  }
  if (!any) {
    // Nothing shown yet: start away from the catalog's centre.
    const mean = new Float32Array(dim);
    for (let r = 0; r < rows; r++) for (let f = 0; f < dim; f++) mean[f]! += unit[r * dim + f]! / rows;
    for (let r = 0; r < rows; r++) {
      let c = 0;
      for (let f = 0; f < dim; f++) c += mean[f]! * unit[r * dim + f]!;
      nearest[r] = c;
    }
  }
  const out: Candidate<typeof EXPLORE_SOURCE>[] = [];
  for (let p = 0; p < k; p++) {
    let best = -1;
    for (let r = 0; r < rows; r++) if (usable[r] && (best < 0 || nearest[r]! < nearest[best]!)) best = r;
    if (best < 0) break;
    out.push({ source: EXPLORE_SOURCE, itemIndex: best, score: 1 - nearest[best]!, reason: TASTE });
    usable[best] = 0;
    mark(best);
  }
  return out;
}

/**
 * Weight of exploration while the session has no like, chosen by the steering simulation
 * (bench/RESULTS-engagement.md, `npx tsx bench/engagement/steering.ts`).
 */
export const EXPLORE_WEIGHT = 1;

