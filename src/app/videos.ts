// Adding a video from the user's device: decoded in the page (it needs a <video> element and a
// canvas), keyframes picked where the motion and the cuts are, embedded by the CLIP vision tower in
// the encoder worker, pooled, then handed to the retrieval worker, which stores it and serves it as
// "Your videos". Nothing is uploaded. Any failure is reported and leaves the stored videos as they were.
import { poolMean } from '../core/video/pool.ts';
import { StoreError } from '../store/db.ts';
import type { Recommender } from './recommender.ts';
import { ingestVideo, VideoIngestError } from './video-ingest.ts';

/** The CLIP model that embeds the videos a user adds (its vision tower), and searches them (its text tower). */
export const LOCAL_VIDEO_MODEL = 'clip-mini';
/** The largest video file accepted (it is kept in IndexedDB, on this device). */
export const MAX_VIDEO_BYTES = 200 * 1024 * 1024;

export interface VideoTask {
  name: string;
  stage: 'reading' | 'embedding' | 'saving' | 'done' | 'failed';
  detail?: string;
}

function newVideoId(): string {
  return `v-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export async function addVideo(app: Recommender, file: File): Promise<boolean> {
  const name = file.name || 'video';
  const fail = (detail: string) => {
    app.set({ videoTask: { name, stage: 'failed', detail } });
    return false;
  };
  if (file.size > MAX_VIDEO_BYTES) return fail(`The file is ${(file.size / 1e6).toFixed(0)} MB; videos up to ${MAX_VIDEO_BYTES / 1024 / 1024} MB can be added.`);
  try {
    app.set({ videoTask: { name, stage: 'reading', detail: 'Finding the keyframes (on this device)…' } });
    const ingested = await ingestVideo(file);
    app.set({ videoTask: { name, stage: 'embedding', detail: `${ingested.keyframes.length} keyframes of ${ingested.analysed} analysed frames; embedding them…` } });
    const { modelId, vectors } = await app.workers.encoder.call((r, id) => r.encodeImages(id, LOCAL_VIDEO_MODEL, ingested.pictures.map((p) => ({ ...p }))));
    const vector = poolMean(vectors);
    app.set({ videoTask: { name, stage: 'saving' } });
    await app.workers.retrieval.call((r) => r.addVideo({
      id: newVideoId(), name, addedAt: Date.now(), duration: ingested.duration,
      file, poster: ingested.poster, modelId, pooling: 'mean', vector: new Float32Array(vector),
      keyframes: ingested.keyframes.map((k, i) => ({ t: k.t, reason: k.reason, vector: new Float32Array(vectors[i]!) })),
    }));
    app.set({ videoTask: { name, stage: 'done', detail: `Added: ${ingested.keyframes.length} keyframes (${ingested.keyframes.map((k) => `${k.t.toFixed(1)} s ${k.reason}`).join(', ')}). Ask for what is in it.` } });
    return true;
  } catch (err) {
    if (err instanceof VideoIngestError) return fail(`This video could not be read: ${err.message}.`);
    if (err instanceof StoreError || (err as { name?: string }).name === 'StoreError') return fail(`${(err as Error).message} The video was not added.`);
    return fail(`The video could not be added: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export async function removeVideo(app: Recommender, id: string): Promise<void> {
  try {
    await app.workers.retrieval.call((r) => r.removeVideo(id));
  } catch (err) {
    app.set({ banner: `The video could not be removed: ${err instanceof Error ? err.message : String(err)}` });
  }
}
