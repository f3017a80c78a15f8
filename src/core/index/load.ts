// Streams an index file out of a fetch Response: progress as bytes arrive, the CRC computed on the
// way (no second pass over hundreds of megabytes), a wrong-model or wrong-dim file refused as soon
// as its header is in, and the payload written straight into caller-provided memory (the WASM
// engine's linear memory) so a large index is held once, not twice.
import { CHECKSUM_OFFSET, INDEX_HEADER_BYTES, checkExpectations, decodeIndex, decodeModelId, parseIndexHeader } from './format.ts';
import type { DecodedIndex, IndexExpectations, IndexHeader } from './format.ts';
import { crc32Final, crc32Update, CRC32_INIT } from './crc32.ts';
import { IndexFileError } from './errors.ts';

export interface LoadProgress {
  readonly loadedBytes: number;
  /** From the file header once it has arrived; before that from Content-Length when trustworthy. */
  readonly totalBytes: number | undefined;
}

export interface LoadIndexOptions extends IndexExpectations {
  readonly onProgress?: (progress: LoadProgress) => void;
  readonly signal?: AbortSignal;
  /**
   * Where to put the file: called once the header is in, with its declared size. Must return a
   * 16-byte-aligned Uint8Array of exactly `header.totalBytes`. Default: a new Uint8Array.
   */
  readonly allocate?: (header: IndexHeader) => Uint8Array | Promise<Uint8Array>;
}

/** Fetch Response -> validated index (HTTP status and body checked, Content-Length used for early progress). */
export async function loadIndexFromResponse(response: Response, options: LoadIndexOptions = {}): Promise<DecodedIndex> {
  throwIfAborted(options.signal);
  if (!response.ok) {
    throw new IndexFileError('http-status', `${response.status} ${response.statusText} for ${response.url || 'index'}`.trim());
  }
  if (!response.body) throw new IndexFileError('no-body');
  // Content-Length counts encoded bytes; only trust it as the total when there is no encoding.
  const lengthHeader = response.headers.get('content-length');
  let totalBytes: number | undefined =
    lengthHeader !== null && !response.headers.get('content-encoding') ? Number(lengthHeader) : undefined;
  if (totalBytes !== undefined && !Number.isFinite(totalBytes)) totalBytes = undefined;
  return loadIndexFromStream(response.body, { ...options, totalBytesHint: totalBytes });
}

export interface LoadStreamOptions extends LoadIndexOptions {
  /** Expected size before the header arrives (progress only; the header's size is authoritative). */
  readonly totalBytesHint?: number;
}

/** Byte stream -> validated index: progress per chunk, CRC on the way, wrong dim/model refused early. */
export async function loadIndexFromStream(
  stream: ReadableStream<Uint8Array>,
  options: LoadStreamOptions = {},
): Promise<DecodedIndex> {
  const { signal, onProgress } = options;
  throwIfAborted(signal);
  let totalBytes = options.totalBytesHint;
  const reader = stream.getReader();
  const onAbort = (): void => {
    reader.cancel(signal?.reason).catch(() => undefined);
  };
  signal?.addEventListener('abort', onAbort, { once: true });

  const headBuf = new Uint8Array(INDEX_HEADER_BYTES);
  let headFilled = 0;
  let dest: Uint8Array | undefined;
  let header: IndexHeader | undefined;
  let loaded = 0;
  let crc = CRC32_INIT;
  let crcDone = 0;
  let modelChecked = false;

  try {
    for (;;) {
      const { done, value } = await reader.read();
      throwIfAborted(signal);
      if (done) break;
      if (!(value instanceof Uint8Array)) throw new TypeError('index stream must yield Uint8Array chunks');
      let chunk = value;
      if (!dest) {
        // Collect the fixed header, then allocate the whole file at its declared size.
        const take = Math.min(chunk.length, INDEX_HEADER_BYTES - headFilled);
        headBuf.set(chunk.subarray(0, take), headFilled);
        headFilled += take;
        loaded += take;
        chunk = chunk.subarray(take);
        if (headFilled < INDEX_HEADER_BYTES) {
          onProgress?.({ loadedBytes: loaded, totalBytes });
          continue;
        }
        header = parseIndexHeader(headBuf);
        checkExpectations(header, '', { expectedDim: options.expectedDim });
        totalBytes = header.totalBytes;
        dest = options.allocate ? await options.allocate(header) : new Uint8Array(header.totalBytes);
        if (dest.length !== header.totalBytes || dest.byteOffset % 16 !== 0) {
          throw new RangeError(`allocate() must return ${header.totalBytes} bytes at a 16-byte aligned offset`);
        }
        dest.set(headBuf, 0);
      }
      if (!header) throw new Error('unreachable: header parsed before payload');
      if (loaded + chunk.length > header.totalBytes) {
        throw new IndexFileError('trailing-bytes', `more than the ${header.totalBytes} bytes the header declares`);
      }
      dest.set(chunk, loaded);
      loaded += chunk.length;
      // CRC of [0, 60) ++ [64, loaded): the checksum field itself is skipped.
      if (crcDone < CHECKSUM_OFFSET) {
        const to = Math.min(loaded, CHECKSUM_OFFSET);
        crc = crc32Update(crc, dest, crcDone, to);
        crcDone = to;
      }
      if (crcDone >= CHECKSUM_OFFSET && crcDone < INDEX_HEADER_BYTES) crcDone = Math.min(loaded, INDEX_HEADER_BYTES);
      if (crcDone >= INDEX_HEADER_BYTES && loaded > crcDone) {
        crc = crc32Update(crc, dest, crcDone, loaded);
        crcDone = loaded;
      }
      if (!modelChecked && loaded >= INDEX_HEADER_BYTES + header.modelIdBytes) {
        checkExpectations(header, decodeModelId(dest, header), { expectedModelId: options.expectedModelId });
        modelChecked = true;
      }
      onProgress?.({ loadedBytes: loaded, totalBytes });
    }
  } catch (err) {
    reader.cancel().catch(() => undefined);
    if (signal?.aborted) throw new IndexFileError('aborted', undefined, { cause: signal.reason });
    throw err;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }

  if (!dest || !header) {
    throw new IndexFileError('truncated', `${loaded} bytes, the header alone needs ${INDEX_HEADER_BYTES}`);
  }
  if (loaded < header.totalBytes) throw new IndexFileError('truncated', `received ${loaded} of ${header.totalBytes} bytes`);
  return decodeIndex(dest, { ...options, computedChecksum: crc32Final(crc) });
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new IndexFileError('aborted', undefined, { cause: signal.reason });
}
