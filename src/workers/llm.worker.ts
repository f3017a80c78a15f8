// The understanding path: a chat turn in; turns, intent and announcements out. Thin: the logic is in
// core/understand.ts (the DAG) and core/intent.ts (validation and merge).
import * as Comlink from 'comlink';
import { createBasicEngine } from '../core/basic-engine.ts';
import { emptyIntent, type Intent, mergeIntent } from '../core/intent.ts';
import type { StatusListener, WorkerStatus } from '../core/status.ts';
import { understandTurn, type UnderstandingEngine } from '../core/understand.ts';
import { ChangeChannel, CONTEXT_ID } from '../store/channel.ts';
import { openStore, type Store } from '../store/db.ts';
import { cancel, crashSoon, withRequest } from './requests.ts';

let onStatus: StatusListener | null = null;
let storePromise: Promise<Store> | null = null;
let engine: UnderstandingEngine | null = null;
const channel = new ChangeChannel();

function report(s: Omit<WorkerStatus, 'worker'>): void {
  onStatus?.({ worker: 'llm', ...s });
}

function getStore(): Promise<Store> {
  storePromise ??= openStore({ onVersionChange: () => (storePromise = null) });
  return storePromise;
}

function getEngine(): UnderstandingEngine {
  if (!engine) {
    engine = createBasicEngine();
    report({ state: 'ready', engine: engine.name, device: 'js', detail: 'Understanding runs on this device; no WebGPU model is loaded.' });
  }
  return engine;
}

export interface TurnRequest {
  userId: string;
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
  note?: string;
}

const MAX_MESSAGE_CHARS = 4000;

const api = {
  init(listener: StatusListener): void {
    onStatus = listener;
    getEngine();
  },

  async handleTurn(requestId: number, req: TurnRequest): Promise<TurnResult> {
    return withRequest(requestId, async (signal) => {
      const store = await getStore();
      const text = req.text.slice(0, MAX_MESSAGE_CHARS);
      const createdAt = Date.now();
      await store.putTurn({ id: req.turnId, userId: req.userId, role: 'user', text, createdAt, status: 'pending' });
      channel.announce({ type: 'turns-changed', userId: req.userId, origin: CONTEXT_ID });
      const eng = getEngine();
      const previous = await store.getIntent(req.userId);
      let outcome;
      try {
        outcome = await understandTurn(text, { engine: eng, previous, turnId: req.turnId, signal });
      } catch (err) {
        const superseded = signal.aborted;
        await store.putTurn({
          id: req.turnId, userId: req.userId, role: 'user', text, createdAt,
          status: superseded ? 'superseded' : 'failed', note: superseded ? 'A newer message replaced this one.' : String(err), engine: eng.name,
        });
        throw err;
      }
      let intent = previous;
      let intentChanged = false;
      let note: string | undefined;
      if (outcome.kind === 'understood') {
        let rejection: string | undefined;
        intent = await store.updateIntent(req.userId, (prev) => {
          const merged = mergeIntent(prev ?? emptyIntent(req.userId, createdAt), outcome.extraction, req.turnId, Date.now());
          if (!merged.accepted) rejection = merged.reason;
          intentChanged = merged.accepted && merged.intent !== prev && (prev !== null || merged.intent.turn > 0);
          return intentChanged ? merged.intent : null;
        });
        note = rejection;
      } else if (outcome.kind === 'blocked-input') {
        note = `Blocked by the safety check (${outcome.categories.join(', ') || 'unsafe'}); not used for recommendations.`;
      } else if (outcome.kind === 'failed') {
        note = `Not understood: ${outcome.error}`;
      }
      const status = outcome.kind === 'understood' ? 'ok' : outcome.kind === 'failed' ? 'failed' : 'blocked';
      await store.putTurn({
        id: req.turnId, userId: req.userId, role: 'user', text, createdAt, status: outcome.kind === 'blocked-output' ? 'ok' : status,
        engine: outcome.engine, ...(note ? { note } : {}), ...('extraction' in outcome ? { task: outcome.extraction.task } : {}),
      });
      const replyTurnId = `${req.turnId}:reply`;
      await store.putTurn({
        id: replyTurnId, userId: req.userId, role: 'assistant', text: outcome.reply, createdAt: Math.max(Date.now(), createdAt + 1),
        status: outcome.kind === 'blocked-output' ? 'blocked' : 'ok', replyTo: req.turnId, engine: outcome.engine,
      });
      if (intentChanged && intent) {
        channel.announce({ type: 'intent-changed', userId: req.userId, updatedAt: intent.updatedAt, origin: CONTEXT_ID });
      }
      channel.announce({ type: 'turns-changed', userId: req.userId, origin: CONTEXT_ID });
      return { kind: outcome.kind, reply: outcome.reply, replyTurnId, intent, intentChanged, engine: outcome.engine, ...(note ? { note } : {}) };
    });
  },

  cancel,

  crash(reason: string): void {
    crashSoon(reason);
  },
};

export type LlmApi = typeof api;
Comlink.expose(api);
