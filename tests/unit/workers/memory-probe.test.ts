import { describe, expect, it } from 'vitest';
import { wasmMemoryReport } from '../../../src/workers/memory-probe.ts';

// (module (memory (export "mem") 1)) : one exported page of linear memory.
const EXPORTS_MEMORY = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 5, 3, 1, 0, 1, 7, 7, 1, 3, 109, 101, 109, 2, 0]);

describe('memory-probe', () => {
  it('counts memories made with new WebAssembly.Memory, and their growth', () => {
    const before = wasmMemoryReport();
    const m = new WebAssembly.Memory({ initial: 2 });
    expect(m).toBeInstanceOf(WebAssembly.Memory);
    const a = wasmMemoryReport();
    expect(a.memories).toBe(before.memories + 1);
    expect(a.bytes - before.bytes).toBe(2 * 65536);
    m.grow(3);
    expect(wasmMemoryReport().bytes - before.bytes).toBe(5 * 65536);
  });

  it('counts memories exported by modules instantiated with instantiate() and new Instance()', async () => {
    const before = wasmMemoryReport();
    const { instance } = await WebAssembly.instantiate(EXPORTS_MEMORY);
    const mem = instance.exports.mem as WebAssembly.Memory;
    expect(wasmMemoryReport().memories).toBe(before.memories + 1);
    mem.grow(1);
    expect(wasmMemoryReport().bytes - before.bytes).toBe(2 * 65536);
    const inst = new WebAssembly.Instance(new WebAssembly.Module(EXPORTS_MEMORY));
    expect(inst.exports.mem).toBeInstanceOf(WebAssembly.Memory);
    expect(wasmMemoryReport().memories).toBe(before.memories + 2);
    // Each instance of a module that defines its memory has its own.
    await WebAssembly.instantiate(new WebAssembly.Module(EXPORTS_MEMORY), {});
    expect(wasmMemoryReport().memories).toBe(before.memories + 3);
  });
});
