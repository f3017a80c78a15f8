// The extraction DAG on the browser's own on-device model (the Prompt API, `LanguageModel`: Gemini
// Nano in Chrome), for the languages it supports. Same prompts, schemas, one repair and validation as
// the web-llm engine (prompts.ts); the schema goes to the model as `responseConstraint`. A failure is
// a PromptApiError with a stable code, and the caller's fallback (the compact engine) answers instead.
// The API's shape and its errors are in language-model.ts, with the documents they follow.
import type { Language, TurnExtraction } from '../intent.ts';
import type { ExtractContext, UnderstandingEngine } from '../understand.ts';
import {
  combineExtraction, contextFacts, MAX_REPLY_CHARS, modelBlockedReply, NODE_JSON_SCHEMAS, type NodeName, type NodeResult,
  nodeRequest, parseNodeAnswer, REPLY_SYSTEM_PROMPT, repairRequest, replyLanguageName, replySummary, SHARED_SYSTEM_PROMPT,
} from './prompts.ts';
import {
  type LanguageModelCoreOptionsLike, type LanguageModelLike, type LanguageModelSessionLike, PROMPT_API_AVAILABILITY,
  type PromptApiAvailability, PromptApiError, type PromptApiErrorCode, toPromptApiError,
} from './language-model.ts';

const primaryTag = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';

/** The languages a message needs, by script: the app speaks English and Korean (Latin script is read as English). */
export function messageLanguages(text: string): string[] {
  const out: string[] = [];
  if (/\p{Script=Latin}/u.test(text)) out.push('en');
  if (/\p{Script=Hangul}/u.test(text)) out.push('ko');
  return out;
}

const expectations = (languages: string[]): LanguageModelCoreOptionsLike => ({
  expectedInputs: [{ type: 'text', languages }],
  // Key phrases and replies come back in the message's language, so outputs need the same languages.
  expectedOutputs: [{ type: 'text', languages }],
});

export interface PromptApiEngineOptions {
  /** `globalThis.LanguageModel` on a page, or anything shaped like it (a fake, a proxy to the page). */
  languageModel: LanguageModelLike;
  /** BCP 47 tags the engine should serve; those availability() refuses are left to the fallback. */
  languages: string[];
  /** Download progress of the model, 0..1, while create() fetches it. */
  onProgress?(loaded: number): void;
  /** Per DAG node, including its repair attempt, and per reply. */
  timeoutMs?: number;
  /** Cancels the availability check and session creation (not later turns: each has its own). */
  signal?: AbortSignal;
}

export interface PromptApiEngine extends UnderstandingEngine {
  /** The requested languages the model serves; messages in others reject with 'unsupported-language'. */
  readonly languages: readonly string[];
  extract(text: string, ctx: ExtractContext): Promise<TurnExtraction>;
  reply(extraction: TurnExtraction, ctx: { language: Language; seed: number; signal?: AbortSignal }): Promise<string>;
  runNode<N extends NodeName>(node: N, message: string, signal?: AbortSignal, facts?: readonly string[]): Promise<NodeResult<N>>;
  /** Destroys the sessions; every later call rejects with 'session-destroyed'. */
  dispose(): void;
}

export interface PromptApiUnavailable {
  unavailable: string;
  code: PromptApiErrorCode;
  /** What availability() said per requested language, when it was asked. */
  availability?: Readonly<Record<string, PromptApiAvailability>>;
}

export const PROMPT_API_ENGINE_NAME = 'prompt-api';
const DEFAULT_TIMEOUT_MS = 15_000;

/** Races work against the timeout and the caller's signal; `onGiveUp` stops what is still running. */
function settle<T>(work: Promise<T>, ms: number, node: string, signal: AbortSignal | undefined, onGiveUp: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      onGiveUp();
      reject(new PromptApiError('timed-out', `after ${ms} ms`, { node }));
    }, ms);
    const onAbort = () => {
      onGiveUp();
      reject(signal!.reason ?? new DOMException('Aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    });
  });
}

export async function createPromptApiEngine(opts: PromptApiEngineOptions): Promise<PromptApiEngine | PromptApiUnavailable> {
  const lm = opts.languageModel;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const signalOpt = opts.signal ? { signal: opts.signal } : {};
  const requested = [...new Set(opts.languages.map((l) => l.trim()).filter(Boolean))];
  if (!requested.length) return { unavailable: 'no language was requested', code: 'unsupported-language' };

  // Asked per language: one the model lacks must not hide the ones it has.
  const states: Record<string, PromptApiAvailability> = {};
  await Promise.all(
    requested.map(async (lang) => {
      try {
        const a = await lm.availability(expectations([lang]));
        states[lang] = (PROMPT_API_AVAILABILITY as readonly string[]).includes(a) ? a : 'unavailable';
      } catch {
        states[lang] = 'unavailable'; // e.g. RangeError for a tag it cannot parse
      }
    }),
  );
  opts.signal?.throwIfAborted();
  const languages = requested.filter((l) => states[l] !== 'unavailable');
  if (!languages.length) {
    return { unavailable: `the built-in model does not support ${requested.join(', ')}`, code: 'unavailable', availability: states };
  }

  // Two long-lived sessions whose context is only their system prompt; every request runs in a clone
  // that is destroyed after it, so context never grows from turn to turn.
  let base: LanguageModelSessionLike | null = null;
  let replyBase: LanguageModelSessionLike | null = null;
  try {
    base = await lm.create({
      ...expectations(languages),
      initialPrompts: [{ role: 'system', content: SHARED_SYSTEM_PROMPT }],
      // Fires only while the model downloads ('downloadable' or 'downloading').
      monitor: (m) => m.addEventListener('downloadprogress', (e) => opts.onProgress?.(e.loaded)),
      ...signalOpt,
    });
    replyBase = await lm.create({ ...expectations(languages), initialPrompts: [{ role: 'system', content: REPLY_SYSTEM_PROMPT }], ...signalOpt });
  } catch (err) {
    base?.destroy();
    if (opts.signal?.aborted) throw opts.signal.reason;
    const e = toPromptApiError(err);
    return { unavailable: e.message, code: e.code, availability: states };
  }

  const served = new Set(languages.map(primaryTag));
  let disposed = false;

  /** Runs `work` in a fresh clone of `from`, destroyed afterwards (or at timeout or abort, which stops it). */
  async function inClone<T>(from: LanguageModelSessionLike, node: string, signal: AbortSignal | undefined, work: (s: LanguageModelSessionLike) => Promise<T>): Promise<T> {
    if (disposed) throw new PromptApiError('session-destroyed', undefined, { node });
    signal?.throwIfAborted();
    let session: LanguageModelSessionLike | null = null;
    let gaveUp = false;
    const running = (async () => {
      const s = await from.clone(signal ? { signal } : {});
      if (gaveUp) {
        s.destroy();
        throw new PromptApiError('aborted', 'abandoned', { node });
      }
      session = s;
      return work(s);
    })();
    running.catch(() => {}); // once given up, its rejection has no reader
    try {
      return await settle(running, timeoutMs, node, signal, () => {
        gaveUp = true;
        (session as LanguageModelSessionLike | null)?.destroy();
      });
    } catch (err) {
      if (signal?.aborted) throw signal.reason;
      throw toPromptApiError(err, node);
    } finally {
      gaveUp = true;
      (session as LanguageModelSessionLike | null)?.destroy();
    }
  }

  function runNode<N extends NodeName>(node: N, message: string, signal?: AbortSignal, facts: readonly string[] = []): Promise<NodeResult<N>> {
    const options = { responseConstraint: NODE_JSON_SCHEMAS[node], ...(signal ? { signal } : {}) };
    return inClone(base!, node, signal, async (s) => {
      const first = await s.prompt(nodeRequest(node, message, facts), options);
      const r1 = parseNodeAnswer(node, first);
      if (r1.ok) return r1.data;
      // One repair, in the same clone: it already holds the first answer, so only the complaint is sent.
      const r2 = parseNodeAnswer(node, await s.prompt(repairRequest(r1.problem), options));
      if (!r2.ok) throw new PromptApiError('invalid-output', `invalid after one repair: ${r2.problem}`, { node });
      return r2.data;
    });
  }

  function requireLanguages(text: string, node: string): void {
    const missing = messageLanguages(text).filter((l) => !served.has(l));
    if (missing.length) throw new PromptApiError('unsupported-language', missing.join(', '), { node });
  }

  return {
    name: PROMPT_API_ENGINE_NAME,
    languages,
    runNode,

    async extract(message: string, ctx: ExtractContext): Promise<TurnExtraction> {
      requireLanguages(message, 'extract');
      const facts = contextFacts(ctx.context);
      const [kp, prefs, task] = await Promise.all([
        runNode('keyPhrases', message, ctx.signal, facts),
        runNode('preferences', message, ctx.signal, facts),
        runNode('task', message, ctx.signal, facts),
      ]);
      return combineExtraction(kp, prefs, task);
    },

    reply(extraction: TurnExtraction, ctx: { language: Language; seed: number; signal?: AbortSignal }): Promise<string> {
      const replyIn = ctx.language === 'ko' ? 'ko' : 'en'; // as replyLanguageName: mixed and unknown get English
      if (!served.has(replyIn)) return Promise.reject(new PromptApiError('unsupported-language', replyIn, { node: 'reply' }));
      const request = `Language: ${replyLanguageName(ctx.language)}\nJSON: ${replySummary(extraction)}`;
      return inClone(replyBase!, 'reply', ctx.signal, async (s) => {
        const answer = (await s.prompt(request, ctx.signal ? { signal: ctx.signal } : {})).trim();
        if (!answer) throw new PromptApiError('invalid-output', 'empty reply', { node: 'reply' });
        return answer.slice(0, MAX_REPLY_CHARS);
      });
    },

    blockedReply(language: Language): string {
      return modelBlockedReply(language);
    },

    dispose(): void {
      if (disposed) return;
      disposed = true;
      base?.destroy();
      replyBase?.destroy();
    },
  };
}
