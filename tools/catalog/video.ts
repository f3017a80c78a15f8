// A video item: probe it and decode small grey analysis frames (tools/video/ffmpeg.ts, Debian's
// ffmpeg), pick adaptive keyframes (src/core/video/keyframes.ts, as the demo video catalog does),
// embed them with the CLIP vision tower, mean-pool them (src/core/video/pool.ts), and keep the first
// keyframe as the WebP poster. The keyframes come out of ONE ffmpeg run through the same fps filter
// as the analysis frames (frame n of it is analysis frame n): a seek per keyframe cost ~0.9 s each
// on the 2-core build machine (8 keyframes: 7.1 s against 0.8 s for the whole grey decode, 2026-11-30).
import { spawn } from 'node:child_process';
import sharp from 'sharp';
import { selectKeyframesAdaptive } from '../../src/core/video/keyframes.ts';
import { poolMean } from '../../src/core/video/pool.ts';
import { decodeGrayFrames, FfmpegError, INSTALL_HINT, probeVideo } from '../video/ffmpeg.ts';
import type { ClipEncoder } from './encoder.ts';
import { MediaError, THUMB_MAX_PX, THUMB_QUALITY, why } from './media.ts';

/** Keyframes per video: the budget the demo catalog's recall was measured with (tools/build-video-catalog.ts). */
export const VIDEO_KEYFRAME_BUDGET = 8;
/** Grey analysis frames: 32x32 at up to 12 fps, and at most this many for a long video. */
const ANALYSIS = { width: 32, height: 32, maxFps: 12, maxFrames: 3_600 } as const;
/**
 * A video whose frames end this much before the duration its header states is cut short (a WebM
 * stopped mid-upload decodes without an error up to the cut: 1.7 s of a 4 s clip, "File ended
 * prematurely" only as a log line). Whole files decode to the stated duration exactly at the analysis
 * rate (the 20 demo clips, tools/build-video-catalog.ts); the slack covers two frames and an audio
 * track a little longer than the picture.
 */
const TRUNCATED_SLACK = { seconds: 0.5, frames: 2, fraction: 0.02 } as const;

class TruncatedVideoError extends MediaError {}

export interface VideoResult {
  readonly vector: Float32Array;
  readonly keyframes: { t: number; reason: string; vector: Float32Array }[];
  readonly durationS: number;
  readonly posterWebp: Buffer;
}

/** rgb24 frames number `indices` of the stream after `fps=<fps>`, scaled to width x height. */
function framesAt(path: string, fps: number, indices: readonly number[], width: number, height: number): Promise<Buffer[]> {
  const select = indices.map((n) => `eq(n\\,${n})`).join('+');
  const args = ['-v', 'error', '-nostdin', '-i', path, '-an', '-vf', `fps=${fps},select='${select}',scale=${width}:${height}:flags=bicubic,format=rgb24`, '-fps_mode', 'passthrough', '-f', 'rawvideo', 'pipe:1'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.env.FFMPEG ?? 'ffmpeg', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => (err += b.toString('utf8')));
    child.on('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT' ? new FfmpegError('missing-ffmpeg', `ffmpeg was not found: ${INSTALL_HINT}`) : e));
    child.on('close', (code) => {
      const all = Buffer.concat(out);
      const size = width * height * 3;
      if (code !== 0 || all.length < size * indices.length) {
        reject(new MediaError(`ffmpeg gave ${Math.floor(all.length / size)} of ${indices.length} keyframes (${err.trim().split('\n').slice(-2).join(' | ')})`));
        return;
      }
      resolve(indices.map((_, i) => all.subarray(i * size, (i + 1) * size)));
    });
  });
}

export async function readVideo(path: string, size: number, encoder: ClipEncoder): Promise<VideoResult> {
  if (size === 0) throw new MediaError('empty file (0 bytes)');
  try {
    const probe = await probeVideo(path);
    const fps = Math.min(ANALYSIS.maxFps, ANALYSIS.maxFrames / probe.durationS);
    const frames = await decodeGrayFrames(path, { fps, width: ANALYSIS.width, height: ANALYSIS.height });
    const decodedS = frames.length / fps;
    const slackS = Math.max(TRUNCATED_SLACK.seconds, TRUNCATED_SLACK.frames / fps, TRUNCATED_SLACK.fraction * probe.durationS);
    if (probe.durationS - decodedS > slackS) {
      throw new TruncatedVideoError(`video is truncated (its frames end at ${decodedS.toFixed(1)} s of the ${probe.durationS.toFixed(1)} s its header states)`);
    }
    const picks = selectKeyframesAdaptive(frames, VIDEO_KEYFRAME_BUDGET);
    const scale = Math.min(1, THUMB_MAX_PX / Math.max(probe.width, probe.height));
    const w = Math.max(2, Math.round((probe.width * scale) / 2) * 2);
    const h = Math.max(2, Math.round((probe.height * scale) / 2) * 2);
    const rgb = await framesAt(path, fps, picks.map((k) => k.index), w, h);
    const vectors = await encoder.embedImages(rgb.map((data) => ({ width: w, height: h, data: new Uint8Array(data.buffer, data.byteOffset, data.length) })));
    const posterWebp = await sharp(rgb[0]!, { raw: { width: w, height: h, channels: 3 } }).webp({ quality: THUMB_QUALITY }).toBuffer();
    return {
      vector: poolMean(vectors),
      keyframes: picks.map((k, i) => ({ t: Number(k.t.toFixed(4)), reason: k.reason, vector: vectors[i]! })),
      durationS: Number(probe.durationS.toFixed(3)),
      posterWebp,
    };
  } catch (err) {
    if (err instanceof FfmpegError && err.code === 'missing-ffmpeg') throw err; // not this file's fault: stop the build
    if (err instanceof TruncatedVideoError) throw err;
    throw new MediaError(`not a readable video (${why(err)})`);
  }
}
