// What a turn's phrases name as catalog items through the knowledge layer, for the information node
// (./information.ts): a refinement's property by the items' definitions and by what goes with a season
// or situation it names, and a topic's kinds by WordNet's hypernyms. Each is an expansion that links
// items (Expansion.itemIds) rather than words to search for.
import { MAX_EXPANSION_ITEMS, type TurnExtraction } from '../intent.ts';
import { associatesReader, expandPhrase, propertyItems } from '../knowledge/expand.ts';
import type { KnowledgeBase } from '../knowledge/format.ts';
import { findConcepts } from '../knowledge/match.ts';
import { norm } from './journey.ts';

type Linked = NonNullable<TurnExtraction['expansions']>[number];

/**
 * A refinement's property read through the items' definitions (tools/knowledge/properties.ts): for each
 * English word of the refining phrase, the items whose definitions have it ("lemon: yellow oval
 * fruit"). They narrow the topic (src/core/fusion/narrow.ts) where no tag names the property.
 */
export function propertyExpansions(
  kb: KnowledgeBase, phrases: readonly { text: string; weight: number }[], topic: readonly { text: string }[], lacking: boolean,
  share: number, catalogItems?: (phrase: string) => readonly string[],
): Linked[] {
  const out: Linked[] = [];
  // What goes with a season or situation the property names: its things' items ("only stuff for
  // winter": the scarf and the coat, whose definitions never say winter).
  const associates = associatesReader(kb);
  // The property is what the refinement adds to the topic ("winter sports only" after "sports": winter).
  const topicWords = new Set(topic.flatMap((t) => t.text.toLocaleLowerCase().split(' ')));
  const propertyOf = (text: string) => text.toLocaleLowerCase().split(' ').filter((w) => !topicWords.has(w)).join(' ') || text;
  for (const p of catalogItems ? phrases : []) {
    const names = associates(p.text).length > 0 ? associates(p.text) : associates(propertyOf(p.text));
    const ids = [...new Set(names.flatMap((n) => catalogItems!(n)))].slice(0, MAX_EXPANSION_ITEMS);
    if (ids.length === 0) continue;
    const from = norm(p.text).slice(0, 64);
    out.push({ text: names[0]!, weight: Math.min(1, p.weight * share), reason: `${from} → ${names.slice(0, 3).join(', ')}`.slice(0, 120), from, itemIds: ids });
  }
  // Word by word likewise ("only farm animals" after "animals": farm).
  for (const p of phrases) {
    const from = norm(p.text).slice(0, 64);
    // English words, and a Korean property word through the seed's own English word ("노란" -> yellow,
    // tools/knowledge/ko-property-words.ts): through the emoji-keyword translations ("따뜻한 -> warm,
    // hot") the definitions widened the refinement past what was meant (dev part, refine ko 0.75 ->
    // 0.60: sake and fondue for warm drinks).
    const english = /^[a-z -]+$/i.test(p.text) ? p.text.toLocaleLowerCase().split(' ') : seedEnglish(kb, p.text);
    for (const w of new Set(english.filter((x) => !topicWords.has(x)))) {
      // Its opposite is refused ("only cold ones": not the hot beverage), where the turn asks for the
      // property, not for what lacks it (tools/knowledge/antonyms.ts).
      if (!lacking) {
        for (const a of kb.antonymsOf(w)) {
          if (!topicWords.has(a)) out.push({ text: a, weight: Math.min(1, p.weight * share), reason: `${from} → not ${a}`, from, opposite: true });
        }
      }
      const ids = propertyItems(kb, w);
      if (ids.length > 0 && ids.length <= MAX_EXPANSION_ITEMS) out.push({ text: w, weight: Math.min(1, p.weight * share), reason: from === w ? w : `${from} → ${w}`, from, itemIds: [...ids] });
      // And the thing the property is of, with its kinds ("stormy": what a storm's definition names and
      // the kinds of storm, the cyclone and the lightning; before, only the cyclone fitted and the sun
      // stayed beside it).
      for (const n of propertyNouns(kb, w)) {
        const of = [...new Set([...propertyItems(kb, n), ...kb.itemsOfKind(n)])];
        if (of.length === 0 || of.length > MAX_EXPANSION_ITEMS || of.every((id) => ids.includes(id))) continue;
        out.push({ text: n, weight: Math.min(1, p.weight * share), reason: `${from} → ${n}`, from, itemIds: of });
      }
    }
  }
  return out;
}

/**
 * The nouns an English property word is of: its derivations the knowledge layer ships ("rainy → rain")
 * and, for an adjective in -y, its stem where that is a word the layer knows ("stormy → storm", "foggy →
 * fog"), whose shipped senses do not reach it.
 */
function propertyNouns(kb: KnowledgeBase, w: string): string[] {
  const derived = expandPhrase(kb, w, 'en', 12).filter((e) => e.provenance.length === 1 && e.provenance[0]!.via === 'derivation').map((e) => e.text.toLocaleLowerCase());
  const stems = /^[a-z]{4,}y$/.test(w) ? [w.slice(0, -1), ...(w.at(-2) === w.at(-3) ? [w.slice(0, -2)] : [])] : [];
  const known = stems.filter((s) => findConcepts(kb, s).some((m) => m.text === s));
  return [...new Set([...derived, ...known])].filter((n) => n !== w && /^[a-z]+$/.test(n));
}

/**
 * A phrase asked for that names a kind of thing brings the items that are kinds of it by WordNet's
 * hypernyms (KnowledgeBase.itemsOfKind): "vehicles" holds the airplane and the canoe, whose words never
 * say vehicle, and a dog is the poodle before the hot dog, which only shares the word. At this share of
 * the phrase's weight, as linked items (sources/knowledge.ts).
 */
const KIND_SHARE = 0.9;
/** WordNet senses from which a word is too vague to name a kind (the shipped sense counts start at 12). */
const KIND_MAX_SENSES = 12;

export function kindExpansions(kb: KnowledgeBase, phrases: readonly { text: string; weight: number }[]): Linked[] {
  const out: Linked[] = [];
  for (const p of phrases) {
    const from = norm(p.text).slice(0, 64);
    // The whole phrase only: "인도 음식" (Indian food) is no kind of food in general.
    const english = /^[a-z -]+$/i.test(p.text) ? [p.text.toLocaleLowerCase()] : seedEnglish(kb, p.text, true);
    for (const w of new Set(english)) {
      // A word of many senses names no one kind ("more along those lines": railway lines, thread).
      if (kb.senseCount(w) >= KIND_MAX_SENSES) continue;
      const ids = kb.itemsOfKind(w);
      if (ids.length === 0 || ids.length > MAX_EXPANSION_ITEMS) continue;
      out.push({ text: w, weight: Math.min(1, p.weight * KIND_SHARE), reason: from === w ? w : `${from} → ${w}`, from, itemIds: [...ids] });
    }
  }
  return out;
}

/** Each refused phrase's kinds as catalog items (Interest.itemIds: "no alcohol" hides the sake), where it has any. */
export function dislikedKinds(kb: KnowledgeBase, dislikes: readonly string[]): NonNullable<TurnExtraction['dislikedKinds']> {
  return dislikes.flatMap((text) => {
    const ids = [...new Set(kindExpansions(kb, [{ text, weight: 1 }]).flatMap((e) => e.itemIds ?? []))].slice(0, MAX_EXPANSION_ITEMS);
    return ids.length > 0 ? [{ text, itemIds: ids }] : [];
  });
}

/** The English words the Korean seed lists give a phrase's words ("노란" -> yellow), none for others. */
function seedEnglish(kb: KnowledgeBase, text: string, whole = false): string[] {
  return findConcepts(kb, text, { stem: true }).filter((m) => SEED_NAMING.test(kb.relations[m.rel] ?? '') && (!whole || m.text === text.toLocaleLowerCase())).map((m) => kb.concepts[m.concept]!.en.toLocaleLowerCase());
}
const SEED_NAMING = /^(?:seed:ko-predicate(?:-state)?|ko-basic:translation)$/;
