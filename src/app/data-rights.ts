// The user's rights over their data on this device: export everything, export the search log, delete
// everything. Reads go straight to IndexedDB (the data is the user's, the page is where they ask).
import { toJsonl } from '../core/preference/clicklog.ts';
import { deleteStore } from '../store/db.ts';
import type { Recommender } from './recommender.ts';

/** The search log (query, shown items, clicked item) as JSONL, for preference training; no user id. */
export async function exportSearchLog(app: Recommender): Promise<string> {
  if (!app.store) throw new Error('Local storage is not open.');
  await app.engaging;
  return toJsonl(await app.store.listSearchLogs(app.state.userId));
}

/** Everything this app stored about the user on this device, as JSON (for "Export my data"). */
export async function exportData(app: Recommender): Promise<string> {
  if (!app.store) throw new Error('Local storage is not open.');
  await app.engaging;
  return JSON.stringify(await app.store.exportUser(app.state.userId), null, 2);
}

/**
 * Deletes everything this app stored on this device. This tab's workers stop first; other tabs close
 * their connections when the deletion asks (and stop writing), and hear "data-cleared" once it is done.
 * Then the page starts afresh (app.afterDataDeleted): the demo with forgetOfflineCopy and a reload,
 * an embedded element in place, leaving its host page's own caches and service worker alone.
 */
export async function forgetMe(app: Recommender): Promise<void> {
  const store = app.store;
  app.store = null;
  for (const name of ['llm', 'encoder', 'retrieval'] as const) app.workers?.[name].terminate();
  store?.close();
  await deleteStore();
  store?.announceCleared();
  app.afterDataDeleted('here');
}

/**
 * The demo page's offline copy goes with the data, with the service worker that served it: the next
 * load installs it afresh, so "works offline" is said again only when it is true again. Cached models
 * and indexes hold nothing personal, but "forget me" means nothing stays. Only for a page whose origin
 * is all this app's: it deletes every cache and service worker of the origin.
 */
export async function forgetOfflineCopy(app: Recommender): Promise<void> {
  if (typeof caches !== 'undefined') for (const k of await caches.keys()) await caches.delete(k);
  const registrations = await navigator.serviceWorker?.getRegistrations().catch(() => []) ?? [];
  for (const r of registrations) await r.unregister();
  app.setOffline('unknown');
}
