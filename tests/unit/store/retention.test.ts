// Issue 17, item 8: bounded storage. Each cap is enforced in the write that would exceed it, oldest first,
// and touches only what it caps (likes, skips and clicks are kept; other users are untouched).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, test } from 'vitest';
import {
  type ChatTurn, type EngagementEvent, IMPRESSION_PRUNE_SLACK, MAX_IMPRESSIONS_PER_USER, MAX_QUARANTINE, MAX_SEARCH_LOGS_PER_USER, MAX_TURNS_PER_USER,
  openStore, type Store, Table,
} from '../../../src/store/db.ts';

let n = 0;
let name: string;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  name = `retention-${++n}`;
});

const turn = (id: string, userId: string, createdAt: number): ChatTurn => ({ id, userId, role: 'user', text: 'hi', createdAt, status: 'ok' });
const impression = (userId: string, at: number): EngagementEvent => ({ userId, catalogId: 'movies', itemId: `i${at}`, kind: 'impression', at });

/** Writes records straight into a store in one transaction (seeding a long history quickly). */
async function seed(s: Store, store: typeof Table.turns | typeof Table.searchLogs | typeof Table.quarantine, records: unknown[]): Promise<void> {
  const tx = s.db.transaction(store, 'readwrite');
  for (const r of records) void tx.store.put(r as never);
  await tx.done;
}

test('the caps are the documented ones', () => {
  expect([MAX_IMPRESSIONS_PER_USER, MAX_TURNS_PER_USER, MAX_SEARCH_LOGS_PER_USER, MAX_QUARANTINE]).toEqual([2000, 500, 500, 200]);
});

describe('impressions', () => {
  test('a user keeps at most the last 2,000 impressions, feed after feed; likes and other users are kept', async () => {
    const s = await openStore({ name });
    await s.addEvents([{ userId: 'u1', catalogId: 'movies', itemId: 'liked', kind: 'like', at: 0 }, impression('u2', 0)]);
    let at = 1;
    let most = 0;
    for (let feed = 0; feed < 115; feed++) { // 2,300 impressions, 20 per feed
      await s.addEvents(Array.from({ length: 20 }, () => impression('u1', at++)));
      if (feed % 5 === 4) most = Math.max(most, (await s.listEvents('u1', { kinds: ['impression'] })).length);
    }
    expect(most).toBeLessThanOrEqual(MAX_IMPRESSIONS_PER_USER);
    const kept = await s.listEvents('u1', { kinds: ['impression'] });
    expect(kept.at(-1)?.at).toBe(2300); // the newest are the ones kept
    expect(kept[0]!.at).toBe(2300 - kept.length + 1); // and the oldest went first, without gaps
    expect(kept.length).toBeGreaterThanOrEqual(MAX_IMPRESSIONS_PER_USER - IMPRESSION_PRUNE_SLACK);
    expect((await s.listEvents('u1', { kinds: ['like'] })).map((e) => e.itemId)).toEqual(['liked']);
    expect(await s.listEvents('u2')).toHaveLength(1);
    s.close();
  });

  test('a new tab counts before it trusts anything: a history already over the cap is pruned on its first impression', async () => {
    const first = await openStore({ name });
    await first.addEvents(Array.from({ length: MAX_IMPRESSIONS_PER_USER }, (_, i) => impression('u1', i)));
    first.close();
    const s = await openStore({ name });
    await s.addEvent(impression('u1', 1e6));
    expect(await s.listEvents('u1')).toHaveLength(MAX_IMPRESSIONS_PER_USER - IMPRESSION_PRUNE_SLACK);
    s.close();
  });
});

test('turns: the last 500 per user are kept, the older pruned when a turn is committed', async () => {
  const s = await openStore({ name });
  await seed(s, Table.turns, [...Array.from({ length: 505 }, (_, i) => turn(`t${i}`, 'u1', i)), turn('other', 'u2', 0)]);
  await s.commitTurn('u1', () => null, () => [turn('new', 'u1', 1000), { ...turn('new:reply', 'u1', 1001), role: 'assistant' }]);
  const kept = await s.listTurns('u1', Infinity);
  expect(kept).toHaveLength(MAX_TURNS_PER_USER);
  expect(kept[0]!.id).toBe('t7');
  expect(kept.slice(-2).map((t) => t.id)).toEqual(['new', 'new:reply']);
  expect(await s.listTurns('u2')).toHaveLength(1);
  s.close();
});

test('search logs: the last 500 per user are kept', async () => {
  const s = await openStore({ name });
  await seed(s, Table.searchLogs, Array.from({ length: MAX_SEARCH_LOGS_PER_USER }, (_, i) => ({ userId: 'u1', catalogId: 'c', query: `q${i}`, shown: [], at: i })));
  await s.addSearchLog({ userId: 'u1', catalogId: 'c', query: 'newest', shown: [], at: 5000 });
  const logs = await s.listSearchLogs('u1');
  expect(logs).toHaveLength(MAX_SEARCH_LOGS_PER_USER);
  expect([logs[0]!.query, logs.at(-1)!.query]).toEqual(['q1', 'newest']);
  s.close();
});

test('quarantine: the last 200 records are kept', async () => {
  const s = await openStore({ name });
  await seed(s, Table.quarantine, Array.from({ length: MAX_QUARANTINE }, (_, i) => ({ store: 'turns', key: `old${i}`, value: null, problem: 'x', at: i })));
  await s.db.put(Table.intents, { userId: 'u1', garbage: true } as never);
  expect(await s.getIntent('u1')).toBeNull(); // quarantined
  const q = await s.listQuarantine();
  expect(q).toHaveLength(MAX_QUARANTINE);
  expect([q[0]!.key, q.at(-1)!.key]).toEqual(['old1', 'u1']);
  s.close();
});
