// Change announcements between tabs and workers of this origin. Messages carry ids and timestamps only,
// never user text: receivers read the data itself from IndexedDB.
import { z } from 'zod';

export const CHANNEL_NAME = 'private-recommender/changes/v1';

export const ChangeMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('intent-changed'), userId: z.string(), updatedAt: z.number(), origin: z.string() }),
  z.object({ type: z.literal('turns-changed'), userId: z.string(), origin: z.string() }),
  z.object({ type: z.literal('data-cleared'), origin: z.string() }),
  z.object({ type: z.literal('videos-changed'), userId: z.string(), origin: z.string() }),
]);
export type ChangeMessage = z.infer<typeof ChangeMessageSchema>;

/** A random id for this context, so a tab can tell its own announcements from others'. */
export const CONTEXT_ID = Math.random().toString(36).slice(2, 10);

export class ChangeChannel {
  private readonly channel: BroadcastChannel | null;

  constructor() {
    this.channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL_NAME);
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
