// IndexedDB: the user's data lives here and nowhere else. The Store is the only code that opens a
// transaction: every read and write goes through its one `tx()` helper, which maps failures to StoreErrors
// and, for a write, announces the change to other tabs only after the transaction has committed (tldraw's
// LocalIndexedDb + TLLocalSyncClient). Records are parsed at the edge: a corrupt record is moved to
// `quarantine` (kept, exportable) instead of being trusted or silently dropped. What is on disk and how it
// migrates is in schema.ts; errors in errors.ts; storage caps in retention.ts.
import { deleteDB, type IDBPTransaction, openDB } from 'idb';
import type { z } from 'zod';
import { type Intent, IntentSchema, parseIntent } from '../core/intent.ts';
import { type Announcement, CONTEXT_ID } from './channel.ts';
import { ERROR_MESSAGES, StoreError, toStoreError } from './errors.ts';
import {
  MAX_SEARCH_LOGS_PER_USER, MAX_TURNS_PER_USER, pruneImpressions, pruneOldest, quarantineIn, userRange,
} from './retention.ts';
import {
  type ChatTurn, ChatTurnSchema, DB_NAME, DB_VERSION, type EngagementEvent, EngagementEventSchema, type EngagementKind, MIGRATIONS,
  type QuarantinedRecord, type RecommenderDatabase, type RecommenderDB, type SearchLog, SearchLogSchema, UserIdSchema, type UserVectorRecord,
  UserVectorRecordSchema, type UserVideo, UserVideoSchema,
} from './schema.ts';
import { Table, type TableName } from './tables.ts';
import { problemOf, StoreCore } from './transaction.ts';

export * from './errors.ts';
export * from './retention.ts';
export * from './schema.ts';
export { Table, type TableName } from './tables.ts';
export { StoreCore } from './transaction.ts';

export interface OpenOptions {
  name?: string;
  /** The page's context id (a page passes the same id to all its workers); stamps every announcement. */
  contextId?: string;
  /** This connection was closed for another tab: an upgrade, or (`deleting`) a deletion of all data. */
  onVersionChange?: (deleting: boolean) => void;
  /**
   * A database written by a newer app version (on-disk version > DB_VERSION) is opened at its own version,
   * read-only: reads work (records this version cannot parse are skipped, never quarantined, since the newer
   * app may understand them) and every write is refused with the 'newer-version' StoreError. Without it,
   * openStore throws that error, so the page can offer "reload to get the new version" or read-only.
   */
  allowNewer?: boolean;
}

export async function openStore(opts: OpenOptions = {}): Promise<Store> {
  if (typeof indexedDB === 'undefined') throw new StoreError('unavailable', ERROR_MESSAGES.unavailable);
  const name = opts.name ?? DB_NAME;
  const open = (version: number | undefined) => {
    const db: Promise<RecommenderDatabase> = openDB<RecommenderDB>(name, version, {
      upgrade(db, oldVersion, newVersion, tx) {
        for (let v = oldVersion + 1; v <= (newVersion ?? DB_VERSION); v++) MIGRATIONS[v]?.(db, tx);
      },
      blocked() {
        /* an older tab keeps the old version open; it gets `blocking` and closes itself */
      },
      blocking(_current, blockedVersion) {
        void db.then((d) => d.close());
        // No next version: another tab is deleting the database ("Delete my data").
        opts.onVersionChange?.(blockedVersion === null);
      },
    });
    return db;
  };
  try {
    return new Store(await open(DB_VERSION), { contextId: opts.contextId ?? CONTEXT_ID });
  } catch (err) {
    const e = toStoreError(err);
    if (e.kind !== 'newer-version' || !opts.allowNewer) throw e;
  }
  try {
    const db = await open(undefined); // its current version: no upgrade (unless it was deleted meanwhile)
    if (db.version > DB_VERSION) return new Store(db, { contextId: opts.contextId ?? CONTEXT_ID, readOnly: true });
    db.close(); // deleted or downgraded in between: open normally
    return await openStore({ ...opts, allowNewer: false });
  } catch (err) {
    throw toStoreError(err);
  }
}

export async function deleteStore(name = DB_NAME): Promise<void> {
  await deleteDB(name);
}

const idOf = (raw: unknown) => (raw as { id?: unknown } | null)?.id;

/** One announcement per user and catalog whose engagement changed; impressions alone are not news. */
function engagementChanged(events: readonly EngagementEvent[]): Announcement[] {
  const pairs = new Map<string, Announcement>();
  for (const e of events) {
    if (e.kind !== 'impression') pairs.set(JSON.stringify([e.userId, e.catalogId]), { type: 'engagement-changed', userId: e.userId, catalogId: e.catalogId });
  }
  return [...pairs.values()];
}

/** The user's records. Every method runs through `tx()` (transaction.ts); what each announces is in its comment. */
export class Store extends StoreCore {
  /**
   * The stored intent, parsed. A record that does not parse is moved to quarantine (kept for export)
   * and null is returned, so one corrupt record never breaks the app and is never trusted.
   */
  async getIntent(userId: string): Promise<Intent | null> {
    const raw: unknown = await this.tx([Table.intents], 'readonly', (tx) => tx.objectStore(Table.intents).get(userId));
    if (raw === undefined) return null;
    try {
      return parseIntent(raw);
    } catch (err) {
      await this.quarantine(Table.intents, [{ key: userId, label: userId, value: raw, problem: (err as Error).message }]);
      return null;
    }
  }

  /**
   * Read-modify-write of one user's intent in a single transaction, so two tabs writing at once
   * cannot lose each other's update. `update` must be synchronous (IDB transactions auto-commit).
   * Returns the stored intent, or the previous one when `update` returns null (nothing to write).
   */
  async updateIntent(userId: string, update: (previous: Intent | null) => Intent | null): Promise<Intent | null> {
    return this.writeIntent(userId, update, () => [], 'intent-changed');
  }

  async deleteIntent(userId: string): Promise<void> {
    // updatedAt 0: the intent is gone (receivers re-read it and find none).
    await this.tx([Table.intents], 'readwrite', (tx) => tx.objectStore(Table.intents).delete(userId), () => ({ type: 'intent-changed', userId, updatedAt: 0 }));
  }

  async putTurn(turn: ChatTurn): Promise<void> {
    await this.tx([Table.turns], 'readwrite', async (tx) => {
      await tx.objectStore(Table.turns).put(ChatTurnSchema.parse(turn));
    }, () => ({ type: 'turns-changed', userId: turn.userId }));
  }

  /** The user's last `limit` turns in order; corrupt records are quarantined and skipped. */
  async listTurns(userId: string, limit = MAX_TURNS_PER_USER): Promise<ChatTurn[]> {
    // One request for the whole range (a cursor would cost a round trip per record), then the newest.
    const raws = await this.tx([Table.turns], 'readonly', (tx) => tx.objectStore(Table.turns).index('byUser').getAll(userRange(userId)));
    return this.parseAll(Table.turns, (raws as unknown[]).slice(-limit), ChatTurnSchema, idOf);
  }

  /** The start of a chat turn in one transaction: the message is stored (pending) and the intent read. Announces nothing. */
  async beginTurn(turn: ChatTurn): Promise<Intent | null> {
    const raw: unknown = await this.tx([Table.turns, Table.intents], 'readwrite', async (tx) => {
      const checked = ChatTurnSchema.parse(turn);
      const [, value] = await Promise.all([tx.objectStore(Table.turns).put(checked), tx.objectStore(Table.intents).get(checked.userId)]);
      return value;
    }, undefined, 'relaxed');
    if (raw === undefined) return null;
    const parsed = IntentSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    return this.getIntent(turn.userId); // quarantines it
  }

  /**
   * The end of a chat turn in one transaction (updateIntent is this without turns): the intent update (as
   * updateIntent) and the turn records, so a crash or a full disk never leaves a reply without its intent or
   * the other way round. Turns beyond MAX_TURNS_PER_USER are pruned, oldest first, in the same transaction.
   * Announces one `turn-committed`.
   */
  async commitTurn(
    userId: string,
    update: (previous: Intent | null) => Intent | null,
    /** Called after `update`, synchronously (what the turns say may depend on the merge). */
    turns: () => readonly ChatTurn[],
  ): Promise<Intent | null> {
    return this.writeIntent(userId, update, turns, 'turn-committed');
  }

  private async writeIntent(
    userId: string, update: (previous: Intent | null) => Intent | null, turns: () => readonly ChatTurn[], announce: 'turn-committed' | 'intent-changed',
  ): Promise<Intent | null> {
    const r = await this.tx([Table.intents, Table.turns, Table.quarantine], 'readwrite', async (tx) => {
      const raw: unknown = await tx.objectStore(Table.intents).get(userId);
      let previous: Intent | null = null;
      if (raw !== undefined) {
        const parsed = IntentSchema.safeParse(raw);
        if (parsed.success) previous = parsed.data;
        else {
          await quarantineIn(tx.objectStore(Table.quarantine), { store: Table.intents, key: userId, value: raw, problem: problemOf(parsed.error) });
          await tx.objectStore(Table.intents).delete(userId);
        }
      }
      // Everything is validated before the first write; any failure aborts the transaction as a whole.
      const next = update(previous);
      if (next && next.userId !== userId) throw new StoreError('unknown', `Refusing to store an intent for "${next.userId}" under "${userId}"`);
      const written = next ? parseIntent(next) : null;
      const checkedTurns = turns().map((t) => ChatTurnSchema.parse(t));
      if (written) await tx.objectStore(Table.intents).put(written);
      for (const t of checkedTurns) await tx.objectStore(Table.turns).put(t);
      for (const u of new Set(checkedTurns.map((t) => t.userId))) {
        await pruneOldest(tx.objectStore(Table.turns).index('byUser'), MAX_TURNS_PER_USER, userRange(u));
      }
      return { intent: written ?? previous, written };
    }, ({ written }): Announcement | null =>
      announce === 'turn-committed' ? { type: 'turn-committed', userId, intentUpdatedAt: written?.updatedAt ?? null }
      : written ? { type: 'intent-changed', userId, updatedAt: written.updatedAt }
      : null,
    // Relaxed durability: the OS may hold the write briefly; a crash of the machine (not the tab) in that
    // window can lose the turn, which Chromium's default also allows. It saves a disk flush per turn.
    'relaxed');
    return r.intent;
  }

  async addEvent(event: EngagementEvent): Promise<number> {
    const [id] = await this.addEventsIn([event]);
    return id!;
  }

  /** Several events in one transaction (a feed's impressions): all are stored or none. */
  async addEvents(events: readonly EngagementEvent[]): Promise<void> {
    await this.addEventsIn(events);
  }

  /** Impressions this Store may still add per user before it must count them again (retention.ts). */
  private readonly impressionBudget = new Map<string, number>();

  private async addEventsIn(events: readonly EngagementEvent[]): Promise<number[]> {
    let parsed: EngagementEvent[] = [];
    const { ids, budgets } = await this.tx([Table.events], 'readwrite', async (tx) => {
      parsed = events.map((e) => EngagementEventSchema.parse(e));
      const store = tx.objectStore(Table.events);
      const ids = await Promise.all(parsed.map((e) => store.add(e)));
      // Impressions are capped per user in the same transaction (MAX_IMPRESSIONS_PER_USER); other kinds are kept.
      const added = new Map<string, number>();
      for (const e of parsed) if (e.kind === 'impression') added.set(e.userId, (added.get(e.userId) ?? 0) + 1);
      const budgets = new Map<string, number>();
      for (const [u, n] of added) {
        const left = (this.impressionBudget.get(u) ?? 0) - n;
        budgets.set(u, left >= 0 ? left : await pruneImpressions(store, u));
      }
      return { ids, budgets };
    }, () => engagementChanged(parsed));
    for (const [u, left] of budgets) this.impressionBudget.set(u, left);
    return ids;
  }

  /** Deletes events by id (ids not stored are ignored), in one transaction. */
  async deleteEvents(ids: readonly number[]): Promise<void> {
    const deleted: EngagementEvent[] = [];
    await this.tx([Table.events], 'readwrite', async (tx) => {
      for (const id of ids) {
        const r = EngagementEventSchema.safeParse(await tx.objectStore(Table.events).get(id));
        if (r.success) deleted.push(r.data);
        await tx.objectStore(Table.events).delete(id);
      }
    }, () => engagementChanged(deleted));
  }

  /** The user's events, oldest first, optionally of one catalog and some kinds; records that do not parse are skipped. */
  async listEvents(userId: string, opts: { catalogId?: string; kinds?: readonly EngagementKind[] } = {}): Promise<EngagementEvent[]> {
    const raws = await this.tx([Table.events], 'readonly', (tx) => tx.objectStore(Table.events).index('byUser').getAll(userRange(userId)));
    return raws.flatMap((r) => {
      const p = EngagementEventSchema.safeParse(r);
      if (!p.success) return [];
      if (opts.catalogId !== undefined && p.data.catalogId !== opts.catalogId) return [];
      return !opts.kinds || opts.kinds.includes(p.data.kind) ? [p.data] : [];
    });
  }

  /** Private to the retrieval worker: announces nothing. */
  async putUserVector(record: UserVectorRecord): Promise<void> {
    await this.tx([Table.userVectors], 'readwrite', async (tx) => {
      await tx.objectStore(Table.userVectors).put(UserVectorRecordSchema.parse(record));
    });
  }

  /** The stored vector, or null; one that does not parse (or whose length is not its dim) is quarantined once and deleted. */
  async getUserVector(catalogId: string, userId: string): Promise<UserVectorRecord | null> {
    const raw: unknown = await this.tx([Table.userVectors], 'readonly', (tx) => tx.objectStore(Table.userVectors).get([catalogId, userId]));
    if (!raw) return null;
    const r = UserVectorRecordSchema.safeParse(raw);
    if (r.success && r.data.vector.length === r.data.dim) return r.data;
    const problem = r.success ? `vector length ${r.data.vector.length} is not dim ${r.data.dim}` : problemOf(r.error);
    await this.quarantine(Table.userVectors, [{ key: [catalogId, userId], label: `${catalogId}/${userId}`, value: raw, problem }]);
    return null;
  }

  async deleteUserVector(catalogId: string, userId: string): Promise<void> {
    await this.tx([Table.userVectors], 'readwrite', (tx) => tx.objectStore(Table.userVectors).delete([catalogId, userId]));
  }

  /** Logs a search; the user's logs beyond MAX_SEARCH_LOGS_PER_USER are pruned, oldest first. */
  async addSearchLog(log: SearchLog): Promise<number> {
    return this.tx([Table.searchLogs], 'readwrite', async (tx) => {
      const checked = SearchLogSchema.parse(log);
      const id = await tx.objectStore(Table.searchLogs).add(checked);
      await pruneOldest(tx.objectStore(Table.searchLogs).index('byUser'), MAX_SEARCH_LOGS_PER_USER, userRange(checked.userId));
      return id;
    });
  }

  /** Records which item of a logged search the user opened (the first click counts). */
  async setSearchClick(id: number, itemId: string): Promise<void> {
    await this.tx([Table.searchLogs], 'readwrite', async (tx) => {
      // Parsed first: on a corrupt record `shown` may be a string, and "includes" would match a substring.
      const r = SearchLogSchema.safeParse(await tx.objectStore(Table.searchLogs).get(id));
      if (r.success && r.data.clicked === undefined && r.data.shown.includes(itemId)) await tx.objectStore(Table.searchLogs).put({ ...r.data, clicked: itemId });
    });
  }

  /**
   * The user's search logs, oldest first, for export and preference training: only records that pass the
   * schema. A corrupt one is quarantined, never returned as is (the click-log export spreads `shown`, which
   * turned a string into its characters).
   */
  async listSearchLogs(userId: string): Promise<SearchLog[]> {
    const raws = await this.tx([Table.searchLogs], 'readonly', (tx) => tx.objectStore(Table.searchLogs).index('byUser').getAll(userRange(userId)));
    return this.parseAll(Table.searchLogs, raws, SearchLogSchema, idOf);
  }

  async putVideo(video: UserVideo): Promise<void> {
    await this.tx([Table.videos], 'readwrite', async (tx) => {
      await tx.objectStore(Table.videos).put(UserVideoSchema.parse(video));
    }, () => ({ type: 'videos-changed', userId: video.userId }));
  }

  async deleteVideo(id: string): Promise<void> {
    await this.tx([Table.videos], 'readwrite', async (tx) => {
      const raw = (await tx.objectStore(Table.videos).get(id)) as { userId?: unknown } | undefined;
      await tx.objectStore(Table.videos).delete(id);
      return typeof raw?.userId === 'string' ? raw.userId : null;
    }, (userId) => (userId === null ? null : { type: 'videos-changed', userId }));
  }

  /** The user's videos, oldest first; a record that does not parse is quarantined and skipped. */
  async listVideos(userId: string): Promise<UserVideo[]> {
    const raws = await this.tx([Table.videos], 'readonly', (tx) => tx.objectStore(Table.videos).index('byUser').getAll(userRange(userId)));
    return this.parseAll(Table.videos, raws, UserVideoSchema, idOf);
  }

  async getSetting<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> {
    const raw = await this.tx([Table.settings], 'readonly', (tx) => tx.objectStore(Table.settings).get(key));
    if (raw === undefined) return undefined;
    const r = schema.safeParse(raw);
    return r.success ? r.data : undefined;
  }

  async putSetting(key: string, value: unknown): Promise<void> {
    await this.tx([Table.settings], 'readwrite', (tx) => tx.objectStore(Table.settings).put(value, key), () => ({ type: 'settings-changed', key }));
  }

  async listQuarantine(): Promise<QuarantinedRecord[]> {
    return this.tx([Table.quarantine], 'readonly', (tx) => tx.objectStore(Table.quarantine).getAll());
  }

  /**
   * This device's user id, repaired rather than replaced (issue 17, item 5). A valid `settings.userId` is
   * returned as is. When it is missing or invalid, the user id of the newest intent or turn is restored
   * (`recovered: true`), so a corrupt setting never orphans the user's data; only when no data exists is a
   * new `local-<uuid>` made. A corrupt value is quarantined (`quarantined` is it). One transaction, so two
   * tabs starting at once agree on one identity. A read-only store returns the id without writing it.
   */
  async recoverUserId(): Promise<{ userId: string; recovered: boolean; quarantined?: unknown }> {
    const names = [Table.settings, Table.intents, Table.turns, Table.quarantine] as const;
    const run = async (tx: IDBPTransaction<RecommenderDB, TableName[], 'readonly' | 'readwrite'>) => {
      const raw: unknown = await tx.objectStore(Table.settings).get('userId');
      const valid = UserIdSchema.safeParse(raw);
      if (valid.success) return { userId: valid.data, recovered: false, wrote: false };
      let newest: { userId: string; at: number } | null = null;
      const consider = (userId: unknown, at: unknown) => {
        if (UserIdSchema.safeParse(userId).success && typeof at === 'number' && (!newest || at > newest.at)) newest = { userId: userId as string, at };
      };
      for (const i of (await tx.objectStore(Table.intents).getAll()) as unknown[]) consider((i as Intent).userId, (i as Intent).updatedAt);
      for (const t of (await tx.objectStore(Table.turns).getAll()) as unknown[]) consider((t as ChatTurn).userId, (t as ChatTurn).createdAt);
      const found = newest as { userId: string } | null;
      const userId = found?.userId ?? `local-${crypto.randomUUID()}`;
      if (!this.readOnly) {
        const store = tx.objectStore(Table.quarantine) as unknown as Parameters<typeof quarantineIn>[0];
        if (raw !== undefined) await quarantineIn(store, { store: Table.settings, key: 'userId', value: raw, problem: valid.error.issues[0]?.message ?? 'invalid' });
        await (tx as IDBPTransaction<RecommenderDB, TableName[], 'readwrite'>).objectStore(Table.settings).put(userId, 'userId');
      }
      return { userId, recovered: found !== null, wrote: !this.readOnly, ...(raw !== undefined ? { quarantined: raw } : {}) };
    };
    const { wrote, ...result } = await this.tx([...names], this.readOnly ? 'readonly' : 'readwrite', run, (r) => (r.wrote ? { type: 'settings-changed', key: 'userId' } : null));
    return result;
  }

  /** Everything stored about this user, for "Export my data". */
  async exportUser(userId: string): Promise<Record<string, unknown>> {
    const [intent, turns, events, searchLogs, quarantine] = await Promise.all([
      this.getIntent(userId), this.listTurns(userId, Infinity), this.listEvents(userId),
      this.listSearchLogs(userId), this.listQuarantine(),
    ]);
    const [allVectors, settingKeys] = await this.tx([Table.userVectors, Table.settings], 'readonly', (tx) =>
      Promise.all([tx.objectStore(Table.userVectors).getAll(), tx.objectStore(Table.settings).getAllKeys()]));
    const vectors = allVectors.filter((v) => v.userId === userId).map((v) => ({ ...v, vector: Array.from(v.vector) }));
    // Videos: what was derived from them (the files themselves stay where the user has them).
    const videos = (await this.listVideos(userId)).map(({ file, poster, vector, keyframes, ...v }) => ({
      ...v, fileBytes: file.size, fileType: file.type, vector: Array.from(vector),
      keyframes: keyframes.map((k) => ({ t: k.t, reason: k.reason, vector: Array.from(k.vector) })),
    }));
    // Adapters this device trained from the user's clicks (preference-tuned search), per model.
    const adapterKeys = settingKeys.filter((k) => k.startsWith('preferenceAdapter:'));
    const adapters = await this.tx([Table.settings], 'readonly', (tx) => Promise.all(adapterKeys.map((k) => tx.objectStore(Table.settings).get(k))));
    const preferenceAdapters = Object.fromEntries(adapterKeys.map((k, i) => [k.slice('preferenceAdapter:'.length), adapters[i]]));
    return { exportedAt: new Date().toISOString(), dbVersion: this.db.version, userId, intent, turns, events, searchLogs, userVectors: vectors, videos, preferenceAdapters, quarantine };
  }
}
