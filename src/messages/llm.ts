// The llm worker's messages: a chat turn in, the stored turns and intent out. The worker hands the
// merged intent straight to the retrieval worker (`IntentSink`, over a MessagePort) so the feed
// follows before the page even hears the reply.
import type { Intent } from '../core/intent.ts';
import type { Forgettable } from '../core/intent-forget.ts';
import type { ChatTurn } from '../store/db.ts';
import type { StatusListener, WorkerBase, WorkerConfig } from './common.ts';

export interface TurnRequest {
  userId: string;
  catalogId: string;
  turnId: string;
  text: string;
}

export interface TurnResult {
  kind: 'understood' | 'blocked-input' | 'blocked-output' | 'failed';
  reply: string;
  replyTurnId: string;
  /** The stored intent after this turn (unchanged when the turn was not used). */
  intent: Intent | null;
  intentChanged: boolean;
  engine: string;
  /** The user turn and the reply as stored, so the page need not read them back. */
  turns: ChatTurn[];
  /** Milliseconds in the worker: IndexedDB writes and reads, and the understanding DAG. */
  timings: { store: number; understand: number };
  note?: string;
}

/**
 * What the llm worker posts on the llm → retrieval port (one-way, src/messages/port.ts): the intent
 * of `userId` is now `intent` (after the chat turn `turnId`, null for an edit in the inspector).
 */
export interface IntentMessage {
  type: 'intent';
  userId: string;
  intent: Intent | null;
  turnId: string | null;
}

export interface LlmApi extends WorkerBase {
  init(listener: StatusListener, config: WorkerConfig, catalogId: string): void;
  /** The port to the retrieval worker: the llm worker posts `IntentMessage`s on it. */
  connect(port: MessagePort): void;
  handleTurn(requestId: number, req: TurnRequest): Promise<TurnResult>;
  /** Forgets the user's intent (the inspector's "clear"). */
  clearIntent(userId: string): Promise<void>;
  /** Forgets one remembered phrase, fact or place of the intent (and the expansions it brought). */
  forget(userId: string, kind: Forgettable, text: string): Promise<void>;
  /** Test hook: the next reply is this text (to exercise the output guard). */
  forceNextReply(text: string): void;
}
