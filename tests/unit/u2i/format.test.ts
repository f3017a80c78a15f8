import { describe, expect, it } from 'vitest';
import {
  decodeVectors,
  encodeVectors,
  fileChecksum,
  parseItemVectors,
  parseU2iManifest,
  parseUserVector,
  U2iError,
  userVectorPath,
  type U2iManifest,
} from '../../../src/core/u2i/format.ts';

const items = { dim: 3, rows: 2, data: Float32Array.from([1, 2, 3, -4, 0.5, 6]) };

function manifestFor(bytes: Uint8Array, overrides: Partial<U2iManifest> = {}): unknown {
  return {
    formatVersion: 1,
    catalogId: 'movies',
    modelId: 'test',
    dim: 3,
    dtype: 'float32',
    items: { file: 'items.bin', count: 2, checksum: fileChecksum(bytes), sizeBytes: bytes.byteLength, ids: ['1', '2'] },
    users: { pattern: 'users/{id}.bin', count: 2, ids: ['7', '9'], maxNorm: 3 },
    demoUsers: [{ userId: '7', description: 'likes sci-fi', topGenres: ['science fiction'], interactions: 10 }],
    licence: { summary: 'test', file: 'LICENSE.md' },
    training: { method: 'test' },
    ...overrides,
  };
}

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    if (e instanceof U2iError) return e.code;
    throw e;
  }
  return undefined;
};

describe('U2I vector files', () => {
  it('round-trips item and user vectors in float32 exactly and float16 closely', () => {
    const f32 = decodeVectors(encodeVectors('items', items));
    expect(f32).toMatchObject({ kind: 'items', dim: 3, rows: 2, dtype: 'float32' });
    expect(Array.from(f32.data)).toEqual([1, 2, 3, -4, 0.5, 6]);
    const f16 = decodeVectors(encodeVectors('items', { dim: 3, rows: 2, data: Float32Array.from([0.1, 2, 3, -4, 0.5, 6]) }, 'float16'));
    expect(f16.data[0]).toBeCloseTo(0.1, 3);
    expect(f16.data[3]).toBe(-4);
    const user = encodeVectors('user', { dim: 3, rows: 1, data: Float32Array.from([1, 0, -1]) });
    expect(user.byteLength).toBe(32 + 12);
    expect(Array.from(parseUserVector(user, { dim: 3 }))).toEqual([1, 0, -1]);
  });

  it('refuses corrupt, truncated, foreign and mismatched files with typed codes', () => {
    const good = encodeVectors('items', items);
    const flipped = good.slice();
    flipped[40]! ^= 1;
    expect(codeOf(() => decodeVectors(flipped))).toBe('checksum-mismatch');
    expect(codeOf(() => decodeVectors(good.subarray(0, good.byteLength - 4)))).toBe('truncated');
    expect(codeOf(() => decodeVectors(Uint8Array.from([...good, 0])))).toBe('trailing-bytes');
    expect(codeOf(() => decodeVectors(new TextEncoder().encode('<!doctype html><html>not a vector file</html>')))).toBe('bad-magic');
    const v2 = good.slice();
    v2[4] = 2;
    expect(codeOf(() => decodeVectors(v2))).toBe('unsupported-version');
    expect(codeOf(() => decodeVectors(good, { kind: 'user' }))).toBe('wrong-kind');
    expect(codeOf(() => decodeVectors(good, { dim: 4 }))).toBe('dim-mismatch');
    expect(codeOf(() => encodeVectors('user', { dim: 2, rows: 1, data: Float32Array.from([NaN, 1]) }))).toBe('not-finite');
  });

  it('checks item vectors against the manifest', () => {
    const bytes = encodeVectors('items', items);
    const manifest = parseU2iManifest(manifestFor(bytes));
    expect(parseItemVectors(bytes, manifest).rows).toBe(2);
    const other = encodeVectors('items', { ...items, data: Float32Array.from([1, 2, 3, 4, 5, 6]) });
    expect(codeOf(() => parseItemVectors(other, manifest))).toBe('checksum-mismatch');
    const three = encodeVectors('items', { dim: 3, rows: 3, data: new Float32Array(9) });
    expect(codeOf(() => parseItemVectors(three, parseU2iManifest(manifestFor(three))))).toBe('count-mismatch');
  });

  it('validates the manifest and builds user paths', () => {
    const bytes = encodeVectors('items', items);
    const manifest = parseU2iManifest(manifestFor(bytes));
    expect(userVectorPath(manifest, '9')).toBe('users/9.bin');
    expect(codeOf(() => userVectorPath(manifest, '10'))).toBe('invalid-manifest');
    expect(codeOf(() => parseU2iManifest({ ...(manifestFor(bytes) as object), dim: 0 }))).toBe('invalid-manifest');
    const badDemo = manifestFor(bytes, {
      demoUsers: [{ userId: '8', description: 'nobody', topGenres: [], interactions: 0 }],
    });
    expect(() => parseU2iManifest(badDemo)).toThrow(/demo user 8 has no vector/);
    const badIds = manifestFor(bytes);
    (badIds as { items: { ids: string[] } }).items.ids = ['1', '1'];
    expect(() => parseU2iManifest(badIds)).toThrow(/duplicate item ids/);
    const escape = manifestFor(bytes);
    (escape as { users: { pattern: string } }).users.pattern = '../{id}.bin';
    expect(codeOf(() => parseU2iManifest(escape))).toBe('invalid-manifest');
  });
});
