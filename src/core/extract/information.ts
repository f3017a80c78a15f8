// The DAG's information node, run after extraction: what the turn tells about the user's situation
// (places with their country, dates, occasions, people), what the knowledge layer says it implies
// (expansions with provenance, weighted below what was said), and which earlier dislikes it takes
// back ("cats are fine now"). Pure: the knowledge base is passed in (null: not loaded, or none).
import { type Intent, MAX_EXPANSION_ITEMS, MAX_EXPANSIONS, topicOnScreen, type TurnExtraction } from '../intent.ts';
import { namesPhrase as names } from '../intent-merge.ts';
import { type Expansion, expandPhrases, type KnowledgeLanguage } from '../knowledge/expand.ts';
import type { KnowledgeBase } from '../knowledge/format.ts';
import { findConcepts } from '../knowledge/match.ts';
import { type FoundPlace, findPlaces } from '../knowledge/places.ts';
import { LANGUAGE_PACKS, reasonsOf, turnsAway } from '../lang/packs.ts';
import { calendarOnly, seasonOnly } from './time-words.ts';
import { stripKoreanParticle } from '../text.ts';
import { countryOfAThing, crossBorderTrip, escapeRe, foundAs, insidePlaceName, MAX_LINKED_ITEMS, nationalityPlaces, norm, originsOf, placesAsMeant, placeThings, placeTopics, tripThingTexts } from './journey.ts';
import { userText } from './machinery.ts';
import { aboutUndone, pointingBack, praiseOnly } from './pointing.ts';
import { nodeTask } from './node-task.ts';
import { CIRCUMSTANCE_SHARE, GREETINGS, OCCASION_STEP, pastSituation, readStatement, SEED_IMPLIES, SEED_NAME, SEED_STEP, situationNameWords, type StatementReading, steps, wordsOf, causesOf, brokenOf, namesCause, settingsOf, nameWordsNoItemCarries } from './statement.ts';
import { dislikedKinds, kindExpansions, propertyExpansions } from './linked-items.ts';
import { impliedOccasions, OCCASION_WEIGHT, occasionPhrases, readingOccasions } from './occasions.ts';
import { readPeople } from './people.ts';
import { describingWords, throughEmojiMates, withoutTimeHead } from './phrase-heads.ts';
import { NAMING, REFINE_MAIN_SENSE, refinementStep, SAME_CONCEPT } from './refinement-steps.ts';
import { clearerPhrases, isVague } from './vague.ts';
import { LEAD_SHARE } from '../wanted.ts';

export { PLACE_WEIGHT, TRAVEL_SHARE } from './journey.ts';

/**
 * Expansions enter the intent at this share of the knowledge layer's own weight (itself at most 0.9
 * of the phrase's): an implied topic fills the feed where the words find nothing, and never outranks
 * what the user literally asked for (src/core/intent.ts keeps literal phrases at their weight).
 */
export const EXPANSION_SHARE = 0.7;
/**
 * Expansions kept per turn; "learn more" widens the topic and keeps more. 12 since the seeds imply 7-8
 * things each (tools/knowledge/situations.ts): at 8, 10, 12 dev3 en 0.445 / 0.450 / 0.455, dev2 en/ko
 * 0.700/0.652, 0.707/0.661, 0.713/0.662; dev and the first blind part within 0.004 (2026-12-01).
 */
export const EXPANSIONS_PER_TURN = 12;
export const EXPANSIONS_LEARN_MORE = 14;
/**
 * Relations followed from what was said, not counting naming steps (a translation, a lemma). Chosen on
 * the dev part of tests/golden/understanding (`npx tsx tools/eval-understanding.ts --split dev --product
 * --knowledge`): relevance@10 en/ko 0.469/0.497 with one hop, 0.487/0.512 with two; longer chains read as
 * noise ("서울 → 대한민국 → asian country → 교외").
 */
const MAX_HOPS = 2;
/**
 * From a place, only these relations lead somewhere the user meant: its country, and the country's
 * nationality and what that names (Japan → Japanese → sake). Part-of and same-emoji hops led to other
 * flags ("Rome → Italy → european union", "→ it": the ISO code read as a word).
 */
const PLACE_RELATIONS = /city-in-country|pertainym|gloss/;
/**
 * The whole message is read at this weight when the turn also named topics: its other words are then
 * mostly not the topic ("so thirsty after that run": "after → later"). Dev part: relevance@10 en/ko
 * 0.705/0.714 at 1, 0.717/0.722 at 0.75, 0.708/0.720 at 0.5 (with a must-not-show hit in ko).
 */
const MESSAGE_WEIGHT_WITH_TOPIC = 0.75;
/** A dislike taken back by a pronoun ("they're kinda cute, show me some") is asked for as a phrase said plainly is. */
const UNDONE_TOPIC_WEIGHT = 0.8;
/** A place's things weigh below this share of a situation the turn tells beside the place. */
const BELOW_TOLD = 0.95;
/** Latin expansions this short are codes or function words ("it", "at", "us"), never topics. */
const MIN_LATIN_EXPANSION_CHARS = 3;

export type InformationNode = Required<Pick<TurnExtraction, 'information' | 'expansions' | 'undo' | 'keyPhrases'>> & Partial<Pick<TurnExtraction, 'task' | 'dislikes' | 'dislikedKinds'>>;

function allMatches(res: readonly RegExp[], text: string, group: boolean): string[] {
  const out = new Map<string, string>();
  for (const re of res) {
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    for (const m of text.matchAll(g)) {
      const t = norm(group && m[1] ? m[1] : m[0]);
      if (t) out.set(t.toLocaleLowerCase(), t);
    }
  }
  return [...out.values()];
}


/** Below LEAD_SHARE by this factor: what an asked turn implies stays clear of leading what it asks for. */
const ASKED_MARGIN = 0.95;
/** Turns whose phrases are the topic to fill the feed with (a refinement narrows, a refusal refuses). */
const KIND_TASKS: ReadonlySet<string> = new Set(['new_topic', 'more_like', 'learn_more']);
/** A message of at most this many words names what it wants ("vehicles", "fruit please"), asking word or not. */
const BARE_REQUEST_WORDS = 3;

/**
 * The strongest `limit` expansions, each key phrase's strongest among them: a phrase is what the turn
 * is about, and one the catalog lacks reaches the feed only this way ("soaked on my way to work, forgot
 * my brolly": the commute's implied things had crowded out brolly -> umbrella). In the list's order.
 */
function withEachPhrase<T extends { from: string; weight: number }>(list: readonly T[], limit: number, phrases: readonly string[]): T[] {
  const picked = new Set<T>();
  for (const p of phrases) {
    const best = list.find((e) => e.from.toLocaleLowerCase() === p.toLocaleLowerCase());
    if (best && picked.size < limit) picked.add(best);
  }
  for (const e of list) if (picked.size < limit) picked.add(e);
  return list.filter((e) => picked.has(e));
}

/**
 * What the turn means through WordNet may itself name an everyday situation ("scrubbing → cleaning",
 * a hypernym): the situation's implied things follow (broom, sponge), from the words said, weighted by
 * the step that led there. Dev2 en 0.546 -> 0.555, implied en 0.379 -> 0.414; dev, old blind unchanged.
 */
function withSituations(kb: KnowledgeBase, expanded: readonly Expansion[], language: KnowledgeLanguage): Expansion[] {
  const out = new Map(expanded.map((e) => [e.text.toLocaleLowerCase(), e]));
  for (const e of expanded) {
    if (e.provenance.some((p) => SEED_STEP.test(`${p.source}:${p.via}`))) continue;
    const named = findConcepts(kb, e.text).filter((m) => m.text.toLocaleLowerCase() === e.text.toLocaleLowerCase() && SEED_NAME.test(kb.relations[m.rel] ?? ''));
    if (named.length === 0) continue;
    for (const x of expandPhrases(kb, [{ text: e.text, weight: e.weight }], language)) {
      if (!x.provenance.some((p) => SEED_IMPLIES.test(p.via))) continue;
      const key = x.text.toLocaleLowerCase();
      const next = { ...x, from: e.from, reason: `${e.from} → ${x.reason}`, provenance: [...e.provenance, ...x.provenance] };
      if ((out.get(key)?.weight ?? 0) < next.weight) out.set(key, next);
    }
  }
  return [...out.values()].sort((a, b) => b.weight - a.weight);
}

export function informationNode(inp: {
  text: string; extraction: TurnExtraction; previous: Intent | null; kb: KnowledgeBase | null;
  /**
   * The catalog items whose words carry a phrase (the compact engine's gazetteer): a word the catalog
   * never uses but the knowledge layer reads ("thirsty", "brolly") is read for what it implies, not
   * searched for as spelt (its near spellings: "thirty" on the clock faces). Without it, kept.
   */
  catalogItems?: (phrase: string) => readonly string[];
}): InformationNode {
  const { previous, kb } = inp;
  let { extraction } = inp;
  const text = userText(inp.text);
  const situation = LANGUAGE_PACKS.map((p) => p.situation);
  const words = text.toLocaleLowerCase().split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean);

  // What the turn takes back or refuses by pointing (./pointing.ts). What "them" takes back is what
  // the turn asks for ("show me some"): it becomes the topic.
  const { undo, undoneByPronoun, refusedShown, asksInstead } = pointingBack(text, words, extraction, previous);

  const found = kb ? placesAsMeant(findPlaces(kb, text), text, words, inp.catalogItems) : [];
  const places = found.map((p) => ({ text: norm(p.text), country: p.country.en, countryCode: p.countryCode }));
  const information = {
    places: [...new Map(places.filter((p) => /^[A-Z]{2}$/.test(p.countryCode)).map((p) => [p.text.toLocaleLowerCase(), p])).values()],
    dates: allMatches(situation.flatMap((s) => s.dates), text, false),
    occasions: allMatches(situation.flatMap((s) => s.occasions), text, false),
    people: allMatches(situation.flatMap((s) => s.people), text, true),
  };

  const occasions = impliedOccasions(text, extraction.language);
  const read = occasions.length > 0 ? readingOccasions(extraction, occasions) : null;
  if (read) {
    extraction = { ...extraction, ...read };
    information.occasions = [...new Set([...information.occasions, ...occasions.map((o) => o.occasion)])];
  }
  let expansions: InformationNode['expansions'] = [];
  let namedOccasion = false;
  let situationSpans: string[][] = [];
  /** The names of several words the turn's situations were found by ("머리 깨질", "can't sleep"). */
  let situationNames = new Set<string>();
  /** What each of those situations implies, as said ("starts first grade" -> school, backpack, ...). */
  let impliedBy = new Map<string, string[]>();
  // A refusal whose words lie inside a situation's name is the situation told, not a refusal ("오늘 몸이
  // 안 좋아": unwell, not "no bodies"; the feed had gone back to the most popular faces).
  let refusalInName = false;
  let causeWords: string[] = [];
  const brokenWords = brokenOf(text);
  /** A season said beside a destination is when the trip is: its things below the place's, never its words. */
  let seasonOfTrip: (from: string) => boolean = () => false;
  let statement: StatementReading = { circumstance: () => false, besideOccasion: () => false, inOccasionName: () => false, besideAsk: () => false };
  if (kb) {
    const language: KnowledgeLanguage = extraction.language;
    // The whole message as well as its phrases: a word the catalog lacks ("thirsty", "Seoul") never
    // became a key phrase, yet it is exactly what the knowledge layer can read.
    // A refinement narrows the topic to the items carrying it: only its own phrases are read, and only
    // for other names of the same concept ("따뜻한 → warm", or one step on its scale: "→ hot"); a
    // related concept would widen the set it narrows to ("small → back → torso"), and the rest of the
    // message ("것만") is not the refinement.
    // Not where nothing is shown to narrow: "the ac just died", read as a refinement of no topic, had
    // lost its message reading (the broken air conditioning) and kept "died" and "ac" as phrases.
    const refining = extraction.task === 'refine' && topicOnScreen(previous);
    // An implied occasion is read for its meaning, not its words ("turned five" is no "overturned").
    // Nor is a refusal's reason ("nothing with alcohol, i'm driving": not golf) read for its meaning.
    const withoutReason = extraction.task === 'less_of' && topicOnScreen(previous) ? reasonsOf(text).rest : text;
    const message = occasions.reduce((t, o) => t.replace(new RegExp(escapeRe(o.said).replace(/ /g, '\\s+'), 'iu'), ' '), withoutReason);
    const phrases = [
      ...(refining ? [] : [{ text: message, weight: extraction.keyPhrases.length > 0 ? MESSAGE_WEIGHT_WITH_TOPIC : 1 }]),
      // And the occasion it implies where its words do not name it, read as if named (./occasions.ts).
      ...(refining ? [] : occasionPhrases(occasions)),
      ...extraction.keyPhrases, ...extraction.likes.map((l) => ({ text: l, weight: 1 })),
    ];
    const disliked = new Set([...extraction.dislikes, ...(previous?.dislikes.map((d) => d.text) ?? [])].map((d) => d.toLocaleLowerCase()));
    const limit = extraction.task === 'learn_more' ? EXPANSIONS_LEARN_MORE : EXPANSIONS_PER_TURN;
    const placeWords = found.map((p) => p.text.toLocaleLowerCase());
    const fromPlace = (e: { from: string }) => foundAs(placeWords, e.from);
    const named = found.filter((p) => /^[A-Z]{2}$/.test(p.countryCode));
    const origins = originsOf(named, text);
    // Where a journey starts is half a destination (its flag, placeTopics); its landmarks are not what
    // the user goes for ("도쿄에서 부산으로" put Tokyo tower at #2).
    const originWords = [...origins].map((p) => p.text.toLocaleLowerCase());
    const fromOrigin = (e: { from: string }) => foundAs(originWords, e.from);
    // "going to sapporo this winter", "여름에 제주도 가": Sapporo's snow and Jeju's tangerines, not every
    // sun and hot spring; the winter's scarf had capped the place's things as a situation told beside it.
    if (named.some((p) => !origins.has(p))) seasonOfTrip = seasonOnly;
    // A nationality's country's things are a modifier's: the kind it modifies leads ("mexican music": the
    // music first, the taco below it; "japanese food": the sushi, which is both, first).
    const nationalThings = placeThings(kb, nationalityPlaces(kb, extraction.keyPhrases, found), new Set(), language, disliked).map((e) => ({ ...e, weight: e.weight * CIRCUMSTANCE_SHARE }));
    const things = [...placeThings(kb, named, origins, language, disliked), ...nationalThings];
    const placeExpansions = [...placeTopics(named, origins, language, disliked), ...crossBorderTrip(kb, named, origins, language, disliked), ...things];
    const placeTexts = new Set(placeExpansions.map((e) => e.text.toLocaleLowerCase()));
    const expanded = withSituations(kb, expandPhrases(kb, phrases, language, limit * 3), language);
    namedOccasion = expanded.some((e) => e.provenance.some((p) => OCCASION_STEP.test(p.via)));
    // Every occasion the knowledge layer knows by name is one of the turn's (diwali, eid mubarak), not
    // only those the language pack's pattern lists.
    // Each once, as said without its particle ("추석에": 추석), and not inside a longer one ("new year" of "lunar new year").
    const known = [...new Set(expanded
      .filter((e) => e.provenance[0] !== undefined && OCCASION_STEP.test(`${e.provenance[0].source}:${e.provenance[0].via}`))
      .map((e) => norm(e.from).toLocaleLowerCase().split(' ').map(stripKoreanParticle).join(' ').slice(0, 64)))];
    const all = [...information.occasions, ...known];
    const inside = (o: string) => all.some((x) => x !== o && ` ${x.toLocaleLowerCase()} `.includes(` ${o.toLocaleLowerCase()} `));
    information.occasions = [...new Map(all.filter((o) => !inside(o)).map((o) => [o.toLocaleLowerCase(), o])).values()];
    const tells = !refining && (extraction.task === 'new_topic' || extraction.task === 'chit_chat') && !LANGUAGE_PACKS.some((pk) => pk.situation.asks.test(text));
    situationSpans = situationNameWords(expanded, { impliedHeads: tells });
    // Said in the seed's own words too ("had a fight": its things follow directly, with no naming step).
    situationNames = new Set(expanded.filter((e) => e.from.includes(' ') && (steps(e, SEED_NAME) || SEED_IMPLIES.test(e.provenance[0]?.via ?? ''))).map((e) => e.from.toLocaleLowerCase()));
    impliedBy = new Map([...situationNames].map((n) => [n, expanded.filter((e) => e.from.toLocaleLowerCase() === n && e.provenance.some((p) => SEED_IMPLIES.test(p.via))).map((e) => e.text)]));
    const seedNames = expanded.filter((e) => steps(e, SEED_NAME)).map((e) => e.from.toLocaleLowerCase());
    refusalInName = extraction.task === 'less_of' && extraction.dislikes.length > 0 && extraction.dislikes.every((d) => seedNames.some((n) => n.includes(d.toLocaleLowerCase())));
    const told = new Set(refusalInName ? extraction.dislikes.map((d) => d.toLocaleLowerCase()) : []);
    const refused = new Set([...disliked].filter((d) => !told.has(d)));
    // A turn that asks for nothing and tells a situation or an occasion is read for it (./statement.ts).
    statement = readStatement({ text, task: refining ? 'refine' : extraction.task, language, expanded, occasions, asked: extraction.keyPhrases.map((p) => p.text) });
    const { circumstance, besideOccasion, besideAsk } = statement;
    // A refinement's word read in its main sense: a step from a later sense weighs less than
    // REFINE_MAIN_SENSE of the word's own reading ("spicy" is "blue" only as racy: blueberries had led
    // "food", then "only the spicy ones").
    const strongest = new Map<string, number>();
    for (const p of phrases) strongest.set(p.text, Math.max(strongest.get(p.text) ?? 0, p.weight));
    for (const e of expanded) strongest.set(e.from, Math.max(strongest.get(e.from) ?? 0, e.weight));
    // A describing word before a thing is not read through an emoji's other keywords (./phrase-heads.ts).
    const describing = describingWords(extraction.keyPhrases, inp.catalogItems);
    const kept = expanded
      .filter((e) => !throughEmojiMates(e, describing))
      .filter((e) => (refining ? refinementStep(e.provenance) && (!e.provenance.some((p) => SAME_CONCEPT.test(p.via)) || e.weight >= REFINE_MAIN_SENSE * strongest.get(e.from)!) : e.provenance.filter((p) => !NAMING.test(p.via)).length <= MAX_HOPS))
      .filter((e) => !placeTexts.has(e.text.toLocaleLowerCase()))
      .filter((e) => !(/^[a-z]+$/i.test(e.text) && e.text.length < MIN_LATIN_EXPANSION_CHARS))
      // (A situation named by one is read: "ugh mondays" is the Monday blues.)
      .filter((e) => !calendarOnly(e.from) || steps(e, SEED_NAME))
      // Nor a word inside a place's name of several ("buenos aires": the river Aire, its canoes).
      .filter((e) => !insidePlaceName(placeWords, e.from))
      // A word a place's name also spells is not meant beside it ("파리에 가고 싶어": Paris, not the fly).
      .filter((e) => !fromPlace(e) || (!fromOrigin(e) && e.provenance.every((p) => NAMING.test(p.via) || PLACE_RELATIONS.test(p.via)) && !(e.concept.kind === 'word' && !e.head && e.provenance.every((p) => NAMING.test(p.via)))))
      .filter((e) => !refused.has(e.text.toLocaleLowerCase()) && ![...refused].some((d) => names(words, d) && e.from.toLocaleLowerCase().includes(d)));
    // What the turn names as the cause of a feeling or situation it tells from other words is its
    // circumstance, whatever that cause implies ("시험 때문에 스트레스 받아": the stressed faces, the books below).
    // And where it says it happened, the same way ("i got a sunburn at the beach": the sun, the beach below).
    const causes = [...causesOf(text), ...settingsOf(text)];
    const ofCause = (e: { from: string }) => namesCause(causes, e.from);
    const toldBeside = causes.length > 0 && kept.some((e) => !ofCause(e) && steps(e, SEED_STEP));
    causeWords = toldBeside ? causes : [];
    const read = kept
      // What a circumstance implies is no more wanted than its words ("night → dark"), except a place's.
      .map((e) => (besideOccasion(e) || besideAsk(e) || (circumstance(e.from) && !fromPlace(e) && !e.provenance.some((p) => SEED_IMPLIES.test(p.via))) || (toldBeside && ofCause(e)) || seasonOfTrip(e.from)
        ? { ...e, weight: e.weight * CIRCUMSTANCE_SHARE } : e))
      .sort((a, b) => b.weight - a.weight);
    expansions = withEachPhrase(read, limit, extraction.keyPhrases.filter((p) => !circumstance(p.text)).map((p) => p.text))
      .map((e) => ({
        text: norm(e.text).slice(0, 64), weight: Math.min(1, e.weight * EXPANSION_SHARE), reason: norm(e.reason).slice(0, 120),
        ...(e.label && e.label !== e.text ? { label: norm(e.label).slice(0, 64) } : {}),
        from: norm(e.from).slice(0, 64), ...(e.itemIds.length > 0 && !(countryOfAThing(e) && !fromPlace(e)) ? { itemIds: e.itemIds.slice(0, MAX_LINKED_ITEMS) } : {}),
      }))
      .filter((e) => e.text.length > 0 && e.from.length > 0);
    const occasionTopics = occasions
      .filter((o) => !disliked.has(o.occasion.toLocaleLowerCase()))
      .map((o) => ({ text: o.occasion, weight: OCCASION_WEIGHT, reason: `${o.said} → ${o.occasion}`, from: o.said }));
    // A place's things (journey.ts placeThings) give way to what the turn itself tells: a situation it
    // names ("I'm flying to Seoul": the airplane) weighs more, and a place named as a compound's modifier
    // ("부산역에서 만나": the station) brings none (Busan's octopus had come before the station).
    const thingTexts = new Set(things.map((t) => t.text));
    // Told by the words themselves (only naming steps before the seed's: "flying → airport → airplane",
    // not "trip → flight (a kind of trip) → airplane"), and not the trip the place already is.
    const tripTexts = tripThingTexts(kb);
    const toldDirectly = (e: (typeof read)[number]) => {
      const at = e.provenance.findIndex((p) => SEED_IMPLIES.test(p.via) || SEED_NAME.test(p.via));
      return at >= 0 && e.provenance.slice(0, at).every((p) => NAMING.test(p.via));
    };
    const toldWeight = Math.max(0, ...read.filter((e) => !fromPlace(e) && !tripTexts.has(e.text.toLocaleLowerCase()) && !seasonOfTrip(e.from) && toldDirectly(e)).map((e) => e.weight * EXPANSION_SHARE));
    const placeAsModifier = read.some((e) => e.head && fromPlace(e));
    const placed = placeExpansions.flatMap((e) => (!thingTexts.has(e.text) ? [e] : placeAsModifier ? [] : [toldWeight > 0 ? { ...e, weight: Math.min(e.weight, toldWeight * BELOW_TOLD) } : e]));
    expansions = [...placed, ...occasionTopics, ...expansions];
    if (refining) expansions = [...expansions, ...propertyExpansions(kb, extraction.keyPhrases, [...(previous?.keyPhrases ?? []), ...(previous?.likes ?? [])], extraction.refineNot === true, EXPANSION_SHARE, inp.catalogItems)];
    // The intent holds at most MAX_EXPANSIONS (a trip to two places with their things and a learn-more
    // turn's fourteen had overflowed it, and the turn failed validation).
    expansions = expansions.slice(0, MAX_EXPANSIONS);
  }
  // A place the knowledge layer recognised is read for its meaning (its country, its flag), not for its
  // words: "San Francisco" as words partly matches "flag: San Marino".
  // A phrase that ends in a place ("부모님이 멜버른") is read without it: the rest is what remains said.
  const placeKeys = new Set(information.places.map((p) => p.text.toLocaleLowerCase()));
  // The place as found may carry a Korean particle ("멜버른에"), the phrase's word does not.
  const isPlace = (w: string) => placeKeys.has(w) || [...placeKeys].some((k) => /[\uac00-\ud7a3]/.test(w) && w.length >= 2 && k.startsWith(w));
  // Whom the turn names is who it is for or with, once it names something else (./people.ts).
  const people = readPeople(information.people, extraction.keyPhrases, occasions.length > 0);
  // Nor is a situation or occasion named in several words ("on my way to work": commuting, not
  // workers; "leg day": the gym, not legs): a phrase all of whose words lie inside such a name goes.
  // A phrase that is a situation's whole name goes too, unless a word of it is one the catalog has
  // ("can't sleep": sleep stays): "머리 깨질" (a splitting head) had matched every picture of hair.
  const insideSituation = (t: string) => situationSpans.some((span) => span.length > 0 && t.split(' ').every((w) => span.some((s) => s === w || s.startsWith(w))))
    || (situationNames.has(t) && !!inp.catalogItems && t.split(' ').every((w) => situationSpans.some((span) => span.includes(w)) || inp.catalogItems!(w).length === 0))
    || (!!inp.catalogItems && nameWordsNoItemCarries(t, impliedBy, inp.catalogItems));
  // A single word the catalog lacks, which the knowledge layer read into things it has.
  // Not a refinement's property: that narrows the topic by its words and names ("단 것만").
  const readForMeaning = (t: string) => !!inp.catalogItems && extraction.task !== 'refine' && !t.includes(' ') && inp.catalogItems(t).length === 0
    && expansions.some((e) => e.from.toLocaleLowerCase().split(/\s+/).some((f) => f === t || (f.length > 3 && t.startsWith(f.slice(0, -2)))
      // a Korean stem read from its inflected form ("입대" in "입대해")
      || (/[\uac00-\ud7a3]/.test(t) && f.startsWith(t) && f.length - t.length <= 2)));
  const clear = clearerPhrases(extraction.keyPhrases, text, kb);
  const travelling = information.places.length > 0;
  const isTripWord = (w: string) => situation.some((s) => s.tripWords.test(w));
  const keyPhrases = clear.flatMap((said) => {
    const t0 = said.text.toLocaleLowerCase();
    if (isPlace(t0) || seasonOfTrip(t0) || insideSituation(t0) || readForMeaning(t0) || statement.inOccasionName(t0)) return [];
    // A phrase that names an occasion and something more ("mother's day gift") is the something more:
    // the occasion is read for its meaning, and "mother day gift" matched nothing (no gift was shown).
    const all = said.text.split(' ');
    const rest = all.filter((w) => !statement.inOccasionName(w.toLocaleLowerCase()));
    if (rest.length > 0 && rest.length < all.length) return [{ ...said, text: rest.join(' '), weight: said.weight * CIRCUMSTANCE_SHARE }];
    // A phrase whose head is a time is the thing it names at that time ("pizza night": ./phrase-heads.ts).
    const p = withoutTimeHead(pastSituation(said, situationSpans, situationNames), kb);
    const t = p.text.toLocaleLowerCase();
    // What the turn names as a cause is a circumstance too ("시험 때문에 스트레스 받아": 시험).
    if (causeWords.length > 0 && wordsOf(t).every((w) => namesCause(causeWords, w))) return [{ ...p, weight: p.weight * CIRCUMSTANCE_SHARE }];
    // What broke down is missed, not wanted: its words go ("the heating's out": no hot face; ./statement.ts brokenOf).
    if (brokenWords.length > 0 && wordsOf(t).every((w) => namesCause(brokenWords, w))) return [];
    // A circumstance weighs less beside what else was said, and goes where it is all that was ("trick
    // or treat for halloween": the reply names what Halloween brings, not "treat").
    if (statement.circumstance(t)) return clear.every((q) => statement.circumstance(q.text)) ? [] : [{ ...p, weight: p.weight * CIRCUMSTANCE_SHARE }];
    // Beside a destination, words that only say a journey is made are the place's (LanguagePack tripWords).
    const words = p.text.split(' ').filter((w) => !travelling || !isTripWord(w));
    if (words.length === 0) return [];
    const kept = words.join(' ');
    const cut = kept.lastIndexOf(' ');
    return cut > 0 && isPlace(kept.slice(cut + 1).toLocaleLowerCase()) ? [{ ...p, text: kept.slice(0, cut).trim() }] : [{ ...p, text: kept }];
  }).flatMap((p) => people.withoutPerson(p, readForMeaning));
  // Nor what a vague word dropped beside a clearer one implies ("work → worker").
  if (kb && clear.length < extraction.keyPhrases.length) expansions = expansions.filter((e) => !isVague(kb, e.from, text));
  // Nor what a situation's words imply one by one ("way to work": work → worker).
  if (situationSpans.length > 0) expansions = expansions.filter((e) => e.from.includes(' ') || !insideSituation(e.from.toLocaleLowerCase()));
  // Nor what praise beside a thing named means ("pandas are so cute": cute → heart, emotion had filled
  // the feed with hearts): the praise is how the user feels about the thing, the thing is the topic.
  if (keyPhrases.some((p) => !praiseOnly(p.text))) expansions = expansions.filter((e) => !praiseOnly(e.from));
  // Nor is what the person implies ("mom → mother → breast-feeding").
  if (people.forSomeone) expansions = expansions.filter((e) => !e.from.split(' ').every(people.isPerson));
  // "Happy new year", "새해 복 많이 받으세요": the wish is the greeting, the occasion is the topic.
  const wish = (w: string) => GREETINGS.has(w.toLocaleLowerCase());
  const topics = !namedOccasion ? keyPhrases : keyPhrases.flatMap((p) => {
    const words = p.text.split(' ');
    const first = words.findIndex((w) => !wish(w));
    return first < 0 ? [] : [{ ...p, text: words.slice(first).join(' ') }];
  });
  if (namedOccasion) expansions = expansions.filter((e) => !e.from.split(' ').every(wish));
  if (undoneByPronoun.length > 0) topics.push(...undoneByPronoun.filter((u) => !topics.some((p) => p.text === u)).map((text) => ({ text, weight: UNDONE_TOPIC_WEIGHT })));
  const task = read?.task ?? extraction.task;
  // A turn that asks for something keeps what it asks for first: no expansion of it leads its words
  // (src/core/wanted.ts leadsOver), which only a turn that tells does ("flying to Seoul ... want to try
  // street food": the flight had come within reach of leading the food).
  const asks = situation.some((s) => s.asks.test(text));
  if (topics.length > 0 && asks) {
    const below = Math.max(...topics.map((p) => p.weight)) * LEAD_SHARE * ASKED_MARGIN;
    expansions = expansions.map((e) => (!e.itemIds?.length && e.weight > below ? { ...e, weight: below } : e));
  }
  // A turn that takes a dislike back is about that topic; the rest of it is a circumstance.
  const about = aboutUndone(undo, topics, expansions);
  // What a request names, by its kinds: asked for, not told ("the whole board" of a pitch is no skateboard).
  const asked = asks || words.length <= BARE_REQUEST_WORDS;
  // A word read for its meaning names its kinds too ("탈것 보여줘": vehicles, though no tag says 탈것).
  const meant = clear.filter((p) => readForMeaning(p.text.toLocaleLowerCase()));
  // "Not that" with something else told ("아 그거 말고 빼빼로데이에 뭐 주지", "not that, show me dogs") refuses
  // what is shown and starts the new topic: read as a refusal only, it had emptied the turn's expansions
  // and the feed fell back to the popular faces.
  const switches = refusedShown.length > 0 && (turnsAway(inp.text) || asksInstead) && (about.topics.length > 0 || about.expansions.length > 0);
  const kinds = kb && asked && KIND_TASKS.has(task) && (refusedShown.length === 0 || switches) ? kindExpansions(kb, [...about.topics, ...meant]) : [];
  // What is refused by name covers its kinds ("no alcohol": the sake too); not what is refused by pointing.
  const refusedKinds = kb && !refusalInName && refusedShown.length === 0 ? dislikedKinds(kb, read?.dislikes ?? extraction.dislikes) : [];
  return {
    information, expansions: [...about.expansions, ...kinds], undo: [...undo], keyPhrases: about.topics,
    ...(refusedKinds.length > 0 ? { dislikedKinds: refusedKinds } : {}),
    ...nodeTask({ text, typed: inp.text, words, task, read, previous, extraction, refusalInName, expansions: expansions.length, topicsLeft: about.topics.length, undo, refusedShown, switches }),
  };
}

