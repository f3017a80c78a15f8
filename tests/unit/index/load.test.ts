import { describe, expect, it } from 'vitest';
import { IndexFileError } from '../../../src/core/index/errors.ts';
import { decodeIndex } from '../../../src/core/index/format.ts';
import { encodeIndex } from '../../../src/core/index/encode.ts';
import { createSearchKernel } from '../../../src/core/index/kernel.ts';
import { loadIndexFromResponse, loadIndexFromStream, type LoadProgress } from '../../../src/core/index/load.ts';
import { VectorIndex } from '../../../src/core/index/vector-index.ts';
import { ids, randomUnitVectors } from './fixtures.ts';

const dim = 64;
const count = 300;
const vectors = randomUnitVectors(count, dim, 11);
const file = encodeIndex({ dim, vectors, ids: ids(count), quantisation: 'i8', metric: 'cosine', modelId: 'm1' });

/** A byte stream that hands out `bytes` in chunks of the given sizes (cycled), and records if it was cancelled. */
function chunked(bytes: Uint8Array, sizes: number[]): { stream: ReadableStream<Uint8Array>; pulled: () => number; cancelled: () => boolean } {
  let at = 0;
  let n = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      const size = sizes[n++ % sizes.length]!;
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, pulled: () => Math.min(at, bytes.length), cancelled: () => cancelled };
}

async function rejectsWith(p: Promise<unknown>, code: IndexFileError['code']): Promise<IndexFileError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(IndexFileError);
  expect((err as IndexFileError).code).toBe(code);
  return err as IndexFileError;
}

describe('streaming index loader', () => {
  it('assembles a file from odd-sized chunks (header split across chunks) and reports progress', async () => {
    const progress: LoadProgress[] = [];
    const { stream } = chunked(file, [1, 7, 60, 333, 4096]);
    const d = await loadIndexFromStream(stream, { onProgress: (p) => progress.push(p) });
    expect(Array.from(d.bytes)).toEqual(Array.from(file));
    expect(d.header.count).toBe(count);
    const loaded = progress.map((p) => p.loadedBytes);
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({ loadedBytes: file.length, totalBytes: file.length });
    // Before the header is complete the total is unknown (no Content-Length on a bare stream).
    expect(progress[0]).toEqual({ loadedBytes: 1, totalBytes: undefined });
  });

  it('takes the total from Content-Length before the header arrives', async () => {
    const progress: LoadProgress[] = [];
    const res = new Response(chunked(file, [10, 100000]).stream, { headers: { 'content-length': String(file.length) } });
    await loadIndexFromResponse(res, { onProgress: (p) => progress.push(p) });
    expect(progress[0]).toEqual({ loadedBytes: 10, totalBytes: file.length });
  });

  it('reports a truncated download', async () => {
    await rejectsWith(loadIndexFromStream(chunked(file.slice(0, file.length - 100), [512]).stream), 'truncated');
    await rejectsWith(loadIndexFromStream(chunked(file.slice(0, 20), [512]).stream), 'truncated');
  });

  it('reports a corrupt download', async () => {
    const bad = file.slice();
    bad[bad.length - 2000]! ^= 1;
    await rejectsWith(loadIndexFromStream(chunked(bad, [999]).stream), 'checksum-mismatch');
  });

  it('refuses a wrong dim or model as soon as the header is in, without downloading the rest', async () => {
    const s = chunked(file, [128]);
    const err = await rejectsWith(loadIndexFromStream(s.stream, { expectedDim: 512 }), 'dim-mismatch');
    expect(err.message).toContain('512');
    expect(s.pulled()).toBeLessThan(1024);
    expect(s.cancelled()).toBe(true);
    const m = chunked(file, [128]);
    await rejectsWith(loadIndexFromStream(m.stream, { expectedModelId: 'other' }), 'model-mismatch');
    expect(m.pulled()).toBeLessThan(1024);
  });

  it('maps HTTP errors, a missing body and an abort to typed errors', async () => {
    await rejectsWith(loadIndexFromResponse(new Response('nope', { status: 404, statusText: 'Not Found' })), 'http-status');
    await rejectsWith(loadIndexFromResponse(new Response(null)), 'no-body');
    const ac = new AbortController();
    const s = chunked(file, [100]);
    const p = loadIndexFromStream(s.stream, {
      signal: ac.signal,
      onProgress: (pr) => {
        if (pr.loadedBytes > 1000) ac.abort();
      },
    });
    await rejectsWith(p, 'aborted');
    expect(s.cancelled()).toBe(true);
  });

  it('streams straight into wasm memory and the loaded index searches like one built from bytes', async () => {
    const kernel = await createSearchKernel();
    expect(kernel.kind).toBe('wasm-simd');
    const viaStream = await VectorIndex.load(new Response(chunked(file, [777]).stream), { kernel, expectedDim: dim });
    const viaBytes = VectorIndex.fromBytes(file.slice().buffer);
    const q = vectors.slice(5 * dim, 6 * dim);
    const a = viaStream.search([q], 10);
    expect(a).toEqual(viaBytes.search([q], 10));
    expect(a[0]!.id).toBe('item-5');
  });

  it('a failed reload leaves the serving index untouched', async () => {
    let serving = VectorIndex.fromBytes(file);
    const before = serving.search([vectors.subarray(0, dim)], 5);
    const bad = file.slice();
    bad[100]! ^= 0xff;
    try {
      serving = await VectorIndex.load(chunked(bad, [4096]).stream);
    } catch (err) {
      expect((err as IndexFileError).code).toBe('checksum-mismatch');
    }
    expect(serving.search([vectors.subarray(0, dim)], 5)).toEqual(before);
    expect(decodeIndex(file).header.count).toBe(count);
  });
});
