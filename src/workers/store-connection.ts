// A worker's connection to IndexedDB, opened lazily with the page's context id and reopened after
// another tab's upgrade. After another tab deleted all data, it refuses to reopen: nothing may be
// written under the deleted identity; the page hears "data-cleared" and starts this tab afresh.
import { openStore, type Store, StoreError } from '../store/db.ts';
import { ERROR_MESSAGES } from '../store/errors.ts';

export class StoreConnection {
  private promise: Promise<Store> | null = null;
  private deleted = false;

  constructor(private readonly contextId: string) {}

  get(): Promise<Store> {
    if (this.deleted) return Promise.reject(new StoreError('deleted', ERROR_MESSAGES.deleted));
    if (!this.promise) {
      // A database from a newer app version opens read-only: reads serve the feed, writes say why they fail.
      this.promise = openStore({
        contextId: this.contextId, allowNewer: true,
        onVersionChange: (deleting) => {
          this.promise = null;
          if (deleting) this.deleted = true;
        },
      });
      this.promise.catch(() => (this.promise = null));
    }
    return this.promise;
  }
}
