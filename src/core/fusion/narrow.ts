// Two rules that decide which items a feed may show at all, beyond "not disliked, not unsafe, not
// skipped": a refinement narrows the current topic to an intersection ("show me animals" then "only
// the ones that fly" keeps animals that fly) when that fills a screen, and otherwise keeps the topic
// with the fitting items first; and a dislike gives way to a more recent explicit
// request ("no animals", later "cats please": cats show, other animals stay hidden).
import { rowsOf } from '../catalog.ts';
import { COLOR_TERMS, colorWords } from '../colors.ts';
import type { Intent } from '../intent.ts';
import { dislikedItems, FIELD_WEIGHTS, type LexicalIndex, scorePhrases } from '../lexical.ts';
import { packOfText } from '../lang/packs.ts';
import { matchTokens } from '../text.ts';
import { topicItemIds, wantedPhrases } from '../wanted.ts';

const key = (s: string) => s.toLocaleLowerCase();

/**
 * Items matching any of the phrases (their full lexical hits). `exact` for a refinement: it names a
 * property, and a prefix of another word is not it ("only hot ones" let the pancakes in by "hotcake").
 */
function matching(lexical: LexicalIndex, phrases: readonly { text: string; weight: number }[], exact = false): Set<number> {
  return phrases.length === 0 ? new Set() : new Set(scorePhrases(lexical, phrases.map((p) => ({ text: p.text, weight: 1 })), exact ? { fuzzy: false } : {}).keys());
}

/** As `matching`, with each item's best phrase score (a field's weight: a title 1, a picture's colour 0.4). */
function matchScores(lexical: LexicalIndex, phrases: readonly { text: string; weight: number }[], exact = false): Map<number, number> {
  const out = new Map<number, number>();
  for (const p of phrases) {
    for (const [i, h] of scorePhrases(lexical, [{ text: p.text, weight: 1 }], exact ? { fuzzy: false } : {})) out.set(i, Math.max(out.get(i) ?? 0, h.score));
  }
  return out;
}

/**
 * A refined feed keeps the whole topic unless the intersection holds half a screen: below that, an
 * intersection of one or two items left a near-empty feed ("drinks", then "only hot ones": one hot
 * drink), and no intersection at all showed the refinement's matches alone (warm clothes for warm
 * drinks). The topic stays and the items that fit the refinement come first (`refinementFit`). At 10
 * (a whole screen), "fruit, only the red ones" still showed the green apple after the four red fruits:
 * at 5, dev2's must-not-show rate for English fell from 8/30 to 5/30, relevance unchanged (dev refine
 * en 0.725 -> 0.700, one conversation; tests/golden/understanding).
 */
export const MIN_REFINED_ITEMS = 5;

interface Refinement {
  /** Items matching the refinement's words and the expansions that came from them. */
  refine: Set<number>;
  /**
   * Of those, the ones whose own words (title, tags) or picture (its colours) say it, not only a
   * definition, with how surely: the best field weight the refinement's words reach in them.
   */
  refineWords: Map<number, number>;
  /** Items matching what is wanted apart from the refinement. */
  topic: Set<number>;
  /** Items whose own words say the opposite of the refinement ("only cold ones": the hot beverage): never kept. */
  opposite: Set<number>;
  /** The kinds (catalog subgroups) the refinement picks out of the topic (`kindsPicked`). */
  kinds: ReadonlySet<string>;
  /** Fitting items of the topic's home kind that no word of the topic names (`homeKinds`). */
  home: ReadonlySet<number>;
}

/**
 * A catalog subgroup holding at least this share of what the topic's words match is the topic's home:
 * its items belong to the topic though the topic's words miss them. "clothes", then "only the stuff you
 * wear in winter": the scarf, the gloves and the coat (the clothing subgroup, never tagged clothes) fit
 * the winter, and had not been shown at all.
 */
const HOME_SHARE = 0.5;
function homeKinds(lexical: LexicalIndex, said: ReadonlySet<number>): Set<string> {
  const count = new Map<string, number>();
  for (const i of said) { const k = lexical.items[i]!.categories[0]; if (k) count.set(k, (count.get(k) ?? 0) + 1); }
  return new Set([...count].filter(([, n]) => n >= said.size * HOME_SHARE).map(([k]) => k));
}

/** An expansion that is its phrase in another language, one step away ("노란 → yellow"), not a related word. */
const isTranslation = (e: { text: string; from: string; reason: string }) => e.reason.split('→').length === 2 && packOfText(e.text) !== packOfText(e.from);

/** Both match sets of an intent, computed once per intent (delivery and the lexical source ask). */
const refinementsOf = new WeakMap<Intent, Refinement | null>();
/** Every pack's words for the basic colour terms ("red", "빨간"). */
const COLOUR_WORDS: ReadonlySet<string> = new Set(COLOR_TERMS.flatMap((t) => colorWords([t])).map(key));

function refinementOf(lexical: LexicalIndex, intent: Intent): Refinement | null {
  if (refinementsOf.has(intent)) return refinementsOf.get(intent)!;
  let out: Refinement | null = null;
  if (intent.refinements?.length) {
    const refineKeys = new Set(intent.refinements.map((r) => key(r.text)));
    // The property is what the refinement adds to the topic: "only hot drinks" after "drinks" is "hot"
    // (matching either word let every drink fit).
    const topicWords = new Set(intent.keyPhrases.filter((p) => !refineKeys.has(key(p.text))).flatMap((p) => key(p.text).split(' ')));
    const property = (text: string) => key(text).split(' ').filter((w) => !topicWords.has(w)).join(' ') || text;
    const row = rowsOf(lexical.items);
    // Items with the properties of these refinements: by their words, and by definition (the knowledge
    // layer's item properties, on the expansions that came from them).
    const having = (refinements: readonly { text: string; weight: number }[]) => {
      const keys = new Set(refinements.map((r) => key(r.text)));
      const from = (intent.expansions ?? []).filter((e) => !e.opposite && keys.has(key(e.from)));
      // The refinement's words, and their direct translations ("초록색인 → green"), are matched in every
      // field; a word the knowledge layer reached otherwise counts by the items' own words only, not by
      // their pictures' colours: "spicy → blue" (WordNet's "racy" sense) had let every blue picture fit.
      const said = [...refinements.map((r) => ({ ...r, text: property(r.text) })), ...from.filter(isTranslation)];
      const byWords = matchScores(lexical, said, true);
      // A colour is read off the items' words and pictures, not its shades' names: "red -> cherry"
      // (WordNet's cherry red) had let the pink cherry blossom fit "flowers, only the red ones" first.
      const colour = refinements.every((r) => COLOUR_WORDS.has(key(property(r.text))));
      if (!colour) for (const [i, score] of matchScores(lexical, from.filter((e) => !isTranslation(e)), true)) if (score > FIELD_WEIGHTS.color) byWords.set(i, Math.max(byWords.get(i) ?? 0, score));
      const all = new Set(byWords.keys());
      for (const e of from) for (const id of e.itemIds ?? []) { const i = row.get(id); if (i !== undefined) all.add(i); }
      return { byWords, all };
    };
    const topic = matching(lexical, wantedPhrases(intent).filter((p) => !p.from || !refineKeys.has(key(p.from))));
    for (const i of topicLinked(lexical, intent).keys()) topic.add(i);
    const wanted = narrowing(intent.refinements.filter((r) => !r.not), (r) => having([r]).all, saidOf(lexical, intent));
    const lacking = intent.refinements.filter((r) => r.not);
    // "Only the ones that can't fly": what fits is the topic without the items that have the property.
    const excluded = lacking.length > 0 ? having(lacking).all : new Set<number>();
    const fit = wanted.length > 0 ? having(wanted) : { byWords: new Map([...topic].map((i) => [i, 1])), all: new Set(topic) };
    // What its own words call the opposite of the property does not fit, and is not kept with the topic
    // either: "drinks", then "only cold ones" had the hot beverage among the few cold drinks.
    const opposite = matching(lexical, (intent.expansions ?? []).filter((e) => e.opposite && refineKeys.has(key(e.from))), true);
    for (const i of opposite) excluded.add(i);
    const refine = new Set([...fit.all].filter((i) => !excluded.has(i)));
    const said = saidOf(lexical, intent);
    const kinds = kindsPicked(lexical, said, refine);
    for (const i of said) if (kinds.has(lexical.items[i]!.categories[0]!) && !excluded.has(i)) refine.add(i);
    const refineWords = new Map([...fit.byWords].filter(([i]) => !excluded.has(i)));
    const homes = wanted.length > 0 ? homeKinds(lexical, said) : new Set<string>();
    const home = new Set([...refine].filter((i) => !said.has(i) && homes.has(lexical.items[i]!.categories[0]!)));
    out = { refine, refineWords, topic, opposite, kinds, home };
  }
  refinementsOf.set(intent, out);
  return out;
}

/**
 * A kind (catalog subgroup) that the refinement picks out of a topic of several kinds: where at least
 * KIND_MIN_FIT of the topic's own items of that kind fit, and at least KIND_MIN_SHARE of them, and its
 * share is at least half the best kind's, and the kinds so picked hold at most half the topic. All the
 * topic's items of that kind then fit: "vehicles", then "just the ones that go in the air" is every
 * aircraft, the parachute and the cable car too, which no word of the refinement names; "탈것", then
 * "바다에서 타는 것만" is the boats, of which the sea named two.
 */
export const KIND_MIN_FIT = 2;
export const KIND_MIN_SHARE = 0.25;
const KIND_SCREEN = 10;
function kindsPicked(lexical: LexicalIndex, said: ReadonlySet<number>, refine: ReadonlySet<number>): Set<string> {
  const byKind = new Map<string, { items: number[]; fit: number }>();
  for (const i of said) {
    const kind = lexical.items[i]!.categories[0];
    if (kind === undefined) continue;
    const k = byKind.get(kind) ?? byKind.set(kind, { items: [], fit: 0 }).get(kind)!;
    k.items.push(i);
    if (refine.has(i)) k.fit++;
  }
  // Only where the refinement's own evidence leaves less than a screen: "sports", then "only the ones
  // with a ball" has 36 items that say so, and its kind would have let the skis in.
  if (byKind.size < 2 || [...byKind.values()].reduce((n, k) => n + k.fit, 0) >= KIND_SCREEN) return new Set();
  const share = (k: { items: number[]; fit: number }) => k.fit / k.items.length;
  const best = Math.max(...[...byKind.values()].map(share));
  const picked = [...byKind].filter(([, k]) => k.fit >= KIND_MIN_FIT && share(k) >= KIND_MIN_SHARE && share(k) >= best / 2);
  // A kind that is most of the topic is the topic, not a part of it: "fruit", then "only the red
  // ones" is not every fruit because seven of the twenty are red.
  return picked.reduce((n, [, k]) => n + k.items.length, 0) <= said.size / 2 ? new Set(picked.map(([kind]) => kind)) : new Set();
}

/** The topic's linked items (wanted.ts topicItemIds) as rows of the catalog, once per intent. */
const topicLinkedOf = new WeakMap<Intent, ReadonlyMap<number, string>>();
export function topicLinked(lexical: LexicalIndex, intent: Intent): ReadonlyMap<number, string> {
  let out = topicLinkedOf.get(intent);
  if (!out) {
    const row = rowsOf(lexical.items);
    out = new Map([...topicItemIds(intent)].flatMap(([id, from]) => { const i = row.get(id); return i === undefined ? [] : [[i, from] as const]; }));
    topicLinkedOf.set(intent, out);
  }
  return out;
}

/** Items carrying the topic's own words (what the user said, the refinement aside), once per intent. */
const saidOfIntent = new WeakMap<Intent, Set<number>>();
function saidOf(lexical: LexicalIndex, intent: Intent): Set<number> {
  let said = saidOfIntent.get(intent);
  if (!said) {
    const refineKeys = new Set((intent.refinements ?? []).map((r) => key(r.text)));
    said = matching(lexical, [...intent.keyPhrases, ...intent.likes].filter((p) => !refineKeys.has(key(p.text))));
    for (const i of topicLinked(lexical, intent).keys()) said.add(i);
    saidOfIntent.set(intent, said);
  }
  return said;
}

/**
 * A refinement word that at least this share of the topic's own items has does not narrow the topic
 * beside a word that does: it frames the property, it is not one ("clothes", then "only stuff you wear
 * on your feet": "wear" is half the garments by definition, and had let the hats and t-shirts fit
 * beside the shoes). Measured on tests/golden/understanding: bench/RESULTS-knowledge.md, tenth round.
 */
export const FRAMING_SHARE = 0.5;

/** The refinement words that narrow the topic's own items, where some do and others frame them. */
function narrowing<R>(refinements: readonly R[], fitOf: (r: R) => ReadonlySet<number>, said: ReadonlySet<number>): readonly R[] {
  if (refinements.length < 2 || said.size === 0) return refinements;
  const share = (r: R) => [...fitOf(r)].filter((i) => said.has(i)).length / said.size;
  const kept = refinements.filter((r) => share(r) < FRAMING_SHARE);
  return kept.length > 0 ? kept : refinements;
}

/**
 * The items a refined feed is restricted to, or null when the intent has no refinement or the
 * refinement matches nothing (an empty feed helps nobody). The intersection of the refinement's
 * matches with the topic's when it fills MIN_REFINED_ITEMS; otherwise the topic (the items fitting the
 * refinement rank first), and the refinement's matches alone only when there is no topic.
 */
export function refinedItems(lexical: LexicalIndex, intent: Intent): Set<number> | null {
  const r = refinementOf(lexical, intent);
  if (!r) return null;
  const kept = (set: Set<number>) => (r.opposite.size === 0 ? set : new Set([...set].filter((i) => !r.opposite.has(i))));
  // Nothing fits: the topic stays, without what says the opposite.
  if (r.refine.size === 0) return r.opposite.size > 0 && r.topic.size > 0 ? kept(r.topic) : null;
  if (r.topic.size === 0) return r.refine;
  // The intersection with what carries the topic's own words: through the expansions, "birds" also
  // holds the fairies ("bird -> wing"), which are small by definition too.
  const said = topicSaid(lexical, intent);
  // The kinds the refinement picked hold its other fitting items too ("only the ones that go in the
  // air": the parachute and the cable car, which "vehicles" does not name).
  const both = new Set([...r.refine].filter((i) => (r.topic.has(i) && said.has(i)) || r.kinds.has(lexical.items[i]!.categories[0]!) || r.home.has(i)));
  if (both.size >= MIN_REFINED_ITEMS) return both;
  // A refinement that names a kind of item (a catalog category or subgroup) of which what was said has
  // none changes kinds: "travel", then "only the ones about food" is the food, not the trains it kept.
  // (A property that fits nothing, "drinks" then "only warm ones" with no warm drink, still keeps the
  // topic: alone it showed warm clothes.)
  if (![...r.refine].some((i) => said.has(i))) {
    const kind = kindNamed(lexical, intent, r.refine);
    if (kind.size >= MIN_REFINED_ITEMS) return kind;
  }
  // Else with the fitting items an expansion brought into the topic, where they are of a kind (catalog
  // subgroup) the topic's own words match: "clothes", then "only stuff you wear on your feet" is the
  // sandals and hiking boots too, which only "clothes -> clothing" matches; the fairies are no birds.
  const kinds = new Set([...said].flatMap((i) => lexical.items[i]!.categories));
  const wider = new Set([...r.refine].filter((i) => r.topic.has(i) && lexical.items[i]!.categories.some((c) => kinds.has(c))));
  return wider.size >= MIN_REFINED_ITEMS ? wider : kept(r.topic);
}

/** Of `refine`, the items whose catalog category or subgroup the refinements' words name. */
function kindNamed(lexical: LexicalIndex, intent: Intent, refine: ReadonlySet<number>): Set<number> {
  const words = new Set((intent.refinements ?? []).filter((r) => !r.not).flatMap((r) => matchTokens(r.text)));
  return new Set([...refine].filter((i) => lexical.categoryTexts(i).some((t) => matchTokens(t).some((w) => words.has(w)))));
}

/**
 * Items that fit the intent's refinement (empty without one): ranked first within the topic. Where the
 * refinement picked kinds (`kindsPicked`), the fitting items of those kinds only: "vehicles", then
 * "only the ones that go in the air" had the ship and the motor boat (a craft travels "on water or
 * air") before the parachute.
 */
const fitOf = new WeakMap<Intent, ReadonlySet<number>>();
export function refinementFit(lexical: LexicalIndex, intent: Intent): ReadonlySet<number> {
  let fit = fitOf.get(intent);
  if (!fit) {
    const r = refinementOf(lexical, intent);
    fit = !r ? new Set<number>() : r.kinds.size === 0 ? r.refine : new Set([...r.refine].filter((i) => r.kinds.has(lexical.items[i]!.categories[0]!)));
    fitOf.set(intent, fit);
  }
  return fit;
}

/** The fitting items of the topic's home kind that no word of the topic names (the scarf among the clothes). */
export const refinementHomeItems = (lexical: LexicalIndex, intent: Intent): ReadonlySet<number> => refinementOf(lexical, intent)?.home ?? new Set();

/** The items of the kinds a refinement picked that fit it (empty where it picked none). */
export const refinementKindItems = (lexical: LexicalIndex, intent: Intent): ReadonlySet<number> => ((refinementOf(lexical, intent)?.kinds.size ?? 0) > 0 ? refinementFit(lexical, intent) : new Set());

/**
 * Items whose own words (title, tags) or picture say the refinement, not only a definition, with the
 * best field weight its words reach in them: first among the fitting ones, the surest first ("fruit",
 * then "only the red ones": the red apple, then the strawberry its picture shows red, then what a
 * definition alone calls red).
 */
export function refinementFitByWords(lexical: LexicalIndex, intent: Intent): ReadonlyMap<number, number> {
  return refinementOf(lexical, intent)?.refineWords ?? new Map();
}

/** Both tiers of a refined feed, computed once per intent (delivery and refinedItems ask). */
const tiersOf = new WeakMap<Intent, { first: ReadonlySet<number>; said: ReadonlySet<number> }>();
function tiers(lexical: LexicalIndex, intent: Intent) {
  let out = tiersOf.get(intent);
  if (!out) {
    const fit = refinementFit(lexical, intent);
    const said = saidOf(lexical, intent);
    // Where the refinement picked kinds, their fitting items lead whether said or not (the parachute).
    const kindItems = refinementKindItems(lexical, intent);
    // So do the fitting items of the topic's home kind (the scarf among the clothes).
    const home = refinementHomeItems(lexical, intent);
    out = { first: kindItems.size > 0 ? kindItems : new Set([...fit].filter((i) => said.has(i) || home.has(i))), said };
    tiersOf.set(intent, out);
  }
  return out;
}
/**
 * Items that fit the refinement and carry the topic's own words (what the user said, not what the
 * knowledge layer added): these come first in a refined feed. "drinks", then "only warm ones": the hot
 * drinks, not the hot dog that a broad expansion of "drink" let into the topic.
 */
export const refinedFirst = (lexical: LexicalIndex, intent: Intent): ReadonlySet<number> => tiers(lexical, intent).first;

/**
 * Items carrying the topic's own words (what the user said, refinement aside; a category label
 * counts): in a refined feed they come before the rest of the topic, which only an expansion let in
 * ("birds", then "only the small ones": the small birds, then the other birds, then the fairies that
 * "bird -> wing" brought and that are small by definition).
 */
export const topicSaid = (lexical: LexicalIndex, intent: Intent): ReadonlySet<number> => tiers(lexical, intent).said;

/**
 * A later request matching more than this many times the items a dislike hides is broader than the
 * refusal and leaves it standing. Sticker catalog, 2026-12-01: "cat" after "고양이" (the same thing in
 * the other language) matches 20 items against 14, and must take the refusal back (the reply said cats
 * while none showed); "animal" after "cat" 141 against 15, "bug" after "spider" 16 against 2, "flag"
 * after "france" 276 against 1 do not.
 */
const BROADER_REQUEST = 2;

/**
 * Items hidden by the intent's dislikes, except where a wanted phrase said after the dislike matches
 * the item itself and is not much broader than the refusal: the newer, more specific request wins over the
 * older, broader refusal ("no animals", then "cats please": cats), a broader one does not ("no cats",
 * then "animals": the animals without the cats, which had come back).
 */
export function dislikedNow(lexical: LexicalIndex, intent: Intent): Set<number> {
  const out = new Set<number>();
  // What each wanted phrase matches, found once for every dislike it is weighed against.
  const askedFor = new Map<string, Set<number>>();
  // Exactly, as the refusal itself is matched: near spellings ("sake": snake, cake) made a word look broad.
  const asked = (p: { text: string; weight: number }) => askedFor.get(p.text) ?? askedFor.set(p.text, matching(lexical, [p], true)).get(p.text)!;
  for (const d of intent.dislikes) {
    const hidden = dislikedItems(lexical, { ...intent, dislikes: [d] });
    const newer = [...intent.keyPhrases, ...intent.likes].filter((p) => p.lastTurn > d.lastTurn && key(p.text) !== key(d.text));
    const wantedAgain = new Set<number>();
    for (const p of newer) {
      const items = asked(p);
      if (items.size <= BROADER_REQUEST * hidden.size) for (const i of items) wantedAgain.add(i);
    }
    for (const i of hidden) if (!wantedAgain.has(i)) out.add(i);
  }
  return out;
}
