// WASM memory accounting for a worker. Chromium exposes no per-worker memory figure to page scripts
// (performance.memory is main-thread only; measureUserAgentSpecificMemory needs cross-origin isolation,
// which the static site does not have), so each worker counts the linear memories it creates itself:
// this module wraps the WebAssembly entry points once, keeps a weak reference to every Memory made or
// exported, and reports their committed sizes (buffer.byteLength grows with memory.grow). Import it
// first in a worker, before any module instantiates WebAssembly (onnxruntime, the index kernel).

export interface WasmMemoryReport {
  /** Live linear memories (WebAssembly.Memory objects) created or exported in this worker. */
  readonly memories: number;
  /** Their committed size in bytes, summed. */
  readonly bytes: number;
}

const seen = new Set<WeakRef<WebAssembly.Memory>>();
const known = new WeakSet<WebAssembly.Memory>();

function track(m: unknown): void {
  if (m instanceof WebAssembly.Memory && !known.has(m)) {
    known.add(m);
    seen.add(new WeakRef(m));
  }
}

function trackInstance(instance: WebAssembly.Instance): void {
  for (const v of Object.values(instance.exports)) track(v);
}

function trackResult(r: WebAssembly.WebAssemblyInstantiatedSource | WebAssembly.Instance): void {
  if (r instanceof WebAssembly.Instance) trackInstance(r);
  else trackInstance(r.instance);
}

function install(): void {
  const g = globalThis as { __wasmProbe?: boolean };
  if (g.__wasmProbe) return;
  g.__wasmProbe = true;
  const W = WebAssembly as unknown as Record<string, unknown>;
  const NativeMemory = WebAssembly.Memory;
  W.Memory = new Proxy(NativeMemory, {
    construct(target, args: [WebAssembly.MemoryDescriptor]) {
      const m = Reflect.construct(target, args) as WebAssembly.Memory;
      track(m);
      return m;
    },
  });
  const NativeInstance = WebAssembly.Instance;
  W.Instance = new Proxy(NativeInstance, {
    construct(target, args: [WebAssembly.Module, WebAssembly.Imports?]) {
      const i = Reflect.construct(target, args) as WebAssembly.Instance;
      trackInstance(i);
      return i;
    },
  });
  const instantiate = WebAssembly.instantiate.bind(WebAssembly) as (...a: unknown[]) => Promise<WebAssembly.WebAssemblyInstantiatedSource | WebAssembly.Instance>;
  W.instantiate = async (...a: unknown[]) => {
    const r = await instantiate(...a);
    trackResult(r);
    return r;
  };
  if (typeof WebAssembly.instantiateStreaming === 'function') {
    const streaming = WebAssembly.instantiateStreaming.bind(WebAssembly);
    W.instantiateStreaming = async (...a: Parameters<typeof WebAssembly.instantiateStreaming>) => {
      const r = await streaming(...a);
      trackResult(r);
      return r;
    };
  }
}

install();

export function wasmMemoryReport(): WasmMemoryReport {
  let bytes = 0;
  let memories = 0;
  for (const ref of seen) {
    const m = ref.deref();
    if (!m) {
      seen.delete(ref);
      continue;
    }
    memories += 1;
    bytes += m.buffer.byteLength;
  }
  return { memories, bytes };
}
