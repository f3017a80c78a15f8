// Merging one turn into the stored intent (the intent's schema, parsing and migration are in
// ./intent.ts): what decays, what a new topic, a refinement, a like or a dislike does to what was said
// before, and the facts the user told. Pure: the same inputs give the same intent.
import {
  emptyIntent, type Expansion, type Fact, type Information, INTENT_SCHEMA_VERSION, type Intent, MAX_EXPANSIONS, MAX_FACTS,
  MAX_INTERESTS, MAX_PHRASES, MAX_REFINEMENTS, MAX_SOURCE_TURNS, parseIntent, parseTurnExtraction, topicOnScreen, type TurnExtraction,
} from './intent.ts';

const EMPTY_INFORMATION: Information = Object.freeze({ places: [], dates: [], occasions: [], people: [] }) as unknown as Information;

/** Weight kept per turn for things not mentioned again: after ~4 turns a phrase counts for half. */
export const DECAY_PER_TURN = 0.84;
/** Below this a decayed phrase or like is dropped. */
export const MIN_WEIGHT = 0.05;

function decayed<T extends { weight: number; lastTurn: number }>(items: T[], turn: number): T[] {
  return items
    .map((it) => ({ ...it, weight: it.weight * DECAY_PER_TURN ** Math.max(0, turn - it.lastTurn) }))
    .filter((it) => it.weight >= MIN_WEIGHT);
}

const key = (s: string) => s.toLocaleLowerCase();

/** Does a word of the turn name this phrase? ("cats" names "cat"; "고양이는" names "고양이"). */
export function namesPhrase(words: readonly string[], phrase: string): boolean {
  const p = phrase.toLocaleLowerCase();
  const parts = p.split(/\s+/);
  if (parts.length > 1) return words.join(' ').includes(p);
  return words.some((w) => w === p || (w.startsWith(p) && (/[\uac00-\ud7a3]/.test(p) || w.length - p.length <= 2)));
}

function upsert<T extends { text: string; weight: number; lastTurn: number }>(
  items: T[],
  text: string,
  w: number,
  turn: number,
): T[] {
  const k = key(text);
  const existing = items.find((it) => key(it.text) === k);
  if (existing) {
    return items.map((it) =>
      it === existing ? { ...it, weight: Math.min(1, Math.max(it.weight, w)), lastTurn: turn } : it,
    );
  }
  return [...items, { text, weight: w, lastTurn: turn } as T];
}

const byWeight = <T extends { weight: number }>(a: T, b: T) => b.weight - a.weight;

export type MergeOutcome =
  | { accepted: true; intent: Intent }
  | { accepted: false; intent: Intent; reason: string };

/**
 * Merges one validated turn into the stored intent. Pure: the same inputs give the same intent.
 * - `start_over` resets everything, then applies what this turn said.
 * - `new_topic` drops earlier key phrases and likes (dislikes persist: "no cats" still holds).
 * - Older phrases and likes decay with turns; negatives persist until contradicted by a like.
 * - An unsafe turn is refused: the previous intent stays, unchanged.
 */
export function mergeIntent(
  previous: Intent,
  rawExtraction: unknown,
  turnId: string,
  now: number,
): MergeOutcome {
  let extraction: TurnExtraction;
  try {
    extraction = parseTurnExtraction(rawExtraction);
  } catch (err) {
    return { accepted: false, intent: previous, reason: (err as Error).message };
  }
  if (extraction.safety.verdict === 'unsafe') {
    return { accepted: false, intent: previous, reason: 'unsafe turn: not used for recommendations' };
  }
  const info = extraction.information;
  const saysSomething = extraction.keyPhrases.length + extraction.likes.length + extraction.dislikes.length + (extraction.undo?.length ?? 0) + (extraction.expansions?.length ?? 0) +
    (info ? info.places.length + info.dates.length + info.occasions.length + info.people.length : 0) > 0;
  if (extraction.task === 'chit_chat' && !saysSomething) {
    // Nothing to learn; keep the intent (and its timestamps) as it was.
    return { accepted: true, intent: previous };
  }

  const turn = previous.turn + 1;
  const base = extraction.task === 'start_over' ? emptyIntent(previous.userId, now) : previous;
  const fresh = extraction.task === 'new_topic';
  // "Only the ones that fly": this turn's phrases narrow the topic instead of replacing or joining it.
  // The topic may be one the knowledge layer read for meaning and no phrase holds ("탈것": its
  // expansions to vehicles): the refinement narrows that one too, not replaces it.
  const refining = extraction.task === 'refine' && topicOnScreen(base) && extraction.keyPhrases.length > 0;
  let keyPhrases = fresh ? [] : decayed(base.keyPhrases, turn);
  let likes = fresh ? [] : decayed(base.likes, turn);
  let dislikes = [...base.dislikes];
  let expansions = fresh ? [] : decayed(base.expansions, turn);
  // A refinement holds while the topic does; a new topic or new phrases asked for plainly end it.
  let refinements = fresh || (!refining && extraction.keyPhrases.length > 0) ? [] : decayed(base.refinements, turn);

  if (refining) {
    for (const p of extraction.keyPhrases) refinements = upsert(refinements, p.text, p.weight, turn);
    // Negated or not as this turn says it ("the spicy ones" after "not the spicy ones" asks for them).
    const said = new Set(extraction.keyPhrases.map((p) => key(p.text)));
    refinements = refinements.map((r) => {
      if (!said.has(key(r.text))) return r;
      const { not: _, ...rest } = r;
      return extraction.refineNot ? { ...rest, not: true as const } : rest;
    });
  }
  else for (const p of extraction.keyPhrases) keyPhrases = upsert(keyPhrases, p.text, p.weight, turn);
  // Asking for the very thing disliked before takes the dislike back ("stop showing me food", later "ok
  // food again"): it stayed hidden while the reply said food. A broader or narrower ask does not ("no
  // cats", then "animals": still no cats; src/core/fusion/narrow.ts dislikedNow for the narrower one).
  for (const p of extraction.keyPhrases) dislikes = dislikes.filter((d) => key(d.text) !== key(p.text));
  for (const text of extraction.likes) {
    likes = upsert(likes, text, 1, turn);
    dislikes = dislikes.filter((d) => key(d.text) !== key(text)); // a like contradicts a dislike
  }
  for (const text of extraction.undo ?? []) {
    dislikes = dislikes.filter((d) => key(d.text) !== key(text));
    // A refinement that left it out goes too, unless this turn refines by it again (then as it says).
    if (!refining) refinements = refinements.filter((r) => !(r.not && key(r.text) === key(text)));
  }
  for (const text of extraction.dislikes) {
    dislikes = upsert(dislikes, text, 1, turn);
    const kinds = extraction.dislikedKinds?.find((d) => key(d.text) === key(text));
    if (kinds) dislikes = dislikes.map((d) => (key(d.text) === key(text) ? { ...d, itemIds: kinds.itemIds } : d));
    likes = likes.filter((l) => key(l.text) !== key(text));
    keyPhrases = keyPhrases.filter((p) => key(p.text) !== key(text));
  }
  for (const e of extraction.expansions ?? []) {
    const k = key(e.text);
    const prev = expansions.find((x) => key(x.text) === k);
    if (!prev || prev.weight <= e.weight) expansions = [...expansions.filter((x) => x !== prev), { ...e, lastTurn: turn }];
  }
  // Expansion never outranks what was said, and nothing disliked comes back through it.
  const said = new Set([...keyPhrases, ...likes, ...refinements].map((p) => key(p.text)));
  const disliked = new Set(dislikes.map((d) => key(d.text)));
  // A refinement's property by definition (the items it names) stays even when it repeats the refinement.
  const refinedBy = new Set(refinements.map((r) => key(r.text)));
  const property = (e: Expansion) => (e.itemIds?.length ?? 0) > 0 && refinedBy.has(key(e.from));
  // So does the link of a place said by its own name ("learn more about Vietnam": its flag): the word
  // matches the flag's title only as a proper name (src/core/lexical-match.ts FIELD_WEIGHTS.name).
  const placeSaid = (e: Expansion) => (e.itemIds?.length ?? 0) > 0 && key(e.text) === key(e.from);
  // What a disliked word implied goes with it ("show me cars", then "stop showing cars": the expansions
  // of "cars" had kept vehicles and traffic lights in the feed).
  const fromDisliked = (e: Expansion) => dislikes.some((d) => namesPhrase(key(e.from).split(/\s+/), d.text));
  // A refinement that ended takes its property with it ("not the police ones", then "bring the police
  // cars back": the police's kinds had put a police officer and detectives above the police cars).
  const ended = new Set(base.refinements.filter((r) => !refinements.some((x) => key(x.text) === key(r.text))).map((r) => key(r.text)));
  const endedProperty = (e: Expansion) => (e.itemIds?.length ?? 0) > 0 && ended.has(key(e.from));
  expansions = expansions.filter((e) => (!said.has(key(e.text)) || property(e) || placeSaid(e)) && !disliked.has(key(e.text)) && !fromDisliked(e) && !endedProperty(e));
  const information = mergeInformation(fresh ? EMPTY_INFORMATION : base.information, info, turn);

  const intent: Intent = {
    schemaVersion: INTENT_SCHEMA_VERSION,
    userId: previous.userId, // never taken from the extraction: user text cannot change it
    updatedAt: now,
    turn,
    keyPhrases: keyPhrases.sort(byWeight).slice(0, MAX_PHRASES),
    likes: likes.sort(byWeight).slice(0, MAX_INTERESTS),
    dislikes: dislikes.sort(byWeight).slice(0, MAX_INTERESTS),
    task: extraction.task,
    language: extraction.language,
    safety: extraction.safety,
    sourceTurnIds: [...base.sourceTurnIds, turnId].slice(-MAX_SOURCE_TURNS),
    information,
    expansions: expansions.sort(byWeight).slice(0, MAX_EXPANSIONS),
    refinements: refinements.sort(byWeight).slice(0, MAX_REFINEMENTS),
  };
  // Re-validate the result: the merge itself must never produce an invalid record.
  return { accepted: true, intent: parseIntent(intent) };
}

/** Facts are kept (newest mention last), not decayed: the user removes them in the intent inspector. */
function mergeInformation(old: Information, add: TurnExtraction['information'], turn: number): Information {
  if (!add) return old;
  const facts = (list: Fact[], texts: readonly string[]) => {
    const keep = list.filter((f) => !texts.some((t) => key(t) === key(f.text)));
    return [...keep, ...texts.map((text) => ({ text, lastTurn: turn }))].slice(-MAX_FACTS);
  };
  const places = [...old.places.filter((p) => !add.places.some((a) => key(a.text) === key(p.text))), ...add.places.map((p) => ({ ...p, lastTurn: turn }))].slice(-MAX_FACTS);
  return { places, dates: facts(old.dates, add.dates), occasions: facts(old.occasions, add.occasions), people: facts(old.people, add.people) };
}
