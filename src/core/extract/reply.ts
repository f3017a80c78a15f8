// The compact engine's replies: short, whole, in the user's language, varied by a seed, and saying
// back what was understood (the topic, what will be left out). The words come from the language
// pack (src/core/lang/*/reply.ts); this module decides which template and what fills it.
import type { TurnExtraction } from '../intent.ts';
import { REPLY_MAX_NAMED } from '../lang/pack.ts';
import { LANGUAGE_PACKS, packFor, type PackLanguage } from '../lang/packs.ts';

export type ReplyLanguage = PackLanguage;

/** What the catalog's items are called in a reply ("cat stickers", "고양이 스티커"). */
export interface ReplyVocabulary {
  readonly items: Readonly<Record<ReplyLanguage, string>>;
  /** How a phrase is shown: proper names capitalised ("seoul" -> "Seoul"). Identity by default. */
  readonly display?: (phrase: string, language: ReplyLanguage) => string;
}

export const DEFAULT_REPLY_VOCABULARY: ReplyVocabulary = {
  items: Object.fromEntries(LANGUAGE_PACKS.map((p) => [p.code, p.reply.defaultItems])) as Record<ReplyLanguage, string>,
};

/** A phrase is named only at this share of the turn's strongest: circumstances weigh 0.5 of what they would (0.85 -> 0.42 beside 0.72). */
const NAMED_MIN_SHARE = 0.6;

const pickOf = <T>(xs: readonly T[], seed: number, salt: number): T => xs[((seed >>> 0) + salt) % xs.length]!;

/** A short reply for a turn. Deterministic for a given extraction, language and seed. */
export function composeReply(
  x: TurnExtraction,
  language: ReplyLanguage,
  seed: number,
  vocabulary: ReplyVocabulary = DEFAULT_REPLY_VOCABULARY,
): string {
  const words = packFor(language).reply;
  const show = (xs: readonly string[]) => xs.map((t) => vocabulary.display?.(t, language) ?? t);
  const list = (xs: readonly string[]) => words.list(show(xs.slice(0, REPLY_MAX_NAMED)));
  const items = vocabulary.items[language];
  // Not a phrase that weighs less than half the strongest: a circumstance of what the turn told
  // ("first night" of hanukkah, src/core/extract/information.ts), which the feed barely shows.
  const strongest = Math.max(0, ...x.keyPhrases.map((p) => p.weight));
  const topics = x.keyPhrases.filter((p) => p.weight >= strongest * NAMED_MIN_SHARE).map((p) => p.text);
  // A refinement to what lacks the property says the topic stays without it, not that it narrows to it
  // ("only the ones that can't fly": "Got it, leaving fly out"), in the phrase the pack says.
  if (x.task === 'refine' && x.refineNot && topics.length > 0) {
    const said = words.sayProperty?.(topics) ?? topics[0]!;
    return pickOf(words.lacking, seed, topics.length)(show([said])[0]!);
  }
  // A refinement that only left something out ("only the ones that are not spicy", read as a dislike)
  // is said as leaving it out, without asking how to narrow.
  if (x.task === 'refine' && topics.length === 0 && x.dislikes.length > 0) x = { ...x, task: 'less_of' };
  // Small talk that names a topic the catalog knows ("halloween" alone, "hi, cats please") changes the
  // feed (intent-merge.ts): the reply says what it shows, not "tell me what you would like to see".
  if (x.task === 'chit_chat' && topics.length > 0) x = { ...x, task: 'new_topic' };
  const subject = x.task === 'less_of' ? x.dislikes : topics;
  const salt = x.task.length * 7 + subject.length;
  let reply: string;
  if (subject.length > 0 || x.task === 'start_over' || x.task === 'chit_chat') {
    reply = pickOf(words.templates[x.task], seed, salt)(list(subject), items);
  } else if (((x.task === 'new_topic' || x.task === 'more_like') && (x.expansions?.length ?? 0) > 0)
    // A refinement the knowledge layer fitted to items though no catalog word says it ("just the stormy
    // ones"): the feed has narrowed, so the reply does not ask how to narrow it.
    || (x.task === 'refine' && (x.expansions ?? []).some((e) => !e.opposite && (e.itemIds?.length ?? 0) > 0))) {
    reply = pickOf(words.impliedUnnamed, seed, salt);
  } else {
    reply = pickOf(words.noTopic[x.task] ?? [''], seed, salt);
  }
  // Say what will be left out when the turn also carried a dislike ("no cats, more dogs").
  if (x.task !== 'less_of' && x.task !== 'start_over' && x.dislikes.length > 0) reply += words.leftOut(list(x.dislikes), items);
  // Acknowledge a stated like that is not already the topic of the sentence.
  const newLikes = x.likes.filter((l) => x.task !== 'more_like' && !subject.slice(0, REPLY_MAX_NAMED).includes(l));
  if (newLikes.length > 0) reply += words.remembered(list(newLikes), items);
  return reply.trim();
}

/** A polite refusal for a blocked turn. */
export function composeBlockedReply(language: ReplyLanguage, seed: number): string {
  return pickOf(packFor(language).reply.blocked, seed, 0);
}
