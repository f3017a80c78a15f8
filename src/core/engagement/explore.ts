// Before the first like, a feed that nobody has typed into has only popularity, and in the sticker
// catalog the most popular items are all faces: a person who wants animals skips faces screen after
// screen and the feed never finds out. Exploration proposes items unlike anything already shown, so
// each cold screen covers new parts of the catalog's vector space until something is liked.
import type { CatalogItem } from '../catalog.ts';
import type { Candidate } from '../fusion/fuse.ts';
import { TASTE } from '../fusion/reason.ts';
import type { VectorMatrix } from '../u2i/format.ts';
import { similarityRow, unitRows } from './unit-rows.ts';
import { rowScores, type WordSpace } from './word-space.ts';

export const EXPLORE_SOURCE = 'explore';

/** Popularity (in [0, 1]) counts against novelty from this floor: an unpopular item far from all shown still wins over a popular near-copy. */
const EXPLORE_POPULARITY_FLOOR = 0.5;

/** Each item adds this to its leaf's mass besides its popularity (in [0, 1]): a big part of the catalog is a likely place for a taste. */
const EXPLORE_SIZE_PRIOR = 1;

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
 * A catalog's parts for covering it: each item's leaf (its first `categories` entry, else its
 * `category`) under its group (`category`). Items are listed per leaf, most popular first.
 */
export interface CatalogStrata {
  readonly leafOf: Int32Array;
  readonly groupOfLeaf: Int32Array;
  readonly leaves: number;
  readonly groups: number;
  /** Rows of each leaf, most popular first. */
  readonly rowsOfLeaf: readonly Int32Array[];
  /** Popularity mass of each leaf (sum over its items, + 1 per item so a catalog without popularity still weighs by size). */
  readonly massOfLeaf: Float64Array;
}

const strataCache = new WeakMap<readonly CatalogItem[], CatalogStrata | null>();

/** The catalog's strata, or null when its items carry no category at all (then exploration is farthest-point). */
export function catalogStrata(items: readonly CatalogItem[]): CatalogStrata | null {
  if (strataCache.has(items)) return strataCache.get(items)!;
  const leafIds = new Map<string, number>();
  const groupIds = new Map<string, number>();
  const leafOf = new Int32Array(items.length);
  const groupOf: number[] = [];
  let any = false;
  items.forEach((it, r) => {
    const group = it.category;
    const leaf = it.categories[0] ?? group;
    if (leaf || group) any = true;
    let g = groupIds.get(group);
    if (g === undefined) groupIds.set(group, (g = groupIds.size));
    const key = `${group}\u0001${leaf}`;
    let l = leafIds.get(key);
    if (l === undefined) {
      leafIds.set(key, (l = leafIds.size));
      groupOf.push(g);
    }
    leafOf[r] = l;
  });
  let strata: CatalogStrata | null = null;
  if (any) {
    const lists: number[][] = Array.from({ length: leafIds.size }, () => []);
    const mass = new Float64Array(leafIds.size);
    items.forEach((it, r) => {
      lists[leafOf[r]!]!.push(r);
      mass[leafOf[r]!]! += EXPLORE_SIZE_PRIOR + it.popularity;
    });
    strata = {
      leafOf, groupOfLeaf: Int32Array.from(groupOf), leaves: leafIds.size, groups: groupIds.size, massOfLeaf: mass,
      rowsOfLeaf: lists.map((l) => Int32Array.from(l.sort((a, b) => items[b]!.popularity - items[a]!.popularity || a - b))),
    };
  }
  strataCache.set(items, strata);
  return strata;
}

/**
 * A screen that covers the catalog: k items from k different leaves, the leaves least shown so far
 * first, among those the heaviest (popularity
 * mass), at most one leaf per group until every group has one on this screen. From each leaf, its
 * most popular item not shown yet. Score = k - pick order (the first pick scores highest).
 */
export function coverCandidates(req: {
  readonly strata: CatalogStrata;
  readonly shown: Iterable<number>;
  readonly k: number;
  readonly exclude?: ReadonlySet<number>;
}): Candidate<typeof EXPLORE_SOURCE>[] {
  const { strata, k } = req;
  const rows = strata.leafOf.length;
  const seen = new Uint8Array(rows);
  const covered = new Float64Array(strata.leaves);
  const mark = (r: number, w: number) => {
    if (!Number.isInteger(r) || r < 0 || r >= rows) return;
    covered[strata.leafOf[r]!]! += w;
    seen[r] = 1;
  };
  for (const r of req.shown) mark(r, 1);
  const next = new Int32Array(strata.leaves); // position in rowsOfLeaf of the next candidate item
  const nextItem = (l: number): number => {
    const list = strata.rowsOfLeaf[l]!;
    while (next[l]! < list.length && (seen[list[next[l]!]!] || req.exclude?.has(list[next[l]!]!))) next[l]!++;
    return next[l]! < list.length ? list[next[l]!]! : -1;
  };
  const groupPicks = new Int32Array(strata.groups);
  const out: Candidate<typeof EXPLORE_SOURCE>[] = [];
  for (let p = 0; p < k; p++) {
    let best = -1;
    let bestKey: [number, number, number] = [Infinity, Infinity, -Infinity];
    for (let l = 0; l < strata.leaves; l++) {
      if (nextItem(l) < 0) continue;
      const key: [number, number, number] = [covered[l]!, groupPicks[strata.groupOfLeaf[l]!]!, strata.massOfLeaf[l]!];
      if (key[0] < bestKey[0] || (key[0] === bestKey[0] && (key[1] < bestKey[1] || (key[1] === bestKey[1] && key[2] > bestKey[2])))) [best, bestKey] = [l, key];
    }
    if (best < 0) break;
    const r = nextItem(best);
    out.push({ source: EXPLORE_SOURCE, itemIndex: r, score: k - p, reason: TASTE });
    seen[r] = 1;
    covered[best]! += 1;
    groupPicks[strata.groupOfLeaf[best]!]!++;
  }
  return out;
}

/** Cosine rows of the word space kept for farthest-point exploration (bounded, like similarityRow's). */
const wordRowCache = new WeakMap<WordSpace, Map<number, Float32Array>>();
function wordRow(space: WordSpace, r: number): Float32Array {
  let m = wordRowCache.get(space);
  if (!m) wordRowCache.set(space, (m = new Map()));
  let row = m.get(r);
  if (!row) {
    row = rowScores(space, r);
    if (m.size >= 512) m.delete(m.keys().next().value!);
    m.set(r, row);
  }
  return row;
}

/**
 * Farthest-point exploration in the word space, mixed with popularity: each pick maximises
 * (1 - highest cosine to anything shown or picked) x (EXPLORE_POPULARITY_FLOOR + popularity), so the
 * first screen starts from the most popular item and each next pick is unlike everything before it.
 * For catalogs without categories, or to explore without them (the steering simulation's less leaky variant).
 */
export function wordExploreCandidates(req: {
  readonly space: WordSpace;
  readonly popularity: ArrayLike<number>;
  readonly shown: Iterable<number>;
  readonly k: number;
  readonly exclude?: ReadonlySet<number>;
}): Candidate<typeof EXPLORE_SOURCE>[] {
  const { space, k } = req;
  const rows = space.rows;
  const nearest = new Float32Array(rows);
  const usable = new Uint8Array(rows).fill(1);
  const mark = (s: number) => {
    const sim = wordRow(space, s);
    for (let r = 0; r < rows; r++) if (sim[r]! > nearest[r]!) nearest[r] = sim[r]!;
  };
  for (const s of req.shown) {
    if (!Number.isInteger(s) || s < 0 || s >= rows) continue;
    usable[s] = 0;
    mark(s);
  }
  for (const r of req.exclude ?? []) if (r >= 0 && r < rows) usable[r] = 0;
  const out: Candidate<typeof EXPLORE_SOURCE>[] = [];
  for (let p = 0; p < k; p++) {
    let best = -1;
    let bestValue = -Infinity;
    for (let r = 0; r < rows; r++) {
      if (!usable[r]) continue;
      const v = (1 - nearest[r]!) * (EXPLORE_POPULARITY_FLOOR + (req.popularity[r] ?? 0));
      if (v > bestValue) [best, bestValue] = [r, v];
    }
    if (best < 0) break;
    out.push({ source: EXPLORE_SOURCE, itemIndex: best, score: k - p, reason: TASTE });
    usable[best] = 0;
    mark(best);
  }
  return out;
}

