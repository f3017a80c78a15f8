// The encoder worker's messages: CLIP text and image embeddings. The page calls it to embed a video's
// keyframes; the retrieval worker calls it directly (over a MessagePort the page hands out at
// start-up) to embed the phrases of an intent: no vector travels through the page.
import type { StatusListener, WorkerBase, WorkerConfig } from './common.ts';

export type EncoderDevice = 'webgpu' | 'wasm';

/** RGBA pixels (a canvas ImageData), opaque or flattened by the caller. */
export interface Picture {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

export interface EncodedBatch {
  /** The model's identity (name@hash of its files), as recorded in the indexes built with it. */
  modelId: string;
  device: string;
  /** Unit length, one per input. */
  vectors: Float32Array[];
}

/** What the encoder answers on a port: text embeddings only (the retrieval worker's need). */
export interface TextEncoderPort {
  encodeText(modelName: string, texts: string[]): Promise<EncodedBatch>;
}

export interface EncoderApi extends WorkerBase {
  init(listener: StatusListener, config: WorkerConfig): void;
  /** Serves `TextEncoderPort` on this port (handed to the retrieval worker). */
  connect(port: MessagePort): void;
  encodeText(requestId: number, modelName: string, texts: string[], device?: EncoderDevice): Promise<EncodedBatch>;
  encodeImages(requestId: number, modelName: string, pictures: Picture[]): Promise<EncodedBatch>;
}
