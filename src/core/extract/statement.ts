// A turn that tells a situation or an occasion and asks for nothing (issue 14, ninth round: "diwali at
// my aunt's this weekend, so excited", "first night of hanukkah tonight") is read for it: what goes with
// it leads, an occasion leads a feeling beside it, and the statement's other words are circumstances,
// not what the user wants. The information node (./information.ts) weighs phrases and expansions by this.
import { type Expansion, SEED_NAME } from '../knowledge/expand.ts';
import { FUNCTION_WORDS } from '../knowledge/match.ts';
import { isPackLanguage, LANGUAGE_PACKS, packFor, TIME_NOUNS } from '../lang/packs.ts';
import type { TurnExtraction } from '../intent.ts';

/** A situation seed's step: its name, or what it implies (tools/knowledge/situations.ts). */
const SITUATION_STEP = /seed-situation/;
/** An occasion seed's step (tools/knowledge/occasions.ts): a turn that reads one names an occasion. */
export const OCCASION_STEP = /seed-occasion/;
/** Any step of a situation or an occasion seed (its name, what it implies). */
export const SEED_STEP = /seed-(?:situation|occasion)/;
/** A state said as a predicate (tools/knowledge/ko-state-words.ts: 슬프다 -> sad, 피곤하다 -> tired). */
const FEELING_STEP = /^seed:ko-predicate-state$/;
/** A step from a situation or an occasion to what goes with it (the seeds' edges). */
export const SEED_IMPLIES = /^seed-(?:situation|occasion)$/;
/**
 * What a feeling or state beside an occasion implies ("diwali at my aunt's, so excited": the lamps,
 * then the excited faces) and a circumstance with what it implies ("apartment top", "first night")
 * weigh this share. Dev2 en 0.532 -> 0.545, occasion en 0.32 -> 0.38 (bench/RESULTS-knowledge.md,
 * ninth round); dropping them instead lost the family at a graduation dinner (dev2 ko 0.575 -> 0.546),
 * and a phrase share of 0.25 lowered the cap on what the turn implies (wanted.ts): occasion en 0.30.
 */
export const CIRCUMSTANCE_SHARE = 0.5;
export { SEED_NAME };
/** Words after which a name's head has been said ("way to work" is a way). */
const PREPOSITIONS = new Set(['to', 'of', 'for', 'in', 'at', 'on', 'with', 'from', 'into', 'after', 'before']);
/** A situation's name with one of these is a clause ("my head is pounding"), not a noun phrase with a head. */
const COPULAS = new Set(['is', 'are', 'am', 'was', 'were', "i'm", "it's", "we're"]);
/**
 * Verbs of a thing that stopped working make a name a clause too ("ac just died", "heater broke"): its
 * last word is what happened, not what it is about ("died" had stayed a phrase and shown sad faces).
 */
const BROKE = new Set(['died', 'broke', 'dead', 'stopped']);
/**
 * A name that measures too much of its head ("too much wine", "too many drinks", "ate too much") is
 * about the excess (a hangover, being full), not the head: the hangover feed had put the wine glass first.
 */
const EXCESS = new Set(['too']);
/** A situation's name of this many content words is an idiom, read as a whole. */
const IDIOM_WORDS = 3;
/** Every pack's words of a wish on an occasion ("happy", "merry", "축하"). */
export const GREETINGS: ReadonlySet<string> = new Set(LANGUAGE_PACKS.flatMap((pk) => pk.situation.greetings));

type Step = { readonly via: string; readonly source: string };
/** Whether an expansion took a step of this relation (`source:via`). */
export const steps = (e: { readonly provenance: readonly Step[] }, re: RegExp) => e.provenance.some((p) => re.test(`${p.source}:${p.via}`));
export const wordsOf = (t: string) => t.toLocaleLowerCase().split(/\s+/);

export interface StatementReading {
  /** A phrase of the turn that is neither the situation or occasion it tells nor what that implies. */
  readonly circumstance: (phrase: string) => boolean;
  /** An expansion of a feeling or state beside an occasion the turn tells. */
  readonly besideOccasion: (e: { readonly provenance: readonly Step[] }) => boolean;
  /**
   * A phrase made of the words of an occasion named in several words ("day" of "st patrick's day"):
   * the occasion is its meaning (the phrase "day" had filled the feed with steam rooms; dev2 en 0.545
   * -> 0.546, old blind en 0.877 -> 0.879, ko 0.834 -> 0.836).
   */
  readonly inOccasionName: (phrase: string) => boolean;
  /**
   * In a turn that asks for something and tells a situation beside it ("I'm flying to Seoul next week
   * and want to try street food"), what the situation implies: the asked thing leads, the situation is
   * its circumstance (its airport, flights and planes had stacked above the food, seen in the browser
   * test). Not what a situation the ask names implies ("stuff for a rainy day").
   */
  readonly besideAsk: (e: { readonly from: string; readonly provenance: readonly Step[] }) => boolean;
}

export function readStatement(inp: {
  text: string; task: TurnExtraction['task']; language: TurnExtraction['language'];
  /** The turn's expansions before any is dropped: the seeds' names and edges among them. */
  expanded: readonly Pick<Expansion, 'text' | 'from' | 'provenance'>[];
  /** Occasions the turn implies without naming them ("my dad's 60th": birthday). */
  occasions: readonly { occasion: string; said: string }[];
  /** The turn's key phrases: what it asks for, where it asks. */
  asked: readonly string[];
}): StatementReading {
  const { expanded, occasions } = inp;
  const occasionNames = [...new Set(expanded.filter((e) => steps(e, OCCASION_STEP)).map((e) => e.from.toLocaleLowerCase()))].filter((n) => n.includes(' ')).map(wordsOf);
  // A phrase's words are lemmas, the name's as written ("holiday" of "happy holidays").
  const inOccasionName = (t: string) => occasionNames.some((n) => wordsOf(t).every((w) => n.some((x) => x === w || (x.startsWith(w) && x.length - w.length <= 2))));
  const asks = LANGUAGE_PACKS.some((pk) => pk.situation.asks.test(inp.text));
  const asked = inp.asked.map(wordsOf);
  const besideAsk = asks && asked.length > 0
    ? (e: { readonly from: string; readonly provenance: readonly Step[] }) => steps(e, SITUATION_STEP) && !asked.some((a) => wordsOf(e.from).some((w) => a.includes(w)))
    : () => false;
  const none = { circumstance: () => false, besideOccasion: () => false, inOccasionName, besideAsk };
  const tells = (inp.task === 'new_topic' || inp.task === 'chit_chat') && !asks;
  if (!tells) return none;
  const leads = expanded.filter((e) => e.provenance.some((p) => SEED_IMPLIES.test(p.via)));
  const occasionLeads = leads.filter((e) => e.provenance.some((p) => OCCASION_STEP.test(p.via)));
  // An implied "occasion" that is a situation ("38 degrees": the heatwave) is told as a situation: its
  // things had been demoted as circumstances beside it, and "the ac just died" showed sad faces.
  const names = (e: Pick<Expansion, 'from' | 'provenance'>, name: string) => [e.from, ...e.provenance.flatMap((p) => [p.from, p.to])].some((n) => n.toLocaleLowerCase() === name);
  const situationNamed = (o: { occasion: string }) => leads.some((e) => steps(e, SITUATION_STEP) && names(e, o.occasion.toLocaleLowerCase()));
  const occasionTold = occasionLeads.length > 0 || occasions.some((o) => !situationNamed(o));
  const leading = occasionTold ? occasionLeads : leads;
  if (leading.length === 0 && occasions.length === 0) return none;
  const spanWords = new Set([...leading.map((e) => e.from), ...occasions.map((o) => o.said)].flatMap(wordsOf));
  const impliedWords = new Set([...leading.map((e) => e.text), ...occasions.map((o) => o.occasion)].flatMap(wordsOf));
  // A phrase is part of it when a word names it, is what it implies, or wishes well ("congrats").
  const partOf = (w: string) => spanWords.has(w) || impliedWords.has(w) || [...spanWords].some((s) => s.startsWith(w) || w.startsWith(s)) || [...GREETINGS].some((g) => w.startsWith(g));
  const demotes = isPackLanguage(inp.language) && packFor(inp.language).situation.demotesCircumstances;
  // A feeling the user says they have is no circumstance of what happened: it is what they feel ("친구가
  // 이사 가서 너무 슬퍼": the sad faces beside the moving boxes, not below every house).
  const feels = new Set(expanded.filter((e) => e.provenance[0] !== undefined && FEELING_STEP.test(`${e.provenance[0].source}:${e.provenance[0].via}`)).map((e) => e.from.toLocaleLowerCase()));
  return {
    circumstance: demotes ? (t) => !wordsOf(t).some(partOf) && !feels.has(t.toLocaleLowerCase()) : () => false,
    besideOccasion: occasionTold ? (e) => !steps(e, OCCASION_STEP) && steps(e, SITUATION_STEP) : () => false,
    inOccasionName,
    besideAsk,
  };
}

/**
 * For each situation or occasion named in several words, the words of its name that are not meant
 * literally: a phrase made only of them is the situation, not a topic ("on my way to work": commuting,
 * not workers; "leg day": the gym, not legs). A word the situation implies as such, or as a form of it
 * ("can't sleep": sleeping face; "so hot": hot face), is meant literally and stays, and so does the
 * name's head, what it is about.
 */
export function situationNameWords(expanded: readonly Expansion[], opts: {
  /**
   * A turn that tells (asks for nothing, refines nothing): a head the situation implies things named
   * with is read through them, not literally ("so hot today": the hot face and the sun, not the hot dog,
   * the hot pepper and the hot springs that the word alone had matched).
   */
  impliedHeads?: boolean;
} = {}): string[][] {
  // Named by a form of its name ("freaked out"), or by the name itself, whose first step is then what it
  // implies ("lunar new year → red envelope": "lunar" alone had read as the moon and shown nine moons).
  const named = expanded.filter((e) => e.from.includes(' ') && (steps(e, SEED_NAME) || (e.provenance.length > 0 && SEED_IMPLIES.test(e.provenance[0]!.via))));
  const spans = new Set(named.map((e) => e.from.toLocaleLowerCase()));
  // An occasion's name is a name, not a phrase with a head: "super bowl" is no bowl, "world cup" no cup.
  const occasionNames = new Set(named.filter((e) => steps(e, OCCASION_STEP)).map((e) => e.from.toLocaleLowerCase()));
  return [...spans].map((span) => {
    // The first word of each thing it implies ("sleeping face", "hot face"): a word inside a longer
    // name ("face with bags under eyes") is no reason to read the user's word literally.
    const implied = expanded.filter((e) => e.from.toLocaleLowerCase() === span).map((e) => wordsOf(e.text)[0]!);
    const words = span.split(/\s+/);
    // Its head is what it is about ("can't sleep"; "way to work" is a way): the last word before a
    // preposition, else the last word (Korean names end in their head: "잠 못 드는 밤"); none where
    // that is a time ("leg day" is the gym, not a day), the name is an excess ("too much wine"), a clause ("my head is pounding")
    // or an idiom of several content words ("barely keep my eyes open" is not about opening).
    const prep = words.findIndex((w, i) => i > 0 && PREPOSITIONS.has(w));
    const last = words[(prep > 0 ? prep : words.length) - 1]!;
    const idiom = words.filter((w) => !FUNCTION_WORDS.has(w) && !w.includes("'")).length >= IDIOM_WORDS;
    const head = idiom || occasionNames.has(span) || TIME_NOUNS.has(last) || words.some((w) => COPULAS.has(w) || EXCESS.has(w) || BROKE.has(w)) ? undefined : last;
    // A word only part of what it implies is not meant literally ("my head is pounding": face with
    // head-bandage, not the shaking heads; "keep my eyes open": not every face with eyes).
    const literal = (w: string) => implied.some((i) => i === w || i === `${w}s` || i === `${w}es` || i === `${w}ing` || i === `${w}ed` || i === `${w}y` || w.startsWith(i));
    return words.filter((w) => (w !== head && !literal(w)) || (opts.impliedHeads && w === head && literal(w)));
  });
}

/**
 * A phrase that begins inside a situation's name and goes on past it is what goes on: "비 오는 날 카페에서"
 * had kept "날 카페" (the day of the rainy day, and the café), which matched the roller skate's blade (날)
 * and named "날 카페" in the reply. Not where what goes on is still the name's (its head: "first grade" is
 * a grade of school, not a grade). `spans`: situationNameWords; `names`: the situations' names as said.
 */
export function pastSituation<P extends { readonly text: string }>(p: P, spans: readonly (readonly string[])[], names: ReadonlySet<string>): P {
  // A hyphenated word is its parts, as the name was found ("all-nighter" is the name "all nighter").
  const all = p.text.split(/[\s-]+/).filter((w) => w.length > 0);
  const from = all.findIndex((w) => !spans.some((span) => span.includes(w.toLocaleLowerCase())));
  if (from <= 0) return p;
  const named = new Set([...names].flatMap((n) => n.split(' ')));
  return all.slice(from).some((w) => named.has(w.toLocaleLowerCase())) ? p : { ...p, text: all.slice(from).join(' ') };
}

/** The words every pack reads as what a turn names as a cause ("because of exams", "시험 때문에"), lower-cased. */
export function causesOf(text: string): string[] {
  return [...new Set(LANGUAGE_PACKS.flatMap((pk) => [...text.matchAll(pk.situation.causes)].map((m) => m[1]!.toLocaleLowerCase())))];
}

/** The words of what the turn says broke down ("the heating's out", "에어컨 고장났는데"; SituationPack.broken), lower-cased. */
export function brokenOf(text: string): string[] {
  return [...new Set(LANGUAGE_PACKS.flatMap((pk) => [...text.matchAll(pk.situation.broken)].map((m) => m[1]!.toLocaleLowerCase())))];
}

/**
 * The words of where the turn says what it tells happened ("at the beach", "회사에서"), by every pack's
 * settings: like a cause, a circumstance of a situation told beside it. Not a function word nor a time
 * ("in the morning").
 */
export function settingsOf(text: string): string[] {
  const words = LANGUAGE_PACKS.flatMap((pk) => [...text.matchAll(pk.situation.settings)].flatMap((m) => m.slice(1)));
  return [...new Set(words.filter((w): w is string => !!w).map((w) => w.toLocaleLowerCase()).filter((w) => !FUNCTION_WORDS.has(w) && !TIME_NOUNS.has(w)))];
}

/** A phrase with a word that is one of the causes, or a Korean form of one ("시험이" of "시험"). */
export function namesCause(causes: readonly string[], phrase: string): boolean {
  // An English phrase holds the lemma of the word said ("heat" of "the heating's out").
  return causes.some((c) => wordsOf(phrase).some((w) => w === c || (/[\uac00-\ud7a3]/.test(w) && w.startsWith(c) && w.length - c.length <= 2) || (/^[a-z]{3,}$/.test(w) && c.startsWith(w) && c.length - w.length <= 3)));
}

/**
 * Several words of a situation's name as said that no one item carries together: the situation says
 * them, not the items each word finds ("my daughter starts first grade": back to school, not the first
 * quarter moon and the "passing grade" button, each carrying one of the two). One word of such a name,
 * all the phrase keeps of it (the ordinal is no phrase word: "grade"), is the name's too where the items
 * it names are none the turn's situations imply (`implied`: each name said, with what it implies): "so
 * humid, i'm literally melting" keeps "melting", whose melting face the humidity implies; a word that
 * names no item ("freeway", matched by tags only) is left to the phrase.
 */
export function nameWordsNoItemCarries(phrase: string, implied: ReadonlyMap<string, readonly string[]>, catalogItems: (word: string) => readonly string[]): boolean {
  const ws = phrase.split(' ');
  const noneCarries = (words: readonly string[]) => {
    const sets = words.map((w) => new Set(catalogItems(w)));
    return ![...sets[0]!].some((id) => sets.every((s) => s.has(id)));
  };
  let wanted: Set<string> | undefined;
  return [...implied.keys()].some((n) => {
    const nameWords = n.split(' ');
    if (!ws.every((w) => nameWords.includes(w))) return false;
    if (ws.length >= 2) return noneCarries(ws);
    const own = catalogItems(ws[0]!);
    const content = nameWords.filter((w) => !FUNCTION_WORDS.has(w) && !w.includes("'"));
    // A name of one content word among function words ("had a fight") is read like one of several.
    if (own.length === 0 || nameWords.length < 2 || content.length === 0 || (content.length >= 2 && !noneCarries(content))) return false;
    wanted ??= new Set([...implied.values()].flat().flatMap((t) => catalogItems(t)));
    return !own.some((id) => wanted!.has(id));
  });
}
