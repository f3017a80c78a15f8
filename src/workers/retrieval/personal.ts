// The user's personal inputs for one catalog, owned by this worker: their engagement (likes, skips),
// their U2I vector (a demo user's, downloaded once, then refined on this device by each action) and
// the catalog's U2I model. Read from IndexedDB when the catalog is opened, written back after each
// change; the page only sees the resulting view.
import { z } from 'zod';
import { DEFAULT_FOLD_IN, foldInUser, itemGramian } from '../../core/u2i/foldin.ts';
import { DEFAULT_ONLINE_LEARNING_RATE, type EngagementSignal, ENGAGEMENT_SIGNALS, updateUserVector } from '../../core/u2i/online.ts';
import type { U2iView } from '../../messages/retrieval.ts';
import type { EngagementKind, Store } from '../../store/db.ts';
import type { LoadedCatalog } from './catalogs.ts';
import { applyEngagement, type EngagementState, replayEngagement } from './engagement.ts';
import type { LoadedU2i, U2iModels } from './u2i.ts';

export interface PersonalState {
  catalogId: string;
  engagement: EngagementState;
  /** The catalog's likes, skips, clicks and dwells in time order: what the session vector is made of. */
  events: { itemId: string; kind: EngagementKind; at: number }[];
  /** Items on the screens the user acted on in this session (the latest SHOWN_MEMORY): exploration covers what is not among them. */
  shown: Set<string>;
  model: LoadedU2i | null;
  /** The U2I user vector in use (null: none for this catalog yet). */
  userVector: Float32Array | null;
  u2i: U2iView | null;
}

const isSignal = (k: EngagementKind): k is EngagementSignal => (ENGAGEMENT_SIGNALS as readonly string[]).includes(k);

/** How many shown items exploration remembers: about a hundred screens of the feed. */
const SHOWN_MEMORY = 2_000;

/** Items just shown (the feed's impressions, as logged): the next cold screen explores elsewhere. */
export function noteShown(shown: Set<string>, itemIds: readonly string[]): void {
  for (const id of itemIds) {
    shown.delete(id);
    shown.add(id);
  }
  for (const id of shown) {
    if (shown.size <= SHOWN_MEMORY) break;
    shown.delete(id);
  }
}

export async function loadPersonal(store: Store, userId: string, cat: LoadedCatalog, models: U2iModels): Promise<PersonalState> {
  const catalogId = cat.manifest.id;
  const [events, model] = await Promise.all([
    store.listEvents(userId, { catalogId, kinds: ['like', 'unlike', 'skip', 'unskip', 'click', 'dwell'] }),
    models.get(cat).catch(() => null),
  ]);
  const mine = events.filter((e) => e.catalogId === catalogId).sort((a, b) => a.at - b.at).map((e) => ({ itemId: e.itemId, kind: e.kind, at: e.at }));
  // Screens the user acted on in this session (service.engage notes them): not the stored impressions,
  // which every rank logs, so that a re-read of the store never reshuffles a feed nobody touched.
  const shown = new Set<string>();
  const engagement = replayEngagement(mine);
  if (!model) return { catalogId, engagement, events: mine, shown, model: null, userVector: null, u2i: null };
  const [stored, selected] = await Promise.all([
    store.getUserVector(catalogId, userId),
    store.getSetting(`demoUser:${catalogId}`, z.string()),
  ]);
  const userVector = stored && stored.dim === model.items.dim ? stored.vector : null;
  return {
    catalogId, engagement, events: mine, shown, model, userVector,
    u2i: { demoUsers: model.manifest.demoUsers, selected: userVector ? (selected ?? null) : null, source: stored?.source ?? null },
  };
}

/** Picks a demo user: downloads that user's vector once and keeps it on this device ('' = none). */
export async function selectDemoUser(store: Store, userId: string, p: PersonalState, models: U2iModels, demoUserId: string): Promise<void> {
  if (!p.model || !p.u2i) return;
  if (!demoUserId) {
    await store.deleteUserVector(p.catalogId, userId);
    await store.putSetting(`demoUser:${p.catalogId}`, '');
    p.userVector = null;
    p.u2i = { ...p.u2i, selected: null, source: null };
    return;
  }
  const vector = await models.fetchUserVector(p.model, demoUserId);
  await store.putUserVector({ catalogId: p.catalogId, userId, dim: vector.length, vector: new Float32Array(vector), source: 'downloaded', updatedAt: Date.now() });
  await store.putSetting(`demoUser:${p.catalogId}`, demoUserId);
  p.userVector = vector;
  p.u2i = { ...p.u2i, selected: demoUserId, source: 'downloaded' };
}

/** A card action as this worker keeps it. */
export interface Action {
  itemId: string;
  kind: EngagementKind;
  at: number;
}

/**
 * One action applied to the in-memory state, synchronously, so that the feed follows it before it is
 * stored and no rank can run on a state without it. Applying the same action twice changes nothing
 * (a load from IndexedDB may already hold an action that is also still in flight).
 */
export function applyAction(p: PersonalState, a: Action): void {
  applyEngagement(p.engagement, a);
  if (a.kind === 'impression') return;
  if (!p.events.some((e) => e.at === a.at && e.itemId === a.itemId && e.kind === a.kind)) p.events.push({ ...a });
}

/**
 * The on-device U2I step of an action (like, click, dwell, skip), in memory: when the user has a U2I
 * vector, one small learning step moves it. Synchronous, so the rank that follows the action uses it.
 * Returns whether the vector moved (then saveUserVector stores it).
 */
export function stepUserVector(cat: LoadedCatalog, p: PersonalState, a: Action): boolean {
  if (!p.model || !p.userVector || !isSignal(a.kind)) return false;
  const i = cat.rowOfId.get(a.itemId);
  if (i === undefined || p.userVector.length !== p.model.items.dim) return false;
  const itemVec = p.model.items.data.subarray(i * p.model.items.dim, (i + 1) * p.model.items.dim);
  if (itemVec.every((x) => x === 0)) return false;
  p.userVector = updateUserVector(p.userVector, itemVec, a.kind, DEFAULT_ONLINE_LEARNING_RATE, { maxNorm: p.model.manifest.users.maxNorm });
  if (p.u2i) p.u2i = { ...p.u2i, source: 'on-device' };
  return true;
}

/** Stores the user's U2I vector as refined on this device. */
export async function saveUserVector(store: Store, userId: string, p: PersonalState): Promise<void> {
  if (!p.userVector) return;
  await store.putUserVector({ catalogId: p.catalogId, userId, dim: p.userVector.length, vector: new Float32Array(p.userVector), source: 'on-device', updatedAt: Date.now() });
}

/** A catalog's U2I item Gramian, for folding a new user in (computed once per model: 100-245 ms, bench/RESULTS-u2i.md). */
const gramians = new WeakMap<LoadedU2i, Float64Array>();

/**
 * The user vector to rank with: the stored one (a demo user's, refined on this device) or, for a
 * person who never picked one, one folded into the trained model from their own likes and skips on
 * this device (src/core/u2i/foldin.ts; under 2 ms at median, bench/RESULTS-u2i.md). Null: nothing yet.
 */
export function userVectorOf(cat: LoadedCatalog, p: PersonalState): { vector: Float32Array; folded: boolean } | null {
  if (!p.model) return null;
  if (p.userVector) return { vector: p.userVector, folded: false };
  const rows = (ids: Iterable<string>) => [...ids].flatMap((id) => {
    const r = cat.rowOfId.get(id);
    return r === undefined ? [] : [r];
  });
  const positives = rows(p.engagement.liked.keys());
  if (positives.length === 0) return null;
  // The BPR solve (DEFAULT_FOLD_IN) needs no Gramian; iALS does (87-261 ms once per model).
  let gramian: Float64Array | undefined;
  if (DEFAULT_FOLD_IN.method === 'ials') {
    gramian = gramians.get(p.model);
    if (!gramian) gramians.set(p.model, (gramian = itemGramian(p.model.items)));
  }
  // Likes only: skips stay excluded from the feed, but as the solve's negatives they lowered the
  // selected BPR fold-in on the selection users (bench/RESULTS-u2i.md, foldin-confirm: 0.0954 -> 0.0846).
  const vector = foldInUser({ items: p.model.items, positives, ...(gramian ? { gramian } : {}), options: { maxNorm: p.model.manifest.users.maxNorm } });
  return vector ? { vector, folded: true } : null;
}
