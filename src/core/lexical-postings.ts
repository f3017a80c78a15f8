// The lexical index's inverted index: for every term of the catalog, the items that carry it, field
// by field, in flat typed arrays. Built in one pass over the items with no object per item, so a
// 100k catalog indexes in under a second (MiniSearch's document index took 3 to 12 s and 87 MiB:
// bench/RESULTS-catalog.md), and a phrase is scored by walking the posting lists of the
// terms its words reach, not by touching every item.
//
// The terms sit in MiniSearch's own radix tree (SearchableMap), inserted in the order MiniSearch's
// indexer inserts them, so prefix and near-spelling lookups reach the same terms in the same order.
import SearchableMap from 'minisearch/SearchableMap';

/** MiniSearch's default cap on the edit distance of a near spelling. */
const MAX_FUZZY_DISTANCE = 6;

export interface Postings {
  /** Items indexed (ids 0 .. itemCount - 1). */
  readonly itemCount: number;
  /** Number of index fields; field ids are positions in the caller's field list. */
  readonly fieldCount: number;
  /** Term -> term id. */
  readonly terms: SearchableMap<number>;
  /** Term id -> term. */
  readonly termText: readonly string[];
  /** The entries of term t are start[t] .. start[t + 1] - 1: by field id, then by item, ascending. */
  readonly start: Int32Array;
  readonly item: Int32Array;
  readonly field: Uint16Array;
}

/** A growable Int32Array. */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/**
 * Indexes `itemCount` items over `fieldCount` fields; `tokens(item, field, emit)` emits the terms of
 * one field of one item (a term repeated in the same field counts once).
 */
export function buildPostings(itemCount: number, fieldCount: number, tokens: (item: number, field: number, emit: (term: string) => void) => void): Postings {
  if (fieldCount > 0xffff) throw new RangeError(`too many index fields: ${fieldCount}`);
  const ids = new Map<string, number>();
  const terms = new SearchableMap<number>();
  const termText: string[] = [];
  /** Per term id: the last (item, field) it was emitted for, as item * fieldCount + field. */
  const lastSeen = new IntList();
  const entryTerm = new IntList();
  const entryKey = new IntList();
  let key = 0;
  const emit = (term: string) => {
    if (!term) return;
    let id = ids.get(term);
    if (id === undefined) {
      id = termText.length;
      ids.set(term, id);
      terms.set(term, id);
      termText.push(term);
      lastSeen.push(-1);
    } else if (lastSeen.data[id] === key) return;
    lastSeen.data[id] = key;
    entryTerm.push(id);
    entryKey.push(key);
  };
  for (let i = 0; i < itemCount; i++) {
    for (let f = 0; f < fieldCount; f++) {
      key = i * fieldCount + f;
      tokens(i, f, emit);
    }
  }
  // Counting sort by (term, field); entries were emitted by item, so each bucket stays in item order.
  const n = entryTerm.length;
  const buckets = termText.length * fieldCount;
  const offset = new Int32Array(buckets + 1);
  for (let e = 0; e < n; e++) offset[entryTerm.data[e]! * fieldCount + (entryKey.data[e]! % fieldCount) + 1]!++;
  for (let b = 0; b < buckets; b++) offset[b + 1]! += offset[b]!;
  const item = new Int32Array(n);
  const field = new Uint16Array(n);
  const start = new Int32Array(termText.length + 1);
  for (let t = 0; t <= termText.length; t++) start[t] = offset[t * fieldCount]!;
  for (let e = 0; e < n; e++) {
    const k = entryKey.data[e]!;
    const f = k % fieldCount;
    const at = offset[entryTerm.data[e]! * fieldCount + f]!++;
    item[at] = (k - f) / fieldCount;
    field[at] = f;
  }
  return { itemCount, fieldCount, terms, termText, start, item, field };
}

/**
 * The terms a query word reaches, as MiniSearch's query does it (executeQuerySpec): the word itself,
 * then the longer terms it starts (when `prefix`), then the terms within the edit distance
 * `fuzzy` x its length (when `fuzzy`), each once. Term ids.
 */
export function reachedTerms(p: Postings, word: string, prefix: boolean, fuzzy: number | false): number[] {
  const out: number[] = [];
  const exact = p.terms.get(word);
  if (exact !== undefined) out.push(exact);
  let near: Map<string, [number, number]> | undefined;
  if (fuzzy) {
    const maxDistance = fuzzy < 1 ? Math.min(MAX_FUZZY_DISTANCE, Math.round(word.length * fuzzy)) : fuzzy;
    if (maxDistance) near = p.terms.fuzzyGet(word, maxDistance);
  }
  if (prefix) {
    for (const [term, id] of p.terms.atPrefix(word)) {
      if (term.length === word.length) continue;
      near?.delete(term);
      out.push(id);
    }
  }
  if (near) for (const [id, distance] of near.values()) if (distance) out.push(id);
  return out;
}

/**
 * Whether `reachedTerms` would reach any term, answered as soon as one is found: the word itself, then
 * a longer term it starts, and only then the near-spelling search, which walks the radix tree.
 */
export function reachesAnyTerm(p: Postings, word: string, prefix: boolean, fuzzy: number | false): boolean {
  if (p.terms.has(word)) return true;
  if (prefix) for (const [term] of p.terms.atPrefix(word)) if (term.length !== word.length) return true;
  if (!fuzzy) return false;
  const maxDistance = fuzzy < 1 ? Math.min(MAX_FUZZY_DISTANCE, Math.round(word.length * fuzzy)) : fuzzy;
  // The word itself is not a term (above), so every term within the distance is a near spelling.
  return maxDistance > 0 && p.terms.fuzzyGet(word, maxDistance).size > 0;
}

/** Whether a term is an array index, which a JS object enumerates first, in numeric order. */
function isIndexKey(s: string): boolean {
  return /^(?:0|[1-9]\d{0,9})$/.test(s) && Number(s) < 2 ** 32 - 1;
}

/**
 * Term ids in the order MiniSearch's per-item `match` object lists them: array-index terms ("2",
 * "100") first in numeric order, then the others in the order they were reached.
 */
export function matchOrder(p: Postings, termIds: readonly number[]): number[] {
  const numeric = termIds.filter((t) => isIndexKey(p.termText[t]!));
  if (numeric.length === 0) return [...termIds];
  numeric.sort((a, b) => Number(p.termText[a]) - Number(p.termText[b]));
  return [...numeric, ...termIds.filter((t) => !isIndexKey(p.termText[t]!))];
}

/** One term's contribution to a word of a phrase: the word's position and how surely the term stands for it. */
export interface TermUse {
  readonly term: number;
  readonly word: number;
  readonly factor: number;
}

/**
 * Per item reached, per word: the best field score of the terms standing for that word, and which
 * (term, field) gave it; and the best over all words. `fieldScore(field, inCategory)` is the score of
 * a match in a field, `inCategory` telling whether the item also carries the term in `categoryField`.
 * Uses, and within a use fields, are visited in order and only a strictly better score replaces a
 * best, so ties keep the first, as a walk over MiniSearch's `match` objects does.
 */
export interface WordMatches {
  /** Items reached, in the order first reached. */
  readonly items: Int32Array;
  readonly count: number;
  readonly words: number;
  /** [slot * words + word]: best score (0: not reached), its use and field. */
  readonly wordScore: Float64Array;
  readonly wordUse: Int32Array;
  readonly wordField: Int32Array;
  /** Per slot: the best over all words. */
  readonly bestUse: Int32Array;
  readonly bestField: Int32Array;
}

/** Per item scratch, reused across queries of one index (queries are synchronous). */
interface Scratch {
  slotOf: Int32Array;
  slotStamp: Int32Array;
  catStamp: Int32Array;
  stamp: number;
}
const scratches = new WeakMap<Postings, Scratch>();

export function matchWords(
  p: Postings,
  uses: readonly TermUse[],
  words: number,
  categoryField: number,
  fieldScore: (field: number, inCategory: boolean) => number,
): WordMatches {
  let sc = scratches.get(p);
  if (!sc) {
    sc = { slotOf: new Int32Array(p.itemCount), slotStamp: new Int32Array(p.itemCount), catStamp: new Int32Array(p.itemCount), stamp: 0 };
    scratches.set(p, sc);
  }
  let reach = 0;
  for (const u of uses) reach += p.start[u.term + 1]! - p.start[u.term]!;
  const cap = Math.min(p.itemCount, reach);
  const items = new Int32Array(cap);
  const wordScore = new Float64Array(cap * words);
  const wordUse = new Int32Array(cap * words);
  const wordField = new Int32Array(cap * words);
  const bestScore = new Float64Array(cap).fill(-1);
  const bestUse = new Int32Array(cap);
  const bestField = new Int32Array(cap);
  // Scores per (field, in category) once per query.
  const fieldScores = new Float64Array(p.fieldCount * 2);
  for (let f = 0; f < p.fieldCount; f++) {
    fieldScores[f * 2] = fieldScore(f, false);
    fieldScores[f * 2 + 1] = fieldScore(f, true);
  }
  const { slotOf, slotStamp, catStamp } = sc;
  const { item, field, start } = p;
  const slotRound = ++sc.stamp;
  let count = 0;
  for (let ui = 0; ui < uses.length; ui++) {
    const { term, word, factor } = uses[ui]!;
    const a = start[term]!;
    const b = start[term + 1]!;
    // The category entries are the last of the term's (the category field is the last field).
    const catRound = ++sc.stamp;
    for (let j = b - 1; j >= a && field[j] === categoryField; j--) catStamp[item[j]!] = catRound;
    for (let j = a; j < b; j++) {
      const d = item[j]!;
      const f = field[j]!;
      let slot: number;
      if (slotStamp[d] === slotRound) slot = slotOf[d]!;
      else {
        slot = count++;
        slotStamp[d] = slotRound;
        slotOf[d] = slot;
        items[slot] = d;
      }
      const s = fieldScores[f * 2 + (catStamp[d] === catRound ? 1 : 0)]! * factor;
      const w = slot * words + word;
      if (s > wordScore[w]!) {
        wordScore[w] = s;
        wordUse[w] = ui;
        wordField[w] = f;
      }
      if (s > bestScore[slot]!) {
        bestScore[slot] = s;
        bestUse[slot] = ui;
        bestField[slot] = f;
      }
    }
  }
  return { items, count, words, wordScore, wordUse, wordField, bestUse, bestField };
}
