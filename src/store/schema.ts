// What is on disk: the record schemas (every record is parsed at the edge), the idb DBSchema, the database
// name and version, and the migrations that take any earlier version to this one. This is the file where a
// careless change wipes or orphans user data; each such place says so.
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { z } from 'zod';
import type { Intent } from '../core/intent.ts';
import { Table } from './tables.ts';

// Changing DB_NAME abandons every user's stored data: never rename; add a migration instead.
export const DB_NAME = 'private-recommender';
// Raise only together with a new MIGRATIONS step. A page older than the database on disk cannot open it
// read-write (openStore's 'newer-version' error); it may open it read-only with `allowNewer`.
export const DB_VERSION = 2;

/** 'unskip' and 'unlike' undo a skip and a like: the event log is append-only, undo is an event. */
export const ENGAGEMENT_KINDS = ['impression', 'click', 'like', 'skip', 'dwell', 'unskip', 'unlike'] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

export const TURN_STATUSES = ['pending', 'ok', 'blocked', 'failed', 'superseded'] as const;

/** A user id as this app writes them (`local-<uuid>`, or a short test id); anything else in settings is corrupt. */
export const UserIdSchema = z.string().min(1).max(128).regex(/^[\w.:-]+$/, 'not a user id');

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

// Store and index names below are on-disk names: renaming one orphans its data (add a migration instead).
export interface RecommenderDB extends DBSchema {
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
export type UpgradeTx = IDBPTransaction<RecommenderDB, StoreNames<RecommenderDB>[], 'versionchange'>;

/**
 * MIGRATIONS[v] takes the database from version v-1 to v. Stores are created only if missing.
 * Append, never edit a shipped step: users upgrade from whatever version they have.
 */
export const MIGRATIONS: Record<number, (db: RecommenderDatabase, tx: UpgradeTx) => void> = {
  1: (db) => {
    if (!db.objectStoreNames.contains(Table.intents)) db.createObjectStore(Table.intents, { keyPath: 'userId' });
    if (!db.objectStoreNames.contains(Table.turns)) {
      db.createObjectStore(Table.turns, { keyPath: 'id' }).createIndex('byUser', ['userId', 'createdAt']);
    }
    if (!db.objectStoreNames.contains(Table.events)) {
      const s = db.createObjectStore(Table.events, { keyPath: 'id', autoIncrement: true });
      s.createIndex('byUser', ['userId', 'at']);
      s.createIndex('byItem', ['catalogId', 'itemId']);
    }
    if (!db.objectStoreNames.contains(Table.userVectors)) {
      db.createObjectStore(Table.userVectors, { keyPath: ['catalogId', 'userId'] });
    }
    if (!db.objectStoreNames.contains(Table.searchLogs)) {
      db.createObjectStore(Table.searchLogs, { keyPath: 'id', autoIncrement: true }).createIndex('byUser', ['userId', 'at']);
    }
    if (!db.objectStoreNames.contains(Table.settings)) db.createObjectStore(Table.settings);
    if (!db.objectStoreNames.contains(Table.quarantine)) db.createObjectStore(Table.quarantine, { keyPath: 'id', autoIncrement: true });
  },
  2: (db) => {
    if (!db.objectStoreNames.contains(Table.videos)) {
      db.createObjectStore(Table.videos, { keyPath: 'id' }).createIndex('byUser', ['userId', 'addedAt']);
    }
  },
};
