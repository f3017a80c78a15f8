// The understanding path: a chat turn in; turns, intent and announcements out. Thin: the logic is in
// core/understand.ts (the DAG) and core/intent.ts (validation and merge).
import { wasmMemoryReport } from './memory-probe.ts'; // first: it wraps WebAssembly before anything instantiates
import * as Comlink from 'comlink';
import { LOCAL_VIDEOS_ID } from '../core/catalog.ts';
import { createCompactEngine } from '../core/extract/engine.ts';
import { emptyIntent, type Intent, mergeIntent } from '../core/intent.ts';
import type { StatusListener, WorkerStatus } from '../core/status.ts';
import { blockedReply, createSafetyGuard, type SafetyGuard } from '../core/safety/guard.ts';
import { createLexiconGuard } from '../core/safety/lexicon.ts';
import { createModelGuard } from '../core/safety/model.ts';
import { type TextGuard, understandTurn, type UnderstandingEngine } from '../core/understand.ts';
import { ChangeChannel, CONTEXT_ID } from '../store/channel.ts';
import { type ChatTurn, openStore, type Store } from '../store/db.ts';
import type { LlmEngine } from '../core/llm/engine.ts';
import { loadLlm } from './llm-loader.ts';
import { CatalogSource, fetchJson } from './catalog-source.ts';
import { cancel, crashSoon, withRequest } from './requests.ts';

let onStatus: StatusListener | null = null;
let storePromise: Promise<Store> | null = null;
let catalogs: CatalogSource | null = null;
/** The compact engine per catalog: its gazetteer is built from that catalog's vocabulary. */
const compactEngines = new Map<string, Promise<UnderstandingEngine>>();
/** The web-llm engine once loaded; until then (or without WebGPU) the compact engine answers. */
let llm: LlmEngine | null = null;
let llmStarted = false;
const channel = new ChangeChannel();

function report(s: Omit<WorkerStatus, 'worker'>): void {
  onStatus?.({ worker: 'llm', ...s });
}

function getStore(): Promise<Store> {
  storePromise ??= openStore({ onVersionChange: () => (storePromise = null) });
  return storePromise;
}

const ITEM_NOUNS: Record<string, { en: string; ko: string }> = {
  stickers: { en: 'stickers', ko: '스티커' },
  movies: { en: 'movies', ko: '영화' },
  videos: { en: 'videos', ko: '영상' },
  products: { en: 'products', ko: '상품' },
};

/**
 * The catalog whose vocabulary the compact engine reads. The user's own videos have no words (file
 * names), so their requests are read with the sticker vocabulary: the things the CLIP model was
 * trained to see.
 */
function vocabularyOf(catalogId: string): string {
  return catalogId === LOCAL_VIDEOS_ID ? 'stickers' : catalogId;
}

function compactFor(requested: string): Promise<UnderstandingEngine> {
  const catalogId = vocabularyOf(requested);
  let p = compactEngines.get(catalogId);
  if (!p) {
    if (!catalogs) throw new Error('llm worker used before init');
    const src = catalogs;
    p = (async () => {
      if (!llm) report({ state: 'loading', engine: 'compact', device: 'js', detail: 'Preparing the compact engine for this catalog' });
      const [{ manifest, items }, taskModel, places] = await Promise.all([
        src.load(catalogId),
        fetchJson(new URL('compact-engine/task-classifier.json', src.modelsBase), 'task classifier'),
        fetchJson(new URL('compact-engine/places.json', src.modelsBase), 'place list'),
      ]);
      const engine = createCompactEngine({
        items, categoryLabels: manifest.categoryLabels, taskModel, places,
        itemNoun: ITEM_NOUNS[manifest.kind] ?? { en: 'picks', ko: '항목' },
      });
      if (!llm) report({ state: 'ready', engine: engine.name, device: 'js', detail: llmDetail });
      return engine;
    })();
    p.catch(() => compactEngines.delete(catalogId));
    compactEngines.set(catalogId, p);
  }
  return p;
}

let llmDetail = 'Understanding runs on this device.';

/** The last intent this worker stored or read per user. Another tab's write announces itself and clears it. */
const knownIntents = new Map<string, Intent | null>();
channel.subscribe((m) => {
  if (m.origin === CONTEXT_ID) return;
  if (m.type === 'intent-changed') knownIntents.delete(m.userId);
  if (m.type === 'data-cleared') knownIntents.clear();
});

/** The lexicon + model guard, always on; the LLM guard joins when the LLM is up. */
let safetyPromise: Promise<SafetyGuard> | null = null;
function safetyGuard(): Promise<SafetyGuard> {
  if (!catalogs) throw new Error('llm worker used before init');
  const base = catalogs.modelsBase;
  safetyPromise ??= Promise.all([
    fetchJson(new URL('safety/lexicon.json', base), 'safety lexicon'),
    fetchJson(new URL('safety/model.json', base), 'safety model'),
  ]).then(([lexicon, model]) => createSafetyGuard({ lexicon: createLexiconGuard(lexicon), model: createModelGuard(model) }));
  safetyPromise.catch(() => (safetyPromise = null));
  return safetyPromise;
}

/** Input guard: lexicon and model first (fast, always); the LLM's classification only for what they pass. */
const inputGuard: TextGuard = {
  async check(text, signal) {
    const first = (await safetyGuard()).check(text, signal);
    if (first.verdict === 'unsafe' || !llm) return first;
    return llm.guard.check(text, signal);
  },
};
const outputGuard: TextGuard = {
  async check(text, signal) {
    return (await safetyGuard()).check(text, signal);
  },
};

/** Test hook (like crash): the next reply is this text, so the output guard can be exercised. */
let forcedReply: string | null = null;

async function engineFor(catalogId: string): Promise<UnderstandingEngine> {
  return llm ?? compactFor(catalogId);
}

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

const MAX_MESSAGE_CHARS = 4000;

const api = {
  /** Linear memory of the WebAssembly modules this worker runs (see memory-probe.ts). */
  memory: wasmMemoryReport,
  init(listener: StatusListener, modelsBaseUrl: string, catalogId: string): void {
    onStatus = listener;
    catalogs = new CatalogSource(new URL(modelsBaseUrl));
    report({ state: 'loading', engine: 'compact', device: 'js', detail: 'Checking for a language model' });
    void safetyGuard().catch((err: unknown) =>
      report({ state: 'error', engine: 'compact', device: 'js', detail: `The safety check could not load, so messages are refused: ${err instanceof Error ? err.message : String(err)}` }),
    );
    void compactFor(catalogId).catch((err: unknown) =>
      report({ state: 'error', engine: 'compact', device: 'js', detail: err instanceof Error ? err.message : String(err) }),
    );
    if (!llmStarted) {
      llmStarted = true;
      // In the background: the compact engine serves every turn until (unless) the LLM is ready.
      void loadLlm(new URL(modelsBaseUrl), (progress) =>
        report({ state: 'loading', engine: 'compact', device: 'js', progress, detail: 'Loading the language model; the compact engine answers meanwhile.' }),
      ).then((r) => {
        if (r.ok) {
          llm = r.engine;
          report({ state: 'ready', engine: r.engine.name, device: 'webgpu' });
        } else {
          llmDetail = `Compact engine: ${r.reason}`;
          report({ state: 'ready', engine: 'compact', device: 'js', detail: llmDetail });
        }
      });
    }
  },

  /**
   * One chat turn. `onIntent`, when given, hears the merged intent as soon as it is known, before it
   * is durably stored, so the feed can follow at once; the returned result carries the stored one
   * (which differs only if another tab changed the intent in the meantime).
   */
  async handleTurn(requestId: number, req: TurnRequest, onIntent?: (intent: Intent) => void): Promise<TurnResult> {
    return withRequest(requestId, async (signal) => {
      const t0 = performance.now();
      const store = await getStore();
      const text = req.text.slice(0, MAX_MESSAGE_CHARS);
      const createdAt = Date.now();
      // The message is stored first (nothing typed is lost); the understanding does not wait for the
      // disk when this worker already knows the user's intent from the previous turn.
      const begin = store.beginTurn({ id: req.turnId, userId: req.userId, role: 'user', text, createdAt, status: 'pending' });
      begin.then(() => channel.announce({ type: 'turns-changed', userId: req.userId, origin: CONTEXT_ID }), () => {});
      const previous = knownIntents.has(req.userId) ? knownIntents.get(req.userId)! : await begin;
      let eng = await engineFor(req.catalogId);
      if (forcedReply !== null) {
        const text = forcedReply;
        forcedReply = null;
        eng = { ...eng, name: eng.name, extract: eng.extract.bind(eng), blockedReply: eng.blockedReply.bind(eng), reply: () => text };
      }
      const t1 = performance.now();
      let outcome;
      try {
        outcome = await understandTurn(text, {
          engine: eng, previous, turnId: req.turnId, signal, inputGuard, outputGuard, refusal: blockedReply,
        });
      } catch (err) {
        const superseded = signal.aborted;
        await store.putTurn({
          id: req.turnId, userId: req.userId, role: 'user', text, createdAt,
          status: superseded ? 'superseded' : 'failed', note: superseded ? 'A newer message replaced this one.' : String(err), engine: eng.name,
        });
        throw err;
      }
      const t2 = performance.now();
      if (onIntent && (outcome.kind === 'understood' || outcome.kind === 'blocked-output')) {
        const early = mergeIntent(previous ?? emptyIntent(req.userId, createdAt), outcome.extraction, req.turnId, Date.now());
        if (early.accepted && early.intent !== previous) onIntent(early.intent);
      }
      await begin;
      let intentChanged = false;
      let note: string | undefined;
      let stored: ChatTurn[] = [];
      if (outcome.kind === 'blocked-input') {
        note = `Blocked by the safety check (${outcome.categories.join(', ') || 'unsafe'}); not used for recommendations.`;
      } else if (outcome.kind === 'failed') {
        note = `Not understood: ${outcome.error}`;
      }
      const replyTurnId = `${req.turnId}:reply`;
      const status = outcome.kind === 'understood' || outcome.kind === 'blocked-output' ? 'ok' : outcome.kind === 'failed' ? 'failed' : 'blocked';
      // One transaction: the merged intent and both turns are stored together or not at all.
      const intent = await store.commitTurn(
        req.userId,
        (prev) => {
          // A blocked reply does not make the (safe) request unusable: the intent still follows it.
          if (outcome.kind !== 'understood' && outcome.kind !== 'blocked-output') return null;
          const merged = mergeIntent(prev ?? emptyIntent(req.userId, createdAt), outcome.extraction, req.turnId, Date.now());
          if (!merged.accepted) note = merged.reason;
          intentChanged = merged.accepted && merged.intent !== prev && (prev !== null || merged.intent.turn > 0);
          return intentChanged ? merged.intent : null;
        },
        () => (stored = [
          {
            id: req.turnId, userId: req.userId, role: 'user', text, createdAt, status,
            engine: outcome.engine, ...(note ? { note } : {}), ...('extraction' in outcome ? { task: outcome.extraction.task } : {}),
          },
          {
            id: replyTurnId, userId: req.userId, role: 'assistant', text: outcome.reply, createdAt: Math.max(Date.now(), createdAt + 1),
            status: outcome.kind === 'blocked-output' ? 'blocked' : 'ok', replyTo: req.turnId, engine: outcome.engine,
          },
        ]),
      );
      knownIntents.set(req.userId, intent);
      const timings = { store: t1 - t0 + (performance.now() - t2), understand: t2 - t1 };
      if (intentChanged && intent) {
        channel.announce({ type: 'intent-changed', userId: req.userId, updatedAt: intent.updatedAt, origin: CONTEXT_ID });
      }
      channel.announce({ type: 'turns-changed', userId: req.userId, origin: CONTEXT_ID });
      return { kind: outcome.kind, reply: outcome.reply, replyTurnId, intent, intentChanged, engine: outcome.engine, turns: stored, timings, ...(note ? { note } : {}) };
    });
  },

  cancel,

  forceNextReply(text: string): void {
    forcedReply = text;
  },

  crash(reason: string): void {
    crashSoon(reason);
  },
};

export type LlmApi = typeof api;
Comlink.expose(api);
