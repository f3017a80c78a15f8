// Bounded storage (issue 17, item 8): nothing the app writes grows forever. Each cap is enforced inside the
// write transaction that could exceed it, oldest records first, so the store never holds more than the cap
// plus one batch, and a crash cannot leave an unpruned backlog for later.
import type { EngagementEvent, QuarantinedRecord } from './schema.ts';

/**
 * Impression events kept per user (other kinds are kept: likes, skips and clicks are what the user vector
 * learns from). Issue 17 measured about 20 impressions per chat turn; 2,000 covers the last ~100 turns of
 * feeds, and nothing on this device reads impressions older than that.
 */
export const MAX_IMPRESSIONS_PER_USER = 2000;
/**
 * Counting a user's impressions reads all their events (there is no index by kind, and adding one would
 * change the on-disk schema), so a Store counts once, then again only after it has added this many more;
 * past the cap it prunes this many below it. At ~20 impressions per feed, one read per ~10 feeds, not per feed.
 */
export const IMPRESSION_PRUNE_SLACK = 200;
/** Chat turns kept per user: the chat shows at most the last 500 (`listTurns`' default), so older ones are never read. */
export const MAX_TURNS_PER_USER = 500;
/**
 * Search logs kept per user, for their export (the preference adapter learns from each click as it
 * happens, not from old logs). The same window as the chat turns: a log holds up to 200 shown ids
 * (~2 KB), so 500 logs bound this store to ~1 MB. At 1,000 the soak (bench/RESULTS-soak.md) was still
 * growing at turn 1,000 (about 0.95 logs per turn).
 */
export const MAX_SEARCH_LOGS_PER_USER = 500;
/**
 * Quarantined records kept (all users): enough to export every distinct corruption a user has seen, and a
 * bound if some bug quarantines on every load (issue 17, item 7 did).
 */
export const MAX_QUARANTINE = 200;

interface DeletingCursor {
  delete(): Promise<void>;
  continue(): Promise<DeletingCursor | null>;
}
/** An object store or index whose ascending order is oldest first. */
interface Prunable {
  count(range?: IDBKeyRange | null): Promise<number>;
  openCursor(range?: IDBKeyRange | null): Promise<DeletingCursor | null>;
}

/** Deletes the oldest records in `range` beyond the newest `keep`; returns how many were deleted. */
export async function pruneOldest(source: Prunable, keep: number, range: IDBKeyRange | null = null): Promise<number> {
  let excess = (await source.count(range)) - keep;
  if (excess <= 0) return 0;
  const deleted = excess;
  let cursor = await source.openCursor(range);
  while (cursor && excess-- > 0) {
    await cursor.delete();
    cursor = await cursor.continue();
  }
  return deleted;
}

/** Adds a record to the quarantine store of an open readwrite transaction and keeps it within its cap. */
export async function quarantineIn(
  store: Prunable & { add(value: QuarantinedRecord): Promise<unknown> },
  record: Omit<QuarantinedRecord, 'id' | 'at'>,
): Promise<void> {
  await store.add({ ...record, at: Date.now() });
  await pruneOldest(store, MAX_QUARANTINE);
}

/** A user's records in a [userId, time] index, all of them. */
export const userRange = (userId: string): IDBKeyRange => IDBKeyRange.bound([userId, -Infinity], [userId, Infinity]);

/**
 * In an open readwrite transaction on events: counts the user's impressions and, past MAX_IMPRESSIONS_PER_USER,
 * deletes the oldest down to the cap less IMPRESSION_PRUNE_SLACK; other kinds are never touched. Returns how
 * many more impressions may be added before the next count is needed.
 */
export async function pruneImpressions(
  events: { index(name: 'byUser'): { getAll(range: IDBKeyRange): Promise<EngagementEvent[]> }; delete(id: number): Promise<void> },
  userId: string,
): Promise<number> {
  const impressions = (await events.index('byUser').getAll(userRange(userId))).filter((e) => e.kind === 'impression');
  if (impressions.length <= MAX_IMPRESSIONS_PER_USER) return MAX_IMPRESSIONS_PER_USER - impressions.length;
  const keep = MAX_IMPRESSIONS_PER_USER - IMPRESSION_PRUNE_SLACK;
  await Promise.all(impressions.slice(0, impressions.length - keep).map((e) => events.delete(e.id!)));
  return IMPRESSION_PRUNE_SLACK;
}
