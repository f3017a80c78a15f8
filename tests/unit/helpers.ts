// Helpers shared by unit tests, kept in one place instead of a copy per test file: vector comparisons for
// the parity tests, the error code a call throws, a local HTTP server's endpoint, and temporary folders.
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

/** Largest |a[i] - b[i]|; expects equal lengths. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

/** Cosine similarity of two vectors of the same length. */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return dot / Math.sqrt(na * nb);
}

/**
 * The `code` of the error `fn` throws, after checking that it is an instance of `type`;
 * undefined when nothing is thrown.
 */
export function thrownCode<E extends Error & { code: string }>(
  fn: () => unknown,
  type: abstract new (...args: never[]) => E,
): E['code'] | undefined {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(type);
    return (e as E).code;
  }
  return undefined;
}

/** Starts `server` on a free port of 127.0.0.1; resolves to its endpoint, `http://127.0.0.1:<port>`. */
export async function listenLocal(server: Server): Promise<string> {
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

/** A new empty folder under the system's temporary folder, its name starting with `prefix`. */
export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Runs `fn` with a new temporary folder and removes the folder afterwards, whatever `fn` did. */
export async function withTempDir<T>(prefix: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await tempDir(prefix);
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
