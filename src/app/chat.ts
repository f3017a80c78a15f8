// The understanding path as the page sees it: the message shows at once (pending), the llm worker
// stores and understands it and tells the retrieval worker the new intent directly; the page renders
// the stored turns it gets back and the feed the retrieval worker pushes. Timings go to the browser's
// performance panel (the app benchmark reads them).
import type { ChatTurn } from '../store/db.ts';
import { MAX_RENDERED_TURNS, type Recommender } from './recommender.ts';
import { isAbortError } from './worker-host.ts';

/** Performance measures kept before they are cleared (5 per turn: the last 100 turns or more). */
const MAX_MEASURES = 500;

/** How long a turn waits for its feed before it stops showing "busy" (the feed still follows when it comes). */
const FEED_WAIT_MS = 10_000;

function newId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Resolves after the next frame: the UI has rendered the latest state. */
function nextFrame(): Promise<void> {
  return new Promise((r) => requestAnimationFrame(() => r()));
}

export async function sendTurn(app: Recommender, text: string): Promise<void> {
  const trimmed = text.trim();
  if (!trimmed || app.state.phase !== 'ready') return;
  const turnId = newId();
  const optimistic: ChatTurn = { id: turnId, userId: app.state.userId, role: 'user', text: trimmed, createdAt: Date.now(), status: 'pending' };
  app.set({ turns: [...app.state.turns, optimistic], busy: true, banner: null });
  const t0 = performance.now();
  // The feed answering this turn (if the intent changes) arrives as a view carrying its turn id.
  const feedShown = app.nextView((v) => v.turnId === turnId).then(async () => {
    await nextFrame();
    performance.measure('turn:feed', { start: t0 });
  });
  try {
    const result = await app.workers.llm.call((r, id) => r.handleTurn(id, { userId: app.state.userId, catalogId: app.state.catalogId, turnId, text: trimmed }), 'turn');
    const t1 = performance.now();
    performance.measure('turn:worker-store', { start: t0, duration: result.timings.store });
    performance.measure('turn:worker-dag', { start: t0, duration: result.timings.understand });
    // The conversation from what the worker stored (no read back); other tabs re-read on the announcement.
    // The intent inspector follows the stored intent at once; the feed for it arrives as a view.
    if (result.intentChanged) app.set({ intent: result.intent });
    const ids = new Set(result.turns.map((t) => t.id));
    app.set({ turns: [...app.state.turns.filter((t) => !ids.has(t.id)), ...result.turns].slice(-MAX_RENDERED_TURNS) });
    // A crashed retrieval worker never answers: the reply is not held hostage by the feed.
    const feedOrGiveUp = Promise.race([feedShown, new Promise((r) => setTimeout(r, FEED_WAIT_MS))]);
    await Promise.all([nextFrame().then(() => performance.measure('turn:conversation', { start: t1 })), result.intentChanged ? feedOrGiveUp : null]);
    performance.measure('turn:understand', { start: t0, end: t1 });
    // Measures are kept for the performance panel and the benchmark, not forever.
    if (performance.getEntriesByType('measure').length > MAX_MEASURES) performance.clearMeasures();
  } catch (err) {
    if (isAbortError(err)) return;
    await app.reloadTurns().catch(() => {});
    const saved = app.state.turns.some((t) => t.id === turnId);
    if (!saved) app.set({ turns: [...app.state.turns, { ...optimistic, status: 'failed' }] });
    app.set({ banner: `${err instanceof Error ? err.message : String(err)}${saved ? ' Your message is saved.' : ''}` });
  } finally {
    app.set({ busy: false });
  }
}
