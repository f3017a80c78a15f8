// The store's one transaction helper: which write announces what to other tabs, only after it commits,
// stamped with the page's context id, and `subscribe` hearing only other contexts.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, test } from 'vitest';
import { emptyIntent, type Intent } from '../../../src/core/intent.ts';
import { mergeIntent } from '../../../src/core/intent-merge.ts';
import { type ChangeMessage, CONTEXT_ID, createContextId } from '../../../src/store/channel.ts';
import { type ChatTurn, openStore, type Store, StoreError } from '../../../src/store/db.ts';

let n = 0;
let name: string;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  name = `announce-${++n}`;
});

function intentWith(userId: string, phrase: string, now = 7): Intent {
  const r = mergeIntent(emptyIntent(userId, 0), {
    keyPhrases: [{ text: phrase, weight: 1 }], likes: [], dislikes: [], task: 'more_like', language: 'en',
    safety: { verdict: 'safe', categories: [] },
  }, 't1', now);
  if (!r.accepted) throw new Error(r.reason);
  return r.intent;
}
const turn = (id: string, createdAt: number): ChatTurn => ({ id, userId: 'u1', role: 'user', text: 'hi', createdAt, status: 'ok' });
const video = (id: string) => ({
  id, userId: 'u1', name: `${id}.webm`, addedAt: 1, duration: 1, file: new Blob([new Uint8Array(4)]), poster: new Blob([new Uint8Array(4)]),
  modelId: 'm@1', pooling: 'mean' as const, vector: new Float32Array([1, 0]), keyframes: [{ t: 0, reason: 'first', vector: new Float32Array([1, 0]) }],
});
const settle = () => new Promise((r) => setTimeout(r, 40));

/** What `listener` hears, keeping only this test's contexts (other test files share the BroadcastChannel). */
function hear(store: Store, origins: string[]): ChangeMessage[] {
  const got: ChangeMessage[] = [];
  store.subscribe((m) => {
    if (origins.includes(m.origin)) got.push(m);
  });
  return got;
}

describe('announcements', () => {
  test('each write announces what changed, stamped with the writer\'s page context; private and pending writes announce nothing', async () => {
    const page = createContextId();
    const a = await openStore({ name, contextId: page });
    const b = await openStore({ name, contextId: createContextId() });
    const got = hear(b, [page]);
    const m = (x: object) => ({ ...x, origin: page });

    await a.beginTurn(turn('p', 1)); // pending turn: nothing
    await a.commitTurn('u1', () => intentWith('u1', 'cats', 11), () => [turn('p', 1), { ...turn('p:reply', 2), role: 'assistant' }]);
    await a.commitTurn('u1', () => null, () => [turn('q', 3)]);
    await a.putTurn(turn('r', 4));
    await a.updateIntent('u1', () => intentWith('u1', 'dogs', 12));
    await a.updateIntent('u1', () => null); // nothing written: nothing announced
    await a.deleteIntent('u1');
    await a.addEvents([{ userId: 'u1', catalogId: 'movies', itemId: 'i1', kind: 'impression', at: 1 }]); // impressions only: nothing
    await a.addEvent({ userId: 'u1', catalogId: 'movies', itemId: 'i1', kind: 'impression', at: 2 });
    const like = await a.addEvent({ userId: 'u1', catalogId: 'movies', itemId: 'i1', kind: 'like', at: 3 });
    await a.addEvents([
      { userId: 'u1', catalogId: 'stickers', itemId: 's1', kind: 'skip', at: 4 },
      { userId: 'u1', catalogId: 'stickers', itemId: 's1', kind: 'unskip', at: 5 },
      { userId: 'u1', catalogId: 'movies', itemId: 'i1', kind: 'impression', at: 6 },
    ]);
    await a.deleteEvents([like]);
    await a.putUserVector({ catalogId: 'movies', userId: 'u1', dim: 1, vector: new Float32Array([1]), source: 'on-device', updatedAt: 1 });
    await a.deleteUserVector('movies', 'u1'); // retrieval-worker private: nothing
    await a.putVideo(video('v1'));
    await a.deleteVideo('v1');
    await a.deleteVideo('never-stored'); // nothing deleted: nothing announced
    await a.putSetting('catalogId', 'movies');
    a.close();
    a.announceCleared(); // after close (deleteStore needs the connection closed): still heard
    await settle();
    expect(got).toEqual([
      m({ type: 'turn-committed', userId: 'u1', intentUpdatedAt: 11 }),
      m({ type: 'turn-committed', userId: 'u1', intentUpdatedAt: null }),
      m({ type: 'turns-changed', userId: 'u1' }),
      m({ type: 'intent-changed', userId: 'u1', updatedAt: 12 }),
      m({ type: 'intent-changed', userId: 'u1', updatedAt: 0 }),
      m({ type: 'engagement-changed', userId: 'u1', catalogId: 'movies' }),
      m({ type: 'engagement-changed', userId: 'u1', catalogId: 'stickers' }),
      m({ type: 'engagement-changed', userId: 'u1', catalogId: 'movies' }),
      m({ type: 'videos-changed', userId: 'u1' }),
      m({ type: 'videos-changed', userId: 'u1' }),
      m({ type: 'settings-changed', key: 'catalogId' }),
      m({ type: 'data-cleared' }),
    ]);
    b.close();
  });

  test('a write that fails announces nothing, and what it would have written is not there', async () => {
    const page = createContextId();
    const a = await openStore({ name, contextId: page });
    const b = await openStore({ name, contextId: createContextId() });
    const got = hear(b, [page]);
    await expect(a.commitTurn('u1', () => intentWith('u1', 'cats'), () => [{ ...turn('x', 1), role: 'robot' as never }])).rejects.toBeInstanceOf(StoreError);
    await expect(a.updateIntent('u1', () => intentWith('someone-else', 'cats'))).rejects.toBeInstanceOf(StoreError);
    await expect(a.putTurn({ ...turn('y', 1), text: 'x'.repeat(5000) })).rejects.toBeInstanceOf(StoreError);
    await expect(a.addEvents([{ userId: 'u1', catalogId: 'c', itemId: 'i', kind: 'like', at: 1 }, { userId: 'u1', catalogId: 'c', itemId: 'i', kind: 'buy' as never, at: 2 }])).rejects.toBeInstanceOf(StoreError);
    await settle();
    expect(got).toEqual([]);
    expect(await b.getIntent('u1')).toBeNull();
    expect(await b.listTurns('u1')).toEqual([]);
    expect(await b.listEvents('u1')).toEqual([]);
    a.close();
    b.close();
  });

  test('subscribe hears other pages only: a worker sharing the page\'s context id is not "another tab"', async () => {
    const page = createContextId();
    const other = createContextId();
    const pageStore = await openStore({ name, contextId: page });
    const workerStore = await openStore({ name, contextId: page });
    const otherTab = await openStore({ name, contextId: other });
    const pageHeard = hear(pageStore, [page, other]);
    const otherHeard = hear(otherTab, [page, other]);
    await workerStore.putTurn(turn('a', 1));
    await otherTab.putSetting('k', 1);
    await settle();
    expect(pageHeard).toEqual([{ type: 'settings-changed', key: 'k', origin: other }]);
    expect(otherHeard).toEqual([{ type: 'turns-changed', userId: 'u1', origin: page }]);
    for (const s of [pageStore, workerStore, otherTab]) s.close();
  });

  test('contextId is the page\'s when given, and this context\'s CONTEXT_ID otherwise', async () => {
    const s = await openStore({ name });
    expect(s.contextId).toBe(CONTEXT_ID);
    const t = await openStore({ name, contextId: 'page-1' });
    expect(t.contextId).toBe('page-1');
    expect(createContextId()).not.toBe(createContextId());
    s.close();
    t.close();
  });

  test('listEvents filters by catalog and kinds, oldest first; no options gives them all', async () => {
    const s = await openStore({ name });
    const e = (catalogId: string, kind: 'like' | 'unlike' | 'skip' | 'impression', at: number) => ({ userId: 'u1', catalogId, itemId: 'i', kind, at });
    await s.addEvents([e('movies', 'like', 1), e('stickers', 'like', 2), e('movies', 'unlike', 3), e('movies', 'impression', 4), e('movies', 'skip', 5)]);
    expect((await s.listEvents('u1')).map((x) => x.at)).toEqual([1, 2, 3, 4, 5]);
    expect((await s.listEvents('u1', { catalogId: 'movies' })).map((x) => x.at)).toEqual([1, 3, 4, 5]);
    expect((await s.listEvents('u1', { catalogId: 'movies', kinds: ['like', 'unlike'] })).map((x) => x.kind)).toEqual(['like', 'unlike']);
    expect(await s.listEvents('u1', { kinds: [] })).toEqual([]);
    await s.deleteEvents([1, 2, 999]);
    expect((await s.listEvents('u1')).map((x) => x.at)).toEqual([3, 4, 5]);
    s.close();
  });
});
