// The browser's on-device language model API (the Prompt API, `LanguageModel`), typed structurally
// with only the members this app uses (core/ compiles without the DOM library), and its rejections
// mapped to stable codes in one table. Shared by the engine (prompt-api.ts) and the test fake.
//
// The shape, as relied on here:
// - MDN "Using the Prompt API", developer.mozilla.org/en-US/docs/Web/API/Prompt_API/Using: availability()
//   takes expectedInputs/expectedOutputs ({ type: 'text', languages }) and answers 'unavailable' |
//   'downloadable' | 'downloading' | 'available'; pass create() the same options.
// - MDN LanguageModel and LanguageModel.prompt(), developer.mozilla.org/en-US/docs/Web/API/LanguageModel:
//   create({ initialPrompts, monitor, signal }), prompt(input, { responseConstraint, signal }) resolving
//   to the whole answer, clone() copying a session with its context, destroy() stopping its work.
// - Chrome's guide, developer.chrome.com/docs/modern-web-guidance/guides/built-in-ai/language-model:
//   monitor(m) with m.addEventListener('downloadprogress', e => e.loaded) where loaded is a 0..1 share;
//   destroy sessions that are no longer needed.
// - The spec's IDL, webmachinelearning.github.io/prompt-api: [Exposed=Window] (not in workers), a
//   system message only in initialPrompts (prompt() rejects it with NotSupportedError).
// - web-platform-tests ai/language-model/: QuotaExceededError when input exceeds the context window
//   (language-model-quota-exceeded), NotSupportedError for an unusable responseConstraint
//   (language-model-response-json-schema), NotAllowedError from create() while 'downloadable' without
//   user activation (language-model-create-user-activation), AbortError on abort (language-model-abort).

export const PROMPT_API_AVAILABILITY = ['unavailable', 'downloadable', 'downloading', 'available'] as const;
export type PromptApiAvailability = (typeof PROMPT_API_AVAILABILITY)[number];

export interface LanguageModelExpectedLike {
  type: 'text';
  /** BCP 47 tags ("en", "ko"). */
  languages?: string[];
}
export interface LanguageModelCoreOptionsLike {
  expectedInputs?: LanguageModelExpectedLike[];
  expectedOutputs?: LanguageModelExpectedLike[];
}
export interface LanguageModelMessageLike {
  role: 'system' | 'user' | 'assistant';
  content: string;
}
export interface DownloadProgressLike {
  /** Share of the model downloaded, 0..1. */
  readonly loaded: number;
}
export interface CreateMonitorLike {
  addEventListener(type: 'downloadprogress', listener: (event: DownloadProgressLike) => void): void;
}
export interface LanguageModelCreateOptionsLike extends LanguageModelCoreOptionsLike {
  initialPrompts?: LanguageModelMessageLike[];
  monitor?(monitor: CreateMonitorLike): void;
  signal?: AbortSignal;
}
export interface LanguageModelPromptOptionsLike {
  /** A JSON Schema the answer is constrained to. */
  responseConstraint?: Record<string, unknown>;
  signal?: AbortSignal;
}
export interface LanguageModelSessionLike {
  prompt(input: string, options?: LanguageModelPromptOptionsLike): Promise<string>;
  clone(options?: { signal?: AbortSignal }): Promise<LanguageModelSessionLike>;
  destroy(): void;
}
/** The `LanguageModel` global's static side. */
export interface LanguageModelLike {
  availability(options?: LanguageModelCoreOptionsLike): Promise<PromptApiAvailability>;
  create(options?: LanguageModelCreateOptionsLike): Promise<LanguageModelSessionLike>;
}

// Errors: one table from the API's DOMException names to stable codes.

export const PROMPT_API_ERROR_CODES = [
  'unavailable', // availability() says no for every requested language
  'unsupported-language', // the message is in a language this session was not created for
  'not-allowed', // NotAllowedError: the model must download and the page has no user activation (or policy forbids)
  'not-supported', // NotSupportedError: options, schema or language the model cannot serve
  'quota-exceeded', // QuotaExceededError: the input does not fit the model's context window
  'session-destroyed', // InvalidStateError: the session was destroyed (engine disposed)
  'aborted', // AbortError the caller did not ask for (the browser stopped the work)
  'timed-out', // the node or reply took longer than timeoutMs
  'invalid-output', // malformed after one repair, or an empty reply
  'unknown', // anything else (UnknownError, OperationError, a plain rejection)
] as const;
export type PromptApiErrorCode = (typeof PROMPT_API_ERROR_CODES)[number];

const CODE_BY_DOM_NAME: Readonly<Record<string, PromptApiErrorCode>> = Object.freeze({
  NotAllowedError: 'not-allowed',
  NotSupportedError: 'not-supported',
  QuotaExceededError: 'quota-exceeded',
  InvalidStateError: 'session-destroyed',
  AbortError: 'aborted',
});

const SUMMARY: Readonly<Record<PromptApiErrorCode, string>> = Object.freeze({
  unavailable: 'the built-in model is unavailable',
  'unsupported-language': 'the built-in model does not support this language',
  'not-allowed': 'the built-in model needs a user gesture to download',
  'not-supported': 'the built-in model does not support this request',
  'quota-exceeded': 'the input is too long for the built-in model',
  'session-destroyed': 'the built-in model session was closed',
  aborted: 'the built-in model stopped',
  'timed-out': 'the built-in model timed out',
  'invalid-output': 'the built-in model answered with invalid output',
  unknown: 'the built-in model failed',
});

export class PromptApiError extends Error {
  override readonly name = 'PromptApiError';
  readonly code: PromptApiErrorCode;
  /** The DAG node ("keyPhrases", "reply", ...) where it happened, when in one. */
  readonly node: string | undefined;

  constructor(code: PromptApiErrorCode, detail?: string, options?: { cause?: unknown; node?: string }) {
    const text = detail ? `${SUMMARY[code]}: ${detail}` : SUMMARY[code];
    super(options?.node ? `${options.node}: ${text}` : text, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.node = options?.node;
  }
}

/** Any rejection of the API as a PromptApiError (QuotaExceededError's numbers kept in the message). */
export function toPromptApiError(err: unknown, node?: string): PromptApiError {
  if (err instanceof PromptApiError) return err;
  const e = (typeof err === 'object' && err !== null ? err : {}) as { name?: unknown; message?: unknown; requested?: unknown; quota?: unknown };
  const code = (typeof e.name === 'string' && CODE_BY_DOM_NAME[e.name]) || 'unknown';
  let detail = typeof e.message === 'string' ? e.message : typeof err === 'string' ? err : '';
  if (code === 'quota-exceeded' && typeof e.requested === 'number' && typeof e.quota === 'number') detail = `${detail} (${e.requested} of ${e.quota} tokens)`.trim();
  return new PromptApiError(code, detail || undefined, { cause: err, ...(node ? { node } : {}) });
}

