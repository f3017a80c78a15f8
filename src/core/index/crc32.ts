// CRC-32 (IEEE 802.3, the zlib/PNG polynomial), slicing-by-8: the index checksum is computed over
// hundreds of megabytes while a file streams in, so the byte-at-a-time loop is too slow.

const POLY = 0xedb88320;
const TABLES = buildTables();

function buildTables(): Uint32Array {
  const t = new Uint32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? POLY ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n]!;
    for (let s = 1; s < 8; s++) {
      c = t[c & 0xff]! ^ (c >>> 8);
      t[s * 256 + n] = c >>> 0;
    }
  }
  return t;
}

/** Running CRC state: start with CRC32_INIT, feed ranges with crc32Update, finish with crc32Final. */
export const CRC32_INIT = 0xffffffff;

export function crc32Update(state: number, bytes: Uint8Array, start = 0, end = bytes.length): number {
  const t = TABLES;
  let c = state >>> 0;
  let i = start;
  // Head bytes one at a time until 4-byte aligned, then slicing-by-8 over aligned words (the
  // platform is little-endian; see format.ts), then the tail.
  while (i < end && ((bytes.byteOffset + i) & 3) !== 0) c = t[(c ^ bytes[i++]!) & 0xff]! ^ (c >>> 8);
  const blocks = (end - i) >>> 3;
  if (blocks > 0) {
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset + i, blocks * 2);
    for (let w = 0; w < words.length; w += 2) {
      const lo = words[w]! ^ c;
      const hi = words[w + 1]!;
      c =
        t[7 * 256 + (lo & 0xff)]! ^
        t[6 * 256 + ((lo >>> 8) & 0xff)]! ^
        t[5 * 256 + ((lo >>> 16) & 0xff)]! ^
        t[4 * 256 + (lo >>> 24)]! ^
        t[3 * 256 + (hi & 0xff)]! ^
        t[2 * 256 + ((hi >>> 8) & 0xff)]! ^
        t[256 + ((hi >>> 16) & 0xff)]! ^
        t[hi >>> 24]!;
    }
    i += blocks * 8;
  }
  for (; i < end; i++) c = t[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return c >>> 0;
}

export function crc32Final(state: number): number {
  return (state ^ 0xffffffff) >>> 0;
}

export function crc32(bytes: Uint8Array): number {
  return crc32Final(crc32Update(CRC32_INIT, bytes));
}
