// IndexedDB: the user's data lives here and nowhere else. Typed access through idb, a versioned schema
// with migrations from version 1 on, and records parsed at the edge: a corrupt record is moved to
// `quarantine` (kept, exportable) instead of being trusted or silently dropped.
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB, deleteDB, type StoreNames } from 'idb';
import { z } from 'zod';
import { type Intent, IntentSchema, parseIntent } from '../core/intent.ts';

// Changing DB_NAME abandons every user's stored data: never rename; add a migration instead.
export const DB_NAME = 'private-recommender';
export const DB_VERSION = 2;

export const ENGAGEMENT_KINDS = ['impression', 'click', 'like', 'skip', 'dwell'] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

export const TURN_STATUSES = ['pending', 'ok', 'blocked', 'failed', 'superseded'] as const;

export const ChatTurnSchema = z.object({
  id: z.string().min(1),
  userId: z.string().min(1),
  role: z.enum(['user', 'assistant']),
  text: z.string().max(4000),
  createdAt: z.number(),
  status: z.enum(TURN_STATUSES),
  /** Why a turn was blocked or failed, shown to the user. */
  note: z.string().max(500).optional(),
  /** The turn this one answers (assistant turns). */
  replyTo: z.string().optional(),
  task: z.string().max(32).optional(),
  engine: z.string().max(64).optional(),
});
export type ChatTurn = z.infer<typeof ChatTurnSchema>;

export const EngagementEventSchema = z.object({
  id: z.number().optional(),
  userId: z.string().min(1),
  catalogId: z.string().min(1),
  itemId: z.string().min(1),
  kind: z.enum(ENGAGEMENT_KINDS),
  at: z.number(),
  dwellMs: z.number().min(0).optional(),
});
export type EngagementEvent = z.infer<typeof EngagementEventSchema>;

export const UserVectorRecordSchema = z.object({
  catalogId: z.string().min(1),
  userId: z.string().min(1),
  dim: z.number().int().positive(),
  vector: z.instanceof(Float32Array),
  /** Where it came from: downloaded from the U2I model, then refined on this device. */
  source: z.enum(['downloaded', 'on-device']),
  updatedAt: z.number(),
});
export type UserVectorRecord = z.infer<typeof UserVectorRecordSchema>;

export const SearchLogSchema = z.object({
  id: z.number().optional(),
  userId: z.string().min(1),
  catalogId: z.string().min(1),
  query: z.string().max(1000),
  shown: z.array(z.string()).max(200),
  clicked: z.string().optional(),
  at: z.number(),
});
export type SearchLog = z.infer<typeof SearchLogSchema>;

/** A video the user added on this device: the file itself, its poster, and its CLIP vectors. */
export const UserVideoSchema = z.object({
  id: z.string().min(1).max(64),
  userId: z.string().min(1),
  /** The file name the user gave it (shown as its title). */
  name: z.string().min(1).max(256),
  addedAt: z.number(),
  duration: z.number().min(0),
  file: z.instanceof(Blob),
  poster: z.instanceof(Blob),
  /** The model that made the vectors (name@hash); vectors from another model are re-made, not mixed. */
  modelId: z.string().min(1),
  pooling: z.enum(['mean', 'temporal']),
  /** The pooled, unit-length vector the video is searched by. */
  vector: z.instanceof(Float32Array),
  /** Keyframes: time, why it was picked, its own vector (for "jump to the moment"). */
  keyframes: z.array(z.object({ t: z.number().min(0), reason: z.string().max(16), vector: z.instanceof(Float32Array) })).min(1).max(64),
});
export type UserVideo = z.infer<typeof UserVideoSchema>;

export interface QuarantinedRecord {
  id?: number;
  store: string;
  key: string;
  value: unknown;
  problem: string;
  at: number;
}

interface RecommenderDB extends DBSchema {
  intents: { key: string; value: Intent };
  turns: { key: string; value: ChatTurn; indexes: { byUser: [string, number] } };
  events: { key: number; value: EngagementEvent; indexes: { byUser: [string, number]; byItem: [string, string] } };
  userVectors: { key: [string, string]; value: UserVectorRecord };
  searchLogs: { key: number; value: SearchLog; indexes: { byUser: [string, number] } };
  settings: { key: string; value: unknown };
  videos: { key: string; value: UserVideo; indexes: { byUser: [string, number] } };
  quarantine: { key: number; value: QuarantinedRecord };
}

export type RecommenderDatabase = IDBPDatabase<RecommenderDB>;
type UpgradeTx = IDBPTransaction<RecommenderDB, StoreNames<RecommenderDB>[], 'versionchange'>;

/**
 * MIGRATIONS[v] takes the database from version v-1 to v. Stores are created only if missing.
 * Append, never edit a shipped step: users upgrade from whatever version they have.
 */
const MIGRATIONS: Record<number, (db: RecommenderDatabase, tx: UpgradeTx) => void> = {
  1: (db) => {
    if (!db.objectStoreNames.contains('intents')) db.createObjectStore('intents', { keyPath: 'userId' });
    if (!db.objectStoreNames.contains('turns')) {
      db.createObjectStore('turns', { keyPath: 'id' }).createIndex('byUser', ['userId', 'createdAt']);
    }
    if (!db.objectStoreNames.contains('events')) {
      const s = db.createObjectStore('events', { keyPath: 'id', autoIncrement: true });
      s.createIndex('byUser', ['userId', 'at']);
      s.createIndex('byItem', ['catalogId', 'itemId']);
    }
    if (!db.objectStoreNames.contains('userVectors')) {
      db.createObjectStore('userVectors', { keyPath: ['catalogId', 'userId'] });
    }
    if (!db.objectStoreNames.contains('searchLogs')) {
      db.createObjectStore('searchLogs', { keyPath: 'id', autoIncrement: true }).createIndex('byUser', ['userId', 'at']);
    }
    if (!db.objectStoreNames.contains('settings')) db.createObjectStore('settings');
    if (!db.objectStoreNames.contains('quarantine')) db.createObjectStore('quarantine', { keyPath: 'id', autoIncrement: true });
  },
  2: (db) => {
    if (!db.objectStoreNames.contains('videos')) {
      db.createObjectStore('videos', { keyPath: 'id' }).createIndex('byUser', ['userId', 'addedAt']);
    }
  },
};

export const STORE_ERROR_KINDS = ['quota', 'blocked', 'closed', 'unavailable', 'unknown'] as const;
export type StoreErrorKind = (typeof STORE_ERROR_KINDS)[number];

export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

const ERROR_MESSAGES: Record<StoreErrorKind, string> = {
  quota: 'Storage is full: this message was not saved. Free some space in the browser and try again.',
  blocked: 'Another tab is holding an older version of this app open. Close it and reload.',
  closed: 'The database was closed by a newer version of this app in another tab. Reload this tab.',
  unavailable: 'This browser does not allow local storage here (private mode or disabled storage).',
  unknown: 'Saving failed.',
};

/** Maps a DOMException from IndexedDB to a StoreError a user can act on. */
export function toStoreError(err: unknown): StoreError {
  if (err instanceof StoreError) return err;
  const name = (err as { name?: string } | null)?.name ?? '';
  const kind: StoreErrorKind =
    name === 'QuotaExceededError' ? 'quota'
    : name === 'InvalidStateError' ? 'closed'
    : name === 'SecurityError' ? 'unavailable'
    : 'unknown';
  const detail = err instanceof Error ? err.message : String(err);
  return new StoreError(kind, kind === 'unknown' ? `${ERROR_MESSAGES.unknown} (${detail})` : ERROR_MESSAGES[kind], err);
}

export interface OpenOptions {
  name?: string;
  /** Called when another tab needs this connection closed for an upgrade; the connection is closed. */
  onVersionChange?: () => void;
}

export async function openStore(opts: OpenOptions = {}): Promise<Store> {
  if (typeof indexedDB === 'undefined') throw new StoreError('unavailable', ERROR_MESSAGES.unavailable);
  try {
    const db = await openDB<RecommenderDB>(opts.name ?? DB_NAME, DB_VERSION, {
      upgrade(db, oldVersion, newVersion, tx) {
        for (let v = oldVersion + 1; v <= (newVersion ?? DB_VERSION); v++) MIGRATIONS[v]?.(db, tx);
      },
      blocked() {
        /* an older tab keeps the old version open; it gets `blocking` and closes itself */
      },
      blocking() {
        db.close();
        opts.onVersionChange?.();
      },
    });
    return new Store(db);
  } catch (err) {
    throw toStoreError(err);
  }
}

export async function deleteStore(name = DB_NAME): Promise<void> {
  await deleteDB(name);
}

async function guarded<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (err) {
    throw toStoreError(err);
  }
}

export class Store {
  constructor(readonly db: RecommenderDatabase) {}

  close(): void {
    this.db.close();
  }

  /**
   * The stored intent, parsed. A record that does not parse is moved to quarantine (kept for export)
   * and null is returned, so one corrupt record never breaks the app and is never trusted.
   */
  async getIntent(userId: string): Promise<Intent | null> {
    return guarded(async () => {
      const raw: unknown = await this.db.get('intents', userId);
      if (raw === undefined) return null;
      try {
        return parseIntent(raw);
      } catch (err) {
        await this.quarantine('intents', userId, raw, (err as Error).message);
        return null;
      }
    });
  }

  /**
   * Read-modify-write of one user's intent in a single transaction, so two tabs writing at once
   * cannot lose each other's update. `update` must be synchronous (IDB transactions auto-commit).
   * Returns the stored intent, or the previous one when `update` returns null (nothing to write).
   */
  async updateIntent(userId: string, update: (previous: Intent | null) => Intent | null): Promise<Intent | null> {
    return this.commitTurn(userId, update, () => []);
  }

  async deleteIntent(userId: string): Promise<void> {
    return guarded(() => this.db.delete('intents', userId));
  }

  async putTurn(turn: ChatTurn): Promise<void> {
    await guarded(() => this.db.put('turns', ChatTurnSchema.parse(turn)));
  }

  /** The user's last `limit` turns in order; corrupt records are quarantined and skipped. */
  async listTurns(userId: string, limit = 500): Promise<ChatTurn[]> {
    return guarded(async () => {
      const range = IDBKeyRange.bound([userId, -Infinity], [userId, Infinity]);
      // One request for the whole range (a cursor would cost a round trip per record), then the newest.
      const raws = (await this.db.getAllFromIndex('turns', 'byUser', range)).slice(-limit) as unknown[];
      const out: ChatTurn[] = [];
      for (const raw of raws) {
        const r = ChatTurnSchema.safeParse(raw);
        if (r.success) out.push(r.data);
        else await this.quarantine('turns', String((raw as { id?: unknown }).id), raw, r.error.issues[0]?.message ?? 'invalid');
      }
      return out;
    });
  }

  /** The start of a chat turn in one transaction: the message is stored (pending) and the intent read. */
  async beginTurn(turn: ChatTurn): Promise<Intent | null> {
    const checked = ChatTurnSchema.parse(turn);
    const raw = await guarded(async () => {
      const tx = this.db.transaction(['turns', 'intents'], 'readwrite', { durability: 'relaxed' });
      const [, value] = await Promise.all([tx.objectStore('turns').put(checked), tx.objectStore('intents').get(checked.userId), tx.done]);
      return value as unknown;
    });
    if (raw === undefined) return null;
    const parsed = IntentSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    return this.getIntent(checked.userId); // quarantines it
  }

  /**
   * The end of a chat turn in one transaction (updateIntent is this without turns): the intent update (as updateIntent) and the turn
   * records, so a crash or a full disk never leaves a reply without its intent or the other way round.
   */
  async commitTurn(
    userId: string,
    update: (previous: Intent | null) => Intent | null,
    /** Called after `update`, synchronously (what the turns say may depend on the merge). */
    turns: () => readonly ChatTurn[],
  ): Promise<Intent | null> {
    return guarded(async () => {
      // Relaxed durability: the OS may hold the write briefly; a crash of the machine (not the tab) in that
      // window can lose the turn, which Chromium's default also allows. It saves a disk flush per turn.
      const tx = this.db.transaction(['intents', 'turns', 'quarantine'], 'readwrite', { durability: 'relaxed' });
      tx.done.catch(() => {}); // an abort below is reported by the error that caused it
      const raw: unknown = await tx.objectStore('intents').get(userId);
      let previous: Intent | null = null;
      if (raw !== undefined) {
        const parsed = IntentSchema.safeParse(raw);
        if (parsed.success) previous = parsed.data;
        else {
          await tx.objectStore('quarantine').add({
            store: 'intents', key: userId, value: raw, problem: parsed.error.issues[0]?.message ?? 'invalid', at: Date.now(),
          });
        }
      }
      try {
        // Everything is validated before the first write; any failure aborts the transaction as a whole.
        const next = update(previous);
        if (next && next.userId !== userId) throw new StoreError('unknown', `Refusing to store an intent for "${next.userId}" under "${userId}"`);
        const checkedIntent = next ? parseIntent(next) : null;
        const checkedTurns = turns().map((t) => ChatTurnSchema.parse(t));
        if (checkedIntent) await tx.objectStore('intents').put(checkedIntent);
        for (const t of checkedTurns) await tx.objectStore('turns').put(t);
        await tx.done;
        return checkedIntent ?? previous;
      } catch (err) {
        try {
          tx.abort();
        } catch {
          /* already finished */
        }
        throw err;
      }
    });
  }

  async addEvent(event: EngagementEvent): Promise<number> {
    return guarded(() => this.db.add('events', EngagementEventSchema.parse(event)));
  }

  /** Several events in one transaction (a feed's impressions): all are stored or none. */
  async addEvents(events: readonly EngagementEvent[]): Promise<void> {
    const parsed = events.map((e) => EngagementEventSchema.parse(e));
    await guarded(async () => {
      const tx = this.db.transaction('events', 'readwrite');
      await Promise.all([...parsed.map((e) => tx.store.add(e)), tx.done]);
    });
  }

  async listEvents(userId: string): Promise<EngagementEvent[]> {
    return guarded(async () => {
      const range = IDBKeyRange.bound([userId, -Infinity], [userId, Infinity]);
      const raws = await this.db.getAllFromIndex('events', 'byUser', range);
      return raws.flatMap((r) => {
        const p = EngagementEventSchema.safeParse(r);
        return p.success ? [p.data] : [];
      });
    });
  }

  async putUserVector(record: UserVectorRecord): Promise<void> {
    await guarded(() => this.db.put('userVectors', UserVectorRecordSchema.parse(record)));
  }

  async getUserVector(catalogId: string, userId: string): Promise<UserVectorRecord | null> {
    return guarded(async () => {
      const raw = await this.db.get('userVectors', [catalogId, userId]);
      if (!raw) return null;
      const r = UserVectorRecordSchema.safeParse(raw);
      if (r.success && r.data.vector.length === r.data.dim) return r.data;
      await this.quarantine('userVectors', `${catalogId}/${userId}`, raw, 'invalid user vector');
      return null;
    });
  }

  async deleteUserVector(catalogId: string, userId: string): Promise<void> {
    await guarded(() => this.db.delete('userVectors', [catalogId, userId]));
  }

  async addSearchLog(log: SearchLog): Promise<number> {
    return guarded(() => this.db.add('searchLogs', SearchLogSchema.parse(log)));
  }

  /** Records which item of a logged search the user opened (the first click counts). */
  async setSearchClick(id: number, itemId: string): Promise<void> {
    await guarded(async () => {
      const tx = this.db.transaction('searchLogs', 'readwrite');
      const log = await tx.store.get(id);
      if (log && log.clicked === undefined && log.shown.includes(itemId)) await tx.store.put({ ...log, clicked: itemId });
      await tx.done;
    });
  }

  async putVideo(video: UserVideo): Promise<void> {
    await guarded(() => this.db.put('videos', UserVideoSchema.parse(video)));
  }

  async deleteVideo(id: string): Promise<void> {
    await guarded(() => this.db.delete('videos', id));
  }

  /** The user's videos, oldest first; a record that does not parse is quarantined and skipped. */
  async listVideos(userId: string): Promise<UserVideo[]> {
    return guarded(async () => {
      const range = IDBKeyRange.bound([userId, -Infinity], [userId, Infinity]);
      const out: UserVideo[] = [];
      for (const raw of (await this.db.getAllFromIndex('videos', 'byUser', range)) as unknown[]) {
        const r = UserVideoSchema.safeParse(raw);
        if (r.success) out.push(r.data);
        else await this.quarantine('videos', String((raw as { id?: unknown }).id), raw, r.error.issues[0]?.message ?? 'invalid');
      }
      return out;
    });
  }

  async listSearchLogs(userId: string): Promise<SearchLog[]> {
    return guarded(async () => {
      const range = IDBKeyRange.bound([userId, -Infinity], [userId, Infinity]);
      return (await this.db.getAllFromIndex('searchLogs', 'byUser', range)) as SearchLog[];
    });
  }

  async getSetting<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> {
    return guarded(async () => {
      const raw = await this.db.get('settings', key);
      if (raw === undefined) return undefined;
      const r = schema.safeParse(raw);
      return r.success ? r.data : undefined;
    });
  }

  async putSetting(key: string, value: unknown): Promise<void> {
    await guarded(() => this.db.put('settings', value, key));
  }

  async listQuarantine(): Promise<QuarantinedRecord[]> {
    return guarded(() => this.db.getAll('quarantine'));
  }

  private async quarantine(
    store: 'intents' | 'turns' | 'userVectors' | 'videos', key: string, value: unknown, problem: string,
  ): Promise<void> {
    const tx = this.db.transaction([store, 'quarantine'], 'readwrite');
    await tx.objectStore('quarantine').add({ store, key, value, problem, at: Date.now() });
    // The record moves: kept in quarantine (exportable), gone from the store that could not parse it.
    if (store === 'intents') await tx.objectStore('intents').delete(key);
    if (store === 'turns') await tx.objectStore('turns').delete(key);
    if (store === 'videos') await tx.objectStore('videos').delete(key);
    await tx.done;
  }

  /** Everything stored about this user, for "Export my data". */
  async exportUser(userId: string): Promise<Record<string, unknown>> {
    const [intent, turns, events, searchLogs, quarantine] = await Promise.all([
      this.getIntent(userId), this.listTurns(userId, Infinity), this.listEvents(userId),
      this.listSearchLogs(userId), this.listQuarantine(),
    ]);
    const vectors = (await guarded(() => this.db.getAll('userVectors')))
      .filter((v) => v.userId === userId)
      .map((v) => ({ ...v, vector: Array.from(v.vector) }));
    // Videos: what was derived from them (the files themselves stay where the user has them).
    const videos = (await this.listVideos(userId)).map(({ file, poster, vector, keyframes, ...v }) => ({
      ...v, fileBytes: file.size, fileType: file.type, vector: Array.from(vector),
      keyframes: keyframes.map((k) => ({ t: k.t, reason: k.reason, vector: Array.from(k.vector) })),
    }));
    // Adapters this device trained from the user's clicks (preference-tuned search), per model.
    const adapterKeys = (await guarded(() => this.db.getAllKeys('settings'))).filter((k) => k.startsWith('preferenceAdapter:'));
    const preferenceAdapters = Object.fromEntries(await Promise.all(adapterKeys.map(async (k) => [k.slice('preferenceAdapter:'.length), await this.db.get('settings', k)])));
    return { exportedAt: new Date().toISOString(), dbVersion: DB_VERSION, userId, intent, turns, events, searchLogs, userVectors: vectors, videos, preferenceAdapters, quarantine };
  }
}
