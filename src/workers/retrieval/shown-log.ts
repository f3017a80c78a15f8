// What the user saw, kept on this device only: the impressions of each feed (events) and the search
// each feed answers (search logs), so a later click can be credited to the search it came from and
// the preference adapter can learn from it. Nothing here leaves the device.
import type { Intent } from '../../core/intent.ts';
import type { Store } from '../../store/db.ts';
import type { ShownSearch } from './preference.ts';

export type LoggedSearch = ShownSearch & { id: Promise<number | null>; key: string };

/**
 * How long after a view is posted its impressions and search log are written. The writes (24 events
 * parsed and added, a search log and its cap's count, the browser's IndexedDB work behind them) ran
 * while the page was drawing that view, on a machine with two cores. Written 150 ms later, in one
 * browser turn by turn against writing at once (bench/app/turn-messages.ts --old HEAD, 40 turns, load
 * 4-5, two runs): turn -> feed p50 36.4 -> 28.2 and 42.2 -> 34.8 ms. Nothing waits on them: a click
 * finds its search at once (`last`), and its id when the write is done.
 */
export const LOG_DELAY_MS = 150;

export class ShownLog {
  /** The search the feed on screen answers (a click is credited to it). */
  last: LoggedSearch | null = null;
  private lastImpressions = '';

  constructor(private readonly userId: string) {}

  /**
   * One feed shown: its impressions once per distinct feed, its search once per distinct query and
   * feed. What was shown is known at once; the writes follow LOG_DELAY_MS later.
   */
  record(store: () => Promise<Store>, catalogId: string, intent: Intent | null, shown: string[], searchVector?: Float32Array): void {
    const later = <T>(write: (s: Store) => Promise<T>): Promise<T> =>
      new Promise<void>((r) => setTimeout(r, LOG_DELAY_MS)).then(store).then(write);
    const key = `${catalogId}\n${intent?.keyPhrases.map((p) => p.text).join(', ') ?? ''}\n${shown.join(',')}`;
    const at = Date.now();
    if (shown.length > 0 && key !== this.lastImpressions) {
      this.lastImpressions = key;
      // Losing an impression is acceptable; a full disk is reported when the user acts.
      void later((s) => s.addEvents(shown.map((itemId) => ({ userId: this.userId, catalogId, itemId, kind: 'impression' as const, at })))).catch(() => {});
    }
    if (!intent || intent.keyPhrases.length === 0) return;
    const query = intent.keyPhrases.map((p) => p.text).join(', ');
    if (key !== this.last?.key) {
      const id = later((s) => s.addSearchLog({ userId: this.userId, catalogId, query, shown, at })).catch(() => null);
      this.last = { key, catalogId, query, shown, id, ...(searchVector ? { vector: searchVector } : {}) };
    } else if (searchVector && !this.last.vector) this.last.vector = searchVector;
  }
}
