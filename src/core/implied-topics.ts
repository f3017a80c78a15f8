// Which implied topics a reply may name: those the feed's first screen will mostly show. A turn that
// names no topic the catalog knows ("I'm thirsty", "job interview") is answered with what the knowledge
// layer says it implies; naming the strongest expansion promised "dry" while the feed showed drinks.
// Shared by the engine-agnostic reply path (understand.ts) and the compact engine (extract/engine.ts).
import type { TurnExtraction } from './intent.ts';

/** Implied topics the reply may name when the turn named none ("I'm thirsty" -> drinks). */
const REPLY_IMPLIED_TOPICS = 2;
/** How far down the feed a reply's implied topic must show (the feed's first screen). */
const REPLY_FEED_TOP = 10;
/** An implied topic is named only when it fills at least this many of those cards (one lone match is no topic). */
const REPLY_MIN_SHOWN = 2;
/**
 * Expansion words weigh this share of an expansion's linked items in the feed (the lexical source's
 * EXPANSION_MATCH_FACTOR against the knowledge source's full weight, src/core/fusion/sources/).
 */
const WORD_MATCH_SHARE = 0.5;

/** A match of some words of a phrase against one of all of them (src/core/lexical.ts scores partial matches high). */
const PARTIAL_MATCH_SHARE = 0.9;

export type Implied = NonNullable<TurnExtraction['expansions']>[number];
/** A second implied topic is named only when it weighs at least this share of the first (a filler is no topic). */
const REPLY_SECOND_SHARE = 0.8;

/**
 * The implied topics the feed's first screen will mostly show, most cards first: each expansion's
 * linked items and the items carrying its words, at its weight, as the knowledge and lexical sources
 * rank them. Every expansion competes for the cards; only those with a name in the turn's language may
 * be spoken of. "thirsty" implies "dry" most strongly, but one item says dry and a hundred say drink:
 * the reply names the drinks. Without the catalog's words, the strongest ones.
 */
export function impliedForReply(expansions: readonly Implied[], speakable: (e: Implied) => boolean, catalogItems?: (phrase: string) => readonly string[]): Implied[] {
  if (!catalogItems) return expansions.filter(speakable).slice(0, REPLY_IMPLIED_TOPICS);
  /** Per item, what each expansion offers it. */
  const offers = new Map<string, { score: number; by: number }[]>();
  const offer = (id: string, score: number, by: number) => {
    const list = offers.get(id);
    if (list) list.push({ score, by });
    else offers.set(id, [{ score, by }]);
  };
  expansions.forEach((e, by) => {
    for (const id of e.itemIds ?? []) offer(id, e.weight, by);
    for (const id of catalogItems(e.text)) offer(id, e.weight * WORD_MATCH_SHARE, by);
    // A phrase's words find items too ("office building": the other buildings; "cold face": the faces
    // tagged cold), and the lexical source scores a match of one word of two about as high.
    const words = e.text.split(' ');
    if (words.length > 1) for (const w of words) for (const id of catalogItems(w)) offer(id, e.weight * WORD_MATCH_SHARE * PARTIAL_MATCH_SHARE, by);
  });
  const best = (list: readonly { score: number; by: number }[], ok: (by: number) => boolean) =>
    list.filter((o) => ok(o.by)).sort((a, b) => b.score - a.score || a.by - b.by)[0];
  // The cards the feed's first screen shows, by what reaches them most strongly, unspeakable or not.
  const top = [...offers.values()].map((list) => ({ list, top: best(list, () => true)! }))
    .sort((a, b) => b.top.score - a.top.score || a.top.by - b.top.by).slice(0, REPLY_FEED_TOP);
  // Each card is credited to the strongest topic that can be said and reaches it: "family gathering"
  // (no name the catalog uses) reaches the family cards through "family", which can be said.
  const canSay = (by: number) => speakable(expansions[by]!);
  const shown = new Map<number, number>();
  for (const t of top) {
    const said = best(t.list, canSay);
    if (said) shown.set(said.by, (shown.get(said.by) ?? 0) + 1);
  }
  // Most cards first; ties in the order they show (a Map keeps first appearance).
  let named = [...shown].filter(([, n]) => n >= REPLY_MIN_SHOWN).sort((a, b) => b[1] - a[1]).map(([by]) => expansions[by]!);
  // No topic fills two cards: the first card's, if it can be said.
  if (named.length === 0) named = top.map((t) => expansions[t.top.by]!).filter(speakable).slice(0, 1);
  return named.filter((e, i) => i === 0 || e.weight >= REPLY_SECOND_SHARE * named[0]!.weight).slice(0, REPLY_IMPLIED_TOPICS);
}
