// ffmpeg / ffprobe (Debian package `ffmpeg`) from Node: probe a video, decode small grey frames for
// keyframe analysis, extract RGB frames at given times for the CLIP vision tower, and generate test
// clips from ffmpeg's synthetic sources with static / moving / zooming segments and hard cuts at
// known times. Every failure is an FfmpegError with a stable code.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { AnalysedFrame } from '../../src/core/video/keyframes.ts';

export const FFMPEG_ERROR_CODES = ['missing-ffmpeg', 'unreadable', 'no-frames', 'bad-spec', 'failed'] as const;
export type FfmpegErrorCode = (typeof FFMPEG_ERROR_CODES)[number];
export const INSTALL_HINT = 'install it with `apt-get install ffmpeg` (Debian/Ubuntu)';

export class FfmpegError extends Error {
  override readonly name = 'FfmpegError';
  readonly code: FfmpegErrorCode;
  constructor(code: FfmpegErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Binaries to run; default `ffmpeg` / `ffprobe` on PATH, or $FFMPEG / $FFPROBE. */
export interface FfmpegTools {
  readonly ffmpeg?: string;
  readonly ffprobe?: string;
}

const bin = (tools: FfmpegTools | undefined, which: 'ffmpeg' | 'ffprobe'): string =>
  tools?.[which] ?? process.env[which.toUpperCase()] ?? which;

interface RunResult {
  stdout: Buffer;
  stderr: string;
  code: number | null;
}

function run(cmd: string, args: readonly string[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') reject(new FfmpegError('missing-ffmpeg', `${cmd} was not found: ${INSTALL_HINT}`));
      else reject(new FfmpegError('failed', `${cmd} could not start: ${e.message}`));
    });
    child.on('close', (code) => resolve({ stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8'), code }));
  });
}

/** True when both ffmpeg and ffprobe run. */
export async function ffmpegAvailable(tools?: FfmpegTools): Promise<boolean> {
  try {
    const [a, b] = await Promise.all([run(bin(tools, 'ffmpeg'), ['-version']), run(bin(tools, 'ffprobe'), ['-version'])]);
    return a.code === 0 && b.code === 0;
  } catch {
    return false;
  }
}

async function mustExist(path: string): Promise<void> {
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new Error('not a file');
  } catch {
    throw new FfmpegError('unreadable', `cannot read video file ${path}`);
  }
}

const lastLines = (s: string, n = 3): string => s.trim().split('\n').slice(-n).join(' | ');

export interface VideoProbe {
  readonly durationS: number;
  readonly width: number;
  readonly height: number;
  /** Average frame rate of the first video stream. */
  readonly fps: number;
  readonly codec: string;
  /** Start time of the video stream (frame times from decodeGrayFrames are relative to it). */
  readonly startS: number;
}

function rate(s: string | undefined): number {
  if (!s) return NaN;
  const [n, d] = s.split('/').map(Number);
  return d ? n! / d : n!;
}

export async function probeVideo(path: string, tools?: FfmpegTools): Promise<VideoProbe> {
  await mustExist(path);
  const r = await run(bin(tools, 'ffprobe'), ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', path]);
  if (r.code !== 0) throw new FfmpegError('unreadable', `ffprobe cannot read ${path}: ${lastLines(r.stderr)}`);
  const info = JSON.parse(r.stdout.toString('utf8')) as {
    streams?: { codec_type?: string; codec_name?: string; width?: number; height?: number; avg_frame_rate?: string; r_frame_rate?: string; duration?: string; start_time?: string }[];
    format?: { duration?: string };
  };
  const v = info.streams?.find((s) => s.codec_type === 'video');
  if (!v || !v.width || !v.height) throw new FfmpegError('no-frames', `${path} has no video stream`);
  const durationS = Number(v.duration ?? info.format?.duration);
  let fps = rate(v.avg_frame_rate);
  if (!(fps > 0)) fps = rate(v.r_frame_rate);
  if (!(durationS > 0) || !(fps > 0)) throw new FfmpegError('unreadable', `${path}: cannot tell duration (${durationS}) or frame rate (${fps})`);
  return { durationS, width: v.width, height: v.height, fps, codec: v.codec_name ?? 'unknown', startS: Number(v.start_time ?? 0) || 0 };
}

export interface GrayDecodeOptions {
  /** Analysis frames per second (ffmpeg `fps` filter: the frame shown at each k / fps). */
  readonly fps: number;
  readonly width: number;
  readonly height: number;
  readonly tools?: FfmpegTools;
}

/** Decodes the whole video to small grey frames at a fixed analysis rate; frame k is at t = k / fps. */
export async function decodeGrayFrames(path: string, opts: GrayDecodeOptions): Promise<AnalysedFrame[]> {
  const { fps, width, height } = opts;
  if (!(fps > 0) || !Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new FfmpegError('bad-spec', `analysis needs fps > 0 and an integer size, got ${fps} fps ${width}x${height}`);
  }
  await mustExist(path);
  const r = await run(bin(opts.tools, 'ffmpeg'), [
    '-v', 'error', '-nostdin', '-i', path, '-an',
    '-vf', `fps=${fps},scale=${width}:${height}:flags=area,format=gray`,
    '-f', 'rawvideo', 'pipe:1',
  ]);
  if (r.code !== 0) throw new FfmpegError('unreadable', `ffmpeg cannot decode ${path}: ${lastLines(r.stderr)}`);
  const size = width * height;
  const count = Math.floor(r.stdout.length / size);
  if (count === 0) throw new FfmpegError('no-frames', `${path} decoded to zero frames`);
  const frames: AnalysedFrame[] = [];
  for (let k = 0; k < count; k++) frames.push({ t: k / fps, gray: new Uint8Array(r.stdout.buffer, r.stdout.byteOffset + k * size, size).slice() });
  return frames;
}

export interface RgbFrame {
  readonly t: number;
  readonly width: number;
  readonly height: number;
  /** rgb24, row-major. */
  readonly rgb: Uint8Array;
}

export interface RgbExtractOptions {
  readonly width: number;
  readonly height: number;
  /**
   * Seek this far before each time (seconds, default 0): with a frame period p, seeking to t - p/2
   * returns the frame nearest to t instead of the first one at or after it.
   */
  readonly leadS?: number;
  readonly tools?: FfmpegTools;
}

/**
 * RGB frames at the given times, scaled (bicubic, aspect not kept) to width x height. One accurate
 * seek per time: the first frame whose time is >= t - leadS.
 */
export async function extractRgbFrames(path: string, times: readonly number[], opts: RgbExtractOptions): Promise<RgbFrame[]> {
  await mustExist(path);
  const { width, height } = opts;
  const size = width * height * 3;
  const out: RgbFrame[] = [];
  for (const t of times) {
    if (!(t >= 0)) throw new FfmpegError('bad-spec', `frame time must be >= 0, got ${t}`);
    const seek = Math.max(0, t - (opts.leadS ?? 0));
    const r = await run(bin(opts.tools, 'ffmpeg'), [
      '-v', 'error', '-nostdin', '-ss', seek.toFixed(4), '-i', path, '-an', '-frames:v', '1',
      '-vf', `scale=${width}:${height}:flags=bicubic,format=rgb24`, '-f', 'rawvideo', 'pipe:1',
    ]);
    if (r.code !== 0) throw new FfmpegError('unreadable', `ffmpeg cannot decode ${path} at ${t} s: ${lastLines(r.stderr)}`);
    if (r.stdout.length < size) throw new FfmpegError('no-frames', `${path} has no frame at ${t} s`);
    out.push({ t, width, height, rgb: new Uint8Array(r.stdout.subarray(0, size)) });
  }
  return out;
}

/** The CLIP vision input size from a transformers.js preprocessor_config.json (crop size, else shortest edge). */
export async function clipInputSize(modelDir: string): Promise<{ width: number; height: number }> {
  const cfg = JSON.parse(await readFile(join(modelDir, 'preprocessor_config.json'), 'utf8')) as {
    crop_size?: { width?: number; height?: number } | number;
    size?: { shortest_edge?: number; width?: number; height?: number } | number;
  };
  const crop = cfg.crop_size;
  if (typeof crop === 'number') return { width: crop, height: crop };
  if (crop?.width && crop.height) return { width: crop.width, height: crop.height };
  const s = cfg.size;
  if (typeof s === 'number') return { width: s, height: s };
  if (s?.width && s.height) return { width: s.width, height: s.height };
  if (s?.shortest_edge) return { width: s.shortest_edge, height: s.shortest_edge };
  throw new FfmpegError('bad-spec', `${modelDir}/preprocessor_config.json has no crop_size or size`);
}

// ---- Test and demo clips from synthetic sources ----

export const SEGMENT_KINDS = ['static', 'moving', 'zoom'] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];

export interface ClipSegment {
  /** static: overlay held still; moving: overlay travels (ends where it started); zoom: overlay grows and shrinks back. */
  readonly kind: SegmentKind;
  readonly seconds: number;
  /** ffmpeg colour of the plain background (name or 0xRRGGBB). */
  readonly background: string;
  /** A PNG (alpha kept) drawn over the background; default a still frame of a synthetic source, one per scene. */
  readonly overlay?: string;
  /** Overlay edge in pixels (square); default half the clip's shorter side. */
  readonly overlaySize?: number;
  /** True when this segment starts a new scene (a hard cut). The first segment never is a cut. */
  readonly cut?: boolean;
}

export interface ClipSpec {
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly segments: readonly ClipSegment[];
  /** VP9 target bitrate for .webm output (default 48 kbit/s). Other extensions: lossless FFV1 in Matroska (.mkv). */
  readonly bitrateKbps?: number;
  readonly tools?: FfmpegTools;
}

export interface GeneratedClip {
  readonly path: string;
  readonly durationS: number;
  /** Times (s) of the first frame of each scene after the first. */
  readonly cutTimes: readonly number[];
  readonly segments: readonly { kind: SegmentKind; startS: number; endS: number; scene: number }[];
}

const SYNTHETIC_PATCHES = ['testsrc2', 'smptebars', 'rgbtestsrc', 'testsrc'] as const;

/** Overlay position/size expressions; every segment starts and ends at the centre at `size`, so only cuts jump. */
function motionExpr(kind: SegmentKind, seconds: number, size: number, w: number, h: number): { scale: string; x: string; y: string } {
  const cx = `(W-w)/2`;
  const cy = `(H-h)/2`;
  if (kind === 'static') return { scale: `${size}:${size}`, x: cx, y: cy };
  if (kind === 'zoom') {
    // Grows to 1.6x and back over the segment (scale evaluated per frame).
    return { scale: `w='${size}*(1+0.6*sin(PI*t/${seconds}))':h=-1:eval=frame`, x: cx, y: cy };
  }
  // A loop across the frame: one or more whole periods, so the overlay ends where it began.
  const period = seconds / Math.max(1, Math.round(seconds / 2));
  const ax = Math.max(1, Math.floor((w - size) / 2) + Math.floor(size / 5));
  const ay = Math.max(1, Math.floor((h - size) / 2));
  return { scale: `${size}:${size}`, x: `${cx}+${ax}*sin(2*PI*t/${period})`, y: `${cy}+${ay}*sin(4*PI*t/${period})` };
}

/** Builds a clip with ffmpeg from a plain background + overlay per segment, segments concatenated. */
export async function generateClip(spec: ClipSpec, outPath: string): Promise<GeneratedClip> {
  const { width, height, fps, segments } = spec;
  if (segments.length === 0) throw new FfmpegError('bad-spec', 'a clip needs at least one segment');
  if (!(fps > 0) || width < 16 || height < 16) throw new FfmpegError('bad-spec', `bad clip size or rate: ${width}x${height} @ ${fps}`);
  for (const [i, s] of segments.entries()) {
    if (!SEGMENT_KINDS.includes(s.kind)) throw new FfmpegError('bad-spec', `segment ${i}: unknown kind ${String(s.kind)}`);
    if (!(s.seconds > 0) || Math.abs(s.seconds * fps - Math.round(s.seconds * fps)) > 1e-9) {
      throw new FfmpegError('bad-spec', `segment ${i}: ${s.seconds} s is not a whole number of frames at ${fps} fps`);
    }
  }
  const tmp = await mkdtemp(join(tmpdir(), 'clip-'));
  try {
    // One still patch per scene from ffmpeg's synthetic sources, for segments without an overlay.
    let scene = 0;
    const sceneOf = segments.map((s, i) => (i > 0 && s.cut ? ++scene : scene));
    const patches = new Map<number, string>();
    for (const [i, s] of segments.entries()) {
      if (s.overlay || patches.has(sceneOf[i]!)) continue;
      const p = join(tmp, `patch${sceneOf[i]}.png`);
      const src = SYNTHETIC_PATCHES[sceneOf[i]! % SYNTHETIC_PATCHES.length];
      const r = await run(bin(spec.tools, 'ffmpeg'), ['-v', 'error', '-nostdin', '-f', 'lavfi', '-i', `${src}=s=96x96:d=1`, '-frames:v', '1', '-y', p]);
      if (r.code !== 0) throw new FfmpegError('failed', `ffmpeg could not make a ${src} patch: ${lastLines(r.stderr)}`);
      patches.set(sceneOf[i]!, p);
    }
    const args = ['-v', 'error', '-nostdin', '-y'];
    const chains: string[] = [];
    const side = Math.min(width, height);
    segments.forEach((s, i) => {
      args.push('-f', 'lavfi', '-i', `color=c=${s.background}:s=${width}x${height}:r=${fps}:d=${s.seconds}`);
      args.push('-framerate', String(fps), '-loop', '1', '-t', String(s.seconds), '-i', s.overlay ?? patches.get(sceneOf[i]!)!);
      const size = s.overlaySize ?? Math.round(side / 2);
      const m = motionExpr(s.kind, s.seconds, size, width, height);
      chains.push(`[${2 * i + 1}:v]format=rgba,scale=${m.scale}:flags=lanczos[o${i}]`);
      chains.push(`[${2 * i}:v][o${i}]overlay=x='${m.x}':y='${m.y}':shortest=1:eval=frame,format=yuv420p,setsar=1[s${i}]`);
    });
    chains.push(`${segments.map((_, i) => `[s${i}]`).join('')}concat=n=${segments.length}:v=1:a=0[v]`);
    args.push('-filter_complex', chains.join(';'), '-map', '[v]', '-r', String(fps));
    if (extname(outPath).toLowerCase() === '.webm') {
      const kbps = spec.bitrateKbps ?? 48;
      args.push('-c:v', 'libvpx-vp9', '-b:v', `${kbps}k`, '-deadline', 'good', '-cpu-used', '4', '-row-mt', '0', '-threads', '1', '-pix_fmt', 'yuv420p');
    } else {
      args.push('-c:v', 'ffv1', '-pix_fmt', 'yuv420p');
    }
    args.push(outPath);
    const r = await run(bin(spec.tools, 'ffmpeg'), args);
    if (r.code !== 0) throw new FfmpegError('failed', `ffmpeg could not generate ${outPath}: ${lastLines(r.stderr)}`);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  let t = 0;
  const cutTimes: number[] = [];
  const segs = segments.map((s, i) => {
    if (i > 0 && s.cut) cutTimes.push(t);
    const seg = { kind: s.kind, startS: t, endS: t + s.seconds, scene: 0 };
    t += s.seconds;
    return seg;
  });
  let sc = 0;
  segs.forEach((s, i) => {
    if (i > 0 && segments[i]!.cut) sc++;
    s.scene = sc;
  });
  return { path: outPath, durationS: t, cutTimes, segments: segs };
}
