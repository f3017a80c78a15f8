// The few host APIs core/ may use, declared by hand because core/ compiles with lib ES2023 alone (no
// DOM, no WebWorker, no Node types: src/core/tsconfig.json) so that a DOM or worker global there is a
// compile error. Each one below exists, with this shape, on the page, in a worker and in Node >= 20
// (the tests and tools): the WinterCG minimum common API. Only the members core/ uses are declared;
// add one here only if it is in that common set. Not part of the page's or the workers' programs
// (their libs declare the full versions; the two would clash).

// Text <-> UTF-8 (index file headers).
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBufferView | ArrayBufferLike, options?: { stream?: boolean }): string;
}

// Base64 (bundled WASM kernel, adapter and safety weights).
declare function atob(data: string): string;
declare function btoa(data: string): string;

// Timers (LLM call timeouts). The handle is opaque: a number in browsers, an object in Node.
declare function setTimeout(handler: () => void, timeoutMs?: number): unknown;
declare function clearTimeout(handle: unknown): void;

// URLs (same-origin checks of the URLs a worker is handed).
declare class URL {
  constructor(url: string | URL, base?: string | URL);
  readonly href: string;
  readonly origin: string;
  readonly protocol: string;
  toString(): string;
}

// Cancellation: long work in core/ takes an AbortSignal, which it only reads.
interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  throwIfAborted(): void;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}
declare class DOMException extends Error {
  constructor(message?: string, name?: string);
}

// The SIMD search kernel (index/kernel.ts).
type BufferSource = ArrayBufferView | ArrayBuffer;
declare namespace WebAssembly {
  class Module {
    private readonly __module: never;
  }
  class Memory {
    constructor(descriptor: { initial: number; maximum?: number; shared?: boolean });
    readonly buffer: ArrayBuffer;
    grow(deltaPages: number): number;
  }
  class Instance {
    constructor(module: Module, imports?: Record<string, Record<string, unknown>>);
    readonly exports: Record<string, unknown>;
  }
  function compile(bytes: BufferSource): Promise<Module>;
}

// Byte streams (index/load.ts, index/vector-index.ts read an index file as it downloads). Streams are
// in the common set; `Response` is declared as a type only, for the parameter of
// loadIndexFromResponse: core/ never fetches, the caller hands it the response. Better: load.ts takes
// a structural `{ ok, status, statusText, url, headers, body }` and this block shrinks to streams.
interface ReadableStreamReadResult<T> {
  readonly done: boolean;
  readonly value?: T;
}
interface ReadableStreamDefaultReader<T> {
  read(): Promise<ReadableStreamReadResult<T>>;
  cancel(reason?: unknown): Promise<void>;
  releaseLock(): void;
}
interface ReadableStream<R = unknown> {
  getReader(): ReadableStreamDefaultReader<R>;
}
declare var ReadableStream: { prototype: ReadableStream; new (): ReadableStream };
interface Response {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly url: string;
  readonly headers: { get(name: string): string | null };
  readonly body: ReadableStream<Uint8Array> | null;
}
