// Query vectors per (model, phrase), owned here: a phrase is encoded once (by the encoder worker,
// reached directly over a MessagePort), then every rank uses it at once. A rank waits for missing
// vectors only up to a short budget, so a turn costs one rank when the encoder is warm; vectors
// that arrive later trigger one more rank through `onArrive`.
import * as Comlink from 'comlink';
import type { TextEncoderPort } from '../../messages/encoder.ts';

/**
 * How long a rank waits for the encoder before ranking without the missing vectors. The warm text
 * tower encodes a few phrases in 5-20 ms on this machine (bench/RESULTS-app.md, "CLIP encoding");
 * a cold one takes seconds (model load), which this budget does not wait for.
 */
export const ENCODE_WAIT_MS = 120;
/** A call on a port whose encoder died never answers: give up after this long so the phrase can be retried. */
const ENCODE_TIMEOUT_MS = 30_000;

export class PhraseVectors {
  private encoder: Comlink.Remote<TextEncoderPort> | null = null;
  private readonly vectors = new Map<string, Float32Array>();
  private readonly pending = new Map<string, Promise<void>>();
  /** model name -> the identity (name@hash) its vectors come from. */
  private readonly modelIds = new Map<string, string>();
  /** Models that failed to load in this session: not retried on every rank. */
  private readonly failed = new Set<string>();
  encodeCalls = 0;
  /** Ranks that stopped waiting for vectors still on their way (each is followed by `onArrive`). */
  private lateWaits = 0;
  /** Vectors arrived after a rank stopped waiting for them. */
  onArrive: () => void = () => {};

  connect(port: MessagePort): void {
    this.encoder = Comlink.wrap<TextEncoderPort>(port);
    this.failed.clear(); // a restarted encoder may load the model this time
  }

  /**
   * A rank went ahead without vectors that are still being encoded: the feed it made is followed by
   * another one when they arrive (the page marks the feed busy until then).
   */
  get arriving(): boolean {
    return this.lateWaits > 0;
  }

  modelIdOf(model: string): string | undefined {
    return this.modelIds.get(model);
  }

  get(model: string, text: string): Float32Array | undefined {
    return this.vectors.get(`${model}\n${text}`);
  }

  /**
   * Starts encoding the phrases not known yet and waits for them up to `waitMs`. Resolves either way;
   * vectors arriving after the wait call `onArrive`.
   */
  async ensure(model: string, texts: readonly string[], waitMs = ENCODE_WAIT_MS): Promise<void> {
    if (!this.encoder || this.failed.has(model)) return;
    const todo = [...new Set(texts)].filter((t) => !this.vectors.has(`${model}\n${t}`) && !this.pending.has(`${model}\n${t}`));
    if (todo.length > 0) {
      const encoder = this.encoder;
      this.encodeCalls++;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const call = Promise.race([
        encoder.encodeText(model, todo),
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('the encoder did not answer')), ENCODE_TIMEOUT_MS))),
      ]);
      const job = call
        .then(({ modelId, vectors }) => {
          this.modelIds.set(model, modelId);
          todo.forEach((t, i) => this.vectors.set(`${model}\n${t}`, vectors[i]!));
        })
        .catch((err: unknown) => {
          // The encoder reports why in the status bar; the feed keeps its lexical and other sources.
          if ((err as { name?: string }).name === 'ModelMissingError' || /not shipped|not available|identity/i.test(String(err))) this.failed.add(model);
        })
        .finally(() => {
          clearTimeout(timer);
          for (const t of todo) this.pending.delete(`${model}\n${t}`);
        });
      for (const t of todo) this.pending.set(`${model}\n${t}`, job);
    }
    const waiting = [...new Set(texts)].map((t) => this.pending.get(`${model}\n${t}`)).filter((p): p is Promise<void> => p !== undefined);
    if (waiting.length === 0) return;
    const all = Promise.all(waiting);
    let late = true;
    await Promise.race([all.then(() => (late = false)), new Promise((r) => setTimeout(r, waitMs))]);
    if (!late) return;
    this.lateWaits++;
    void all.then(() => {
      this.lateWaits--;
      this.onArrive();
    });
  }
}
