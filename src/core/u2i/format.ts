// U2I vector files: one binary for a catalog's item vectors, one small binary per user, and a JSON
// manifest tying them to a catalog's item ids. Encoded by tools/u2i at build time and parsed here
// in the page; both sides use this module, so the layout is written down once.
//
// Binary layout (little-endian), 32-byte header then the payload:
//   0  magic "U2IV"        4  format version (u32)   8  kind (u32: 1 items, 2 user)
//   12 dim (u32)           16 rows (u32)             20 dtype (u32: 1 float32, 2 float16)
//   24 CRC-32 of payload   28 reserved (0)
//   32 rows x dim values, row-major
import { z } from 'zod';
import { crc32 } from '../index/crc32.ts';
import { decodeFloat16, toFloat16Bits } from '../index/float16.ts';

export const U2I_FORMAT_VERSION = 1;
export const U2I_MAGIC = 'U2IV';
export const U2I_HEADER_BYTES = 32;
/** Largest dim a file may declare: far above any factorisation we train, far below a hostile value. */
const MAX_DIM = 4096;

export const U2I_KINDS = { items: 1, user: 2 } as const;
export type U2iKind = keyof typeof U2I_KINDS;
export const U2I_DTYPES = { float32: 1, float16: 2 } as const;
export type U2iDtype = keyof typeof U2I_DTYPES;

export const U2I_ERROR_CODES = [
  'bad-magic', // not a U2I vector file (an HTML error page, a JSON file, ...)
  'unsupported-version',
  'invalid-header', // kind, dtype or sizes out of range
  'truncated',
  'trailing-bytes',
  'checksum-mismatch',
  'not-finite', // NaN or Infinity in the vectors
  'wrong-kind', // an item file where a user file was expected, or the reverse
  'dim-mismatch', // user and item vectors of different sizes, or not what the manifest says
  'count-mismatch', // the item file does not hold as many rows as the manifest lists ids
  'invalid-manifest',
] as const;
export type U2iErrorCode = (typeof U2I_ERROR_CODES)[number];

/** A refused U2I file or manifest; `code` is stable, `message` carries the numbers. */
export class U2iError extends Error {
  override readonly name = 'U2iError';
  constructor(
    readonly code: U2iErrorCode,
    detail: string,
  ) {
    super(`U2I ${code}: ${detail}`);
  }
}

/** A dense matrix of vectors, row-major. */
export interface VectorMatrix {
  readonly dim: number;
  readonly rows: number;
  readonly data: Float32Array;
}

export interface U2iFile extends VectorMatrix {
  readonly kind: U2iKind;
  readonly dtype: U2iDtype;
}

export function encodeVectors(kind: U2iKind, m: VectorMatrix, dtype: U2iDtype = 'float32'): Uint8Array {
  if (m.data.length !== m.rows * m.dim) throw new U2iError('invalid-header', `${m.data.length} values for ${m.rows} x ${m.dim}`);
  for (const x of m.data) if (!Number.isFinite(x)) throw new U2iError('not-finite', 'refusing to encode NaN or Infinity');
  const bytesPer = dtype === 'float32' ? 4 : 2;
  const out = new Uint8Array(U2I_HEADER_BYTES + m.data.length * bytesPer);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = U2I_MAGIC.charCodeAt(i);
  view.setUint32(4, U2I_FORMAT_VERSION, true);
  view.setUint32(8, U2I_KINDS[kind], true);
  view.setUint32(12, m.dim, true);
  view.setUint32(16, m.rows, true);
  view.setUint32(20, U2I_DTYPES[dtype], true);
  for (let i = 0; i < m.data.length; i++) {
    const at = U2I_HEADER_BYTES + i * bytesPer;
    if (dtype === 'float32') view.setFloat32(at, m.data[i]!, true);
    else view.setUint16(at, toFloat16Bits(m.data[i]!), true);
  }
  view.setUint32(24, crc32(out.subarray(U2I_HEADER_BYTES)), true);
  return out;
}

function keyOf<T extends Record<string, number>>(table: T, value: number): keyof T | undefined {
  return (Object.keys(table) as (keyof T)[]).find((k) => table[k] === value);
}

/** Parses and checks a vector file; `expect` pins what the caller needs (kind, dim). */
export function decodeVectors(bytes: Uint8Array, expect: { kind?: U2iKind; dim?: number } = {}): U2iFile {
  if (bytes.byteLength < U2I_HEADER_BYTES) {
    const magicPrefix = String.fromCharCode(...bytes.subarray(0, 4));
    if (!U2I_MAGIC.startsWith(magicPrefix) || bytes.byteLength < 4) {
      throw new U2iError(bytes.byteLength < 4 ? 'truncated' : 'bad-magic', `${bytes.byteLength} bytes`);
    }
    throw new U2iError('truncated', `${bytes.byteLength} bytes, the header alone is ${U2I_HEADER_BYTES}`);
  }
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== U2I_MAGIC) throw new U2iError('bad-magic', `starts with ${JSON.stringify(magic)}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== U2I_FORMAT_VERSION) {
    throw new U2iError('unsupported-version', `file version ${version}, this build reads ${U2I_FORMAT_VERSION}`);
  }
  const kind = keyOf(U2I_KINDS, view.getUint32(8, true));
  const dtype = keyOf(U2I_DTYPES, view.getUint32(20, true));
  const dim = view.getUint32(12, true);
  const rows = view.getUint32(16, true);
  if (!kind || !dtype || dim === 0 || dim > MAX_DIM) {
    throw new U2iError('invalid-header', `kind ${view.getUint32(8, true)}, dtype ${view.getUint32(20, true)}, dim ${dim}`);
  }
  if (kind === 'user' && rows !== 1) throw new U2iError('invalid-header', `a user file holds ${rows} rows, expected 1`);
  const bytesPer = dtype === 'float32' ? 4 : 2;
  const expected = U2I_HEADER_BYTES + rows * dim * bytesPer;
  if (bytes.byteLength < expected) throw new U2iError('truncated', `${bytes.byteLength} of ${expected} bytes`);
  if (bytes.byteLength > expected) throw new U2iError('trailing-bytes', `${bytes.byteLength} bytes, header says ${expected}`);
  const stored = view.getUint32(24, true);
  const actual = crc32(bytes.subarray(U2I_HEADER_BYTES));
  if (stored !== actual) throw new U2iError('checksum-mismatch', `stored ${stored.toString(16)}, computed ${actual.toString(16)}`);
  if (expect.kind && expect.kind !== kind) throw new U2iError('wrong-kind', `a ${kind} file where a ${expect.kind} file was expected`);
  if (expect.dim !== undefined && expect.dim !== dim) throw new U2iError('dim-mismatch', `file dim ${dim}, expected ${expect.dim}`);
  const n = rows * dim;
  let data: Float32Array;
  if (dtype === 'float32') {
    data = new Float32Array(n);
    for (let i = 0; i < n; i++) data[i] = view.getFloat32(U2I_HEADER_BYTES + 4 * i, true);
  } else {
    const bits = new Uint16Array(n);
    for (let i = 0; i < n; i++) bits[i] = view.getUint16(U2I_HEADER_BYTES + 2 * i, true);
    data = decodeFloat16(bits);
  }
  for (let i = 0; i < n; i++) if (!Number.isFinite(data[i]!)) throw new U2iError('not-finite', `value ${i} is ${data[i]}`);
  return { kind, dtype, dim, rows, data };
}

/** The CRC-32 of a whole file as the manifest records it: 8 lowercase hex digits. */
export const fileChecksum = (bytes: Uint8Array): string => crc32(bytes).toString(16).padStart(8, '0');

const relativePath = z
  .string()
  .min(1)
  .max(256)
  .refine((p) => !p.startsWith('/') && !p.includes('..') && !/^[a-z]+:/i.test(p), { message: 'must be a relative path' });

export const DemoUserSchema = z
  .object({
    userId: z.string().min(1).max(32),
    /** One line a person reads when picking a demo user. */
    description: z.string().min(1).max(256),
    topGenres: z.array(z.string().max(64)).max(8),
    interactions: z.number().int().min(0),
  })
  .strict();
export type DemoUser = z.infer<typeof DemoUserSchema>;

export const U2iManifestSchema = z
  .object({
    formatVersion: z.literal(U2I_FORMAT_VERSION),
    /** The catalog whose item ids the rows follow. */
    catalogId: z.string().regex(/^[a-z0-9-]+$/),
    modelId: z.string().min(1),
    dim: z.number().int().positive().max(MAX_DIM),
    dtype: z.enum(['float32', 'float16']),
    items: z
      .object({
        file: relativePath,
        count: z.number().int().min(0),
        checksum: z.string().regex(/^[0-9a-f]{8}$/),
        sizeBytes: z.number().int().positive(),
        /** Catalog item id of each row, in row order. */
        ids: z.array(z.string().min(1).max(64)),
      })
      .strict(),
    users: z
      .object({
        /** Path of one user's file; "{id}" is replaced by the user id. */
        pattern: relativePath.refine((p) => p.includes('{id}'), { message: 'must contain {id}' }),
        count: z.number().int().min(0),
        ids: z.array(z.string().min(1).max(32)),
        /** The largest norm among shipped user vectors: a natural bound for on-device updates. */
        maxNorm: z.number().positive(),
      })
      .strict(),
    demoUsers: z.array(DemoUserSchema).max(64),
    licence: z.object({ summary: z.string().min(1), file: relativePath }).strict(),
    /** How the vectors were made (method, data, split, hyper-parameters): shown in the status panel. */
    training: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.items.ids.length !== m.items.count) {
      ctx.addIssue({ code: 'custom', path: ['items', 'ids'], message: `${m.items.ids.length} ids for count ${m.items.count}` });
    }
    if (new Set(m.items.ids).size !== m.items.ids.length) ctx.addIssue({ code: 'custom', path: ['items', 'ids'], message: 'duplicate item ids' });
    if (m.users.ids.length !== m.users.count) {
      ctx.addIssue({ code: 'custom', path: ['users', 'ids'], message: `${m.users.ids.length} ids for count ${m.users.count}` });
    }
    const users = new Set(m.users.ids);
    for (const d of m.demoUsers) {
      if (!users.has(d.userId)) ctx.addIssue({ code: 'custom', path: ['demoUsers'], message: `demo user ${d.userId} has no vector` });
    }
  });
export type U2iManifest = z.infer<typeof U2iManifestSchema>;

export function parseU2iManifest(data: unknown): U2iManifest {
  const r = U2iManifestSchema.safeParse(data);
  if (!r.success) {
    const first = r.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new U2iError('invalid-manifest', first.join('; '));
  }
  return r.data;
}

/** The path of one user's vector file, relative to the manifest. */
export function userVectorPath(manifest: U2iManifest, userId: string): string {
  if (!manifest.users.ids.includes(userId)) throw new U2iError('invalid-manifest', `no vector for user "${userId}"`);
  return manifest.users.pattern.replace('{id}', encodeURIComponent(userId));
}

/** Item vectors checked against the manifest: row count, dim and checksum of the whole file. */
export function parseItemVectors(bytes: Uint8Array, manifest: U2iManifest): VectorMatrix {
  const sum = fileChecksum(bytes);
  if (sum !== manifest.items.checksum) throw new U2iError('checksum-mismatch', `item file ${sum}, manifest ${manifest.items.checksum}`);
  const f = decodeVectors(bytes, { kind: 'items', dim: manifest.dim });
  if (f.rows !== manifest.items.count) throw new U2iError('count-mismatch', `${f.rows} rows, manifest lists ${manifest.items.count} ids`);
  return { dim: f.dim, rows: f.rows, data: f.data };
}

/** One user's vector checked against the manifest's dim. */
export function parseUserVector(bytes: Uint8Array, manifest: Pick<U2iManifest, 'dim'>): Float32Array {
  return decodeVectors(bytes, { kind: 'user', dim: manifest.dim }).data;
}
