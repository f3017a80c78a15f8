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
}

const key = (s: string) => s.toLocaleLowerCase();

/**
 * Expansions searched per rank, strongest first: each is one more lexical query (about 1-2 ms each on
 * the stickers, bench/RESULTS-lexical.md), and the intent keeps up to 24 across turns.
 */
const MAX_WANTED_EXPANSIONS = 10;

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
  const expansions = (intent.expansions ?? [])
    .filter((e) => !byKey.has(key(e.text)) && !disliked.has(key(e.text)) && !refining.has(key(e.from)))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, MAX_WANTED_EXPANSIONS)
    // Expansion never outranks what was asked for: capped below the strongest literal phrase.
    .map((e) => ({ text: e.text, weight: literal.length > 0 ? Math.min(e.weight, strongest * 0.9) : e.weight, reason: e.reason, from: e.from }));
  return [...literal, ...expansions];
}

/** Reason text per phrase, for explaining a hit found through an expansion. */
export function expansionReasons(intent: Intent): Map<string, string> {
  return new Map(wantedPhrases(intent).flatMap((p) => (p.reason ? [[key(p.text), p.reason] as const] : [])));
}
