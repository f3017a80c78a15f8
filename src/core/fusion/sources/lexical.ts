// The lexical source: the catalog's words (titles, tags) matched against what the user said. Also
// home of phraseCandidates, which the CLIP source shares (both turn phrase hits into candidates).
import { rowsOf } from '../../catalog.ts';
import { scorePhrases } from '../../lexical.ts';
import { expansionReasons, type WantedPhrase, wantedPhrases } from '../../wanted.ts';
import { refinementFit, refinementFitByWords, refinementHomeItems, refinementKindItems, topicLinked } from '../narrow.ts';
import type { Candidate } from '../fuse.ts';
import { offCelebrating } from '../celebrating.ts';
import { reasonText, TASTE } from '../reason.ts';
import { defineSource, type RetrievalSource, type SourceContext } from '../retrieval-source.ts';

/**
 * An item found through a knowledge expansion counts this share of a word match: a full match of a
 * related concept ("travel" for "flying") must stay below a partial match of what the user said
 * ("street food"). Found with the seed's example in the browser test (tests/e2e/understanding.test.ts).
 * An expansion that leads (wanted.ts: what a told turn means, about as strong as its words) counts
 * fully: "leg day absolutely destroyed me, can't walk" had shown six walking people above the gym.
 */
const EXPANSION_MATCH_FACTOR = 0.5;

/**
 * An item found through an expansion carries more than this share of its words (lexical.ts minShare):
 * more than two of three, so "face with thermometer" (a situation's implied item) is not every "grinning
 * face with big eyes". At 0.5, "i'm feeling sick" showed four grinning faces in its top 10. Dev en/ko
 * 0.885/0.847 -> 0.884/0.849, dev2 unchanged, old blind en 0.904 -> 0.908 (2026-12-01).
 */
const EXPANSION_MIN_SHARE = 0.67;

/**
 * A typed phrase that matches at most this many items is sparse: what the knowledge layer names for it
 * counts fully (expansionWorth). tests/golden/understanding (2026-12-02): at 1, dev en 0.890 -> 0.893,
 * dev ko 0.833 -> 0.827 ("더워 죽겠어": the hot face and the sun lead, the smiling faces follow as the
 * melting face's siblings), dev2 ko 0.664 -> 0.662, old blind ko 0.896 -> 0.894, dev3 ko 0.505 -> 0.507,
 * the rest unchanged; at 3 dev ko 0.825, old blind en 0.911.
 */
const SPARSE_PHRASE_HITS = 1;

/** The best hits read for whether a feed is about celebrating (celebrating.ts), as the topic source's sample. */
const CELEBRATING_SAMPLE = 8;

/**
 * An item the user's words found gains this share of a related concept's match as well, where the
 * concept weighs at least TIE_MIN_WEIGHT (a broad one, "drink -> bar" at 0.09, had put the beer and the
 * wine before the tea). tests/golden/understanding: dev en 0.884 -> 0.886, dev2 en 0.718 -> 0.716,
 * old blind ko 0.928 -> 0.932, must-show old blind 53 -> 54 / 52 -> 53 of 55 / 54; at 0.05 the same but
 * dev2 en 0.714 (2026-12-01).
 */
const TIE_SHARE = 0.02;
const TIE_MIN_WEIGHT = 0.3;

/** The hit list is cut before blocked items are dropped, so it keeps this many pools' worth. */
const LEXICAL_POOL_FACTOR = 2;

/**
 * Lexical (or intent) hits: each says which phrase of the user's it matched, or, for a phrase the
 * knowledge layer added, why that phrase is wanted (`reasons`, by lower-cased phrase).
 */
export function phraseCandidates<S extends string>(
  source: S,
  hits: Iterable<{ readonly item: number; readonly score: number; readonly because?: readonly { readonly phrase: string }[] }>,
  exclude?: ReadonlySet<number>,
  reasons?: ReadonlyMap<string, string>,
): Candidate<S>[] {
  const out: Candidate<S>[] = [];
  for (const h of hits) {
    if (exclude?.has(h.item)) continue;
    const phrase = h.because?.[0]?.phrase;
    const why = phrase ? reasons?.get(phrase.toLocaleLowerCase()) : undefined;
    const reason = why ? ({ kind: 'knowledge', text: why } as const) : phrase ? ({ kind: 'said', phrase } as const) : undefined;
    out.push({ source, itemIndex: h.item, score: h.score, ...(reason ? { reason } : {}) });
  }
  return out;
}

/**
 * The lexical hits of one rank, kept for the rank's other readers (the topic source samples them):
 * scoring the phrases over a catalog is the rank's largest cost at 100k items (bench/RESULTS-catalog.md).
 */
const perRank = new WeakMap<SourceContext, Candidate<'lexical'>[]>();

export const lexicalSource: RetrievalSource<'lexical'> = defineSource({
  id: 'lexical',
  candidates(ctx) {
    let hits = perRank.get(ctx);
    if (!hits) perRank.set(ctx, (hits = lexicalCandidates(ctx)));
    return hits;
  },
  normalisation: 'max',
  /** The reference: every other weight was measured with lexical at 1 (bench/RESULTS-u2i.md). */
  weight: 1,
  explain: (best) => reasonText(best.reason ?? TASTE),
});

function lexicalCandidates(ctx: SourceContext): Candidate<'lexical'>[] {
  if (!ctx.intent) return [];
  // What the user typed is matched as people type (near spellings, prefixes); what the knowledge
  // layer added is matched exactly: a related concept spelled nearly right is a different concept.
  const wanted = wantedPhrases(ctx.intent);
  // Near spellings only for words the catalog does not use: "back" is not a typo of "black" (dev part
  // of tests/golden/understanding: relevance@10 en 0.697 -> 0.726).
  const typed = scorePhrases(ctx.lexical, wanted.filter((p) => !p.reason), { catalogWordsExact: true });
  const leading = new Set(wanted.filter((p) => p.leads).map((p) => p.text.toLocaleLowerCase()));
  const weightOf = new Map(wanted.map((p) => [p.text.toLocaleLowerCase(), p.weight]));
  const strongPhrase = (h: { because?: readonly { phrase: string }[] }) => (h.because ?? []).some((b) => (weightOf.get(b.phrase.toLocaleLowerCase()) ?? 0) >= TIE_MIN_WEIGHT);
  const worth = expansionWorth(ctx, wanted, typed);
  for (const [item, hit] of scorePhrases(ctx.lexical, wanted.filter((p) => p.reason), { fuzzy: false, minShare: EXPANSION_MIN_SHARE })) {
    const prev = typed.get(item);
    const leads = hit.because?.some((b) => leading.has(b.phrase.toLocaleLowerCase())) ?? false;
    const score = hit.score * (leads || worth.meansSparse(item, hit) ? 1 : EXPANSION_MATCH_FACTOR);
    if (prev && worth.meetsOtherWord(item, prev, hit)) typed.set(item, { ...prev, score: prev.score + score });
    else if (!prev || score > prev.score) typed.set(item, { ...hit, score });
    // Below what was said, a strong related concept still orders what the words tie: "halloween" ties
    // every item tagged halloween; the jack-o-lantern, which the knowledge layer names, goes first.
    else if (strongPhrase(hit)) typed.set(item, { ...prev, score: prev.score + score * TIE_SHARE });
  }
  // A refinement that leaves the topic in place (src/core/fusion/narrow.ts) orders it: the items that
  // fit it rank above every other topic item.
  const fit = refinementFit(ctx.lexical, ctx.intent);
  if (fit.size > 0) {
    const lead = Math.max(0, ...[...typed.values()].map((h) => h.score));
    // Those whose own words or picture say it lead those that fit by definition only, the surest
    // first: a title that says "red" (1) before a picture that shows red (0.4).
    const byWords = refinementFitByWords(ctx.lexical, ctx.intent);
    for (const [item, hit] of typed) if (fit.has(item)) typed.set(item, { ...hit, score: hit.score + lead * (1 + Math.min(1, byWords.get(item) ?? 0)) });
    // A fitting item the topic holds by the knowledge layer's link, not its words (the airplane, a kind
    // of vehicle that no word of its says), fits as well as one its words match.
    const fitting = (item: number, phrase: string) => {
      if (!typed.has(item)) typed.set(item, { item, score: lead * (1 + Math.min(1, byWords.get(item) ?? 0)), because: [{ phrase, matched: ctx.items[item]!.title }] });
    };
    for (const [item, phrase] of topicLinked(ctx.lexical, ctx.intent)) if (fit.has(item)) fitting(item, phrase);
    // So does a fitting item of a kind the refinement picked (the parachute among the aircraft).
    const topicPhrase = wanted[0]?.text;
    if (topicPhrase) for (const item of refinementKindItems(ctx.lexical, ctx.intent)) fitting(item, topicPhrase);
    // And one of the topic's home kind that the topic's words miss (the scarf among the clothes).
    if (topicPhrase) for (const item of refinementHomeItems(ctx.lexical, ctx.intent)) fitting(item, topicPhrase);
  }
  let hits = [...typed.values()].sort((a, b) => b.score - a.score || a.item - b.item);
  // In a feed about celebrating, another holiday's symbol or a sad thing that only a related word found
  // ("celebration" for a graduation: Santa Claus; "heart" for mother's day: the broken heart) is not
  // shown (celebrating.ts); one the knowledge layer named by its title (the chocolate bar for 빼빼로데이) stays.
  const off = offCelebrating(ctx.items, ctx.intent, hits.slice(0, CELEBRATING_SAMPLE).map((h) => h.item));
  if (off) {
    const reasons = expansionReasons(ctx.intent);
    hits = hits.filter((h) => {
      const phrase = h.because?.[0]?.phrase.toLocaleLowerCase();
      return !phrase || !reasons.has(phrase) || phrase === ctx.items[h.item]!.title.toLocaleLowerCase() || !off(h.item);
    });
  }
  // An item the knowledge layer links (the flag of the country named) keeps its word match below the
  // cut: "flag of france" matched 260 flags alike, France's was cut, and its link alone tied the rest.
  const rowOf = rowsOf(ctx.items);
  const linked = new Set((ctx.intent.expansions ?? []).flatMap((e) => (e.itemIds ?? []).map((id) => rowOf.get(id) ?? -1)));
  const candidates = phraseCandidates('lexical', keepEachPhrase(hits, ctx.pool * LEXICAL_POOL_FACTOR, linked), ctx.blocked, expansionReasons(ctx.intent));
  // An item that fits the refinement says so beside the topic ("because you said 'fruit' and 'red'").
  const refinement = ctx.intent.refinements?.find((r) => !r.not) ?? ctx.intent.refinements?.[0];
  if (fit.size === 0 || !refinement) return candidates;
  const also = refinement.text;
  const lacks = refinement.not ? ({ lacks: true } as const) : {};
  return candidates.map((c) => (fit.has(c.itemIndex) && c.reason?.kind === 'said' && c.reason.phrase.toLocaleLowerCase() !== also.toLocaleLowerCase() ? { ...c, reason: { ...c.reason, also, ...lacks } } : c));
}

/**
 * Hits a phrase keeps even below the cut: a broad phrase ("여행", travel: hundreds of items) must not
 * push a specific one (the country a city is in: one flag) out of the pool. Without it, the Korean
 * seed example lost its flag's word match (tests/golden/understanding d-ko-080).
 */
const PER_PHRASE_HITS = 8;

/** The strongest `n` hits, plus each phrase's own strongest PER_PHRASE_HITS and the `kept` items, in score order. */
function keepEachPhrase<H extends { readonly score: number; readonly item: number; readonly because?: readonly { readonly phrase: string }[] }>(sorted: readonly H[], n: number, kept: ReadonlySet<number>): H[] {
  if (sorted.length <= n) return [...sorted];
  const perPhrase = new Map<string, number>();
  return sorted.filter((h, rank) => {
    const phrase = h.because?.[0]?.phrase ?? '';
    const seen = perPhrase.get(phrase) ?? 0;
    perPhrase.set(phrase, seen + 1);
    return rank < n || seen < PER_PHRASE_HITS || kept.has(h.item);
  });
}

type Hit = { readonly because?: readonly { readonly phrase: string }[] };

/**
 * What an expansion's hit is worth beside what the user typed.
 *
 * `meetsOtherWord`: the item a typed phrase matches in part is also brought by an expansion of the
 * phrase's *other* word, so it meets both words ("한국 음식" matches every food by 음식; the cooked rice is
 * also one of the things 한국 brings). Not where the expansion's own words match the item as written: that
 * is the word that matched already ("기타 치는": 치는 -> 번개, and the thunder cloud 치는 also matches).
 *
 * `meansSparse`: what the knowledge layer names by an item's very title, from a phrase the user typed
 * that matches at most SPARSE_PHRASE_HITS items, counts as fully as a word match: the name matched
 * little, and what it names is what it means ("oktoberfest" is one beer mug's tag; its pretzel, its
 * accordion and its clinking mugs had come below the milk and the tea, the mug's siblings). Not the
 * phrase itself by another name (판다 -> panda), nor a place's things (the travel labels disagree).
 */
function expansionWorth(ctx: SourceContext, wanted: readonly WantedPhrase[], typed: ReadonlyMap<number, Hit>): {
  meetsOtherWord: (item: number, prev: Hit, hit: Hit) => boolean;
  meansSparse: (item: number, hit: Hit) => boolean;
} {
  const intent = ctx.intent!;
  const key = (h: Hit) => h.because?.[0]?.phrase.toLocaleLowerCase() ?? '';
  const fromOf = new Map(wanted.filter((p) => p.from).map((p) => [p.text.toLocaleLowerCase(), p.from!.toLocaleLowerCase()]));
  // The items an expansion's own words match as written.
  const literally = new Map<string, ReadonlySet<number>>();
  const matchesOwnWords = (item: number, from: string) => {
    let items = literally.get(from);
    if (!items) literally.set(from, (items = new Set(scorePhrases(ctx.lexical, [{ text: from, weight: 1 }], { fuzzy: false }).keys())));
    return items.has(item);
  };
  const itself = new Set(intent.expansions
    .filter((e) => (e.label !== undefined && e.label.toLocaleLowerCase() === e.from.toLocaleLowerCase()) || (e.reason.split('→').length <= 2 && /[\uac00-\ud7a3]/.test(e.from)))
    .map((e) => e.text.toLocaleLowerCase()));
  const places = new Set((intent.information?.places ?? []).map((p) => p.text.toLocaleLowerCase()));
  const hitsOf = new Map<string, number>();
  for (const h of typed.values()) for (const b of h.because ?? []) hitsOf.set(b.phrase.toLocaleLowerCase(), (hitsOf.get(b.phrase.toLocaleLowerCase()) ?? 0) + 1);
  const sparse = new Set(wanted.filter((p) => !p.reason && !places.has(p.text.toLocaleLowerCase()) && (hitsOf.get(p.text.toLocaleLowerCase()) ?? 0) <= SPARSE_PHRASE_HITS).map((p) => p.text.toLocaleLowerCase()));
  return {
    meetsOtherWord: (item, prev, hit) => {
      const phrase = key(prev);
      const from = fromOf.get(key(hit));
      if (!phrase || !from || from === phrase) return false;
      const words = phrase.split(/\s+/);
      const fromWords = from.split(/\s+/);
      return words.length > fromWords.length && fromWords.every((w) => words.some((x) => x === w || x.startsWith(w) || w.startsWith(x))) && !matchesOwnWords(item, from);
    },
    meansSparse: (item, hit) => {
      const text = key(hit);
      return text === ctx.items[item]!.title.toLocaleLowerCase() && sparse.has(fromOf.get(text) ?? '') && !itself.has(text);
    },
  };
}
