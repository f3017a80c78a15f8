// Two rules that decide which items a feed may show at all, beyond "not disliked, not unsafe, not
// skipped": a refinement narrows the current topic to an intersection ("show me animals" then "only
// the ones that fly" keeps animals that fly), and a dislike gives way to a more recent explicit
// request ("no animals", later "cats please": cats show, other animals stay hidden).
import type { Intent } from '../intent.ts';
import { dislikedItems, type LexicalIndex, scorePhrases } from '../lexical.ts';
import { wantedPhrases } from '../wanted.ts';

const key = (s: string) => s.toLocaleLowerCase();

/** Items matching any of the phrases (their full lexical hits). */
function matching(lexical: LexicalIndex, phrases: readonly { text: string; weight: number }[]): Set<number> {
  return phrases.length === 0 ? new Set() : new Set(scorePhrases(lexical, phrases.map((p) => ({ text: p.text, weight: 1 }))).keys());
}

/**
 * The items a refined feed is restricted to, or null when the intent has no refinement. The
 * refinement's own matches (its words and the expansions that came from them) intersected with the
 * topic's matches; when nothing is in both, the refinement's matches alone (it is what the user just
 * asked for), and when it matches nothing, no restriction (an empty feed helps nobody).
 */
export function refinedItems(lexical: LexicalIndex, intent: Intent): Set<number> | null {
  if (!intent.refinements?.length) return null;
  const refineKeys = new Set(intent.refinements.map((r) => key(r.text)));
  const refine = matching(lexical, [
    ...intent.refinements,
    ...(intent.expansions ?? []).filter((e) => refineKeys.has(key(e.from))),
  ]);
  if (refine.size === 0) return null;
  const topic = matching(lexical, wantedPhrases(intent).filter((p) => !p.from || !refineKeys.has(key(p.from))));
  const both = new Set([...refine].filter((i) => topic.has(i)));
  return both.size > 0 ? both : refine;
}

/**
 * Items hidden by the intent's dislikes, except where a wanted phrase said after the dislike matches
 * the item itself: the newer, more specific request wins over the older, broader refusal.
 */
export function dislikedNow(lexical: LexicalIndex, intent: Intent): Set<number> {
  const out = new Set<number>();
  for (const d of intent.dislikes) {
    const hidden = dislikedItems(lexical, { ...intent, dislikes: [d] });
    const newer = [...intent.keyPhrases, ...intent.likes].filter((p) => p.lastTurn > d.lastTurn && key(p.text) !== key(d.text));
    const wantedAgain = matching(lexical, newer);
    for (const i of hidden) if (!wantedAgain.has(i)) out.add(i);
  }
  return out;
}
