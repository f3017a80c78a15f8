// Issue 17's store failures, each as the user would meet it: a database from a newer app version (4), a
// corrupt settings.userId (5), a corrupt user vector (7) and a corrupt search log in the export (9).
// Storage caps (8) are in retention.test.ts.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, test } from 'vitest';
import { emptyIntent, type Intent } from '../../../src/core/intent.ts';
import { mergeIntent } from '../../../src/core/intent-merge.ts';
import { toJsonl } from '../../../src/core/preference/clicklog.ts';
import { type ChatTurn, DB_VERSION, openStore, Table } from '../../../src/store/db.ts';

let n = 0;
let name: string;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  name = `issue17-${++n}`;
});

function intentWith(userId: string, phrase: string, now: number): Intent {
  const r = mergeIntent(emptyIntent(userId, 0), {
    keyPhrases: [{ text: phrase, weight: 1 }], likes: [], dislikes: [], task: 'more_like', language: 'en',
    safety: { verdict: 'safe', categories: [] },
  }, 't1', now);
  if (!r.accepted) throw new Error(r.reason);
  return r.intent;
}
const turn = (id: string, userId: string, createdAt: number): ChatTurn => ({ id, userId, role: 'user', text: 'hi', createdAt, status: 'ok' });

/** A user whose database a newer app version has upgraded (it added a store of its own). */
async function writtenByNewerVersion(): Promise<void> {
  const s = await openStore({ name });
  await s.commitTurn('u1', () => intentWith('u1', 'cats', 5), () => [turn('a', 'u1', 1)]);
  await s.putSetting('userId', 'u1');
  s.close();
  const newer = await openDB(name, DB_VERSION + 1, { upgrade: (db) => void db.createObjectStore('somethingNew') });
  await newer.put('turns', { id: 'b', userId: 'u1', createdAt: 2, role: 'user', text: 'hi', status: 'ok', mood: 'a field this version does not know' });
  await newer.put('turns', { id: 'c', userId: 'u1', createdAt: 3, role: 'narrator', text: 'a role this version does not know', status: 'ok' });
  newer.close();
}

describe('4. a database left by a newer app version', () => {
  test('openStore says so with a "newer-version" StoreError instead of a dead page', async () => {
    await writtenByNewerVersion();
    await expect(openStore({ name })).rejects.toMatchObject({
      name: 'StoreError', kind: 'newer-version', message: 'This data was written by a newer version of the app; reload to get it, or open read-only.',
    });
  });

  test('allowNewer opens it read-only: the feed and chat history can be shown, every write is refused, nothing is quarantined', async () => {
    await writtenByNewerVersion();
    const s = await openStore({ name, allowNewer: true });
    expect(s.readOnly).toBe(true);
    expect(s.db.version).toBe(DB_VERSION + 1);
    expect((await s.getIntent('u1'))?.keyPhrases[0]?.text).toBe('cats');
    expect((await s.listTurns('u1')).map((t) => t.id)).toEqual(['a', 'b']); // 'c' is skipped, not moved
    expect(await s.recoverUserId()).toEqual({ userId: 'u1', recovered: false });
    const refused = { name: 'StoreError', kind: 'newer-version' };
    await expect(s.putTurn(turn('d', 'u1', 4))).rejects.toMatchObject(refused);
    await expect(s.commitTurn('u1', () => intentWith('u1', 'dogs', 6), () => [])).rejects.toMatchObject(refused);
    await expect(s.addEvent({ userId: 'u1', catalogId: 'c', itemId: 'i', kind: 'like', at: 1 })).rejects.toMatchObject(refused);
    await expect(s.putSetting('catalogId', 'x')).rejects.toMatchObject(refused);
    expect(await s.listQuarantine()).toEqual([]);
    expect(await s.db.get(Table.turns, 'c')).toMatchObject({ role: 'narrator' }); // left for the newer app
    s.close();
  });

  test('allowNewer on a database of this version opens it normally, read-write', async () => {
    const s = await openStore({ name, allowNewer: true });
    expect(s.readOnly).toBe(false);
    await s.putTurn(turn('a', 'u1', 1));
    s.close();
  });
});

describe('5. a corrupt settings.userId', () => {
  test('is repaired from the newest intent or turn, the corrupt value quarantined; the old data stays reachable and exported', async () => {
    const s = await openStore({ name });
    await s.commitTurn('local-old', () => intentWith('local-old', 'cats', 100), () => [turn('a', 'local-old', 90)]);
    await s.putTurn(turn('b', 'local-older', 50));
    await s.putSetting('userId', { corrupted: true });
    expect(await s.recoverUserId()).toEqual({ userId: 'local-old', recovered: true, quarantined: { corrupted: true } });
    expect(await s.db.get(Table.settings, 'userId')).toBe('local-old');
    expect((await s.listQuarantine()).map((q) => [q.store, q.key, q.value])).toEqual([['settings', 'userId', { corrupted: true }]]);
    expect(await s.recoverUserId()).toEqual({ userId: 'local-old', recovered: false }); // repaired once
    const exported = await s.exportUser('local-old');
    expect((exported.turns as ChatTurn[]).map((t) => t.id)).toEqual(['a']);
    expect((exported.intent as Intent).keyPhrases[0]?.text).toBe('cats');
    s.close();
  });

  test('the newest record wins: a turn newer than any intent names the user', async () => {
    const s = await openStore({ name });
    await s.updateIntent('local-a', () => intentWith('local-a', 'cats', 10));
    await s.putTurn(turn('t', 'local-b', 20));
    await s.putSetting('userId', '');
    expect(await s.recoverUserId()).toEqual({ userId: 'local-b', recovered: true, quarantined: '' });
    s.close();
  });

  test('with no data a new local-<uuid> identity is made, once, even by two tabs starting together', async () => {
    const a = await openStore({ name });
    const b = await openStore({ name });
    const [ra, rb] = await Promise.all([a.recoverUserId(), b.recoverUserId()]);
    expect(ra.userId).toMatch(/^local-[0-9a-f-]{36}$/);
    expect(rb.userId).toBe(ra.userId);
    expect(ra).toEqual({ userId: ra.userId, recovered: false }); // first start: nothing quarantined
    expect(await a.listQuarantine()).toEqual([]);
    a.close();
    b.close();
  });

  test('a corrupt value with no data to repair from is still quarantined, and a new identity made', async () => {
    const s = await openStore({ name });
    await s.putSetting('userId', 'x'.repeat(5000));
    const r = await s.recoverUserId();
    expect(r).toMatchObject({ userId: expect.stringMatching(/^local-/), recovered: false, quarantined: 'x'.repeat(5000) });
    expect(await s.listQuarantine()).toHaveLength(1);
    s.close();
  });
});

describe('7. a corrupt user vector', () => {
  test('is quarantined once and deleted from userVectors in the same transaction, not on every load', async () => {
    const s = await openStore({ name });
    await s.db.put(Table.userVectors, { catalogId: 'movies', userId: 'u1', dim: 4, vector: new Float32Array(3), source: 'downloaded', updatedAt: 1 });
    expect(await s.getUserVector('movies', 'u1')).toBeNull();
    expect(await s.getUserVector('movies', 'u1')).toBeNull();
    const q = await s.listQuarantine();
    expect(q.map((r) => [r.store, r.key, r.problem])).toEqual([['userVectors', 'movies/u1', 'vector length 3 is not dim 4']]);
    expect(await s.db.get(Table.userVectors, ['movies', 'u1'])).toBeUndefined();
    s.close();
  });
});

describe('9. exporting the search log', () => {
  const corrupt = { userId: 'u1', catalogId: 'stickers', query: 'cats', shown: '1F431', at: 1 };

  test('why a string came out split into characters: the click-log export spreads `shown`', () => {
    expect(toJsonl([corrupt as never])).toContain('"shown":["1","F","4","3","1"]');
  });

  test('listSearchLogs returns only records that pass the schema; a corrupt one is quarantined, not exported', async () => {
    const s = await openStore({ name });
    await s.db.add(Table.searchLogs, corrupt as never);
    const ok = await s.addSearchLog({ userId: 'u1', catalogId: 'stickers', query: 'dogs', shown: ['1F415'], at: 2 });
    await s.setSearchClick(1, '1F4'); // a substring of the corrupt "shown": not a click
    const logs = await s.listSearchLogs('u1');
    expect(logs.map((l) => l.id)).toEqual([ok]);
    expect(toJsonl(logs)).toBe('{"query":"dogs","catalogId":"stickers","shown":["1F415"],"clicked":null,"at":2}\n');
    expect((await s.listQuarantine()).map((q) => [q.store, q.key, q.value])).toEqual([['searchLogs', '1', { ...corrupt, id: 1 }]]);
    expect(await s.db.get(Table.searchLogs, 1)).toBeUndefined();
    s.close();
  });
});
