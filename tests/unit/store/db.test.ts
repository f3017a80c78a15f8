import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { z } from 'zod';
import { emptyIntent, type Intent } from '../../../src/core/intent.ts';
import { mergeIntent } from '../../../src/core/intent-merge.ts';
import { DB_VERSION, deleteStore, openStore, StoreError, toStoreError, type ChatTurn } from '../../../src/store/db.ts';

let n = 0;
let name: string;
beforeEach(() => {
  // A fresh factory per test: no state leaks between tests.
  globalThis.indexedDB = new IDBFactory();
  name = `test-${++n}`;
});

function intentWith(userId: string, phrase: string, turnId = 't1'): Intent {
  const r = mergeIntent(emptyIntent(userId, 0), {
    keyPhrases: [{ text: phrase, weight: 1 }], likes: [], dislikes: [], task: 'more_like', language: 'en',
    safety: { verdict: 'safe', categories: [] },
  }, turnId, 1);
  if (!r.accepted) throw new Error(r.reason);
  return r.intent;
}

const turn = (id: string, createdAt: number, text = 'hello'): ChatTurn => ({ id, userId: 'u1', role: 'user', text, createdAt, status: 'ok' });

describe('schema and migrations', () => {
  test('a new database gets every store with its indexes', async () => {
    const s = await openStore({ name });
    expect(s.db.version).toBe(DB_VERSION);
    expect([...s.db.objectStoreNames].sort()).toEqual(['events', 'intents', 'quarantine', 'searchLogs', 'settings', 'turns', 'userVectors', 'videos']);
    const tx = s.db.transaction(['turns', 'events']);
    expect([...tx.objectStore('turns').indexNames]).toEqual(['byUser']);
    expect([...tx.objectStore('events').indexNames].sort()).toEqual(['byItem', 'byUser']);
    s.close();
  });

  test('a database created by an earlier build with only some stores is completed, data kept', async () => {
    // Simulates a user whose version-1 database predates some stores: the migration creates only what is missing.
    const old = await openDB(name, 1, { upgrade: (db) => db.createObjectStore('intents', { keyPath: 'userId' }) });
    await old.put('intents', intentWith('u1', 'cats'));
    old.close();
    await new Promise((r) => setTimeout(r, 0));
    const s = await openStore({ name });
    expect((await s.getIntent('u1'))?.keyPhrases[0]?.text).toBe('cats');
    expect([...s.db.objectStoreNames]).toContain('videos'); // version 2
    s.close();
  });
});

describe('videos (version 2)', () => {
  const video = (id: string, addedAt: number) => ({
    id, userId: 'u1', name: `${id}.webm`, addedAt, duration: 4.5,
    file: new Blob([new Uint8Array([26, 69, 223, 163])], { type: 'video/webm' }), poster: new Blob([new Uint8Array(8)], { type: 'image/webp' }),
    modelId: 'clip-mini@abc', pooling: 'mean' as const, vector: new Float32Array([0.6, 0.8]),
    keyframes: [{ t: 0, reason: 'first', vector: new Float32Array([1, 0]) }, { t: 2, reason: 'cut', vector: new Float32Array([0, 1]) }],
  });

  test('round-trip in time order, per user; export carries the derived data, not the file', async () => {
    const s = await openStore({ name });
    await s.putVideo(video('b', 2));
    await s.putVideo(video('a', 1));
    await s.putVideo({ ...video('c', 3), userId: 'u2' });
    const list = await s.listVideos('u1');
    expect(list.map((v) => v.id)).toEqual(['a', 'b']);
    expect(Array.from(list[0]!.keyframes[1]!.vector)).toEqual([0, 1]);
    const exported = (await s.exportUser('u1')) as { videos: { id: string; fileBytes: number; vector: number[]; file?: unknown }[] };
    expect(exported.videos.map((v) => v.id)).toEqual(['a', 'b']);
    expect(exported.videos[0]).toMatchObject({ fileBytes: 4, vector: [expect.closeTo(0.6, 6), expect.closeTo(0.8, 6)] });
    expect(exported.videos[0]!.file).toBeUndefined();
    await s.putSetting('preferenceAdapter:clip-mini@abc', { learnedFrom: 2, adapter: { format: 'clip-text-adapter' } });
    await s.putSetting('catalogId', 'stickers');
    expect((await s.exportUser('u1')).preferenceAdapters).toEqual({ 'clip-mini@abc': { learnedFrom: 2, adapter: { format: 'clip-text-adapter' } } });
    await s.deleteVideo('a');
    expect((await s.listVideos('u1')).map((v) => v.id)).toEqual(['b']);
    s.close();
  });

  test('a video without keyframes is refused; a corrupt stored one is quarantined and skipped', async () => {
    const s = await openStore({ name });
    await expect(s.putVideo({ ...video('x', 1), keyframes: [] })).rejects.toThrow();
    await s.db.put('videos', { ...video('y', 2), vector: [1, 2] } as never);
    expect(await s.listVideos('u1')).toEqual([]);
    expect((await s.listQuarantine()).map((q) => [q.store, q.key])).toEqual([['videos', 'y']]);
    s.close();
  });

  test('the click on a logged search is recorded once, and only for an item that was shown', async () => {
    const s = await openStore({ name });
    const id = await s.addSearchLog({ userId: 'u1', catalogId: 'stickers', query: 'cats', shown: ['1F431', '1F408'], at: 1 });
    await s.setSearchClick(id, 'nope');
    expect((await s.listSearchLogs('u1'))[0]!.clicked).toBeUndefined();
    await s.setSearchClick(id, '1F408');
    await s.setSearchClick(id, '1F431');
    expect((await s.listSearchLogs('u1'))[0]!.clicked).toBe('1F408');
    s.close();
  });
});

describe('intents', () => {
  test('a corrupt intent is quarantined, not trusted, and not lost', async () => {
    const s = await openStore({ name });
    await s.db.put('intents', { userId: 'u1', schemaVersion: 1, keyPhrases: 'not a list' } as never);
    expect(await s.getIntent('u1')).toBeNull();
    const q = await s.listQuarantine();
    expect(q).toHaveLength(1);
    expect(q[0]).toMatchObject({ store: 'intents', key: 'u1', value: { keyPhrases: 'not a list' } });
    expect(await s.db.get('intents', 'u1')).toBeUndefined();
    s.close();
  });

  test('updateIntent reads, merges and writes in one transaction; two connections do not lose updates', async () => {
    const a = await openStore({ name });
    const b = await openStore({ name });
    const add = (phrase: string) => (prev: Intent | null) => {
      const r = mergeIntent(prev ?? emptyIntent('u1', 0), {
        keyPhrases: [{ text: phrase, weight: 1 }], likes: [], dislikes: [], task: 'more_like', language: 'en',
        safety: { verdict: 'safe', categories: [] },
      }, `turn-${phrase}`, 5);
      return r.intent;
    };
    await Promise.all([a.updateIntent('u1', add('cats')), b.updateIntent('u1', add('pizza')), a.updateIntent('u1', add('seoul'))]);
    const stored = await b.getIntent('u1');
    expect(stored?.keyPhrases.map((p) => p.text).sort()).toEqual(['cats', 'pizza', 'seoul']);
    expect(stored?.turn).toBe(3);
    a.close();
    b.close();
  });

  test('updateIntent refuses to store an intent under another user id, and returning null writes nothing', async () => {
    const s = await openStore({ name });
    await expect(s.updateIntent('u1', () => intentWith('someone-else', 'x'))).rejects.toBeInstanceOf(StoreError);
    expect(await s.getIntent('u1')).toBeNull();
    await s.updateIntent('u1', () => intentWith('u1', 'cats'));
    expect((await s.updateIntent('u1', () => null))?.keyPhrases[0]?.text).toBe('cats');
    s.close();
  });

  test('updateIntent quarantines a corrupt previous record and starts clean', async () => {
    const s = await openStore({ name });
    await s.db.put('intents', { userId: 'u1', garbage: true } as never);
    let seen: Intent | null | undefined;
    await s.updateIntent('u1', (prev) => {
      seen = prev;
      return intentWith('u1', 'cats');
    });
    expect(seen).toBeNull();
    expect(await s.listQuarantine()).toHaveLength(1);
    expect((await s.getIntent('u1'))?.keyPhrases[0]?.text).toBe('cats');
    s.close();
  });
});

describe('commitTurn', () => {
  test('stores the merged intent and the turns together', async () => {
    const s = await openStore({ name });
    const out = await s.commitTurn('u1', () => intentWith('u1', 'cats'), () => [turn('a', 1, 'show cats'), { ...turn('a:reply', 2, 'Here are cats.'), role: 'assistant' as const }]);
    expect(out?.keyPhrases[0]?.text).toBe('cats');
    expect((await s.listTurns('u1')).map((t) => t.text)).toEqual(['show cats', 'Here are cats.']);
    s.close();
  });

  test('an invalid turn record aborts the whole commit: no intent without its turns', async () => {
    const s = await openStore({ name });
    await expect(s.commitTurn('u1', () => intentWith('u1', 'cats'), () => [turn('a', 1), { ...turn('b', 2), role: 'robot' as never }])).rejects.toBeInstanceOf(StoreError);
    expect(await s.getIntent('u1')).toBeNull();
    expect(await s.listTurns('u1')).toEqual([]);
    s.close();
  });

  test('listTurns returns only the newest `limit` turns, in order', async () => {
    const s = await openStore({ name });
    for (let i = 0; i < 30; i++) await s.putTurn(turn(`t${i}`, i, `m${i}`));
    expect((await s.listTurns('u1', 5)).map((t) => t.text)).toEqual(['m25', 'm26', 'm27', 'm28', 'm29']);
    s.close();
  });
});

describe('turns, events, logs, vectors, settings', () => {
  test('turns list in time order per user; corrupt ones are quarantined and skipped', async () => {
    const s = await openStore({ name });
    await s.putTurn(turn('b', 2, 'second'));
    await s.putTurn(turn('a', 1, 'first'));
    await s.putTurn({ ...turn('c', 3), userId: 'u2' });
    await s.db.put('turns', { id: 'bad', userId: 'u1', createdAt: 4, role: 'robot' } as never);
    expect((await s.listTurns('u1')).map((t) => t.text)).toEqual(['first', 'second']);
    expect((await s.listQuarantine()).map((q) => q.key)).toEqual(['bad']);
    s.close();
  });

  test('invalid records are refused with a StoreError before anything is written', async () => {
    const s = await openStore({ name });
    await expect(s.putTurn({ ...turn('x', 1), text: 'x'.repeat(5000) })).rejects.toBeInstanceOf(StoreError);
    await expect(s.addEvent({ userId: 'u1', catalogId: 'c', itemId: 'i', kind: 'purchase' as never, at: 1 })).rejects.toBeInstanceOf(StoreError);
    expect(await s.listTurns('u1')).toEqual([]);
    s.close();
  });

  test('engagement events, search logs, user vectors and settings round-trip', async () => {
    const s = await openStore({ name });
    for (const kind of ['impression', 'click', 'like', 'skip', 'dwell'] as const) {
      await s.addEvent({ userId: 'u1', catalogId: 'stickers', itemId: '1F355', kind, at: Date.now(), ...(kind === 'dwell' ? { dwellMs: 1200 } : {}) });
    }
    expect((await s.listEvents('u1')).map((e) => e.kind)).toEqual(['impression', 'click', 'like', 'skip', 'dwell']);
    await s.addSearchLog({ userId: 'u1', catalogId: 'stickers', query: 'food', shown: ['1F355'], at: 1 });
    expect(await s.listSearchLogs('u1')).toHaveLength(1);
    const vector = new Float32Array([0.5, -0.25, 1]);
    await s.putUserVector({ catalogId: 'movies', userId: 'u1', dim: 3, vector, source: 'downloaded', updatedAt: 1 });
    expect(Array.from((await s.getUserVector('movies', 'u1'))!.vector)).toEqual([0.5, -0.25, 1]);
    await s.db.put('userVectors', { catalogId: 'movies', userId: 'u2', dim: 4, vector, source: 'downloaded', updatedAt: 1 });
    expect(await s.getUserVector('movies', 'u2')).toBeNull(); // dim mismatch: quarantined
    await s.putSetting('catalogId', 'movies');
    expect(await s.getSetting('catalogId', z.string())).toBe('movies');
    expect(await s.getSetting('catalogId', z.number())).toBeUndefined();
    const exported = await s.exportUser('u1');
    expect(exported).toMatchObject({ userId: 'u1', dbVersion: DB_VERSION });
    expect((exported.events as unknown[]).length).toBe(5);
    s.close();
  });
});

describe('errors and other tabs', () => {
  test('DOMExceptions map to errors a user can act on', () => {
    expect(toStoreError(new DOMException('full', 'QuotaExceededError'))).toMatchObject({ kind: 'quota', message: expect.stringMatching(/Storage is full/) });
    expect(toStoreError(new DOMException('closing', 'InvalidStateError')).kind).toBe('closed');
    expect(toStoreError(new DOMException('no', 'SecurityError')).kind).toBe('unavailable');
    expect(toStoreError(new Error('odd')).message).toContain('odd');
  });

  test('a full disk surfaces as a quota StoreError and the earlier data stays', async () => {
    const s = await openStore({ name });
    await s.putTurn(turn('a', 1, 'kept'));
    // Every write goes through one transaction helper, so the full disk is simulated where IndexedDB reports it.
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    await expect(s.putTurn(turn('b', 2))).rejects.toMatchObject({ name: 'StoreError', kind: 'quota' });
    spy.mockRestore();
    expect((await s.listTurns('u1')).map((t) => t.text)).toEqual(['kept']);
    s.close();
  });

  test('when another tab deletes or upgrades the database, this connection closes and says so', async () => {
    const onVersionChange = vi.fn();
    const s = await openStore({ name, onVersionChange });
    await deleteStore(name);
    expect(onVersionChange).toHaveBeenCalledOnce();
    await expect(s.getIntent('u1')).rejects.toMatchObject({ kind: 'closed' });
  });

  test('no IndexedDB at all gives an "unavailable" StoreError', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error simulate a browser with storage disabled
    delete globalThis.indexedDB;
    await expect(openStore({ name })).rejects.toMatchObject({ kind: 'unavailable' });
    globalThis.indexedDB = saved;
  });
});
