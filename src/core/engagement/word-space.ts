// A catalog's own item space made of its words: every item as a sparse, L2-normalised TF-IDF vector
// over the words of its tags (every language), its titles and, when asked, its category fields. It
// exists for every catalog, including the text-only ones site owners bring (no pictures, no index),
// and on stickers it is a much sharper notion of "like this" than the demo CLIP model's picture space
// (bench/RESULTS-engagement.md). Built once per catalog in linear time; the session vector in it is a
// sparse sum of liked items, scored against the catalog through an inverted index (only the items
// sharing a word with the session are touched).
import type { CatalogItem } from '../catalog.ts';
import { matchTokens } from '../text.ts';
import { DEFAULT_SESSION_OPTIONS, type EngagementEvent, type SessionVectorOptions, weightedEvents } from './session-vector.ts';

/** The item fields a word space can be made of. */
export const WORD_FIELDS = Object.freeze(['tags', 'titles', 'category', 'categories'] as const);
export type WordField = (typeof WORD_FIELDS)[number];

/**
 * What the product builds: every field. Tags and titles only is the variant the steering simulation
 * also reports, because its simulated tastes are drawn from `categories` (bench/RESULTS-engagement.md).
 */
export const DEFAULT_WORD_FIELDS: readonly WordField[] = WORD_FIELDS;

/** How much one occurrence counts, per field: a title word and a tag are what the item is; a category is a coarse label. */
const FIELD_WEIGHT: Readonly<Record<WordField, number>> = Object.freeze({ tags: 1, titles: 1, category: 0.5, categories: 1 });

/** Rows x terms, both ways: rows for an item's vector, postings for "who has this term". */
export interface WordSpace {
  readonly rows: number;
  readonly terms: number;
  readonly fields: readonly WordField[];
  /** CSR by row: the terms of row r are rowTerms[rowStart[r] .. rowStart[r + 1]), weights alike (unit length). */
  readonly rowStart: Uint32Array;
  readonly rowTerms: Uint32Array;
  readonly rowWeights: Float32Array;
  /** CSR by term (the inverted index), same weights. */
  readonly termStart: Uint32Array;
  readonly termRows: Uint32Array;
  readonly termWeights: Float32Array;
}

/** A sparse vector in a word space: term ids ascending, with weights. */
export interface WordVector {
  readonly terms: Uint32Array;
  readonly weights: Float32Array;
}

/** The weighted features of one item: words of its texts, and its category labels as whole labels. */
function itemFeatures(it: CatalogItem, fields: ReadonlySet<WordField>, add: (feature: string, w: number) => void): void {
  const words = (text: string, w: number) => {
    for (const t of matchTokens(text)) add(t, w);
  };
  if (fields.has('titles')) {
    words(it.title, FIELD_WEIGHT.titles);
    for (const t of Object.values(it.titles)) words(t, FIELD_WEIGHT.titles);
  }
  if (fields.has('tags')) for (const list of Object.values(it.tags)) for (const t of list) words(t, FIELD_WEIGHT.tags);
  // Labels are prefixed: the category "food-drink" is not the word "food".
  if (fields.has('category') && it.category) add(`\u0001c:${it.category}`, FIELD_WEIGHT.category);
  if (fields.has('categories')) for (const c of it.categories) add(`\u0001s:${c}`, FIELD_WEIGHT.categories);
}

/**
 * The word space of a catalog. Weight of a term in an item: (1 + ln tf) x idf, tf the field-weighted
 * count, idf the BM25 one, ln(1 + (N - df + 0.5) / (df + 0.5)); each row is then scaled to length 1.
 * A term only one item has is dropped: it makes no two items alike and only dilutes the rest.
 */
export function buildWordSpace(items: readonly CatalogItem[], fields: readonly WordField[] = DEFAULT_WORD_FIELDS): WordSpace {
  const use = new Set(fields);
  const vocab = new Map<string, number>();
  const df: number[] = [];
  const rowStart = new Uint32Array(items.length + 1);
  let ids: number[] = [];
  let tfs: number[] = [];
  const local = new Map<number, number>();
  for (let r = 0; r < items.length; r++) {
    local.clear();
    itemFeatures(items[r]!, use, (f, w) => {
      let id = vocab.get(f);
      if (id === undefined) {
        vocab.set(f, (id = df.length));
        df.push(0);
      }
      local.set(id, (local.get(id) ?? 0) + w);
    });
    for (const [id, tf] of local) {
      df[id]!++;
      ids.push(id);
      tfs.push(tf);
    }
    rowStart[r + 1] = ids.length;
  }
  const n = items.length;
  const idf = Float64Array.from(df, (d) => (d < 2 ? 0 : Math.log(1 + (n - d + 0.5) / (d + 0.5))));
  // Rows: weights, drop zero-idf terms, sort by term, normalise.
  const keptStart = new Uint32Array(n + 1);
  const rowTerms: number[] = [];
  const rowWeights: number[] = [];
  for (let r = 0; r < n; r++) {
    const entries: [number, number][] = [];
    for (let p = rowStart[r]!; p < rowStart[r + 1]!; p++) {
      const w = (1 + Math.log(tfs[p]!)) * idf[ids[p]!]!;
      if (w > 0) entries.push([ids[p]!, w]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    let n2 = 0;
    for (const [, w] of entries) n2 += w * w;
    const inv = n2 > 0 ? 1 / Math.sqrt(n2) : 0;
    for (const [t, w] of entries) {
      rowTerms.push(t);
      rowWeights.push(w * inv);
    }
    keptStart[r + 1] = rowTerms.length;
  }
  ids = [];
  tfs = [];
  const terms = df.length;
  // The inverted index: count, prefix-sum, fill (rows ascending within a term).
  const termStart = new Uint32Array(terms + 1);
  for (const t of rowTerms) termStart[t + 1]!++;
  for (let t = 0; t < terms; t++) termStart[t + 1]! += termStart[t]!;
  const fill = termStart.slice(0, terms);
  const termRows = new Uint32Array(rowTerms.length);
  const termWeights = new Float32Array(rowTerms.length);
  for (let r = 0; r < n; r++) {
    for (let p = keptStart[r]!; p < keptStart[r + 1]!; p++) {
      const at = fill[rowTerms[p]!]!++;
      termRows[at] = r;
      termWeights[at] = rowWeights[p]!;
    }
  }
  return {
    rows: n, terms, fields: Object.freeze([...fields]),
    rowStart: keptStart, rowTerms: Uint32Array.from(rowTerms), rowWeights: Float32Array.from(rowWeights),
    termStart, termRows, termWeights,
  };
}

const spaces = new WeakMap<readonly CatalogItem[], Map<string, WordSpace>>();

/** The word space of a catalog's items array, built on first use and kept as long as the array lives. */
export function wordSpaceOf(items: readonly CatalogItem[], fields: readonly WordField[] = DEFAULT_WORD_FIELDS): WordSpace {
  let byFields = spaces.get(items);
  if (!byFields) spaces.set(items, (byFields = new Map()));
  const key = [...fields].sort().join(',');
  let s = byFields.get(key);
  if (!s) byFields.set(key, (s = buildWordSpace(items, fields)));
  return s;
}

/** True when row r has no term left (an item with no shared word): it is like nothing. */
export function isEmptyRow(space: WordSpace, r: number): boolean {
  return space.rowStart[r] === space.rowStart[r + 1];
}

/** Cosine of two rows (both unit length: a merge of their sorted terms). */
export function rowSimilarity(space: WordSpace, a: number, b: number): number {
  const { rowStart, rowTerms, rowWeights } = space;
  let i = rowStart[a]!;
  let j = rowStart[b]!;
  const ie = rowStart[a + 1]!;
  const je = rowStart[b + 1]!;
  let s = 0;
  while (i < ie && j < je) {
    const ti = rowTerms[i]!;
    const tj = rowTerms[j]!;
    if (ti === tj) s += rowWeights[i++]! * rowWeights[j++]!;
    else if (ti < tj) i++;
    else j++;
  }
  return s;
}

/** Dot product of a sparse vector with every row, through the postings of its terms. */
export function scoreRows(space: WordSpace, v: WordVector, out: Float32Array = new Float32Array(space.rows)): Float32Array {
  out.fill(0);
  const { termStart, termRows, termWeights } = space;
  for (let k = 0; k < v.terms.length; k++) {
    const t = v.terms[k]!;
    const w = v.weights[k]!;
    for (let p = termStart[t]!; p < termStart[t + 1]!; p++) out[termRows[p]!]! += w * termWeights[p]!;
  }
  return out;
}

/** Cosine of row r with every row. */
export function rowScores(space: WordSpace, r: number, out?: Float32Array): Float32Array {
  const s = space.rowStart[r]!;
  const e = space.rowStart[r + 1]!;
  return scoreRows(space, { terms: space.rowTerms.subarray(s, e), weights: space.rowWeights.subarray(s, e) }, out);
}

/**
 * The session vector in the word space, the same recipe as sessionVector() (session-vector.ts): the
 * sum over events of weight(kind) x decay(age) x the item's unit vector, normalised. Null when nothing
 * positive happened to an item with words.
 */
export function wordSessionVector(
  events: readonly EngagementEvent[],
  space: WordSpace,
  rowOf: ReadonlyMap<string, number>,
  now: number,
  options: SessionVectorOptions = DEFAULT_SESSION_OPTIONS,
): WordVector | null {
  const sum = new Map<number, number>();
  let positive = false;
  for (const e of weightedEvents(events, now, options)) {
    const r = rowOf.get(e.itemId);
    if (r === undefined || r >= space.rows || isEmptyRow(space, r)) continue;
    for (let p = space.rowStart[r]!; p < space.rowStart[r + 1]!; p++) {
      const t = space.rowTerms[p]!;
      sum.set(t, (sum.get(t) ?? 0) + e.weight * space.rowWeights[p]!);
    }
    if (e.weight > 0) positive = true;
  }
  if (!positive) return null;
  const entries = [...sum].sort((a, b) => a[0] - b[0]);
  let n2 = 0;
  for (const [, w] of entries) n2 += w * w;
  if (!(n2 > 0)) return null;
  const inv = 1 / Math.sqrt(n2);
  return { terms: Uint32Array.from(entries, ([t]) => t), weights: Float32Array.from(entries, ([, w]) => w * inv) };
}
