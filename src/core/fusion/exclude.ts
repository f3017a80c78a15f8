// Exclusions applied after fusion and before ranking: items the user has seen, disliked, or that are
// unsafe never reach the feed, whichever source proposed them.

export interface Exclusions {
  readonly seen?: ReadonlySet<number>;
  readonly disliked?: ReadonlySet<number>;
  readonly unsafe?: ReadonlySet<number>;
}

export interface ExclusionCounts {
  seen: number;
  disliked: number;
  unsafe: number;
}

/** Keeps the items no exclusion names; counts why the others went (unsafe first, then disliked, seen). */
export function applyExclusions<T extends { readonly itemIndex: number }>(
  items: readonly T[],
  exclusions: Exclusions,
): { kept: T[]; removed: ExclusionCounts } {
  const removed: ExclusionCounts = { seen: 0, disliked: 0, unsafe: 0 };
  const kept: T[] = [];
  for (const it of items) {
    if (exclusions.unsafe?.has(it.itemIndex)) removed.unsafe++;
    else if (exclusions.disliked?.has(it.itemIndex)) removed.disliked++;
    else if (exclusions.seen?.has(it.itemIndex)) removed.seen++;
    else kept.push(it);
  }
  return { kept, removed };
}
