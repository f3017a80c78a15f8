import { describe, expect, test } from 'vitest';
import { ChangeChannel, CHANNEL_NAME, type ChangeMessage } from '../../../src/store/channel.ts';

describe('ChangeChannel', () => {
  test('delivers valid announcements to other contexts and ignores malformed ones', async () => {
    const a = new ChangeChannel();
    const b = new ChangeChannel();
    const got: ChangeMessage[] = [];
    const unsubscribe = b.subscribe((m) => got.push(m));
    const raw = new BroadcastChannel(CHANNEL_NAME);
    raw.postMessage({ type: 'intent-changed', userId: 'u1' }); // missing fields: an older app version
    raw.postMessage('<script>alert(1)</script>');
    a.announce({ type: 'intent-changed', userId: 'u1', updatedAt: 5, origin: 'tab-a' });
    a.announce({ type: 'data-cleared', origin: 'tab-a' });
    await new Promise((r) => setTimeout(r, 50));
    expect(got).toEqual([
      { type: 'intent-changed', userId: 'u1', updatedAt: 5, origin: 'tab-a' },
      { type: 'data-cleared', origin: 'tab-a' },
    ]);
    unsubscribe();
    a.announce({ type: 'turns-changed', userId: 'u1', origin: 'tab-a' });
    await new Promise((r) => setTimeout(r, 20));
    expect(got).toHaveLength(2);
    for (const c of [a, b]) c.close();
    raw.close();
  });
});
