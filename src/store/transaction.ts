// The one way into the database: `StoreCore.tx()` opens every transaction the Store runs, maps failures to
// StoreErrors, refuses writes to a database from a newer app version, and announces a write to other tabs
// only after it has committed (tldraw's LocalIndexedDb.tx + TLLocalSyncClient). The quarantine of records
// that do not parse lives here too, since every reader uses it. The record methods are in db.ts.
import type { IDBPTransaction } from 'idb';
import type { z } from 'zod';
import { type Announcement, ChangeChannel, type ChangeMessage, CONTEXT_ID } from './channel.ts';
import { ERROR_MESSAGES, StoreError, toStoreError } from './errors.ts';
import { quarantineIn } from './retention.ts';
import type { RecommenderDatabase, RecommenderDB } from './schema.ts';
import { Table, type TableName } from './tables.ts';

export type QuarantinableTable = typeof Table.intents | typeof Table.turns | typeof Table.userVectors | typeof Table.videos | typeof Table.searchLogs;

export interface Corrupt {
  /** The record's key in its store (it is deleted from there). */
  key: IDBValidKey;
  /** The key as a string, for the quarantine record and the export. */
  label: string;
  value: unknown;
  problem: string;
}

export const problemOf = (err: { issues: { message: string }[] }): string => err.issues[0]?.message ?? 'invalid';

export class StoreCore {
  /** The page's context id: stamped on every announcement; `subscribe` skips messages that carry it. */
  readonly contextId: string;
  /** True when the database was written by a newer app version (opened with `allowNewer`): writes are refused. */
  readonly readOnly: boolean;
  private channel: ChangeChannel | null = new ChangeChannel();

  constructor(
    readonly db: RecommenderDatabase,
    opts: { contextId?: string; readOnly?: boolean } = {},
  ) {
    this.contextId = opts.contextId ?? CONTEXT_ID;
    this.readOnly = opts.readOnly ?? false;
  }

  close(): void {
    this.db.close();
    this.channel?.close();
    this.channel = null;
  }

  /** Messages from other contexts (tabs and their workers); this page's own announcements are skipped. */
  subscribe(listener: (m: ChangeMessage) => void): () => void {
    const unsubscribe = this.channel?.subscribe((m) => {
      if (m.origin !== this.contextId) listener(m);
    });
    return unsubscribe ?? (() => {});
  }

  /** Tells other tabs that all data was deleted (after `deleteStore`); works after `close()` too. */
  announceCleared(): void {
    this.post([{ type: 'data-cleared' }]);
  }

  private post(messages: readonly Announcement[]): void {
    const channel = this.channel ?? new ChangeChannel();
    for (const m of messages) channel.announce({ ...m, origin: this.contextId } as ChangeMessage);
    if (channel !== this.channel) channel.close();
  }

  /**
   * Every read and write: one transaction over `storeNames`, `run` issuing its requests without awaiting
   * anything else (IndexedDB commits a transaction once it has no pending request). Any error aborts the
   * transaction and surfaces as a StoreError. `announce` is asked for the change messages only after the
   * transaction has committed, so other tabs never hear of a write that failed.
   */
  protected async tx<const N extends TableName[], M extends 'readonly' | 'readwrite', T>(
    storeNames: N,
    mode: M,
    run: (tx: IDBPTransaction<RecommenderDB, N, M>) => Promise<T>,
    announce?: (result: T) => Announcement | readonly Announcement[] | null,
    durability: 'default' | 'relaxed' = 'default',
  ): Promise<T> {
    if (mode === 'readwrite' && this.readOnly) throw new StoreError('newer-version', ERROR_MESSAGES['newer-version']);
    let result: T;
    try {
      const tx = this.db.transaction(storeNames, mode, { durability });
      tx.done.catch(() => {}); // an abort is reported by the error that caused it
      try {
        result = await run(tx);
        await tx.done;
      } catch (err) {
        try {
          tx.abort();
        } catch {
          /* already finished */
        }
        throw err;
      }
    } catch (err) {
      throw toStoreError(err);
    }
    const messages = announce?.(result);
    if (messages) this.post(Array.isArray(messages) ? messages : [messages as Announcement]);
    return result;
  }

  /**
   * Moves records that do not parse to quarantine (kept for export) in one transaction: added there and
   * deleted from their store, so none is quarantined twice. A read-only store leaves them where they are:
   * the newer app that wrote them may read them fine.
   */
  protected async quarantine(store: QuarantinableTable, records: readonly Corrupt[]): Promise<void> {
    if (this.readOnly || records.length === 0) return;
    await this.tx([store, Table.quarantine], 'readwrite', async (tx) => {
      for (const r of records) {
        await quarantineIn(tx.objectStore(Table.quarantine), { store, key: r.label, value: r.value, problem: r.problem });
        await tx.objectStore(store).delete(r.key as never);
      }
    });
  }

  /** Parses records read from `store`; those that fail are quarantined and left out. */
  protected async parseAll<T>(store: QuarantinableTable, raws: readonly unknown[], schema: z.ZodType<T>, keyOf: (raw: unknown) => unknown): Promise<T[]> {
    const out: T[] = [];
    const corrupt: Corrupt[] = [];
    for (const raw of raws) {
      const r = schema.safeParse(raw);
      if (r.success) out.push(r.data);
      else corrupt.push({ key: keyOf(raw) as IDBValidKey, label: String(keyOf(raw)), value: raw, problem: problemOf(r.error) });
    }
    await this.quarantine(store, corrupt);
    return out;
  }
}
