// Turns that point back: at something disliked before ("cats are fine now", "ok i take that back,
// let's see the snakes", "actually wait, they're kinda cute") or at the cards on screen ("i hate
// them", "these are boring", "이건 별로야"; praise: "so cute", "너무 설렌다"). What they take back or refuse is read from the previous
// intent; the language packs say how each language takes back, refuses and points
// (SituationPack.undo, changeOfMind, refuses, refersBack). Part of the information node (./information.ts).
import type { Intent, TurnExtraction } from '../intent.ts';
import { namesPhrase as names } from '../intent-merge.ts';
import { LANGUAGE_PACKS } from '../lang/packs.ts';
import { CIRCUMSTANCE_SHARE } from './statement.ts';

export interface PointingBack {
  /** Dislikes, and refinements that left something out, this turn takes back. */
  readonly undo: readonly string[];
  /** Those taken back by a pronoun ("them"), which become the topic the turn asks for. */
  readonly undoneByPronoun: readonly string[];
  /** The topic on screen, refused by pointing at it: disliked as if named. */
  readonly refusedShown: readonly string[];
  /** The refusal came first and the turn then names what it wants instead ("i hate these, show me dogs"). */
  readonly asksInstead: boolean;
}

/** What a turn takes back or refuses by pointing; `words`: its words, lower case. */
export function pointingBack(text: string, words: readonly string[], extraction: TurnExtraction, previous: Intent | null | undefined): PointingBack {
  const situation = LANGUAGE_PACKS.map((p) => p.situation);
  const said = (pick: (s: (typeof situation)[number]) => RegExp) => situation.some((s) => pick(s).test(text));
  // Undo: the turn uses a take-back phrasing and names something disliked before; a change of mind
  // that names it counts too ("ok i take that back, let's see the snakes").
  const undoCue = situation.some((s) => s.undo.some((re) => new RegExp(re.source, re.flags.replace('g', '')).test(text)));
  const changesMind = said((s) => s.changeOfMind);
  const refersBack = said((s) => s.refersBack);
  const refuses = said((s) => s.refuses);
  // What can be taken back: a dislike, or a refinement that left something out ("cars", "not the police
  // ones", then "bring the police cars back").
  const leftOut = previous ? [...previous.dislikes, ...previous.refinements.filter((r) => r.not)] : [];
  const named = (undoCue || changesMind) ? leftOut.filter((d) => names(words, d.text)).map((d) => d.text) : [];
  // Or it changes its mind about "them" and names nothing it dislikes: the latest dislike ("i hate
  // spiders", then "actually wait, they're kinda cute, show me some").
  const latest = previous?.dislikes.reduce<Intent['dislikes'][number] | null>((a, d) => (!a || d.lastTurn > a.lastTurn ? d : a), null);
  const pointsBack = (undoCue || changesMind) && refersBack && !refuses;
  const undo = named.length > 0 || !latest || !pointsBack || extraction.dislikes.length > 0 ? named : [latest.text];
  // Refusing what is shown by pointing at it ("i hate them", "these are boring", "이건 별로야"), naming
  // nothing: the topic on screen, the latest turn's key phrases, is disliked as if named. These had
  // replied "Hi! Ask me for anything" and kept the cats, or "All cleared" and showed hands.
  const namesNothing = extraction.keyPhrases.length + extraction.dislikes.length + extraction.likes.length === 0;
  // Or refusing it in words of its own and naming what is wanted instead ("i hate these, show me dogs
  // instead", "ugh i hate them. dogs please", "이거 싫어 강아지 보여줘", "dogs please, not these"): the cats
  // had stayed beside the dogs, or alone. The refusing and the pointing come before anything named, or
  // stand as a clause that names nothing: "not these dogs" refuses dogs, not what is shown.
  const asksInstead = !namesNothing && extraction.dislikes.length === 0 && refusesBefore(text, [...extraction.keyPhrases.map((p) => p.text), ...extraction.likes]);
  // Not where the turn names the topic on screen again ("not these cats, the orange ones": a refinement).
  const shown = previous ? shownTopic(previous) : [];
  const refusedShown = previous && undo.length === 0 && (namesNothing || (asksInstead && !shown.some((t) => names(words, t)))) && refuses && refersBack ? shown : [];
  return { undo, undoneByPronoun: named.length === 0 ? undo : [], refusedShown, asksInstead: refusedShown.length > 0 && asksInstead };
}

/** Whether a pack's refusal and pointing come before the first word of anything named, or form a clause naming nothing. */
function refusesBefore(text: string, named: readonly string[]): boolean {
  const lower = text.toLocaleLowerCase();
  const at = (w: string) => {
    const i = lower.indexOf(w.toLocaleLowerCase());
    return i < 0 ? Infinity : i;
  };
  const refusing = (span: string) => LANGUAGE_PACKS.some((p) => p.situation.refuses.test(span) && p.situation.refersBack.test(span));
  const first = Math.min(...named.map((p) => at(p.split(/\s+/)[0]!)));
  if (!Number.isFinite(first)) return false;
  if (refusing(text.slice(0, first))) return true;
  // A clause of its own that refuses and points, naming nothing ("dogs please, not these").
  const clauses = lower.split(/[,.;!?]+|\s(?:but|and|so)\s/u);
  return clauses.length > 1 && clauses.some((c) => refusing(c) && !named.some((p) => c.includes(p.split(/\s+/)[0]!.toLocaleLowerCase())));
}

/**
 * A turn that takes a dislike back is about that topic: the rest of it is how it was said or why
 * ("they're kinda cute": hearts; "i take that back": zodiac signs; "친구 놀리게": people) and weighs
 * as a circumstance, and what its other words imply goes.
 */
export function aboutUndone<P extends { text: string; weight: number }, E extends { from: string }>(undo: readonly string[], topics: readonly P[], expansions: readonly E[]): { topics: P[]; expansions: E[] } {
  if (undo.length === 0) return { topics: [...topics], expansions: [...expansions] };
  const undone = (t: string) => undo.some((u) => t.toLocaleLowerCase().includes(u.toLocaleLowerCase()));
  return {
    topics: topics.map((p) => (undone(p.text) ? p : { ...p, weight: p.weight * CIRCUMSTANCE_SHARE })),
    expansions: expansions.filter((e) => undone(e.from)),
  };
}

/** The topic on screen: the key phrases of the latest turn that set any, strongest first. */
function shownTopic(previous: Pick<Intent, 'keyPhrases'>): string[] {
  const last = Math.max(-1, ...previous.keyPhrases.map((p) => p.lastTurn));
  return previous.keyPhrases.filter((p) => p.lastTurn === last).sort((a, b) => b.weight - a.weight).map((p) => p.text);
}

/**
 * A reaction is short ("so cute", "aww these are adorable", "너무 설렌다"): a longer turn that praises
 * tells something of its own ("new job tomorrow, hope it goes great").
 */
const REACTION_WORDS = 6;

/** Praise or delight, said as a reaction (SituationPack.praises, short); `words`: the turn's words. */
export function praisesShown(text: string, words: readonly string[]): boolean {
  return words.length <= REACTION_WORDS && LANGUAGE_PACKS.some((p) => p.situation.praises.test(text));
}

/** Each pack's praise as a whole word: a phrase of praise words only ("cute", "so cute") names nothing else. */
const PRAISE_WORD = LANGUAGE_PACKS.map((p) => new RegExp(`^(?:${p.situation.praises.source})`, p.situation.praises.flags.replace('g', '')));

/** Every word of the phrase is praise ("cute", "adorable"): the phrase names nothing but the reaction. */
export function praiseOnly(phrase: string): boolean {
  return phrase.split(/\s+/).every((w) => PRAISE_WORD.some((re) => re.test(w)));
}
