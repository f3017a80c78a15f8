// The understanding path: a chat turn in; turns, intent and announcements out. Thin: the logic is in
// core/understand.ts (the DAG) and core/intent.ts (validation and merge).
import { wasmMemoryReport } from './memory-probe.ts'; // first: it wraps WebAssembly before anything instantiates
import '../core/zod-config.ts'; // before any zod schema is built: no `new Function` probe under the CSP
import * as Comlink from 'comlink';
import { LOCAL_VIDEOS_ID } from '../core/catalog.ts';
import { type CompactEngine, createCompactEngine } from '../core/extract/engine.ts';
import { emptyIntent, type Intent } from '../core/intent.ts';
import { mergeIntent } from '../core/intent-merge.ts';
import { type Forgettable, forgetInIntent } from '../core/intent-forget.ts';
import type { WorkerStatus } from '../core/status.ts';
import type { StatusListener, WorkerConfig } from '../messages/common.ts';
import type { IntentMessage, LlmApi, TurnRequest, TurnResult } from '../messages/llm.ts';
import { type Push, pushTo } from '../messages/port.ts';
import { blockedReply, createSafetyGuard, type SafetyGuard } from '../core/safety/guard.ts';
import { createLexiconGuard } from '../core/safety/lexicon.ts';
import { createModelGuard } from '../core/safety/model.ts';
import { type TextGuard, understandTurn, type UnderstandingEngine } from '../core/understand.ts';
import type { ChatTurn, Store } from '../store/db.ts';
import { StoreConnection } from './store-connection.ts';
import type { LlmEngine } from '../core/llm/engine.ts';
import { loadLlm } from './llm-loader.ts';
import { informationNode } from '../core/extract/information.ts';
import { type KnowledgeBase, parseKnowledge } from '../core/knowledge/format.ts';
import { prepareMatching } from '../core/knowledge/match.ts';
import { expandPhrase, refinementReaders } from '../core/knowledge/expand.ts';
import { findPlaces } from '../core/knowledge/places.ts';
import { assertSameOriginUrl } from '../core/same-origin.ts';
import { CatalogSource, fetchJson } from './catalog-source.ts';
import { cancel, crashSoon, withRequest } from './requests.ts';

let onStatus: StatusListener | null = null;
let catalogs: CatalogSource | null = null;
/** The compact engine per catalog: its gazetteer is built from that catalog's vocabulary. */
const compactEngines = new Map<string, Promise<CompactEngine>>();
/** The web-llm engine once loaded; until then (or without WebGPU) the compact engine answers. */
let llm: LlmEngine | null = null;
let llmStarted = false;
let config: WorkerConfig | null = null;
/** The retrieval worker, told each new intent directly (the page hands out the port). */
let postIntent: Push<IntentMessage> | null = null;
const tellIntent = (userId: string, intent: Intent | null, turnId: string | null): void => postIntent?.({ type: 'intent', userId, intent, turnId });

function report(s: Omit<WorkerStatus, 'worker'>): void {
  onStatus?.({ worker: 'llm', ...s });
}

let storeConnection: StoreConnection | null = null;
let subscribed: Store | null = null;

async function getStore(): Promise<Store> {
  if (!config) throw new Error('llm worker used before init');
  storeConnection ??= new StoreConnection(config.contextId);
  const store = await storeConnection.get();
  if (subscribed !== store) {
    subscribed = store;
    // Another tab's write makes what this worker remembers stale (this tab's own are not delivered).
    store.subscribe((m) => {
      if (m.type === 'intent-changed' || m.type === 'turn-committed') knownIntents.delete(m.userId);
      if (m.type === 'data-cleared') knownIntents.clear();
    });
  }
  return store;
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

function compactFor(requested: string): Promise<CompactEngine> {
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

/**
 * The knowledge layer (WordNet, CLDR, tzdata; public/models/knowledge/): loaded once in the background
 * at start-up. A turn waits for it at most KNOWLEDGE_WAIT_MS; until it is in, turns are read without it.
 */
let knowledgePromise: Promise<KnowledgeBase | null> | null = null;
let knowledge: KnowledgeBase | null = null;
/** Longer than the parse takes once the file is cached (bench/RESULTS-knowledge.md), short enough for a first turn. */
const KNOWLEDGE_WAIT_MS = 300;
function loadKnowledge(): Promise<KnowledgeBase | null> {
  if (!catalogs) throw new Error('llm worker used before init');
  knowledgePromise ??= fetchJson(new URL('knowledge/knowledge.json', catalogs.modelsBase), 'knowledge layer')
    .then((json) => {
      const kb = parseKnowledge(json);
      prepareMatching(kb);
      return (knowledge = kb);
    })
    .catch((err: unknown) => {
      report({ state: 'ready', engine: llm?.name ?? 'compact', device: llm ? 'webgpu' : 'js', detail: `World knowledge unavailable (${err instanceof Error ? err.message : String(err)}); messages are read by their words only.` });
      return null;
    });
  return knowledgePromise;
}
async function knowledgeWithin(ms: number): Promise<KnowledgeBase | null> {
  if (knowledge) return knowledge;
  return Promise.race([loadKnowledge(), new Promise<null>((r) => setTimeout(() => r(null), ms))]);
}

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

const MAX_MESSAGE_CHARS = 4000;

const api: LlmApi = {
  /** Linear memory of the WebAssembly modules this worker runs (see memory-probe.ts). */
  memory: wasmMemoryReport,
  init(listener: StatusListener, cfg: WorkerConfig, catalogId: string): void {
    onStatus = listener;
    config = cfg;
    // Files come from this site only: a foreign base URL is refused before anything is fetched.
    const modelsBaseUrl = assertSameOriginUrl(cfg.modelsBaseUrl, self.location.href).href;
    catalogs = new CatalogSource(new URL(modelsBaseUrl));
    report({ state: 'loading', engine: 'compact', device: 'js', detail: 'Checking for a language model' });
    void safetyGuard().catch((err: unknown) =>
      report({ state: 'error', engine: 'compact', device: 'js', detail: `The safety check could not load, so messages are refused: ${err instanceof Error ? err.message : String(err)}` }),
    );
    void loadKnowledge();
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

  connect(port: MessagePort): void {
    postIntent = pushTo<IntentMessage>(port);
  },

  /**
   * One chat turn. The retrieval worker hears the merged intent as soon as it is known, before it is
   * durably stored, so the feed follows at once; the result carries the stored intent (which differs
   * only if another tab changed it in the meantime, and then the retrieval worker is told again).
   */
  async handleTurn(requestId: number, req: TurnRequest): Promise<TurnResult> {
    return withRequest(requestId, async (signal) => {
      const t0 = performance.now();
      const store = await getStore();
      const text = req.text.slice(0, MAX_MESSAGE_CHARS);
      const createdAt = Date.now();
      // The message is stored first (nothing typed is lost); the understanding does not wait for the
      // disk when this worker already knows the user's intent from the previous turn.
      const begin = store.beginTurn({ id: req.turnId, userId: req.userId, role: 'user', text, createdAt, status: 'pending' });
      const previous = knownIntents.has(req.userId) ? knownIntents.get(req.userId)! : await begin;
      let eng = await engineFor(req.catalogId);
      if (forcedReply !== null) {
        const text = forcedReply;
        forcedReply = null;
        eng = { ...eng, name: eng.name, extract: eng.extract.bind(eng), blockedReply: eng.blockedReply.bind(eng), reply: () => text };
      }
      const t1 = performance.now();
      let outcome;
      // The knowledge layer: what the message implies (waits briefly for the file on a first turn).
      const kb = await knowledgeWithin(KNOWLEDGE_WAIT_MS);
      const places = kb ? findPlaces(kb, text) : [];
      const context = kb ? { expansions: expandPhrase(kb, text, 'unknown', 8).map((e) => ({ text: e.text, reason: e.reason })), places: places.map((p) => ({ text: p.text, country: p.country.en })), ...refinementReaders(kb) } : undefined;
      // The catalog's words (the compact engine is the floor, and knows which items carry a phrase).
      const compact = await compactFor(req.catalogId);
      try {
        outcome = await understandTurn(text, {
          engine: eng, previous, turnId: req.turnId, signal, inputGuard, outputGuard, refusal: blockedReply,
          // The information node: places, dates, occasions, people, knowledge expansions and undo.
          enrich: (extraction) => ({ ...extraction, ...informationNode({ text, extraction, previous, kb, catalogItems: (phrase) => compact.gazetteer.itemIdsOf(phrase) }) }),
          ...(context ? { context } : {}),
          ...(llm ? { fallback: compact } : {}),
          catalogItems: (phrase) => compact.gazetteer.itemIdsOf(phrase),
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
      // One clock for the turn: the early intent and the stored one are equal unless another tab wrote between.
      const mergedAt = Date.now();
      let early: Intent | null = null;
      if (outcome.kind === 'understood' || outcome.kind === 'blocked-output') {
        const merged = mergeIntent(previous ?? emptyIntent(req.userId, createdAt), outcome.extraction, req.turnId, mergedAt);
        if (merged.accepted && merged.intent !== previous) {
          early = merged.intent;
          tellIntent(req.userId, early, req.turnId);
        }
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
          const merged = mergeIntent(prev ?? emptyIntent(req.userId, createdAt), outcome.extraction, req.turnId, mergedAt);
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
      // Another tab changed the intent between the early merge and the commit: the feed follows the stored one.
      if (intentChanged && intent && JSON.stringify(intent) !== JSON.stringify(early)) tellIntent(req.userId, intent, req.turnId);
      return { kind: outcome.kind, reply: outcome.reply, replyTurnId, intent, intentChanged, engine: outcome.engine, turns: stored, timings, ...(note ? { note } : {}) };
    });
  },

  /** Forgets the user's intent (the inspector's "clear"); the feed follows. */
  async clearIntent(userId: string): Promise<void> {
    await (await getStore()).deleteIntent(userId);
    knownIntents.set(userId, null);
    tellIntent(userId, null, null);
  },

  async forget(userId: string, kind: Forgettable, text: string): Promise<void> {
    const store = await getStore();
    const intent = await store.updateIntent(userId, (prev) => (prev ? forgetInIntent(prev, kind, text, Date.now()) : null));
    knownIntents.set(userId, intent);
    tellIntent(userId, intent, null);
  },

  cancel,

  forceNextReply(text: string): void {
    forcedReply = text;
  },

  crash(reason: string): void {
    crashSoon(reason);
  },
};

Comlink.expose(api);
