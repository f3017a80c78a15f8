// What the user saw, kept on this device only: the impressions of each feed (events) and the search
// each feed answers (search logs), so a later click can be credited to the search it came from and
// the preference adapter can learn from it. Nothing here leaves the device.
import type { Intent } from '../../core/intent.ts';
import type { Store } from '../../store/db.ts';
import type { ShownSearch } from './preference.ts';

export type LoggedSearch = ShownSearch & { id: Promise<number | null>; key: string };

export class ShownLog {
  /** The search the feed on screen answers (a click is credited to it). */
  last: LoggedSearch | null = null;
  private lastImpressions = '';

  constructor(private readonly userId: string) {}

  /** One feed shown: its impressions once per distinct feed, its search once per distinct query and feed. */
  record(store: Store, catalogId: string, intent: Intent | null, shown: string[], searchVector?: Float32Array): void {
    const key = `${catalogId}\n${intent?.keyPhrases.map((p) => p.text).join(', ') ?? ''}\n${shown.join(',')}`;
    if (shown.length > 0 && key !== this.lastImpressions) {
      this.lastImpressions = key;
      const at = Date.now();
      // Losing an impression is acceptable; a full disk is reported when the user acts.
      void store.addEvents(shown.map((itemId) => ({ userId: this.userId, catalogId, itemId, kind: 'impression' as const, at }))).catch(() => {});
    }
    if (!intent || intent.keyPhrases.length === 0) return;
    const query = intent.keyPhrases.map((p) => p.text).join(', ');
    if (key !== this.last?.key) {
      const id = store.addSearchLog({ userId: this.userId, catalogId, query, shown, at: Date.now() }).catch(() => null);
      this.last = { key, catalogId, query, shown, id, ...(searchVector ? { vector: searchVector } : {}) };
    } else if (searchVector && !this.last.vector) this.last.vector = searchVector;
  }
}
