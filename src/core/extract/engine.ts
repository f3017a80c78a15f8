// The compact understanding engine: runs where WebGPU does not (or while the LLM downloads). Built
// from data the app already has (the catalog's items and manifest) plus two small shipped files:
// public/models/compact-engine/task-classifier.json and places.json. Pure and synchronous.
import { isPlaceThing } from './journey.ts';
import { praiseOnly } from './pointing.ts';
import { type Intent, type Language, topicOnScreen, type TurnExtraction } from '../intent.ts';
import { DEFAULT_PACK, isPackLanguage, LANGUAGE_PACKS, packFor, packOfText, reasonsOf, turnsAway, writtenIn } from '../lang/packs.ts';
import { type Implied, impliedForReply } from '../implied-topics.ts';
import type { UnderstandingEngine } from '../understand.ts';
import { leadsOver, topicItemIds } from '../wanted.ts';
import { understandCompact, type CompactUnderstanding } from './extractor.ts';
import { buildGazetteer, gazetteerKey, parsePlaceList, type Gazetteer, type GazetteerItem } from './gazetteer.ts';
import { composeBlockedReply, composeReply, DEFAULT_REPLY_VOCABULARY, type ReplyLanguage } from './reply.ts';
import { createTaskClassifier, parseTaskModel } from './task-classifier.ts';

export interface CompactEngineResources {
  /** The catalog's items (parsed with parseCatalogItems). */
  readonly items: readonly GazetteerItem[];
  /** The manifest's categoryLabels. */
  readonly categoryLabels?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Raw JSON of public/models/compact-engine/task-classifier.json; validated here. */
  readonly taskModel: unknown;
  /** Raw JSON of public/models/compact-engine/places.json; validated here. Optional. */
  readonly places?: unknown;
  /** What the catalog's items are called in replies: { en: 'stickers', ko: '스티커' }. Default: picks / 항목. */
  readonly itemNoun?: Readonly<Record<ReplyLanguage, string>>;
}

export interface CompactEngine extends UnderstandingEngine {
  /** The extraction together with what TurnExtraction has no room for: entities, task probabilities. */
  understand(text: string): CompactUnderstanding;
  readonly gazetteer: Gazetteer;
}

export const COMPACT_ENGINE_NAME = 'compact';

/** The reply language for an extraction: a pack's language as given; otherwise the script of most phrases. */
function replyLanguageOf(language: Language, x: TurnExtraction): ReplyLanguage {
  if (isPackLanguage(language)) return language;
  const texts = [...x.keyPhrases.map((p) => p.text), ...x.likes, ...x.dislikes];
  for (const pack of LANGUAGE_PACKS) {
    if (pack === DEFAULT_PACK) continue;
    const n = texts.filter((t) => pack.detect.test(t)).length;
    if (n * 2 > texts.length && n > 0) return pack.code;
  }
  return DEFAULT_PACK.code as ReplyLanguage;
}

/**
 * What a reply may name as the feed's topic: the said phrases the catalog's words know (the whole
 * phrase or its head, as weighPhrase reads it), else what the knowledge layer says the turn implies.
 * A word the catalog lacks stays in the intent for the other sources, but a reply that says "here are
 * some flibbertix picks" promises what the feed cannot show (issue 14).
 */
export function speakable(x: TurnExtraction, gazetteer: Gazetteer): TurnExtraction {
  const knows = (t: string) => gazetteer.lookup(t) !== undefined || (t.includes(' ') && gazetteer.lookup(t.slice(t.lastIndexOf(' ') + 1)) !== undefined);
  // What the turn means, where it leads its words (src/core/wanted.ts), is what the feed shows first:
  // "leg day absolutely destroyed me, can't walk lol" showed the gym and had replied "walk stickers".
  const leads = leadsOver([...x.keyPhrases, ...x.likes.map((text) => ({ text, weight: 1 }))], x.information?.places ?? []);
  const leading = (x.expansions ?? []).filter(leads);
  // A phrase is named where no expansion leads it: one would, had it been the only phrase said. Not
  // one the turn implies, which the reply was given to name (understand.ts: a New Year greeting's 불꽃놀이).
  const implies = new Set((x.expansions ?? []).flatMap((e) => [e.text, ...(e.label ? [e.label] : [])]).map((t) => t.toLocaleLowerCase()));
  const led = (p: { text: string; weight: number }) => !implies.has(p.text.toLocaleLowerCase()) && leading.some(leadsOver([p], x.information?.places ?? []));
  // Nor a Korean state said as a predicate, which the knowledge layer read to its dictionary form ("슬퍼 →
  // 슬프다"): "슬퍼로 바꿔 볼게요" names a feeling as if it were a thing to show.
  const predicate = (p: { text: string }) => /[\uac00-\ud7a3]/.test(p.text)
    && (x.expansions ?? []).some((e) => e.label !== undefined && e.label !== p.text && /다$/.test(e.label) && e.reason === `${p.text} → ${e.label}`);
  const known = x.keyPhrases.filter((p) => knows(p.text) && !led(p) && !predicate(p));
  // A like is spoken of too ("I'll remember you like …"): only in the catalog's words as well.
  const likes = x.likes.filter(knows);
  if (known.length === x.keyPhrases.length && likes.length === x.likes.length) return x;
  // The strongest implied topic the feed will mostly show: one only, since said words the catalog lacks
  // still reach the feed through the other sources (tests/unit/understanding-reply.test.ts).
  const spoken = (e: Implied) => knows(e.text) && writtenIn(x.language, e.text);
  // Never a refinement's opposite ("only warm stuff": not "cool"), which the feed leaves out.
  // Nor a place's things: a trip's reply names the place ("Switching to palm tree picks" for Bangkok).
  const implied = known.length > 0 ? [] : impliedForReply((x.expansions ?? []).filter((e) => !e.opposite && !isPlaceThing(e, x.information?.places ?? [])), spoken, (t) => gazetteer.itemIdsOf(t)).slice(0, 1).map((e) => ({ text: e.text, weight: e.weight }));
  return { ...x, keyPhrases: [...known, ...implied], likes };
}

/** A property read from a refinement's clause weighs as a phrase said plainly would (the phrase finder's 0.9). */
const REFINE_PROPERTY_WEIGHT = 0.9;

/**
 * A refinement that names its property in a clause ("only the ones that fly", "just the ones that live
 * in the sea", "바다에서 타는 것만"): the clause's words are the phrase, though the phrase finder drops
 * such verbs elsewhere ("flying to Rome" is travel, not flight). The whole clause where the catalog
 * knows it, else each of its content words the catalog uses ("sea", not "in": the first known word had
 * been "in"); `narrowingOnly` then keeps those some item of the topic has.
 */
export function withRefineProperty(
  x: TurnExtraction, text: string, gazetteer: Gazetteer, itemsWithProperty?: (word: string) => readonly string[],
): TurnExtraction {
  if (x.task !== 'refine') return x;
  // The clause's predicate by its position ("하늘 나는 애들만": 날다, fly), where the knowledge layer
  // gives it items by definition; the phrase finder had dropped it as a pronoun or kept it unread.
  const predicates = itemsWithProperty
    ? [...new Set(LANGUAGE_PACKS.flatMap((p) => p.situation.refinePredicates?.(text) ?? []))].filter((f) => itemsWithProperty(f).length > 0)
    : [];
  // A word the knowledge layer reads as written keeps its form ("작은", as the reply says it).
  const readable = (w: string) => (itemsWithProperty?.(w).length ?? 0) > 0;
  for (const re of LANGUAGE_PACKS.flatMap((p) => p.situation.refineProperty)) {
    const m = re.exec(text);
    const key = m?.[1] ? gazetteerKey(m[1]) : '';
    if (!key) continue;
    const content = m![1]!.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}'-]+/u).filter(Boolean).flatMap((w) => {
      const pack = packOfText(w);
      const norm = pack.keyForm(pack.analyseWord(w, gazetteer).norm);
      return pack.isStopword(w) || pack.isStopword(norm) || norm.length < pack.minContentChars ? [] : [norm];
    });
    const catalogs = gazetteer.lookup(key) !== undefined ? [key] : [...new Set(content.filter((w) => gazetteer.lookup(w) !== undefined))];
    // None the catalog uses as such ("노란": its tags say 노란색): the content words still name the
    // property, for the lexical index's prefixes and the knowledge layer's names (노란 -> yellow).
    const words = catalogs.length > 0 ? catalogs : [...new Set(content)];
    // A predicate read by position stands for the word it was read from ("입는" -> 입다).
    const fromWord = (f: string, w: string) => w.length > 1 && f.startsWith(w.slice(0, -1));
    const known = [
      ...words.filter((w) => readable(w) || !predicates.some((f) => fromWord(f, w))),
      ...predicates.filter((f) => !words.some((w) => readable(w) && fromWord(f, w))),
    ];
    if (known.length === 0) continue;
    // The clause's own words as the phrase finder cut them ("수영하는") give way to the property ("수영").
    const rest = x.keyPhrases.filter((p) => !m![0].includes(p.text) && !known.some((k) => p.text.includes(k)));
    const negated = LANGUAGE_PACKS.some((p) => p.situation.refineNegated.test(text));
    return { ...x, keyPhrases: [...rest, ...known.map((k) => ({ text: k, weight: REFINE_PROPERTY_WEIGHT }))], ...(negated ? { refineNot: true } : {}) };
  }
  return x;
}

/** Whether the conversation so far said a topic in words (a phrase or a like), which a follow-up can narrow or liken to. */
const saysTopic = (previous: Pick<Intent, 'keyPhrases' | 'likes'> | null): previous is Pick<Intent, 'keyPhrases' | 'likes'> =>
  !!previous && previous.keyPhrases.length + previous.likes.length > 0;

/**
 * A turn whose form narrows what is shown (a pack's narrowsShown: "only the ones with wings") is a
 * refinement where a topic is on screen, whatever the classifier read ("bugs", then "the ones with
 * wings" had been read as "tell me more" and brought the fairies and the money with wings).
 */
export function narrowingForm(x: TurnExtraction, text: string, previous: Pick<Intent, 'keyPhrases' | 'likes'> | null): TurnExtraction {
  if (x.task === 'refine' || x.task === 'less_of' || x.task === 'start_over' || !saysTopic(previous)) return x;
  return LANGUAGE_PACKS.some((p) => p.situation.narrowsShown?.test(text)) ? { ...x, task: 'refine' } : x;
}

/** Whether a turn's form narrows or only describes what is shown (a pack's narrowsShown or describesOnly). */
const saysItNarrows = (text: string) => LANGUAGE_PACKS.some((p) => p.situation.narrowsShown?.test(text) || p.situation.describesOnly?.test(text));

/**
 * A turn that tells something just happened (a pack's toldRecent: "just got promoted") is news, not a
 * refinement, unless its form narrows: after "show me cats", "just got promoted" and "just landed in tokyo"
 * had been read as narrowing the cats (the feed kept them), and "just finished my first marathon" was
 * answered "Just marathon, then.".
 */
export function recentNews(x: TurnExtraction, text: string): TurnExtraction {
  if (x.task !== 'refine' || !LANGUAGE_PACKS.some((p) => p.situation.toldRecent?.test(text))) return x;
  return saysItNarrows(text) ? x : { ...x, task: 'new_topic' };
}

/** A turn a pack reads as only describing what to show ("something warm"), with a topic on screen: proposed as its refinement. */
export function describingForm(x: TurnExtraction, text: string, previous: Pick<Intent, 'keyPhrases' | 'likes'> | null): TurnExtraction {
  if (x.task === 'refine' || x.task === 'less_of' || x.task === 'start_over' || !saysTopic(previous)) return x;
  return LANGUAGE_PACKS.some((p) => p.situation.describesOnly?.test(text)) ? { ...x, task: 'refine' } : x;
}

/**
 * A turn that is nothing but what it names ("clothes", "음식") asks to see it: not "tell me more" (the
 * classifier's learn_more for "clothes" had replied "I can't look things up offline") and, with nothing
 * on screen, no refinement ("음식" had replied "음식 쪽으로 맞춰 볼게요").
 */
export function bareRequest(x: TurnExtraction, text: string, previous: Intent | null): TurnExtraction {
  if ((x.task !== 'refine' && x.task !== 'learn_more') || x.keyPhrases.length === 0) return x;
  const words = text.toLocaleLowerCase().split(/[^\p{L}\p{N}'-]+/u).filter((w) => w.length > 0);
  const said = x.keyPhrases.map((p) => p.text.toLocaleLowerCase());
  // One word, the topic itself (as written or inflected: "clothes", "dogs", "음식을").
  const bare = words.length === 1 && said.some((p) => words[0] === p || (words[0]!.startsWith(p) && words[0]!.length - p.length <= 2));
  if (!bare) return x;
  // (A refinement only where the conversation so far is known: a single turn evaluated alone may be one.)
  return x.task === 'learn_more' || (previous !== null && !topicOnScreen(previous)) ? { ...x, task: 'new_topic' } : x;
}

/**
 * A refusal of shown ones by a property ("not the yellow ones", "노란 거 말고"), with a topic on screen:
 * proposed as the topic's refinement to what lacks the property, which reads colours off the pictures
 * (a dislike of "yellow" had hidden only what its words say: no tag says the lemon is yellow).
 */
export function refusingShownProperty(x: TurnExtraction, text: string, previous: Pick<Intent, 'keyPhrases' | 'likes'> | null): TurnExtraction {
  if (x.task !== 'less_of' || x.dislikes.length === 0 || x.keyPhrases.length > 0 || !saysTopic(previous)) return x;
  if (!LANGUAGE_PACKS.some((p) => p.situation.refersToShown(text))) return x;
  return { ...x, task: 'refine', keyPhrases: x.dislikes.map((d) => ({ text: d, weight: REFINE_PROPERTY_WEIGHT })), dislikes: [], refineNot: true };
}

/**
 * A start over wipes every interest: never for a turn that likens to what is shown ("anything else like
 * it?" had been read as a start over at 0.75 and emptied the feed to the popular faces). It asks for
 * more like it.
 */
export function notAReset(x: TurnExtraction, text: string, previous: Pick<Intent, 'keyPhrases' | 'likes'> | null): TurnExtraction {
  if (x.task !== 'start_over' || !saysTopic(previous)) return x;
  return LANGUAGE_PACKS.some((p) => p.situation.likensShown.test(text)) ? { ...x, task: 'more_like' } : x;
}

/**
 * Praise that names nothing but itself ("so cute", "beautiful!", "귀여워") after a topic is a reaction to
 * the cards: more of them, not a search for the word ("show me cats", then "so cute" had shown ten
 * hearts, the items CLDR tags cute). "cute puppies" names a kind and stays a request.
 */
export function praisingShown(x: TurnExtraction, text: string, previous: Pick<Intent, 'keyPhrases' | 'likes'> & Partial<Pick<Intent, 'expansions'>> | null): TurnExtraction {
  if (x.keyPhrases.length === 0 || x.likes.length + x.dislikes.length > 0 || !topicOnScreen(previous)) return x;
  if (!x.keyPhrases.every((p) => praiseOnly(p.text))) return x;
  return { ...x, task: 'more_like', keyPhrases: [] };
}

/**
 * A turn that takes the last request back ("never mind", "forget that", "됐고") and says something
 * else starts a new topic: classified as a refinement of the old one, its words were dropped as not
 * narrowing it ("got any cat ones", then "nvm, my phone just died" kept the cats).
 */
export function withRetraction(x: TurnExtraction, text: string): TurnExtraction {
  if (x.task === 'new_topic' || x.task === 'start_over' || x.task === 'less_of') return x;
  return turnsAway(text) ? { ...x, task: 'new_topic' } : x;
}

/**
 * A refusal or a narrowing that gives its reason ("drinks", then "nothing with alcohol, i'm driving";
 * "단 거 빼줘, 다이어트 중이라서") keeps the topic on screen: the reason's words are a circumstance, not a
 * new topic (the classifier had read "driving" as one and shown golfers instead of soft drinks).
 */
export function withReason(x: TurnExtraction, text: string, previous: Pick<Intent, 'keyPhrases' | 'likes'> & Partial<Pick<Intent, 'expansions'>> | null): TurnExtraction {
  if (!topicOnScreen(previous)) return x;
  if (x.dislikes.length === 0 && x.task !== 'refine') return x;
  const { spans } = reasonsOf(text);
  if (spans.length === 0) return x;
  const reasonWords = spans.flatMap((s) => s.split(/[^\p{L}\p{N}'-]+/u).filter(Boolean));
  // A phrase's words are lemmas or stems of the written ones ("diet" of "dieting", "다이어트" of "다이어트라서").
  const said = (w: string) => reasonWords.some((v) => v === w || (w.length >= 2 && v.startsWith(w.length > 4 ? w.slice(0, -1) : w)));
  const keyPhrases = x.keyPhrases.filter((p) => !p.text.toLocaleLowerCase().split(' ').every(said));
  if (keyPhrases.length === x.keyPhrases.length) return x;
  return { ...x, keyPhrases, ...(keyPhrases.length === 0 && x.task !== 'refine' ? { task: 'less_of' as const } : {}) };
}

/**
 * "More like the red one" after "show me cars": a "more like" turn that points at shown cards by a
 * property narrows the topic on screen to that property (then `narrowingOnly` keeps it only where some
 * item of the topic has it), instead of searching for the property alone (red hair, red hearts).
 */
export function moreLikeShown(x: TurnExtraction, text: string, previous: Pick<Intent, 'keyPhrases' | 'likes'> | null): TurnExtraction {
  if (x.task !== 'more_like' || !saysTopic(previous) || x.keyPhrases.length + x.likes.length === 0) return x;
  if (!LANGUAGE_PACKS.some((p) => p.situation.refersToShown(text))) return x;
  // "like the red one" is a pointer, not a like: its object is the property.
  const said = new Set(x.keyPhrases.map((p) => p.text));
  const pointed = x.likes.filter((l) => !said.has(l)).map((l) => ({ text: l, weight: REFINE_PROPERTY_WEIGHT }));
  return { ...x, task: 'refine', keyPhrases: [...x.keyPhrases, ...pointed], likes: [] };
}

/**
 * A refinement narrows the current topic through the items that carry both ("drinks", then "only hot
 * ones": hot beverage). A refining phrase that no item of the topic carries cannot narrow it: it is
 * dropped, and the topic stays ("birds", then "only the small ones": no bird is tagged small; keeping
 * "small" showed small clouds and diamonds instead of birds). Phrases the catalog does not know are
 * kept (nothing says they cannot narrow; the knowledge layer may name them).
 */
export function narrowingOnly(
  x: TurnExtraction,
  previous: Pick<Intent, 'keyPhrases' | 'likes'> & Partial<Pick<Intent, 'expansions' | 'refinements'>> | null,
  gazetteer: Gazetteer,
  itemsWithProperty?: (word: string) => readonly string[],
  oppositesOf?: (word: string) => readonly string[],
  associatesOf?: (word: string) => readonly string[],
): TurnExtraction {
  if (x.task !== 'refine' || !previous) return x;
  const topic = [...previous.keyPhrases, ...previous.likes].map((p) => p.text);
  if (topic.length === 0) return x;
  // The topic's items are also those the knowledge layer links to its phrases as what they name (the
  // kinds of a vehicle: the canoe, which no word of its calls a vehicle).
  const linked = new Set(topicItemIds(previous).keys());
  // Or some item of the topic has it by definition ("fruits", then "only the yellow ones": the lemon,
  // whose tags never say yellow; English words only, as the definitions are) or in its picture
  // ("vehicles", then "only the red ones": the fire engine, whose words never say red).
  const topicHasAny = (p: string, itemsOf: (word: string) => readonly string[]) => {
    const ids = new Set(p.split(' ').flatMap((w) => itemsOf(w)));
    return ids.size > 0 && (topic.some((t) => gazetteer.itemIdsOf(t).some((id) => ids.has(id))) || [...linked].some((id) => ids.has(id)));
  };
  const byDefinition = (p: string) => !!itemsWithProperty && topicHasAny(p, itemsWithProperty);
  const byColor = (p: string) => topicHasAny(p, gazetteer.coloredIdsOf);
  // Or by refusing the opposite some item of the topic has ("음료", then "시원한 거만": the hot beverage).
  const byOpposite = (p: string) => p.split(' ').flatMap((w) => oppositesOf?.(w) ?? []).some((a) => topic.some((t) => gazetteer.cooccur(a, t) === true));
  // Or, said in a refinement's clause, by what goes with the season or situation it names ("clothes",
  // then "only stuff for winter": the scarf). Only there: "고양이 보여줘", then "새해 복 많이 받으세요" is a
  // greeting, not the cats at New Year (a party cat had kept it a refinement).
  const byAssociation = (p: { text: string; weight: number }) => p.weight === REFINE_PROPERTY_WEIGHT && !!associatesOf
    && topicHasAny(p.text, (w) => associatesOf(w).flatMap((a) => gazetteer.itemIdsOf(a)));
  const narrows = (p: { text: string; weight: number }) => topic.some((t) => gazetteer.cooccur(p.text, t) !== false) || byDefinition(p.text) || byColor(p.text) || byOpposite(p.text) || byAssociation(p);
  const keyPhrases = x.keyPhrases.filter((p) => narrows(p));
  return keyPhrases.length === x.keyPhrases.length ? x : { ...x, keyPhrases };
}

/**
 * A refinement none of whose phrases narrows the topic, and which does not say it narrows what is shown
 * (no "only the … ones", "… 거만"), asks anew where a phrase names a kind the catalog has, described:
 * "우울해", then "귀여운 고양이" (cute cats, to cheer up) had been read as narrowing the sad faces, dropped
 * as narrowing nothing, and the turn lost ("어떻게 좁혀 볼까요?", the feed unmoved); "show me dogs",
 * then "귀여운 고양이" the same. "birds", then "only the small ones" still narrows nothing and keeps
 * the birds (its form says it narrows). Nor beside a trip on screen: "backpacking vietnam", then "mostly in
 * it for the street food" is what the trip is for (dev3 en 0.498 -> 0.493 as a new topic: the fruit
 * and the bread, no Vietnam).
 */
export function describedKindAnew(narrowed: TurnExtraction, read: TurnExtraction, text: string, gazetteer: Gazetteer, previous: (Pick<Intent, 'keyPhrases' | 'likes'> & Partial<Pick<Intent, 'information'>>) | null): TurnExtraction {
  if (narrowed.task !== 'refine' || narrowed.keyPhrases.length > 0 || read.keyPhrases.length === 0 || !saysTopic(previous)) return narrowed;
  // A trip on screen: a place named no earlier than the topic's latest phrase (after "우울해", a trip told
  // before it is no longer what is shown).
  const latest = Math.max(0, ...previous.keyPhrases.map((p) => p.lastTurn));
  if ((previous.information?.places ?? []).some((p) => p.lastTurn >= latest)) return narrowed;
  if (saysItNarrows(text)) return narrowed;
  const kind = read.keyPhrases.filter((p) => {
    const words = p.text.split(' ');
    return words.length > 1 && gazetteer.itemIdsOf(words[words.length - 1]!).length > 0;
  });
  return kind.length > 0 ? { ...read, task: 'new_topic', keyPhrases: kind } : narrowed;
}

export function createCompactEngine(resources: CompactEngineResources): CompactEngine {
  const gazetteer = buildGazetteer({
    items: resources.items,
    ...(resources.categoryLabels ? { categoryLabels: resources.categoryLabels } : {}),
    ...(resources.places !== undefined ? { places: parsePlaceList(resources.places) } : {}),
  });
  const classifier = createTaskClassifier(parseTaskModel(resources.taskModel));
  const understand = (text: string) => understandCompact(text, gazetteer, classifier);
  const vocabulary = {
    items: resources.itemNoun ?? DEFAULT_REPLY_VOCABULARY.items,
    // Places the gazetteer ties to a country are proper names: "seoul" -> "Seoul".
    display: (phrase: string, language: ReplyLanguage) => {
      const properName = packFor(language).reply.properName;
      return properName && gazetteer.lookup(phrase)?.country ? properName(phrase) : phrase;
    },
  };
  return {
    name: COMPACT_ENGINE_NAME,
    gazetteer,
    understand,
    extract(text, ctx) {
      ctx?.signal?.throwIfAborted();
      const previous = ctx?.previous ?? null;
      const read = recentNews(withReason(withRetraction(narrowingForm(moreLikeShown(praisingShown(notAReset(bareRequest(understand(text).extraction, text, previous), text, previous), text, previous), text, previous), text, previous), text), text, previous), text);
      const c = ctx?.context;
      const narrowed = (x: TurnExtraction) => narrowingOnly(withRefineProperty(x, text, gazetteer, c?.itemsWithProperty), previous, gazetteer, c?.itemsWithProperty, c?.oppositesOf, c?.associatesOf);
      // A turn that only describes refines the topic where some of its items fit what it says.
      // So does one that refuses shown ones by a property, where some of them have it.
      for (const proposed of [describingForm(read, text, previous), refusingShownProperty(read, text, previous)]) {
        if (proposed === read) continue;
        const refined = narrowed(proposed);
        if (refined.task === 'refine' && refined.keyPhrases.length > 0) return refined;
      }
      return describedKindAnew(narrowed(read), read, text, gazetteer, previous);
    },
    reply(extraction, ctx) {
      ctx.signal?.throwIfAborted();
      return composeReply(speakable(extraction, gazetteer), replyLanguageOf(ctx.language, extraction), ctx.seed, vocabulary);
    },
    blockedReply(language, seed) {
      return composeBlockedReply(isPackLanguage(language) ? language : (DEFAULT_PACK.code as ReplyLanguage), seed);
    },
  };
}
