// One line per feed item saying why it is there: the words of the source that contributed most
// (each source's `explain` in its registry row).
import type { Contribution, FusedItem } from './fuse.ts';
import { reasonText, TASTE } from './reason.ts';
import { DEFAULT_SOURCES } from './registry.ts';
import type { RetrievalSource } from './retrieval-source.ts';

/** The explanation of a fused item: the reason of its largest weighted contribution, in its source's words. */
export function explainItem<S extends string>(
  item: Pick<FusedItem<S>, 'contributions'>,
  sources: readonly RetrievalSource<S>[] = DEFAULT_SOURCES as unknown as readonly RetrievalSource<S>[],
): string {
  let best: Contribution<S> | undefined;
  for (const c of item.contributions) {
    const v = c.weight * c.normalised;
    // A source that can say why wins a tie against one that cannot.
    if (!best || v > best.weight * best.normalised || (v === best.weight * best.normalised && c.reason && !best.reason)) best = c;
  }
  if (!best) return reasonText(TASTE);
  const source = best.source;
  const row = sources.find((s) => s.id === source);
  return row ? row.explain(best) : reasonText(best.reason ?? TASTE);
}
