// The retrieval worker's phrase vectors (src/workers/retrieval/phrase-vectors.ts): a rank waits for
// the encoder only briefly, and while vectors it did not wait for are still on their way the worker
// says so (`arriving`: the page marks the feed busy), until they land and `onArrive` ranks again.
import * as Comlink from 'comlink';
import { afterEach, describe, expect, test } from 'vitest';
import type { EncodedBatch, TextEncoderPort } from '../../../src/messages/encoder.ts';
import { PhraseVectors } from '../../../src/workers/retrieval/phrase-vectors.ts';

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

/** A phrase-vector store wired to a fake encoder whose answers the test releases by hand. */
function wired(fail = false) {
  const gates: (() => void)[] = [];
  const encoder: TextEncoderPort = {
    encodeText: (_model, texts) =>
      new Promise<EncodedBatch>((resolve, reject) => {
        gates.push(() => (fail ? reject(new Error('The CLIP model "m" is not shipped with this site')) : resolve({ modelId: 'm@1', device: 'wasm', vectors: texts.map(() => new Float32Array([1, 0])) })));
      }),
  };
  const channel = new MessageChannel();
  channels.push(channel);
  Comlink.expose(encoder, channel.port1);
  const vectors = new PhraseVectors();
  vectors.connect(channel.port2);
  let arrivals = 0;
  vectors.onArrive = () => arrivals++;
  const until = async (test: () => boolean) => {
    for (let i = 0; i < 200 && !test(); i++) await new Promise((r) => setTimeout(r, 5));
  };
  return { vectors, gates, arrivals: () => arrivals, until };
}

describe('phrase vectors still on their way', () => {
  test('a rank that stopped waiting leaves the vectors arriving until they land, then onArrive follows', async () => {
    const { vectors, gates, arrivals, until } = wired();
    await vectors.ensure('m', ['dog'], 10);
    expect(vectors.get('m', 'dog')).toBeUndefined();
    expect(vectors.arriving).toBe(true);
    await until(() => gates.length > 0);
    gates[0]!();
    await until(() => arrivals() > 0);
    expect(arrivals()).toBe(1);
    expect(vectors.arriving).toBe(false);
    expect(vectors.get('m', 'dog')).toEqual(new Float32Array([1, 0]));
  });

  test('vectors that come within the wait are no late arrival', async () => {
    const { vectors, gates, arrivals, until } = wired();
    const ensured = vectors.ensure('m', ['cat'], 5_000);
    await until(() => gates.length > 0);
    gates[0]!();
    await ensured;
    expect(vectors.arriving).toBe(false);
    expect(vectors.get('m', 'cat')).toBeDefined();
    await new Promise((r) => setTimeout(r, 20));
    expect(arrivals()).toBe(0);
  });

  test('a model that fails to load ends the wait too: nothing is left arriving, and it is not retried', async () => {
    const { vectors, gates, arrivals, until } = wired(true);
    await vectors.ensure('m', ['dog'], 10);
    expect(vectors.arriving).toBe(true);
    await until(() => gates.length > 0);
    gates[0]!();
    await until(() => arrivals() > 0);
    expect(vectors.arriving).toBe(false);
    expect(vectors.get('m', 'dog')).toBeUndefined();
    await vectors.ensure('m', ['dog'], 10);
    expect(vectors.arriving).toBe(false);
    expect(gates).toHaveLength(1);
  });
});
