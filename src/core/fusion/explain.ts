// One line per feed item saying why it is there, from the source that contributed most.
import type { Contribution, FusedItem, Reason } from './fuse.ts';

const MAX_QUOTE_CHARS = 40;

function quote(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length > MAX_QUOTE_CHARS ? `${t.slice(0, MAX_QUOTE_CHARS - 1)}…` : t;
}

export function reasonText(reason: Reason): string {
  switch (reason.kind) {
    case 'said':
      return `because you said '${quote(reason.phrase)}'`;
    case 'looks':
      return reason.close ? `looks like '${quote(reason.phrase)}'` : `the nearest picture to '${quote(reason.phrase)}'`;
    case 'liked':
      return `because you liked ${quote(reason.title)}`;
    case 'category':
      return `because you asked for ${quote(reason.label)}`;
    case 'taste':
      return 'because it matches your taste';
    case 'popular':
      return 'popular with everyone';
    case 'fresh':
      return 'new in the catalog';
  }
}

/** Default words for a source that gave no reason of its own. */
const SOURCE_REASON: Readonly<Record<Contribution['source'], Reason>> = Object.freeze({
  intent: { kind: 'taste' },
  lexical: { kind: 'taste' },
  u2i: { kind: 'taste' },
  similar: { kind: 'taste' },
  popular: { kind: 'popular' },
  fresh: { kind: 'fresh' },
});

/**
 * A CLIP match at least this share of the best CLIP match is said to look like the phrase; below it, the
 * item is only the nearest picture left (in a small catalog every item is some CLIP match). High because
 * the demo model's cosines are compressed: for "cat" on the generated clips, a hamburger clip still
 * scored at least 0.8 of the cat clip (it was called "looks like 'cat'" with 0.8 as the threshold).
 */
export const CLOSE_PICTURE_SHARE = 0.95;

/** The explanation of a fused item: the reason of its largest weighted contribution. */
export function explainItem(item: Pick<FusedItem, 'contributions'>): string {
  let best: Contribution | undefined;
  for (const c of item.contributions) {
    const v = c.weight * c.normalised;
    // A source that can say why wins a tie against one that cannot.
    if (!best || v > best.weight * best.normalised || (v === best.weight * best.normalised && c.reason && !best.reason)) best = c;
  }
  if (!best) return reasonText({ kind: 'taste' });
  // What the user said found this item by its picture, not by its words: say so, and how closely.
  if (best.source === 'intent' && best.reason?.kind === 'said') {
    return reasonText({ kind: 'looks', phrase: best.reason.phrase, close: best.normalised >= CLOSE_PICTURE_SHARE });
  }
  return reasonText(best.reason ?? SOURCE_REASON[best.source]);
}
