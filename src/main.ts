// Boots the demo page: the same <private-recommender> element a site embeds (src/embed/), plus what only
// the demo does: the service worker that makes it work offline.
import './core/zod-config.ts'; // first: zod jitless before any schema is built (no eval under the CSP)
import { registerSW } from 'virtual:pwa-register';
import { forgetOfflineCopy } from './app/data-rights.ts';
import type { Recommender } from './app/recommender.ts';
import { TAG } from './embed/private-recommender.ts';

// Defining the element (the import above) upgraded the one in index.html: it is connected, so its
// Recommender exists and is booting.
const element = document.querySelector(TAG);
const recommender = element?.recommender;
if (!recommender) throw new Error(`index.html has no <${TAG}>`);
// Tests and diagnostics reach the controller here; it holds nothing a page script could not read anyway.
(globalThis as unknown as { __recommender: Recommender }).__recommender = recommender;
// The demo owns its origin: once the data is deleted its offline copy goes too, and the page reloads
// (an element embedded in someone else's page restarts in place instead).
element!.onDataDeleted = (where) => {
  void (where === 'here' ? forgetOfflineCopy(recommender) : Promise.resolve()).finally(() => location.reload());
};

// The service worker precaches the shell, the ONNX runtime, catalogs and models: after one visit
// the app works with no network. Registration failing (file://, a private mode without SW) is not fatal.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  recommender.setOffline(navigator.serviceWorker.controller ? 'ready' : 'caching');
  registerSW({
    immediate: true,
    onOfflineReady: () => recommender.setOffline('ready'),
    onRegisterError: () => recommender.setOffline('error'),
  });
  // A service worker activates only once its precache is complete. `ready` also covers a page that was
  // reloaded while the first install was still downloading (the install event went to the old page).
  void navigator.serviceWorker.ready.then(() => recommender.setOffline('ready'));
} else {
  recommender.setOffline('unsupported');
}
