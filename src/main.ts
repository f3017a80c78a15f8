// Boots the shell: one Recommender controller (workers + store) and the <pr-app> element that renders it.
import './core/zod-config.ts'; // first: zod jitless before any schema is built (no eval under the CSP)
import { registerSW } from 'virtual:pwa-register';
import { Recommender } from './app/recommender.ts';
import './ui/app-shell.ts';
import type { AppShell } from './ui/app-shell.ts';

const recommender = new Recommender();
// Tests and diagnostics reach the controller here; it holds nothing a page script could not read anyway.
(globalThis as unknown as { __recommender: Recommender }).__recommender = recommender;

const shell = document.querySelector<AppShell>('pr-app');
if (shell) shell.recommender = recommender;
void recommender.boot();

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
