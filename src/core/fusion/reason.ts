// The words for each reason a source can give, in one place: every source's explanation (its row in
// registry.ts) ends here, so the feed speaks with one voice whichever source found the item.
import type { Reason } from './fuse.ts';

const MAX_QUOTE_CHARS = 48;

function quote(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length > MAX_QUOTE_CHARS ? `${t.slice(0, MAX_QUOTE_CHARS - 1)}…` : t;
}

export function reasonText(reason: Reason): string {
  switch (reason.kind) {
    case 'said':
      if (!reason.also) return `because you said '${quote(reason.phrase)}'`;
      return `because you said '${quote(reason.phrase)}' and ${reason.lacks ? 'not ' : ''}'${quote(reason.also)}'`;
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
    case 'knowledge':
      return `because of ${quote(reason.text)}`;
  }
}

/** What a source says when it gave no reason of its own and has nothing better to say. */
export const TASTE: Reason = Object.freeze({ kind: 'taste' });
