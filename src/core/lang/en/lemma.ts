// Light English lemmatisation: plural nouns to singular ("cats" -> "cat", "berries" -> "berry",
// "knives" -> "knife"). When a lexicon is given, a candidate it knows wins, and a verb's -ing form the
// lexicon lacks goes to the base form it has ("it's raining" -> "rain", "swimming" -> "swim",
// "baking" -> "bake"), WordNet's morphy rules for verbs; without a lexicon verbs
// are left alone: key phrases are mostly nouns, and the classifier has character n-grams for the rest.

import type { Lexicon } from '../pack.ts';

const IRREGULAR_PLURALS: Readonly<Record<string, string>> = {
  mice: 'mouse', geese: 'goose', children: 'child', people: 'person', men: 'man', women: 'woman',
  teeth: 'tooth', feet: 'foot', oxen: 'ox', dice: 'die', cacti: 'cactus', fungi: 'fungus',
  octopi: 'octopus', octopuses: 'octopus', leaves: 'leaf', wolves: 'wolf', knives: 'knife',
  wives: 'wife', lives: 'life', halves: 'half', loaves: 'loaf', shelves: 'shelf', thieves: 'thief',
  calves: 'calf', elves: 'elf', scarves: 'scarf', potatoes: 'potato', tomatoes: 'tomato',
  heroes: 'hero', mangoes: 'mango', volcanoes: 'volcano', tornadoes: 'tornado', buses: 'bus',
  gases: 'gas', quizzes: 'quiz', indices: 'index', criteria: 'criterion', phenomena: 'phenomenon',
};

/** Words ending in -s that are not plurals (or whose plural is the same). */
const NOT_PLURAL = new Set([
  'this', 'his', 'is', 'was', 'has', 'does', 'yes', 'us', 'its', 'plus', 'thus', 'bus', 'gas',
  'news', 'series', 'species', 'means', 'lens', 'less', 'unless', 'always', 'perhaps', 'whereas',
  'chess', 'dress', 'glass', 'grass', 'kiss', 'boss', 'class', 'moss', 'cross', 'mess', 'dish',
  'octopus', 'cactus', 'hippopotamus', 'virus', 'campus', 'circus', 'bonus', 'chorus', 'walrus',
  'iris', 'tennis', 'basis', 'analysis', 'crisis', 'axis', 'oasis', 'atlas', 'christmas', 'texas',
  'paris', 'sushis', 'physics', 'mathematics', 'politics', 'economics', 'athletics', 'gymnastics',
  'pants', 'jeans', 'shorts', 'scissors', 'glasses', 'sunglasses', 'clothes', 'thanks', 'asparagus',
  'hummus', 'couscous', 'citrus', 'lotus', 'platypus', 'bonus', 'various', 'famous', 'delicious',
  'previous', 'serious', 'nervous', 'curious', 'gorgeous', 'ridiculous', 'dangerous', 'obvious',
  'jealous', 'anxious', 'tremendous', 'enormous', 'fabulous', 'glorious', 'mysterious', 'generous',
  'numerous', 'marvelous', 'hilarious', 'religious', 'cheers', 'kudos', 'whats', 'lets', 'thats',
]);

const MIN_STEM_CHARS = 2;

/** Singular candidates for a plural-looking word, most likely first. */
function singularCandidates(word: string): string[] {
  const out: string[] = [];
  if (word.endsWith('ies') && word.length > 4) out.push(word.slice(0, -3) + 'y');
  if (/(ches|shes|sses|xes|zzes)$/.test(word)) out.push(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) {
    out.push(word.slice(0, -1));
  }
  // Only taken when the lexicon knows them: "caves" is not "cavf", but "scarves" may be "scarf".
  if (word.endsWith('ves')) out.push(word.slice(0, -3) + 'f', word.slice(0, -3) + 'fe');
  if (word.endsWith('oes')) out.push(word.slice(0, -2));
  return out.filter((c) => c.length >= MIN_STEM_CHARS);
}

/** The first candidate that needs no lexicon to confirm it. */
function defaultCandidate(word: string, candidates: readonly string[]): string | undefined {
  const unconfirmed = (c: string) => (word.endsWith('ves') && (c.endsWith('f') || c.endsWith('fe'))) ||
    (word.endsWith('oes') && c === word.slice(0, -2));
  return candidates.find((c) => !unconfirmed(c));
}

/**
 * Base-form candidates of an -ing verb form, most likely first (morphy's detachment rules). Not -ed:
 * a past participle is mostly a state ("cancelled", "excited", "married"), which the knowledge layer
 * reads by its own sense; as a base verb it matched the wrong items ("got cancelled" -> cross mark).
 */
export function verbBaseCandidates(word: string): string[] {
  const m = /^(.{2,}?)ing$/.exec(word);
  if (!m) return [];
  const stem = m[1]!;
  const out = [stem, `${stem}e`];
  // "swimming" -> "swim", "shopping" -> "shop": a doubled final consonant.
  if (/([b-df-hj-np-tv-z])\1$/.test(stem)) out.push(stem.slice(0, -1));
  return out.filter((c) => c.length >= MIN_STEM_CHARS + 1);
}

/**
 * Lemma of one lower-case English word. "'s" possessives are dropped ("dog's" -> "dog").
 * Without a lexicon, the first rule that applies decides.
 */
export function lemmatizeEnglish(word: string, lexicon?: Lexicon): string {
  let w = word;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("s'")) w = w.slice(0, -1);
  if (lexicon && !lexicon.has(w)) {
    const base = verbBaseCandidates(w).find((c) => lexicon.has(c));
    if (base) return base;
  }
  const irregular = IRREGULAR_PLURALS[w];
  // Most irregular plurals do not end in s ("mice", "geese"): where the catalog lacks the plural and
  // has the singular, the singular ("show me mice" had matched rice and ice by spelling). The plurals
  // it uses stay ("people hugging", "women holding hands"), and so do catalog keys (no lexicon).
  if (irregular && !w.endsWith('s') && lexicon && !lexicon.has(w) && lexicon.has(irregular)) return irregular;
  if (w.length <= 3 || NOT_PLURAL.has(w) || !w.endsWith('s')) return w;
  if (irregular) return irregular;
  if (lexicon?.has(w) && !lexicon.has(w.slice(0, -1))) return w; // "species"-like words the catalog uses as is
  const candidates = singularCandidates(w);
  if (lexicon) {
    const known = candidates.find((c) => lexicon.has(c));
    if (known) return known;
  }
  return defaultCandidate(w, candidates) ?? w;
}
