// A video the user drops into the page, turned into keyframes on this device: the browser decodes it
// (a <video> element, so every codec the browser plays works; nothing is uploaded), small grey frames
// at a fixed analysis rate go to the same adaptive keyframe selection as the Node catalog tool
// (src/core/video/keyframes.ts), and the chosen frames are returned as RGBA pictures for the CLIP
// vision tower, plus a poster.
import { grayFromRgba } from '../core/video/gray.ts';
import { type AnalysedFrame, type Keyframe, selectKeyframesAdaptive } from '../core/video/keyframes.ts';

export const VIDEO_INGEST_ERROR_CODES = ['not-a-video', 'unsupported', 'empty', 'too-long', 'decode-timeout'] as const;
export type VideoIngestErrorCode = (typeof VIDEO_INGEST_ERROR_CODES)[number];

export class VideoIngestError extends Error {
  override readonly name = 'VideoIngestError';
  constructor(
    readonly code: VideoIngestErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface IngestOptions {
  /** Frames analysed per second (grey, for motion and cuts). */
  readonly analysisFps?: number;
  /** At most this many analysed frames: a long video is analysed at a lower rate. */
  readonly maxAnalysed?: number;
  /** Keyframes kept for embedding. */
  readonly budget?: number;
  /** Side of the square RGBA keyframe pictures (the CLIP input size). */
  readonly size?: number;
  /** Longest video accepted, in seconds. */
  readonly maxSeconds?: number;
}

export interface IngestedVideo {
  readonly duration: number;
  readonly width: number;
  readonly height: number;
  readonly analysed: number;
  readonly keyframes: readonly Keyframe[];
  /** One RGBA picture per keyframe, size x size (centre crop). */
  readonly pictures: readonly { data: Uint8ClampedArray; width: number; height: number }[];
  /** The first keyframe as a small WebP (or PNG) for the feed card. */
  readonly poster: Blob;
}

const ANALYSIS_SIDE = 32;
const SEEK_TIMEOUT_MS = 5000;

function once(el: HTMLMediaElement, ok: string, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new VideoIngestError('decode-timeout', `the browser did not ${ok === 'seeked' ? 'seek in' : 'open'} the video within ${ms / 1000} s`)), ms);
    const onOk = () => done(null);
    const onErr = () => done(new VideoIngestError('unsupported', `this browser cannot play this file (${el.error?.message || `media error ${el.error?.code ?? '?'}`})`));
    function done(err: Error | null): void {
      clearTimeout(timer);
      el.removeEventListener(ok, onOk);
      el.removeEventListener('error', onErr);
      if (err) reject(err);
      else resolve();
    }
    el.addEventListener(ok, onOk);
    el.addEventListener('error', onErr);
  });
}

/** Draws the current video frame as a centred square crop into `ctx`'s canvas. */
function drawSquare(ctx: CanvasRenderingContext2D, video: HTMLVideoElement, side: number): void {
  const w = video.videoWidth;
  const h = video.videoHeight;
  const s = Math.min(w, h);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, side, side);
  ctx.drawImage(video, (w - s) / 2, (h - s) / 2, s, s, 0, 0, side, side);
}

export async function ingestVideo(file: Blob, options: IngestOptions = {}): Promise<IngestedVideo> {
  const { analysisFps = 8, maxAnalysed = 240, budget = 8, size = 64, maxSeconds = 600 } = options;
  if (file.type && !file.type.startsWith('video/')) throw new VideoIngestError('not-a-video', `"${file.type}" is not a video type`);
  const url = URL.createObjectURL(file);
  const video = document.createElement('video');
  video.muted = true;
  video.preload = 'auto';
  video.playsInline = true;
  try {
    video.src = url;
    await once(video, 'loadeddata', SEEK_TIMEOUT_MS * 2);
    let duration = video.duration;
    if (!Number.isFinite(duration)) {
      // Some recorders write no duration: seeking far makes the browser find the end.
      video.currentTime = 1e7;
      await once(video, 'seeked', SEEK_TIMEOUT_MS);
      duration = video.duration;
    }
    if (!(duration > 0) || video.videoWidth === 0) throw new VideoIngestError('empty', 'the video has no frames');
    if (duration > maxSeconds) throw new VideoIngestError('too-long', `the video is ${Math.round(duration)} s long; at most ${maxSeconds} s`);
    const n = Math.max(1, Math.min(maxAnalysed, Math.floor(duration * analysisFps)));
    const step = duration / n;
    const grey = document.createElement('canvas');
    grey.width = grey.height = ANALYSIS_SIDE;
    const gctx = grey.getContext('2d', { willReadFrequently: true })!;
    const pic = document.createElement('canvas');
    pic.width = pic.height = size;
    const pctx = pic.getContext('2d', { willReadFrequently: true })!;
    const frames: AnalysedFrame[] = [];
    const pictures: { data: Uint8ClampedArray; width: number; height: number }[] = [];
    for (let i = 0; i < n; i++) {
      const t = Math.min(duration - 1e-3, i * step);
      video.currentTime = t;
      await once(video, 'seeked', SEEK_TIMEOUT_MS);
      drawSquare(gctx, video, ANALYSIS_SIDE);
      frames.push({ t, gray: grayFromRgba(gctx.getImageData(0, 0, ANALYSIS_SIDE, ANALYSIS_SIDE).data, ANALYSIS_SIDE, ANALYSIS_SIDE) });
      drawSquare(pctx, video, size);
      pictures.push({ data: pctx.getImageData(0, 0, size, size).data, width: size, height: size });
    }
    const keyframes = selectKeyframesAdaptive(frames, Math.min(budget, frames.length));
    const chosen = keyframes.map((k) => pictures[k.index]!);
    pctx.putImageData(new ImageData(new Uint8ClampedArray(chosen[0]!.data), size, size), 0, 0);
    const poster = await new Promise<Blob>((resolve, reject) =>
      pic.toBlob((b) => (b ? resolve(b) : reject(new VideoIngestError('empty', 'could not draw a poster frame'))), 'image/webp', 0.85),
    );
    return { duration, width: video.videoWidth, height: video.videoHeight, analysed: frames.length, keyframes, pictures: chosen, poster };
  } finally {
    video.removeAttribute('src');
    video.load();
    URL.revokeObjectURL(url);
  }
}
