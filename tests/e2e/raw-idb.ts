// Reading the app's IndexedDB straight from the page, not through the app: what the browser really
// stored (the issue-17 tests check what a deletion, a cap or a quarantine left behind).
import type { Page } from 'playwright-core';

/** The on-disk database name (DB_NAME in src/store/schema.ts; the same at 9de075a in src/store/db.ts). */
export const DB = 'private-recommender';

/** Every record of one store, or none when the store does not exist. */
export function rawAll<T = Record<string, unknown>>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(({ db, store }) => new Promise<T[]>((resolve, reject) => {
    const r = indexedDB.open(db);
    r.onsuccess = () => {
      const conn = r.result;
      if (!conn.objectStoreNames.contains(store)) {
        conn.close();
        return resolve([]);
      }
      const g = conn.transaction(store, 'readonly').objectStore(store).getAll();
      g.onsuccess = () => {
        conn.close();
        resolve(g.result as T[]);
      };
      g.onerror = () => reject(g.error);
    };
    r.onerror = () => reject(r.error);
  }), { db: DB, store });
}
