// What an intent asks the catalog for, in one place for every source that searches by phrase (the
// lexical matcher, the CLIP index): the phrases the user said (key phrases and likes, a like counting
// fully) and, below them, what the knowledge layer says they imply, each expansion carrying its
// reason ("Seoul → South Korea"). Refinements are not here: they narrow, they do not widen.
import type { Intent } from './intent.ts';

export interface WantedPhrase {
  text: string;
  weight: number;
  /** Set for a knowledge expansion: why it is wanted, with provenance. */
  reason?: string;
  /** Set for a knowledge expansion: the user's phrase it came from. */
  from?: string;
  /**
   * An expansion of words the turn does not keep as a phrase (a situation it tells), weighing about as
   * much as anything the user said: what the turn means outweighs its words ("leg day absolutely
   * destroyed me, can't walk": the gym, not the walking people). Not a name of a phrase said (판다 →
   * panda), nor what a place implies or links (its flag).
   */
  leads?: true;
}

const key = (s: string) => s.toLocaleLowerCase();

/**
 * Expansions searched per rank, strongest first: each is one more lexical query (about 1-2 ms each on
 * the stickers, bench/RESULTS-lexical.md), and the intent keeps up to 24 across turns.
 */
const MAX_WANTED_EXPANSIONS = 10;

/**
 * An expansion at this share of the strongest phrase said or above leads (WantedPhrase.leads). On
 * tests/golden/understanding (dev, dev2, old blind; en/ko): 0.9 gave 0.874/0.820, 0.696/0.630,
 * 0.892/0.853; 0.8 0.876/0.811, 0.702/0.634; 0.7 (with places excluded) 0.874/0.821, 0.707/0.630,
 * 0.892/0.855; never leading 0.874/0.820, 0.675/0.630, 0.892/0.853.
 */
export const LEAD_SHARE = 0.7;

/**
 * Whether an expansion leads the phrases said (WantedPhrase.leads): weighs at least LEAD_SHARE of the
 * strongest, comes from words kept as no phrase, not from a place ("ski trip to Switzerland" is the
 * skiing, and the reply says so: tests/unit/understanding-reply.test.ts), and links no item. The
 * reply reads it too (src/core/extract/engine.ts speakable): it names what leads.
 */
export function leadsOver(
  said: readonly { readonly text: string; readonly weight: number }[], places: readonly { readonly text: string }[],
): (e: { readonly text: string; readonly label?: string; readonly weight: number; readonly from: string; readonly itemIds?: readonly string[] }) => boolean {
  const keys = new Set(said.map((p) => key(p.text)));
  const where = new Set(places.map((p) => key(p.text)));
  const strongest = Math.max(0, ...said.map((p) => p.weight));
  // Nor the phrase itself by another name (the reply's "불꽃놀이" is the fireworks a New Year greeting implies).
  const itself = (e: { readonly text: string; readonly label?: string }) => keys.has(key(e.text)) || (e.label !== undefined && keys.has(key(e.label)));
  return (e) => said.length > 0 && e.weight >= strongest * LEAD_SHARE && !keys.has(key(e.from)) && !where.has(key(e.from)) && !e.itemIds?.length && !itself(e);
}

/**
 * The catalog items the knowledge layer links to the topic's phrases as the very things they name (the
 * kinds of a "vehicle": the airplane, the canoe; a country's flag), each with the phrase that links it;
 * not a refinement's property nor its opposite. Where no phrase holds the topic (a word read for its
 * meaning: "탈것"), what every expansion links. The extractor (narrowingOnly) and the feed
 * (fusion/narrow.ts) read the topic through it.
 */
export function topicItemIds(intent: Pick<Intent, 'keyPhrases' | 'likes'> & Partial<Pick<Intent, 'expansions' | 'refinements'>>): Map<string, string> {
  const refineKeys = new Set((intent.refinements ?? []).map((r) => key(r.text)));
  const said = new Set([...intent.keyPhrases, ...intent.likes].map((p) => key(p.text)));
  const out = new Map<string, string>();
  for (const e of intent.expansions ?? []) {
    if (e.opposite || refineKeys.has(key(e.from)) || (said.size > 0 && !said.has(key(e.from)))) continue;
    for (const id of e.itemIds ?? []) if (!out.has(id)) out.set(id, e.from);
  }
  return out;
}

/** Literal phrases first (a like counts fully), then expansions not already said, strongest first. */
export function wantedPhrases(intent: Intent): WantedPhrase[] {
  const byKey = new Map<string, WantedPhrase>();
  for (const p of [...intent.keyPhrases, ...intent.likes]) {
    const prev = byKey.get(key(p.text));
    if (!prev || p.weight > prev.weight) byKey.set(key(p.text), { text: p.text, weight: p.weight });
  }
  const literal = [...byKey.values()];
  const disliked = new Set(intent.dislikes.map((d) => key(d.text)));
  // What a refinement's words imply narrows the topic (src/core/fusion/narrow.ts); searched for, "only hot
  // drinks" brought the hot dog and the hot pepper by "hot drink → hot".
  const refining = new Set((intent.refinements ?? []).map((r) => key(r.text)));
  const strongest = Math.max(0, ...literal.map((p) => p.weight));
  const leads = leadsOver(literal, intent.information?.places ?? []);
  const expansions = (intent.expansions ?? [])
    .filter((e) => !byKey.has(key(e.text)) && !disliked.has(key(e.text)) && !refining.has(key(e.from)))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, MAX_WANTED_EXPANSIONS)
    // Expansion never outranks what was asked for: capped below the strongest literal phrase.
    .map((e) => (leads(e)
      ? { text: e.text, weight: e.weight, reason: e.reason, from: e.from, leads: true as const }
      : { text: e.text, weight: literal.length > 0 ? Math.min(e.weight, strongest * 0.9) : e.weight, reason: e.reason, from: e.from }));
  return [...literal, ...expansions];
}

/** Reason text per phrase, for explaining a hit found through an expansion. */
export function expansionReasons(intent: Intent): Map<string, string> {
  return new Map(wantedPhrases(intent).flatMap((p) => (p.reason ? [[key(p.text), p.reason] as const] : [])));
}
