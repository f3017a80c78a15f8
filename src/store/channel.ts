// Change announcements between tabs and workers of this origin. Messages carry ids and timestamps only,
// never user text: receivers read the data itself from IndexedDB. The Store posts them after a write
// commits (src/store/db.ts); every message names the context (page) that wrote, so a tab and its workers
// can ignore their own announcements.
import { z } from 'zod';

// v2: turn-committed, engagement-changed and settings-changed were added; a v1 tab does not hear v2 tabs.
export const CHANNEL_NAME = 'private-recommender/changes/v2';

const origin = z.string();
export const ChangeMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('intent-changed'), userId: z.string(), updatedAt: z.number(), origin }),
  z.object({ type: z.literal('turns-changed'), userId: z.string(), origin }),
  /** One chat turn committed: its turns and (when it changed) the intent; null when the intent was not written. */
  z.object({ type: z.literal('turn-committed'), userId: z.string(), intentUpdatedAt: z.number().nullable(), origin }),
  z.object({ type: z.literal('engagement-changed'), userId: z.string(), catalogId: z.string(), origin }),
  z.object({ type: z.literal('videos-changed'), userId: z.string(), origin }),
  z.object({ type: z.literal('settings-changed'), key: z.string(), origin }),
  z.object({ type: z.literal('data-cleared'), origin }),
]);
export type ChangeMessage = z.infer<typeof ChangeMessageSchema>;

/** A message before the Store stamps it with its context id. */
export type Announcement = ChangeMessage extends infer M ? (M extends { origin: string } ? Omit<M, 'origin'> : never) : never;

/** A random id for one page (tab); the page passes it to its workers so they all share it. */
export function createContextId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** This JavaScript context's own id; kept for callers that predate page-wide context ids. */
export const CONTEXT_ID = createContextId();

export class ChangeChannel {
  private readonly channel: BroadcastChannel | null;

  constructor() {
    this.channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL_NAME);
    // Node (unit tests, tools): an open channel must not keep the process alive. Browsers have no unref.
    (this.channel as { unref?: () => void } | null)?.unref?.();
  }

  announce(message: ChangeMessage): void {
    this.channel?.postMessage(message);
  }

  /** Subscribes to valid messages; malformed ones (an older app version, a hostile page script) are ignored. */
  subscribe(listener: (m: ChangeMessage) => void): () => void {
    if (!this.channel) return () => {};
    const handler = (e: MessageEvent) => {
      const r = ChangeMessageSchema.safeParse(e.data);
      if (r.success) listener(r.data);
    };
    this.channel.addEventListener('message', handler);
    return () => this.channel?.removeEventListener('message', handler);
  }

  close(): void {
    this.channel?.close();
  }
}
