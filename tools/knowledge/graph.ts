// The knowledge graph while it is being built, and its compact serialisation (the shipped format 2 read
// by src/core/knowledge/format.ts): a string table of concept names and columns of small integers, each
// edge a weight and its hops (relation, concept) whose last concept is the target, so a reason can name
// every hop ("thirsty → thirst → drink") without shipping objects. While building, an edge is a flat
// list [weight%, rel, concept, rel, concept, ...].
import { PLACE_THINGS_RELATION } from '../../src/core/knowledge/format.ts';
/** The relation of a concept's own name to it; the runtime adds these surfaces itself. */
export const IMPLICIT_RELATION = 'wordnet:lemma';
/** A hand-written seed's link to what goes with it (tools/knowledge/occasions.ts, situations.ts). */
const SEED_EDGE = /^seed-(?:occasion|situation)$/;
export type ConceptKind = 'word' | 'country' | 'city';
export const KIND_CODES: Record<ConceptKind, number> = { word: 0, country: 1, city: 2 };
/** Small integers (counts, weight %, relation index) ship as one character each: CHAR0 + value. */
export const CHAR0 = 0x20;

export interface Concept {
  key: string;
  kind: ConceptKind;
  en: string;
  ko: string;
  cc: string;
  items: string[];
}

export class GraphBuilder {
  readonly concepts: Concept[] = [];
  readonly byKey = new Map<string, number>();
  readonly relations: string[] = [];
  readonly edges = new Map<number, number[][]>();
  /** surface form (normalised) -> flat [concept, weight%, rel, ...] */
  readonly surfaces = new Map<string, number[]>();

  rel(name: string): number {
    let i = this.relations.indexOf(name);
    if (i < 0) i = this.relations.push(name) - 1;
    return i;
  }

  concept(key: string, init: Partial<Omit<Concept, 'key'>> = {}): number {
    let i = this.byKey.get(key);
    if (i === undefined) {
      i = this.concepts.push({ key, kind: 'word', en: key, ko: '', cc: '', items: [], ...init }) - 1;
      this.byKey.set(key, i);
    } else {
      const c = this.concepts[i]!;
      if (init.kind && init.kind !== 'word' && c.kind === 'word') c.kind = init.kind;
      if (init.cc && !c.cc) c.cc = init.cc;
      if (init.ko && !c.ko) c.ko = init.ko;
      if (init.en && c.en === key) c.en = init.en;
      for (const it of init.items ?? []) if (!c.items.includes(it)) c.items.push(it);
    }
    return i;
  }

  /** Adds an edge unless the same target is already reached with at least this weight (a seed's link excepted). */
  edge(from: number, weight: number, hops: { rel: string; to: number }[]) {
    const target = hops[hops.length - 1]!.to;
    if (target === from) return;
    const list = this.edges.get(from) ?? [];
    const w = Math.round(Math.min(weight, 0.95) * 100);
    const existing = list.findIndex((e) => e[e.length - 1] === target);
    // A hand-written seed's link to a target says it as the seed means it, at the heavier weight: it
    // ships with the seed's others (serialise), where WordNet's link to the same target ("camping" ->
    // tent) would have been cut with WordNet's.
    const seedHop = hops.length === 1 && SEED_EDGE.test(hops[0]!.rel);
    let weightKept = w;
    if (existing >= 0) {
      const prev = list[existing]!;
      const prevSeed = prev.length === 3 && SEED_EDGE.test(this.relations[prev[1]!]!);
      if (prev[0]! >= w && !(seedHop && !prevSeed)) return;
      weightKept = Math.max(w, prev[0]!);
      list.splice(existing, 1);
    }
    list.push([weightKept, ...hops.flatMap((h) => [this.rel(h.rel), h.to])]);
    this.edges.set(from, list);
  }

  surface(form: string, concept: number, weight: number, rel: string) {
    const f = form.normalize('NFKC').toLowerCase().trim();
    if (!f) return;
    const list = this.surfaces.get(f) ?? [];
    for (let i = 0; i < list.length; i += 3) if (list[i] === concept) {
      if (list[i + 1]! < Math.round(weight * 100)) list[i + 1] = Math.round(weight * 100);
      // The hand-written seed's reading is the one kept: a Korean predicate form matches only through a
      // seed relation (src/core/knowledge/match.ts), so "졸린다" lost "sleepy" when a translation of the
      // same concept came first; so is a basic word's one translation ("물": water), which the property
      // reader of a refinement takes (src/core/extract/information.ts seedEnglish).
      if (rel.startsWith('seed:') || (rel.startsWith('ko-basic:') && !this.relations[list[i + 2]!]!.startsWith('seed'))) list[i + 2] = this.rel(rel);
      return;
    }
    list.push(concept, Math.round(weight * 100), this.rel(rel));
    this.surfaces.set(f, list);
  }

  /**
   * The shipped file, format 2: columns instead of nested rows (see src/core/knowledge/format.ts for the
   * reader). `keepEdges(concept)` says whether a word concept's own edges are worth shipping (a word
   * people may type); concepts nothing points at and that reach nothing are dropped. Concept ids are
   * given by how often edges reach a concept, so the commonest targets have the shortest numbers.
   */
  serialise(meta: Record<string, unknown>, maxEdges: number, keepEdges: (c: Concept) => boolean = () => true) {
    // Concepts some other form names (a Korean word, a place name); a lemma's own name does not count.
    const surfaced = new Set<number>();
    const implicit = this.rel(IMPLICIT_RELATION);
    for (const list of this.surfaces.values()) for (let i = 0; i < list.length; i += 3) if (list[i + 2] !== implicit) surfaced.add(list[i]!);
    // A hand-written seed's links ship first: where an occasion's or situation's name is also a WordNet
    // word, WordNet's heavier links had pushed out what it implies ("presentation" kept "award").
    const seedRels = new Set(this.relations.flatMap((r, i) => (SEED_EDGE.test(r) ? [i] : [])));
    const seeded = (e: number[]) => (seedRels.has(e[1]!) ? 1 : 0);
    // A place's seeded things (tools/knowledge/place-things.ts) ship besides its maxEdges others.
    const placeRel = this.relations.indexOf(PLACE_THINGS_RELATION);
    const edgesOf = (i: number) => {
      const c = this.concepts[i]!;
      if (c.kind === 'word' && !surfaced.has(i) && !keepEdges(c)) return [];
      const all = this.edges.get(i) ?? [];
      const things = all.filter((e) => e[1] === placeRel);
      // A seed's own links all ship (a hand-written list, a screen's worth: tools/knowledge/situations.ts);
      // other links fill what remains of maxEdges.
      const seeds = all.filter((e) => seeded(e) === 1).sort((a, b) => b[0]! - a[0]! || a[a.length - 1]! - b[b.length - 1]!);
      const rest = all.filter((e) => e[1] !== placeRel && seeded(e) === 0).sort((a, b) => b[0]! - a[0]! || a[a.length - 1]! - b[b.length - 1]!).slice(0, Math.max(0, maxEdges - seeds.length));
      return [...seeds, ...rest, ...things];
    };
    const kept = new Map<number, number[][]>();
    const refs = new Map<number, number>();
    const keep = new Set<number>(surfaced);
    this.concepts.forEach((c, i) => {
      if (c.kind !== 'word') keep.add(i);
      const list = edgesOf(i);
      if (!list.length) return;
      kept.set(i, list);
      keep.add(i);
      for (const e of list) for (let j = 2; j < e.length; j += 2) { keep.add(e[j]!); refs.set(e[j]!, (refs.get(e[j]!) ?? 0) + 1); }
    });
    const order = [...keep].sort((a, b) => (refs.get(b) ?? 0) - (refs.get(a) ?? 0) || (this.concepts[a]!.en < this.concepts[b]!.en ? -1 : this.concepts[a]!.en > this.concepts[b]!.en ? 1 : a - b));
    const newId = new Map(order.map((old, i) => [old, i]));
    const chr = (x: number) => String.fromCharCode(CHAR0 + x);
    const delta = (xs: number[]) => xs.map((x, i) => (i ? x - xs[i - 1]! : x));
    const koIds: number[] = [], koNames: string[] = [], placeIds: number[] = [], placeKinds: string[] = [], placeCc: string[] = [], itemIds: number[] = [], itemLists: string[] = [];
    order.forEach((old, id) => {
      const c = this.concepts[old]!;
      if (c.ko) { koIds.push(id); koNames.push(c.ko); }
      if (c.kind !== 'word') { placeIds.push(id); placeKinds.push(String(KIND_CODES[c.kind])); placeCc.push(c.cc.padEnd(2, ' ').slice(0, 2)); }
      if (c.items.length) { itemIds.push(id); itemLists.push(c.items.join(' ')); }
    });
    let edgeCounts = '', edgeWeights = '', hopCounts = '', hopRels = '';
    const hopTo: number[] = [];
    for (const old of order) {
      const list = kept.get(old) ?? [];
      edgeCounts += chr(list.length);
      for (const e of list) {
        edgeWeights += chr(e[0]!);
        hopCounts += chr((e.length - 1) / 2);
        for (let j = 1; j < e.length; j += 2) { hopRels += chr(e[j]!); hopTo.push(newId.get(e[j + 1]!)!); }
      }
    }
    // Surfaces: every concept's own name (lower case) is implicitly a surface of it (weight 1,
    // IMPLICIT_RELATION); a form that means more than that ships its full sense list, implicit sense first.
    const implicitRel = this.rel(IMPLICIT_RELATION);
    const byName = new Map<string, number[]>();
    order.forEach((old, id) => { const f = this.concepts[old]!.en.toLowerCase(); (byName.get(f) ?? byName.set(f, []).get(f)!).push(id); });
    const rows = new Map<string, number[]>();
    for (const [f, list] of this.surfaces) {
      const row: number[] = [];
      for (let j = 0; j < list.length; j += 3) if (newId.has(list[j]!)) row.push(newId.get(list[j]!)!, list[j + 1]!, list[j + 2]!);
      if (row.length) rows.set(f, row);
    }
    for (const [f, ids] of byName) {
      const row = rows.get(f);
      if (!row && ids.length === 1) continue;
      const explicit = row ?? [];
      const implicit: number[] = [];
      for (const id of ids.slice().reverse()) {
        let has = false;
        for (let j = 0; j < explicit.length; j += 3) if (explicit[j] === id) has = true;
        if (!has) implicit.push(id, 100, implicitRel);
      }
      rows.set(f, [...implicit, ...explicit]);
    }
    // Rows that say only what the implicit rule says are not shipped.
    for (const [f, row] of rows) if (row.length === 3 && row[1] === 100 && row[2] === implicitRel && byName.get(f)?.length === 1 && byName.get(f)![0] === row[0]) rows.delete(f);
    const forms = [...rows.keys()].sort();
    let senseCounts = '', senseWeights = '', senseRels = '';
    const senseConcepts: number[] = [];
    for (const f of forms) {
      const row = rows.get(f)!;
      senseCounts += chr(row.length / 3);
      for (let j = 0; j < row.length; j += 3) { senseConcepts.push(row[j]!); senseWeights += chr(row[j + 1]!); senseRels += chr(row[j + 2]!); }
    }
    let maxSurfaceWords = 1;
    for (const f of [...forms, ...byName.keys()]) maxSurfaceWords = Math.max(maxSurfaceWords, f.split(' ').length);
    return {
      formatVersion: 2, ...meta, relations: this.relations, maxSurfaceWords,
      names: order.map((old) => this.concepts[old]!.en).join('\n'),
      ko: { ids: delta(koIds), names: koNames.join('\n') },
      places: { ids: delta(placeIds), kinds: placeKinds.join(''), cc: placeCc.join('') },
      items: { ids: delta(itemIds), lists: itemLists.join('\n') },
      edges: { counts: edgeCounts, weights: edgeWeights, hops: hopCounts, rels: hopRels, to: hopTo },
      surfaces: { forms: forms.join('\n'), counts: senseCounts, concepts: senseConcepts, weights: senseWeights, rels: senseRels },
    };
  }
}
