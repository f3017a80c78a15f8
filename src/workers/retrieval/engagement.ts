// The user's engagement with one catalog, as this worker keeps it: what they liked and what they
// skipped ("Not for me": never shown again until undone or forgotten), each with when, read from
// IndexedDB once per catalog and kept current by each action. The events themselves stay in IndexedDB.
import type { EngagementMemory } from '../../messages/retrieval.ts';
import type { EngagementEvent } from '../../store/db.ts';
import type { LoadedCatalog } from './catalogs.ts';

export interface EngagementState {
  /** Liked item ids, oldest first, with the time of the like. */
  liked: Map<string, number>;
  /** Skipped item ids, with the time of the skip. */
  skipped: Map<string, number>;
}

type Action = Pick<EngagementEvent, 'itemId' | 'kind' | 'at'>;

/** Applies one event: a later unlike/unskip undoes an earlier like/skip; a like and a skip exclude each other. */
export function applyEngagement(state: EngagementState, e: Action): void {
  if (e.kind === 'like') {
    state.liked.delete(e.itemId);
    state.liked.set(e.itemId, e.at);
    state.skipped.delete(e.itemId);
  } else if (e.kind === 'unlike') state.liked.delete(e.itemId);
  else if (e.kind === 'skip') {
    state.skipped.set(e.itemId, e.at);
    state.liked.delete(e.itemId);
  } else if (e.kind === 'unskip') state.skipped.delete(e.itemId);
}

/** Replays events in time order. */
export function replayEngagement(events: readonly Action[]): EngagementState {
  const state: EngagementState = { liked: new Map(), skipped: new Map() };
  for (const e of [...events].sort((a, b) => a.at - b.at)) applyEngagement(state, e);
  return state;
}

export const likedIds = (s: EngagementState): string[] => [...s.liked.keys()];
export const skippedIds = (s: EngagementState): Set<string> => new Set(s.skipped.keys());

/** The remembered likes and skips of the catalog on screen, newest first, with titles (the memory list). */
export function memoryOf(s: EngagementState, catalogId: string, cat: LoadedCatalog): EngagementMemory {
  if (catalogId !== cat.manifest.id) return { liked: [], skipped: [] };
  const list = (m: Map<string, number>) => [...m].reverse().map(([itemId, at]) => ({ itemId, at, title: cat.byId.get(itemId)?.title ?? itemId }));
  return { liked: list(s.liked), skipped: list(s.skipped) };
}
