// What catalog items are, by their definitions: for each item, the WordNet sense of the thing its title
// names (chosen by the item's category: the animal "bat", not the club), the words of that sense's
// definition and of its hypernyms' ("banana: elongated crescent-shaped yellow fruit"; "airplane ->
// aircraft: a vehicle that can fly") and the hypernyms' names ("rodent", "bird", "vehicle"). Inverted,
// word -> items, it lets a refinement keep the items that have a property no tag names ("fruits", then
// "only the yellow ones"; "vehicles", then "only the ones that fly"). Read only for refinements
// (src/core/extract/information.ts): inside the topic a definition word is a property; on its own it
// would be noise ("dog: ... domesticated by man" is no reason to show dogs for "man").
import { COLOR_TERMS, type ColorTerm } from '../../src/core/colors.ts';
import { englishPack } from '../../src/core/lang/en/index.ts';
import { verbBaseCandidates } from '../../src/core/lang/en/lemma.ts';
import type { WordNet } from './wordnet.ts';

interface ItemLike {
  readonly id: string;
  readonly title: string;
  readonly category: string;
  /** The colours its picture shows (src/core/colors.ts), where the catalog builder read them. */
  readonly colors?: readonly ColorTerm[];
}

/** English colour words -> their basic colour term ("gray" -> grey). */
const COLOR_OF_WORD = new Map(COLOR_TERMS.flatMap((c) => englishPack.catalog.colorWords[c].map((w) => [w, c] as const)));

/**
 * Whether a definition's colour word holds for the item: where its picture's colours are known, only
 * those do. "apple: fruit with red or yellow or green skin" had made the green apple red and yellow,
 * so "fruit, only the red ones" kept it; the picture shows it green.
 */
function colorHolds(it: ItemLike, word: string): boolean {
  const c = COLOR_OF_WORD.get(word);
  return c === undefined || !it.colors?.length || it.colors.includes(c);
}

/** WordNet lexicographer files that may hold the thing an item of each category shows. */
const LEX_FILES: Readonly<Record<string, readonly number[]>> = {
  'animals-nature': [5, 20, 17, 19], // noun.animal, noun.plant, noun.object, noun.phenomenon
  'food-drink': [13, 20], // noun.food, noun.plant
  'travel-places': [6, 15, 17, 19], // noun.artifact, noun.location, noun.object, noun.phenomenon
  objects: [6],
  activities: [6, 4, 11], // noun.artifact, noun.act, noun.event
  'people-body': [18, 8], // noun.person, noun.body
};
/** Hypernym levels whose definitions count (an airplane's "aircraft" says it flies; "craft" is too far). */
const GLOSS_DEPTH = 2;
/** Hypernym levels whose names count ("rodent", "mammal", "animal"). */
const NAME_DEPTH = 5;
/** Hypernym levels a kind reaches: a cat is an animal seven levels up (feline, carnivore, placental, mammal, vertebrate, chordate). */
const KIND_DEPTH = 8;
/**
 * Definition words in more glosses than this say nothing about a thing ("used", "person", "make");
 * sizes stay ("small" is in about 4,000 glosses and is what "only the small ones" asks).
 */
const MAX_GLOSS_DF = 6000;

/** Singular forms of an English plural: "blueberries" -> blueberry, "boxes" -> box, "gloves" -> glove. */
function singulars(w: string): string[] {
  if (w.length < 4 || !w.endsWith('s') || w.endsWith('ss')) return [];
  return [...new Set([w.endsWith('ies') ? `${w.slice(0, -3)}y` : '', w.endsWith('es') ? w.slice(0, -2) : '', w.slice(0, -1)].filter(Boolean))];
}

/** The noun sense of the thing an item shows, or null: its title as a lemma, else the title's last word. */
function senseOf(wn: WordNet, it: ItemLike): string | null {
  return senseAndLemma(wn, it)?.sense ?? null;
}

/** As senseOf, with the lemma it was found by (the title, or its last word: "service dog" is a dog). */
function senseAndLemma(wn: WordNet, it: ItemLike): { sense: string; lemma: string } | null {
  const lexFiles = LEX_FILES[it.category];
  if (!lexFiles || /[:,]/.test(it.title)) return null;
  const title = it.title.toLowerCase().replace(/[’']/g, "'");
  // The category's own file first: a banana in "food & drink" is the fruit (noun.food: "elongated
  // crescent-shaped yellow fruit"), not the plant WordNet lists first.
  const last = title.slice(title.lastIndexOf(' ') + 1);
  // A plural title by its singular where WordNet lists only that ("gloves", "blueberries", "chopsticks").
  for (const lemma of [title, last, ...singulars(last)]) {
    const nouns = (wn.senses.get(lemma) ?? []).filter((id) => id.startsWith('n:'));
    for (const lex of lexFiles) {
      const sense = nouns.find((id) => wn.synsets.get(id)?.lex === lex);
      if (sense) return { sense, lemma };
    }
  }
  return null;
}

/** word -> ids of the items whose definitions (or hypernyms' names) carry it. */
export function itemProperties(wn: WordNet, items: readonly ItemLike[], isStopword: (w: string) => boolean): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (w: string, it: ItemLike) => {
    if (w.length < 3 || isStopword(w) || (wn.glossDf.get(w) ?? 0) > MAX_GLOSS_DF || !colorHolds(it, w)) return;
    (out.get(w) ?? out.set(w, new Set()).get(w)!).add(it.id);
  };
  for (const it of items) {
    const start = senseOf(wn, it);
    if (!start) continue;
    let level = [start];
    const seen = new Set(level);
    for (let depth = 0; depth <= NAME_DEPTH && level.length > 0; depth++) {
      const next: string[] = [];
      for (const id of level) {
        const s = wn.synsets.get(id)!;
        if (depth > 0) for (const l of s.lemmas) if (!l.includes(' ')) add(l, it);
        if (depth <= GLOSS_DEPTH) for (const w of definitionWords(wn, s.gloss)) for (const f of withBase(wn, w)) add(f, it);
        for (const p of s.pointers) if ((p.symbol === '@' || p.symbol === '@i') && !seen.has(p.target)) { seen.add(p.target); next.push(p.target); }
      }
      level = next;
    }
  }
  return out;
}

/** A synonym names an item's thing where that is among its first this many noun senses. */
const SYNONYM_MAX_RANK = 3;
const nounSenseRank = (wn: WordNet, lemma: string, sense: string) => (wn.senses.get(lemma) ?? []).filter((id) => id.startsWith('n:')).indexOf(sense);

/**
 * word -> ids of the items that are kinds of what it names: the lemmas of the item's own sense and of
 * its hypernyms up to NAME_DEPTH ("canoe -> small boat -> boat -> vessel -> craft -> vehicle"). A topic
 * read this way holds what its words never say (the airplane is a vehicle) and not what only shares
 * them (the hot dog is a sandwich, not a dog).
 */
export function itemKinds(wn: WordNet, items: readonly ItemLike[], isStopword: (w: string) => boolean): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const it of items) {
    const found = senseAndLemma(wn, it);
    if (!found) continue;
    let level = [found.sense];
    const seen = new Set(level);
    for (let depth = 0; depth <= KIND_DEPTH && level.length > 0; depth++) {
      const next: string[] = [];
      for (const id of level) {
        const s = wn.synsets.get(id)!;
        // Its own sense by the lemma it was found by, and by the synonyms it is a main sense of: the
        // hot dog's sense also lists "dog" (slang for a frankfurter, dog's fifth noun sense), the hot
        // beverage's "drink" (drink's third).
        // A hypernym's lemma likewise: the lion is a "big cat, cat", but that is cat's seventh sense, and
        // "show me cats" had shown the tiger, the leopard and the lion.
        const main = (l: string) => nounSenseRank(wn, l, id) >= 0 && nounSenseRank(wn, l, id) < SYNONYM_MAX_RANK;
        const names = s.lemmas.filter((l) => (depth === 0 && l === found.lemma) || main(l));
        for (const l of names) if (!isStopword(l)) (out.get(l) ?? out.set(l, new Set()).get(l)!).add(it.id);
        for (const p of s.pointers) if ((p.symbol === '@' || p.symbol === '@i') && !seen.has(p.target)) { seen.add(p.target); next.push(p.target); }
      }
      level = next;
    }
  }
  return out;
}

/**
 * A word and, for an -ing form, its verb as WordNet lists it ("swimming bird" says it swims; "flying"
 * flies): the lemmatiser's morphy candidates, from six letters ("being" is no "bee"); and the words
 * WordNet derives it from or to ("soaring flight": fly; "aquatic": water), so that "only the ones that
 * fly" finds the eagle, whose definition says flight.
 */
function withBase(wn: WordNet, w: string): string[] {
  const forms = w.length > 5 ? [w, ...verbBaseCandidates(w).filter((c) => wn.senses.has(c))] : [w];
  return [...new Set([...forms, ...forms.flatMap((f) => derivedWords(wn, f))])];
}

/** Shared first letters that mark a derivation as the same word's ("flight" / "fly"), not a sense's other lemma's. */
const DERIVED_PREFIX = 2;
const derivedCache = new Map<string, string[]>();
/** Single-word lemmas WordNet's derivation pointers (+) link to from a word's senses, spelled alike. */
function derivedWords(wn: WordNet, w: string): string[] {
  let out = derivedCache.get(w);
  if (out) return out;
  const found = new Set<string>();
  for (const id of wn.senses.get(w) ?? []) {
    for (const p of wn.synsets.get(id)?.pointers ?? []) {
      if (p.symbol !== '+' || p.targetWord === 0) continue;
      const lemma = wn.synsets.get(p.target)?.lemmas[p.targetWord - 1];
      if (lemma && !lemma.includes(' ') && lemma !== w && lemma.slice(0, DERIVED_PREFIX) === w.slice(0, DERIVED_PREFIX)) found.add(lemma);
    }
  }
  derivedCache.set(w, (out = [...found]));
  return out;
}

/** The definition's words (before the first example), lower case, plural -s dropped. */
function glossDefinitionWords(gloss: string): string[] {
  const definition = gloss.split(/;\s*"/)[0]!.replace(/\([^)]*\)/g, ' ');
  return definition.toLowerCase().split(/[^a-z-]+/).filter((w) => w.length > 2).map((w) => (w.length > 4 && /[^su]s$/.test(w) ? w.slice(0, -1) : w));
}

/** A kind with more items than this is no property of a few ("eat: take in solid food": every food). */
const VERB_KIND_MAX_ITEMS = 24;

/**
 * verb -> ids of the items its definitions name the kind of: "blow: play or sound a wind instrument"
 * (the saxophone, the trumpet), "strum: sound the strings of (a stringed instrument)", "wear: put
 * clothing on one's body". A thing is what is done with it as much as what it looks like: "musical
 * instruments", then "only the ones you blow into" asks for the kind a verb's definition names, and no
 * item's own definition says blow. Not a word that is more often a noun than a verb. The kinds come from `kinds` (itemKinds); the longest name in the
 * definition wins ("wind instrument", not "instrument"); a kind of more than VERB_KIND_MAX_ITEMS items
 * says too little.
 */
export function verbObjectProperties(wn: WordNet, kinds: ReadonlyMap<string, ReadonlySet<string>>, isStopword: (w: string) => boolean): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [verb, ids] of wn.senses) {
    if (verb.includes(' ') || verb.length < 3 || isStopword(verb)) continue;
    // Every verb sense: "blow" plays a wind instrument in its twelfth of 23. A refinement reads the
    // property only inside its topic (src/core/fusion/narrow.ts), where the other senses' kinds are
    // rarely found ("blow: exhale hard" names none; "shape by blowing" the glass).
    const verbSenses = ids.filter((id) => id.startsWith('v:'));
    // Not mainly a noun: a noun with a verb sense besides ("cab: travel by taxi", a translation of the
    // taxi emoji's "노란") is read as the noun it mostly is.
    if (verbSenses.length < ids.filter((id) => id.startsWith('n:')).length) continue;
    for (const id of verbSenses) {
      const s = wn.synsets.get(id);
      if (!s) continue;
      const words = s.gloss.split(/;\s*"/)[0]!.replace(/\([^)]*\)/g, (m) => m.slice(1, -1)).toLowerCase().split(/[^a-z-]+/).filter(Boolean);
      for (let i = 0; i < words.length; i++) {
        for (const n of [2, 1]) {
          if (i + n > words.length) continue;
          const phrase = words.slice(i, i + n).join(' ');
          const singular = n === 1 && phrase.length > 4 && /[^su]s$/.test(phrase) ? phrase.slice(0, -1) : phrase;
          const items = kinds.get(phrase) ?? kinds.get(singular);
          if (!items || items.size > VERB_KIND_MAX_ITEMS || (n === 1 && isStopword(phrase))) continue;
          for (const it of items) (out.get(verb) ?? out.set(verb, new Set()).get(verb)!).add(it);
          i += n - 1;
          break;
        }
      }
    }
  }
  return out;
}

/** Senses of an activity's verb whose definitions count: "swim: travel through water", not its ninth. */
const ACTIVITY_SENSES = 2;

/** The verb lemma of an -ing word ("swimming" -> swim, "biking" -> bike, "rowing" -> row), or null. */
function verbOfIng(wn: WordNet, w: string): string | null {
  if (!w.endsWith('ing') || w.length < 6) return null;
  const s = w.slice(0, -3);
  for (const v of [s, `${s}e`, s.at(-1) === s.at(-2) ? s.slice(0, -1) : '']) if (v && (wn.senses.get(v) ?? []).some((id) => id.startsWith('v:'))) return v;
  return null;
}

/**
 * word -> ids of the items that show someone doing something ("person swimming", "man rowing boat",
 * "woman surfing"): the definition words of the activity's verb, first senses only. "Swim: travel
 * through water", "surf: ride the waves of the sea with a surfboard": "운동", then "물에서 하는 것만" (only
 * what is done in water) asks for what the verb says, and no item's own noun sense does (the title's
 * "swimming" is "the act of swimming").
 */
export function activityProperties(wn: WordNet, items: readonly ItemLike[], isStopword: (w: string) => boolean): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const it of items) {
    if (/[:,]/.test(it.title)) continue;
    const verb = it.title.toLowerCase().split(/\s+/).map((w) => verbOfIng(wn, w)).find((v) => v !== null);
    if (!verb) continue;
    for (const id of (wn.senses.get(verb) ?? []).filter((x) => x.startsWith('v:')).slice(0, ACTIVITY_SENSES)) {
      for (const w of definitionWords(wn, wn.synsets.get(id)!.gloss)) {
        if (w.length < 3 || isStopword(w) || (wn.glossDf.get(w) ?? 0) > MAX_GLOSS_DF) continue;
        (out.get(w) ?? out.set(w, new Set()).get(w)!).add(it.id);
      }
    }
  }
  return out;
}

/** Mostly an adjective in WordNet ("small", "long"; not "yellow" checked by the picture). */
const isAdjective = (wn: WordNet, w: string) => {
  const ids = wn.senses.get(w) ?? [];
  const adj = ids.filter((id) => id.startsWith('a:') || id.startsWith('s:')).length;
  return adj * 2 > ids.length;
};
/**
 * A definition's words, where an adjective counts only in the definition's head clause, before its
 * first ";" or "with", "having", "that", "which": what the thing is ("any of numerous small rodents"),
 * not a part of it ("giraffe: tallest living quadruped; having ... small horns": "animals", then "엄청
 * 작은 애들만" had put the giraffe first). Colour words count anywhere: the item's picture checks them.
 * Dev part ko 0.835 -> 0.838, dev2 ko 0.634 -> 0.637; English and the old blind part unchanged.
 */
function definitionWords(wn: WordNet, gloss: string): string[] {
  const definition = gloss.split(/;\s*"/)[0]!.replace(/\([^)]*\)/g, ' ').toLowerCase();
  const m = /;|\b(?:with|having|that|which|who|whose|whereas)\b/.exec(definition);
  const headEnd = m ? m.index : definition.length;
  const out: string[] = [];
  for (const w of glossDefinitionWords(definition.slice(0, headEnd))) out.push(w);
  for (const w of glossDefinitionWords(definition.slice(headEnd))) if (COLOR_OF_WORD.has(w) || !isAdjective(wn, w)) out.push(w);
  return out;
}
