// The shipped knowledge file (public/models/knowledge/knowledge.json, built by tools/knowledge/build.ts),
// format 2: a string table of concept names and columns of small integers instead of nested rows, so
// that JSON.parse has little to allocate and the lookup indexes are mostly precomputed at build time.
// The top-level shape is checked with zod; the columns by plain loops (lengths and references). Edges
// and surface senses are decoded on first use, so loading costs a few tens of milliseconds.
import { z } from 'zod';
import { lemmatizeEnglish } from '../lang/en/lemma.ts';

export const KNOWLEDGE_FORMAT_VERSION = 2;
/** Every concept's own name (lower case) is a surface of it with this relation, not shipped per form. */
export const IMPLICIT_RELATION = 'wordnet:lemma';
/** A place's edge to what it is known for (tools/knowledge/place-things.ts), read by src/core/extract/journey.ts. */
export const PLACE_THINGS_RELATION = 'seed-place';
export const CONCEPT_KINDS = ['word', 'country', 'city'] as const;
export type ConceptKind = (typeof CONCEPT_KINDS)[number];
/** Small integers (counts, weight %, relation index) ship as one character each: CHAR0 + value. */
export const CHAR0 = 0x20;

const ints = z.array(z.unknown());
/**
 * The file's shape. Columns, by concept id: `names` ('\n'-joined English names); sparse `ko`, `places`
 * and `items` (ids delta-coded); `edges.counts` (one char per concept), then per edge `weights` and
 * `hops` (chars), then per hop `rels` (chars) and `to` (concept ids). `surfaces`: the forms that mean
 * more than one concept's own name, sorted, with per form a sense count and per sense a concept,
 * weight and relation.
 */
export const KnowledgeFileSchema = z.object({
  formatVersion: z.literal(KNOWLEDGE_FORMAT_VERSION),
  sources: z.record(z.string(), z.string()).optional(),
  relations: z.array(z.string().min(1)),
  maxSurfaceWords: z.number().int().min(1),
  names: z.string().min(1),
  ko: z.object({ ids: ints, names: z.string() }),
  places: z.object({ ids: ints, kinds: z.string(), cc: z.string() }),
  items: z.object({ ids: ints, lists: z.string() }),
  edges: z.object({ counts: z.string(), weights: z.string(), hops: z.string(), rels: z.string(), to: ints }),
  surfaces: z.object({ forms: z.string(), counts: z.string(), concepts: ints, weights: z.string(), rels: z.string() }),
  /** Item properties by definition (tools/knowledge/properties.ts), for refinements: optional. */
  properties: z.object({ items: z.string(), words: z.string(), lists: z.string() }).optional(),
  /**
   * What items are kinds of (tools/knowledge/properties.ts itemKinds: the names of an item's sense and
   * its hypernyms), as `properties.lists` index `properties.items`: optional.
   */
  kinds: z.object({ words: z.string(), lists: z.string() }).optional(),
  /**
   * English words of many WordNet senses ("work", "fall", "line": "word count" lines), for telling a
   * vague word from a topic: optional.
   */
  senses: z.string().optional(),
  /**
   * Opposite properties (tools/knowledge/antonyms.ts: "word antonym..." lines, WordNet's direct
   * antonyms of adjectives), for refinements: optional.
   */
  antonyms: z.string().optional(),
});
export type KnowledgeFile = z.infer<typeof KnowledgeFileSchema>;

export interface Concept {
  readonly id: number;
  readonly en: string;
  readonly ko: string;
  readonly kind: ConceptKind;
  /** ISO 3166-1 code for places. */
  readonly cc: string;
  /** Catalog item ids that are this concept (a country's flag). */
  readonly items: readonly string[];
}

export interface Edge {
  readonly weight: number;
  /** Each hop: the relation followed and the concept reached; the last is the target. */
  readonly hops: readonly { readonly rel: number; readonly to: number }[];
}

export interface SurfaceSense {
  readonly concept: number;
  readonly weight: number;
  readonly rel: number;
}

export interface KnowledgeBase {
  readonly relations: readonly string[];
  readonly concepts: readonly Concept[];
  /** Per concept, its edges. Decoded in full on first access: per-turn code uses edgesOf(). */
  readonly edges: readonly (readonly Edge[])[];
  readonly surfaces: ReadonlyMap<string, readonly SurfaceSense[]>;
  /** Longest surface form in words: bounds the n-gram search. */
  readonly maxSurfaceWords: number;
  readonly sources: Readonly<Record<string, string>>;
  /** Decodes (once) the edges of one concept. */
  readonly edgesOf: (concept: number) => readonly Edge[];
  /**
   * Ids of the catalog items whose definitions carry an English word ("yellow": the lemon, the
   * banana), for refinements only; empty for a word no definition uses or a file without the table.
   */
  readonly itemsWithProperty: (word: string) => readonly string[];
  /**
   * Ids of the catalog items that are kinds of what an English word names ("vehicle": the airplane and
   * the canoe, whose words never say vehicle; "dog": the poodle, not the hot dog); empty for none or a
   * file without the table.
   */
  readonly itemsOfKind: (word: string) => readonly string[];
  /** WordNet senses of an English word over all parts of speech, where the file lists it (many); 0 otherwise. */
  readonly senseCount: (word: string) => number;
  /** The opposite properties of an English word ("cold": hot); empty for none or a file without the table. */
  readonly antonymsOf: (word: string) => readonly string[];
}

export class KnowledgeError extends Error {
  override name = 'KnowledgeError';
  constructor(
    message: string,
    readonly code: 'invalid-format' | 'dangling-reference',
  ) {
    super(message);
  }
}

const invalid = (what: string): never => {
  throw new KnowledgeError(`Invalid knowledge file: ${what}`, 'invalid-format');
};

/** Small integers from a char column. */
function charColumn(s: string, where: string, max: number): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const v = s.charCodeAt(i) - CHAR0;
    if (v < 0 || v > max) invalid(`${where}.${i}: ${v} is out of range`);
    out[i] = v;
  }
  return out;
}

/** Non-negative integers from a JSON array; `delta` undoes delta coding. */
function intColumn(xs: readonly unknown[], where: string, delta = false): Uint32Array {
  const out = new Uint32Array(xs.length);
  let prev = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (typeof x !== 'number' || !Number.isInteger(x) || (!delta && x < 0)) invalid(`${where}.${i}: expected an integer`);
    const v = delta ? prev + (x as number) : (x as number);
    if (v < 0) invalid(`${where}.${i}: negative id`);
    out[i] = prev = v;
  }
  return out;
}

const splitLines = (s: string) => (s === '' ? [] : s.split('\n'));

/** Surfaces as a read-only map over the shipped columns: senses are decoded on first lookup. */
class SurfaceIndex implements ReadonlyMap<string, readonly SurfaceSense[]> {
  private readonly cache = new Map<string, readonly SurfaceSense[]>();
  /** form -> row in the explicit table (>= 0), or -1 - concept for a concept's own name alone. */
  private readonly index = new Map<string, number>();

  constructor(
    names: readonly string[],
    forms: readonly string[],
    private readonly start: Uint32Array,
    private readonly concepts: Uint32Array,
    private readonly weights: Uint8Array,
    private readonly rels: Uint8Array,
    private readonly implicitRel: number,
  ) {
    for (let c = 0; c < names.length; c++) {
      const f = names[c]!.toLowerCase();
      if (!this.index.has(f)) this.index.set(f, -1 - c);
    }
    for (let r = 0; r < forms.length; r++) this.index.set(forms[r]!, r);
  }

  get size() { return this.index.size; }
  has(form: string) { return this.index.has(form); }
  get(form: string): readonly SurfaceSense[] | undefined {
    const hit = this.cache.get(form);
    if (hit) return hit;
    const r = this.index.get(form);
    if (r === undefined) return undefined;
    let senses: SurfaceSense[];
    if (r < 0) senses = [{ concept: -1 - r, weight: 1, rel: this.implicitRel }];
    else {
      senses = [];
      for (let j = this.start[r]!; j < this.start[r + 1]!; j++) senses.push({ concept: this.concepts[j]!, weight: this.weights[j]! / 100, rel: this.rels[j]! });
    }
    this.cache.set(form, senses);
    return senses;
  }
  forEach(fn: (value: readonly SurfaceSense[], key: string, map: ReadonlyMap<string, readonly SurfaceSense[]>) => void) {
    for (const k of this.index.keys()) fn(this.get(k)!, k, this);
  }
  *entries(): MapIterator<[string, readonly SurfaceSense[]]> { for (const k of this.index.keys()) yield [k, this.get(k)!]; }
  keys(): MapIterator<string> { return this.index.keys(); }
  *values(): MapIterator<readonly SurfaceSense[]> { for (const k of this.index.keys()) yield this.get(k)!; }
  [Symbol.iterator]() { return this.entries(); }
}

/** word -> its antonyms, from "word antonym..." lines. */
function antonymTable(text: string | undefined): (word: string) => readonly string[] {
  const table = new Map<string, readonly string[]>();
  for (const line of (text ?? '').split('\n')) {
    if (!line) continue;
    const [word, ...opposite] = line.split(' ');
    if (!word || opposite.length === 0 || opposite.some((w) => w.length === 0)) invalid(`antonyms: "${line.slice(0, 40)}"`);
    table.set(word!, opposite);
  }
  return (word) => table.get(word.toLowerCase()) ?? [];
}

/** "word count" lines -> a lookup (0 for a word not listed). */
function senseTable(text: string | undefined): (word: string) => number {
  const counts = new Map<string, number>();
  for (const line of (text ?? '').split('\n')) {
    if (!line) continue;
    const space = line.lastIndexOf(' ');
    const n = Number(line.slice(space + 1));
    if (space <= 0 || !Number.isInteger(n) || n <= 0) invalid(`senses: "${line.slice(0, 40)}"`);
    counts.set(line.slice(0, space), n);
  }
  return (word) => counts.get(word.toLowerCase()) ?? counts.get(lemmatizeEnglish(word.toLowerCase())) ?? 0;
}

/** word (or its English lemma) -> item ids, decoded per word on first lookup from the delta-coded lists (of `table`, into `p.items`). */
function propertyTable(p: KnowledgeFile['properties'], table: { words: string; lists: string } | undefined, name: string): (word: string) => readonly string[] {
  if (!p || !table) return () => [];
  const ids = splitLines(p.items);
  const words = splitLines(table.words);
  const lists = splitLines(table.lists);
  if (lists.length !== words.length) invalid(`${name}: ${words.length} words, ${lists.length} lists`);
  const row = new Map(words.map((w, i) => [w, i]));
  const cache = new Map<string, readonly string[]>();
  return (word) => {
    const hit = cache.get(word);
    if (hit) return hit;
    // The table is keyed by lemmas (definitions say "foot"; people say "only what you wear on your feet").
    const r = row.get(word) ?? row.get(lemmatizeEnglish(word));
    let out: string[] = [];
    if (r !== undefined) {
      let at = 0;
      out = lists[r]!.split(' ').map((d) => {
        at += Number(d);
        const id = ids[at];
        return id === undefined ? invalid(`${name}.lists.${r}: item ${at} of ${ids.length}`) : id;
      });
    }
    cache.set(word, out);
    return out;
  };
}

/** Validates raw JSON of the knowledge file; throws KnowledgeError with the first problems named. */
export function parseKnowledge(json: unknown): KnowledgeBase {
  const r = KnowledgeFileSchema.safeParse(json);
  if (!r.success) {
    const first = r.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new KnowledgeError(`Invalid knowledge file: ${first.join('; ')}`, 'invalid-format');
  }
  const f = r.data;
  const nRel = f.relations.length;
  const names = f.names.split('\n');
  const n = names.length;
  const dangling = (where: string, c: number): never => {
    throw new KnowledgeError(`Invalid knowledge file: ${where} names concept ${c}, there are ${n}`, 'dangling-reference');
  };
  const checkIds = (ids: Uint32Array, where: string) => { for (const c of ids) if (c >= n) dangling(where, c); };
  const checkRels = (rels: Uint8Array, where: string) => {
    for (const x of rels) if (x >= nRel) throw new KnowledgeError(`Invalid knowledge file: ${where} names relation ${x}, there are ${nRel}`, 'dangling-reference');
  };

  // Concepts: names, then the sparse Korean names, places and items.
  const ko = new Array<string>(n).fill('');
  const kinds = new Uint8Array(n);
  const cc = new Array<string>(n).fill('');
  const items = new Array<readonly string[]>(n).fill([]);
  const koIds = intColumn(f.ko.ids, 'ko.ids', true);
  const koNames = splitLines(f.ko.names);
  if (koNames.length !== koIds.length) invalid(`ko: ${koIds.length} ids, ${koNames.length} names`);
  checkIds(koIds, 'ko');
  koIds.forEach((c, i) => (ko[c] = koNames[i]!));
  const placeIds = intColumn(f.places.ids, 'places.ids', true);
  if (f.places.kinds.length !== placeIds.length || f.places.cc.length !== 2 * placeIds.length) invalid('places: columns of different lengths');
  checkIds(placeIds, 'places');
  placeIds.forEach((c, i) => {
    const k = f.places.kinds.charCodeAt(i) - 48;
    if (!(k >= 1 && k < CONCEPT_KINDS.length)) invalid(`places.kinds.${i}: ${k}`);
    kinds[c] = k;
    cc[c] = f.places.cc.slice(2 * i, 2 * i + 2).trim();
  });
  const itemIds = intColumn(f.items.ids, 'items.ids', true);
  const itemLists = splitLines(f.items.lists);
  if (itemLists.length !== itemIds.length) invalid(`items: ${itemIds.length} ids, ${itemLists.length} lists`);
  checkIds(itemIds, 'items');
  itemIds.forEach((c, i) => (items[c] = itemLists[i]!.split(' ')));
  const concepts: Concept[] = names.map((en, id) => (en ? { id, en, ko: ko[id]!, kind: CONCEPT_KINDS[kinds[id]!]!, cc: cc[id]!, items: items[id]! } : invalid(`names.${id}: empty name`)));

  // Edges: offsets per concept into the edge columns, per edge into the hop columns.
  const e = f.edges;
  if (e.counts.length !== n) throw new KnowledgeError(`Invalid knowledge file: ${e.counts.length} edge counts for ${n} concepts`, 'dangling-reference');
  const edgeCounts = charColumn(e.counts, 'edges.counts', 255);
  const edgeStart = new Uint32Array(n + 1);
  for (let c = 0; c < n; c++) edgeStart[c + 1] = edgeStart[c]! + edgeCounts[c]!;
  const nEdges = edgeStart[n]!;
  if (e.weights.length !== nEdges || e.hops.length !== nEdges) invalid(`edges: ${nEdges} edges, ${e.weights.length} weights, ${e.hops.length} hop counts`);
  const edgeWeights = charColumn(e.weights, 'edges.weights', 100);
  const hopCounts = charColumn(e.hops, 'edges.hops', 255);
  const hopStart = new Uint32Array(nEdges + 1);
  for (let k = 0; k < nEdges; k++) {
    if (hopCounts[k] === 0) invalid(`edges.hops.${k}: an edge has at least one hop`);
    hopStart[k + 1] = hopStart[k]! + hopCounts[k]!;
  }
  const nHops = hopStart[nEdges]!;
  if (e.rels.length !== nHops || e.to.length !== nHops) invalid(`edges: ${nHops} hops, ${e.rels.length} relations, ${e.to.length} targets`);
  const hopRels = charColumn(e.rels, 'edges.rels', 255);
  const hopTo = intColumn(e.to, 'edges.to');
  checkRels(hopRels, 'an edge');
  checkIds(hopTo, 'an edge');
  const edgeCache = new Array<readonly Edge[] | undefined>(n);
  const edgesOf = (c: number): readonly Edge[] => {
    let list = edgeCache[c];
    if (list) return list;
    const out: Edge[] = [];
    for (let k = edgeStart[c]!; k < edgeStart[c + 1]!; k++) {
      const hops: { rel: number; to: number }[] = [];
      for (let h = hopStart[k]!; h < hopStart[k + 1]!; h++) hops.push({ rel: hopRels[h]!, to: hopTo[h]! });
      out.push({ weight: edgeWeights[k]! / 100, hops });
    }
    edgeCache[c] = list = c >= 0 && c < n ? out : [];
    return list;
  };

  // Surfaces.
  const s = f.surfaces;
  const forms = splitLines(s.forms);
  if (s.counts.length !== forms.length) invalid(`surfaces: ${forms.length} forms, ${s.counts.length} counts`);
  const senseCounts = charColumn(s.counts, 'surfaces.counts', 255);
  const senseStart = new Uint32Array(forms.length + 1);
  for (let k = 0; k < forms.length; k++) {
    if (senseCounts[k] === 0) invalid(`surfaces.counts.${k}: a surface has at least one sense`);
    senseStart[k + 1] = senseStart[k]! + senseCounts[k]!;
  }
  const nSenses = senseStart[forms.length]!;
  if (s.concepts.length !== nSenses || s.weights.length !== nSenses || s.rels.length !== nSenses) invalid(`surfaces: ${nSenses} senses, columns of other lengths`);
  const senseConcepts = intColumn(s.concepts, 'surfaces.concepts');
  checkIds(senseConcepts, 'a surface');
  const senseRels = charColumn(s.rels, 'surfaces.rels', 255);
  checkRels(senseRels, 'a surface');
  const implicitRel = f.relations.indexOf(IMPLICIT_RELATION);
  if (implicitRel < 0) invalid(`relations: "${IMPLICIT_RELATION}" is missing`);
  const surfaces = new SurfaceIndex(names, forms, senseStart, senseConcepts, charColumn(s.weights, 'surfaces.weights', 100), senseRels, implicitRel);

  const kb = { relations: f.relations, concepts, surfaces, maxSurfaceWords: f.maxSurfaceWords, sources: f.sources ?? {}, edgesOf, itemsWithProperty: propertyTable(f.properties, f.properties, 'properties'), itemsOfKind: propertyTable(f.properties, f.kinds, 'kinds'), senseCount: senseTable(f.senses), antonymsOf: antonymTable(f.antonyms) } as Omit<KnowledgeBase, 'edges'>;
  let all: (readonly Edge[])[] | undefined;
  return Object.defineProperty(kb, 'edges', { enumerable: true, get: () => (all ??= concepts.map((c) => edgesOf(c.id))) }) as KnowledgeBase;
}
