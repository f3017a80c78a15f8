// A stand-in for the browser's `LanguageModel` (the Prompt API) that follows its documented behaviour
// (see src/core/llm/language-model.ts for the documents): availability per language and the four
// states, create() that needs user activation to start a download, fires `downloadprogress` on its
// monitor and then makes the model 'available', a system message only in initialPrompts, prompt()
// that honours `responseConstraint` loosely (a default answer is a minimal instance of the schema),
// clone() copying context, destroy() rejecting pending prompts, QuotaExceededError past the context
// window, AbortError on a signal. Tests script answers per request; nothing else knows the app's prompts.
import type {
  CreateMonitorLike, DownloadProgressLike, LanguageModelCoreOptionsLike, LanguageModelCreateOptionsLike, LanguageModelLike,
  LanguageModelMessageLike, LanguageModelPromptOptionsLike, LanguageModelSessionLike, PromptApiAvailability,
} from '../../../src/core/llm/language-model.ts';

export interface FakePromptRequest {
  input: string;
  responseConstraint?: Record<string, unknown>;
  /** The session's context before this prompt (system prompt first). */
  context: readonly LanguageModelMessageLike[];
}

/** A scripted answer: text, a thrown error, or undefined for the default (a minimal schema instance). */
export type FakeAnswer = string | Error | undefined | Promise<string | undefined>;

export interface FakeLanguageModelOptions {
  /** availability per primary language tag; a language not listed is 'unavailable'. Default { en: 'available' }. */
  languages?: Record<string, PromptApiAvailability>;
  /** Progress values a download reports, in order. */
  downloadSteps?: number[];
  /** Whether the page has (sticky) user activation, which create() needs while 'downloadable'. */
  userActivation?: boolean;
  /** Tokens a session holds; roughly 4 characters a token here. */
  contextWindow?: number;
  answer?(request: FakePromptRequest): FakeAnswer;
}

const dom = (name: string, message: string, extra: Record<string, unknown> = {}) => Object.assign(new DOMException(message, name), extra);
const abortReason = (signal: AbortSignal) => signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
const tokens = (s: string) => Math.ceil(s.length / 4);
const RANK: Record<PromptApiAvailability, number> = { unavailable: 0, downloadable: 1, downloading: 2, available: 3 };

/** A minimal instance of a JSON Schema: what a constrained decoder could produce at the least. */
export function minimalInstance(schema: Record<string, unknown>): unknown {
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if ('const' in schema) return schema.const;
  switch (schema.type) {
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
      const required = (schema.required ?? []) as string[];
      return Object.fromEntries(required.map((k) => [k, minimalInstance(props[k] ?? {})]));
    }
    case 'array':
      return [];
    case 'string':
      return 'x'.repeat(Number(schema.minLength ?? 1));
    case 'number':
    case 'integer':
      return Number(schema.minimum ?? 0);
    case 'boolean':
      return false;
    default:
      return null;
  }
}

export class FakeSession implements LanguageModelSessionLike {
  destroyed = false;
  readonly context: LanguageModelMessageLike[];
  readonly prompts: FakePromptRequest[] = [];
  private readonly pending = new Set<(err: unknown) => void>();

  constructor(
    private readonly model: FakeLanguageModel,
    context: LanguageModelMessageLike[],
  ) {
    this.context = [...context];
    model.sessions.push(this);
  }

  get contextUsage(): number {
    return this.context.reduce((n, m) => n + tokens(m.content), 0);
  }
  get contextWindow(): number {
    return this.model.options.contextWindow ?? 4096;
  }

  prompt(input: string, options: LanguageModelPromptOptionsLike = {}): Promise<string> {
    if (this.destroyed) return Promise.reject(dom('InvalidStateError', 'The session has been destroyed.'));
    if (options.signal?.aborted) return Promise.reject(abortReason(options.signal));
    if (options.responseConstraint) {
      try {
        JSON.stringify(options.responseConstraint);
      } catch {
        return Promise.reject(dom('NotSupportedError', 'The response constraint is not a valid JSON schema.'));
      }
    }
    const requested = this.contextUsage + tokens(input);
    if (requested > this.contextWindow) {
      return Promise.reject(dom('QuotaExceededError', 'The input is too large.', { requested, quota: this.contextWindow }));
    }
    const request: FakePromptRequest = {
      input, context: [...this.context], ...(options.responseConstraint ? { responseConstraint: options.responseConstraint } : {}),
    };
    this.prompts.push(request);
    this.model.prompts.push(request);
    return new Promise<string>((resolve, reject) => {
      const signal = options.signal;
      const onAbort = () => reject(abortReason(signal!));
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.add(reject);
      const settle = () => {
        this.pending.delete(reject);
        signal?.removeEventListener('abort', onAbort);
      };
      Promise.resolve()
        .then(async () => {
          const scripted = this.model.options.answer?.(request);
          if (scripted instanceof Error) throw scripted;
          const text = await scripted;
          if (text !== undefined) return text;
          return request.responseConstraint ? JSON.stringify(minimalInstance(request.responseConstraint)) : 'OK.';
        })
        .then(
          (answer) => {
            settle();
            if (this.destroyed) return;
            this.context.push({ role: 'user', content: input }, { role: 'assistant', content: answer });
            resolve(answer);
          },
          (err: unknown) => {
            settle();
            reject(err);
          },
        );
    });
  }

  clone(options: { signal?: AbortSignal } = {}): Promise<LanguageModelSessionLike> {
    if (this.destroyed) return Promise.reject(dom('InvalidStateError', 'The session has been destroyed.'));
    if (options.signal?.aborted) return Promise.reject(abortReason(options.signal));
    return Promise.resolve(new FakeSession(this.model, this.context));
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const reject of this.pending) reject(dom('AbortError', 'The session was destroyed.'));
    this.pending.clear();
  }
}

export class FakeLanguageModel implements LanguageModelLike {
  readonly sessions: FakeSession[] = [];
  readonly prompts: FakePromptRequest[] = [];
  readonly availabilityCalls: LanguageModelCoreOptionsLike[] = [];
  readonly createCalls: LanguageModelCreateOptionsLike[] = [];
  readonly states: Record<string, PromptApiAvailability>;

  constructor(readonly options: FakeLanguageModelOptions = {}) {
    this.states = { ...(options.languages ?? { en: 'available' }) };
  }

  private stateOf(options: LanguageModelCoreOptionsLike = {}): PromptApiAvailability {
    const langs = [...(options.expectedInputs ?? []), ...(options.expectedOutputs ?? [])].flatMap((e) => e.languages ?? []);
    let worst: PromptApiAvailability = 'available';
    for (const tag of langs.length ? langs : ['en']) {
      const s = this.states[tag.toLowerCase().split('-')[0]!] ?? 'unavailable';
      if (RANK[s] < RANK[worst]) worst = s;
    }
    return worst;
  }

  availability(options: LanguageModelCoreOptionsLike = {}): Promise<PromptApiAvailability> {
    this.availabilityCalls.push(options);
    return Promise.resolve(this.stateOf(options));
  }

  async create(options: LanguageModelCreateOptionsLike = {}): Promise<LanguageModelSessionLike> {
    this.createCalls.push(options);
    if (options.signal?.aborted) throw abortReason(options.signal);
    const state = this.stateOf(options);
    if (state === 'unavailable') throw dom('NotSupportedError', 'The requested options are not supported.');
    if (state === 'downloadable' && this.options.userActivation === false) throw dom('NotAllowedError', 'Requires a user gesture when availability is "downloadable".');
    const initial = options.initialPrompts ?? [];
    if (initial.some((m, i) => m.role === 'system' && i > 0)) throw new TypeError('A system prompt must come first.');
    if (state !== 'available') {
      const listeners: ((e: DownloadProgressLike) => void)[] = [];
      const monitor: CreateMonitorLike = { addEventListener: (_type, l) => void listeners.push(l) };
      options.monitor?.(monitor);
      for (const loaded of this.options.downloadSteps ?? [0, 0.5, 1]) {
        await Promise.resolve();
        if (options.signal?.aborted) throw abortReason(options.signal);
        for (const l of listeners) l({ loaded });
      }
      for (const k of Object.keys(this.states)) if (this.states[k] !== 'unavailable') this.states[k] = 'available';
    }
    const session = new FakeSession(this, initial);
    if (session.contextUsage > session.contextWindow) {
      session.destroy();
      throw dom('QuotaExceededError', 'The initial prompts are too large.', { requested: session.contextUsage, quota: session.contextWindow });
    }
    return session;
  }

  /** Sessions not yet destroyed. */
  live(): FakeSession[] {
    return this.sessions.filter((s) => !s.destroyed);
  }
}
