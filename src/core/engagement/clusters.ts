// A catalog without categories still has parts: items that share words or look alike. Cold screens
// cover a catalog one part at a time (explore.ts coverCandidates), and farthest-point exploration
// does not find the parts (it walks the outliers; in a sparse word space every item is far from
// every other, so it falls back to popularity: bench/RESULTS-engagement.md). These parts are made
// once per catalog by spherical k-means over the catalog's item spaces (its words, its pictures,
// both at the session source's weights), fitted on a seeded sample and then assigned to every item,
// and grouped the same way one level up, so the explore source covers them as it covers categories.
import { rng } from '../random.ts';
import type { VectorMatrix } from '../u2i/format.ts';
import type { CatalogStrata } from './explore.ts';
import { unitRows } from './unit-rows.ts';
import type { WordSpace } from './word-space.ts';

/** About this many items per part: the sticker catalog's own leaves hold 19 on average (1911 items, 99 leaves). */
export const ITEMS_PER_CLUSTER = 20;
/** Bounds on the number of parts: the fit costs rows x parts x (words per item + picture dim) per round. */
const MIN_CLUSTERS = 4;
const MAX_CLUSTERS = 128;
/** k-means is fitted on at most this many items (seeded sample), then every item is assigned once. */
const FIT_SAMPLE = 4_000;
const ROUNDS = 8;
const SEED = 1;

export interface ClusterSpaces {
  readonly words: WordSpace | null;
  /** dim 0 or null: no picture space. */
  readonly pictures: VectorMatrix | null;
  /** How much each space counts in the similarity (the session source's SESSION_SPACE_WEIGHTS). */
  readonly weights: Readonly<{ picture: number; words: number }>;
}

/** Items as unit rows of the joint space: scaled word part (sparse) and picture part (dense). */
interface Joint {
  readonly rows: number;
  readonly terms: number;
  readonly dim: number;
  readonly wordScale: number;
  readonly pictureScale: number;
  readonly words: WordSpace | null;
  readonly unit: Float32Array | null;
}

/** Centroids of the joint space: term-major word part (terms x k) and row-major picture part (k x dim). */
interface Centroids {
  readonly k: number;
  readonly word: Float32Array;
  readonly picture: Float32Array;
}

function jointOf(s: ClusterSpaces, rows: number): Joint {
  const words = s.words && s.weights.words > 0 ? s.words : null;
  const pictures = s.pictures && s.pictures.dim > 0 && s.weights.picture > 0 ? s.pictures : null;
  const total = (words ? s.weights.words : 0) + (pictures ? s.weights.picture : 0);
  return {
    rows, terms: words?.terms ?? 0, dim: pictures?.dim ?? 0, words,
    wordScale: words ? Math.sqrt(s.weights.words / total) : 0,
    pictureScale: pictures ? Math.sqrt(s.weights.picture / total) : 0,
    unit: pictures ? unitRows(pictures) : null,
  };
}

/** Similarity of row r to every centroid, into out (length k). */
function scoresOf(j: Joint, c: Centroids, r: number, out: Float64Array): void {
  out.fill(0);
  const { k } = c;
  if (j.words) {
    const { rowStart, rowTerms, rowWeights } = j.words;
    for (let p = rowStart[r]!; p < rowStart[r + 1]!; p++) {
      const w = rowWeights[p]! * j.wordScale;
      const base = rowTerms[p]! * k;
      for (let q = 0; q < k; q++) out[q]! += w * c.word[base + q]!;
    }
  }
  if (j.unit) {
    const { dim } = j;
    const o = r * dim;
    for (let q = 0; q < k; q++) {
      let s = 0;
      for (let f = 0; f < dim; f++) s += j.unit[o + f]! * c.picture[q * dim + f]!;
      out[q]! += j.pictureScale * s;
    }
  }
}

function isEmpty(j: Joint, r: number): boolean {
  const noWords = !j.words || j.words.rowStart[r] === j.words.rowStart[r + 1];
  if (!noWords) return false;
  if (!j.unit) return true;
  for (let f = 0; f < j.dim; f++) if (j.unit[r * j.dim + f] !== 0) return false;
  return true;
}

/** Centroids as the normalised means of their members (spherical k-means); an empty part keeps a zero centroid. */
function centroidsOf(j: Joint, members: readonly number[], assign: Int32Array, k: number): Centroids {
  const word = new Float32Array(j.terms * k);
  const picture = new Float32Array(k * j.dim);
  for (const r of members) {
    const q = assign[r]!;
    if (q < 0) continue;
    if (j.words) for (let p = j.words.rowStart[r]!; p < j.words.rowStart[r + 1]!; p++) word[j.words.rowTerms[p]! * k + q]! += j.wordScale * j.words.rowWeights[p]!;
    if (j.unit) for (let f = 0; f < j.dim; f++) picture[q * j.dim + f]! += j.pictureScale * j.unit[r * j.dim + f]!;
  }
  const n2 = new Float64Array(k);
  for (let t = 0; t < j.terms; t++) for (let q = 0; q < k; q++) n2[q]! += word[t * k + q]! ** 2;
  for (let q = 0; q < k; q++) for (let f = 0; f < j.dim; f++) n2[q]! += picture[q * j.dim + f]! ** 2;
  const inv = Float64Array.from(n2, (x) => (x > 0 ? 1 / Math.sqrt(x) : 0));
  for (let t = 0; t < j.terms; t++) for (let q = 0; q < k; q++) word[t * k + q]! *= inv[q]!;
  for (let q = 0; q < k; q++) for (let f = 0; f < j.dim; f++) picture[q * j.dim + f]! *= inv[q]!;
  return { k, word, picture };
}

/** Each row's best centroid (-1 for a row with nothing in any space). */
function assignRows(j: Joint, c: Centroids, rows: Iterable<number>, assign: Int32Array): void {
  const s = new Float64Array(c.k);
  for (const r of rows) {
    if (isEmpty(j, r)) {
      assign[r] = -1;
      continue;
    }
    scoresOf(j, c, r, s);
    let best = 0;
    for (let q = 1; q < c.k; q++) if (s[q]! > s[best]!) best = q;
    assign[r] = best;
  }
}

/** Seeds: k-means++ (each next seed drawn with probability ~ its distance to the nearest seed so far). */
function seedCentroids(j: Joint, sample: readonly number[], k: number, next: () => number, assign: Int32Array): Centroids {
  const seeds: number[] = [sample[Math.floor(next() * sample.length)]!];
  const nearest = new Float64Array(sample.length).fill(Infinity);
  const one = new Float64Array(1);
  while (seeds.length < k) {
    const last = centroidsOf(j, [seeds[seeds.length - 1]!], Int32Array.from({ length: j.rows }, () => 0), 1);
    let total = 0;
    sample.forEach((r, i) => {
      scoresOf(j, last, r, one);
      nearest[i] = Math.min(nearest[i]!, Math.max(0, 1 - one[0]!));
      total += nearest[i]!;
    });
    if (!(total > 0)) break;
    let x = next() * total;
    let pick = sample.length - 1;
    for (let i = 0; i < sample.length; i++) if ((x -= nearest[i]!) <= 0) { pick = i; break; }
    seeds.push(sample[pick]!);
  }
  seeds.forEach((r, q) => (assign[r] = q));
  return centroidsOf(j, seeds, assign, seeds.length);
}

/** Spherical k-means of `rows` (fitted on a sample of them), each row's part (-1: empty row). */
function kmeans(j: Joint, rows: readonly number[], k: number): Int32Array {
  const next = rng(SEED);
  const assign = new Int32Array(j.rows).fill(-1);
  const usable = rows.filter((r) => !isEmpty(j, r));
  if (usable.length === 0) return assign;
  const sample = usable.length <= FIT_SAMPLE ? usable : [...usable].map((r) => ({ r, u: next() })).sort((a, b) => a.u - b.u).slice(0, FIT_SAMPLE).map((x) => x.r);
  let c = seedCentroids(j, sample, Math.min(k, sample.length), next, assign);
  for (let round = 0; round < ROUNDS; round++) {
    assignRows(j, c, sample, assign);
    c = centroidsOf(j, sample, assign, c.k);
  }
  assignRows(j, c, usable, assign);
  return assign;
}

const cache = new WeakMap<object, Map<string, CatalogStrata>>();

/**
 * The catalog's parts as strata for coverCandidates(): leaves = k-means parts of its items
 * (about ITEMS_PER_CLUSTER items each), groups = parts of the leaves' centroids (about sqrt(leaves)).
 * Items with nothing in any space share one extra leaf. Cached per word space / picture matrix and weights.
 */
export function clusterStrata(spaces: ClusterSpaces, popularity: ArrayLike<number>): CatalogStrata | null {
  const rows = spaces.words?.rows ?? spaces.pictures?.rows ?? 0;
  const key = spaces.words ?? spaces.pictures?.data;
  if (!key || rows === 0) return null;
  const id = `${spaces.words ? 'w' : ''}${spaces.pictures && spaces.pictures.dim > 0 ? 'p' : ''} ${spaces.weights.words} ${spaces.weights.picture} ${rows}`;
  let byId = cache.get(key);
  if (!byId) cache.set(key, (byId = new Map()));
  const hit = byId.get(id);
  if (hit) return hit;
  const j = jointOf(spaces, rows);
  if (!j.words && !j.unit) return null;
  const k = Math.max(MIN_CLUSTERS, Math.min(MAX_CLUSTERS, Math.round(rows / ITEMS_PER_CLUSTER)));
  const assign = kmeans(j, Array.from({ length: rows }, (_, r) => r), k);
  // Leaves: the non-empty parts, renumbered; the empty rows' leaf last.
  const leafIds = new Map<number, number>();
  const leafOf = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    const q = assign[r]!;
    let l = leafIds.get(q);
    if (l === undefined) leafIds.set(q, (l = leafIds.size));
    leafOf[r] = l;
  }
  const leaves = leafIds.size;
  // Groups: k-means over the leaves' centroids (a leaf's members stand in for it: one representative each, its first row).
  const leafCentroids = centroidsOf(j, Array.from({ length: rows }, (_, r) => r), Int32Array.from(leafOf), leaves);
  const groups = Math.max(1, Math.round(Math.sqrt(leaves)));
  const groupOfLeaf = groupLeaves(leafCentroids, j, groups);
  const lists: number[][] = Array.from({ length: leaves }, () => []);
  const mass = new Float64Array(leaves);
  for (let r = 0; r < rows; r++) {
    lists[leafOf[r]!]!.push(r);
    mass[leafOf[r]!]! += 1 + (popularity[r] ?? 0);
  }
  const strata: CatalogStrata = {
    leafOf, groupOfLeaf, leaves, groups: Math.max(0, ...groupOfLeaf) + 1, massOfLeaf: mass,
    rowsOfLeaf: lists.map((l) => Int32Array.from(l.sort((a, b) => (popularity[b] ?? 0) - (popularity[a] ?? 0) || a - b))),
  };
  byId.set(id, strata);
  return strata;
}

/** Spherical k-means of the leaf centroids themselves (a few hundred dense vectors): each leaf's group. */
function groupLeaves(c: Centroids, j: Joint, groups: number): Int32Array {
  const { k } = c;
  const dot = (a: number, b: number) => {
    let s = 0;
    for (let t = 0; t < j.terms; t++) s += c.word[t * k + a]! * c.word[t * k + b]!;
    for (let f = 0; f < j.dim; f++) s += c.picture[a * j.dim + f]! * c.picture[b * j.dim + f]!;
    return s;
  };
  const sims = new Float64Array(k * k);
  for (let a = 0; a < k; a++) for (let b = a; b < k; b++) sims[a * k + b] = sims[b * k + a] = dot(a, b);
  // Medoids: greedy farthest-first from the most central leaf, then each leaf to its most similar medoid.
  let first = 0;
  let bestSum = -Infinity;
  for (let a = 0; a < k; a++) {
    let s = 0;
    for (let b = 0; b < k; b++) s += sims[a * k + b]!;
    if (s > bestSum) [first, bestSum] = [a, s];
  }
  const medoids = [first];
  const nearest = Float64Array.from({ length: k }, (_, a) => sims[a * k + first]!);
  while (medoids.length < Math.min(groups, k)) {
    let far = -1;
    for (let a = 0; a < k; a++) if (!medoids.includes(a) && (far < 0 || nearest[a]! < nearest[far]!)) far = a;
    medoids.push(far);
    for (let a = 0; a < k; a++) nearest[a] = Math.max(nearest[a]!, sims[a * k + far]!);
  }
  return Int32Array.from({ length: k }, (_, a) => {
    let g = 0;
    for (let m = 1; m < medoids.length; m++) if (sims[a * k + medoids[m]!]! > sims[a * k + medoids[g]!]!) g = m;
    return g;
  });
}
