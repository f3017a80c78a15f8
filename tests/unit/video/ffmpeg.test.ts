// Keyframes on real video: clips generated with ffmpeg's synthetic sources (static and moving
// segments, hard cuts at known times), encoded to VP9 webm, decoded back through ffmpeg.
// Needs Debian's ffmpeg (`apt-get install ffmpeg`); skipped with a message when it is missing.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectKeyframesAdaptive, selectKeyframesConstant, type Keyframe } from '../../../src/core/video/keyframes.ts';
import {
  decodeGrayFrames, extractRgbFrames, ffmpegAvailable, FfmpegError, generateClip, type GeneratedClip, INSTALL_HINT, probeVideo,
} from '../../../tools/video/ffmpeg.ts';
import { tempDir } from '../helpers.ts';

const HAVE_FFMPEG = await ffmpegAvailable();
if (!HAVE_FFMPEG) console.warn(`tests/unit/video/ffmpeg.test.ts skipped: ffmpeg/ffprobe not found; ${INSTALL_HINT}`);

const FPS = 10; // clip frame rate = analysis rate: one analysis step = 0.1 s
const BUDGET = 8;
const TIMEOUT_MS = 20_000;

describe.skipIf(!HAVE_FFMPEG)('keyframes on ffmpeg-generated clips', () => {
  let dir = '';
  const clips: { name: string; clip: GeneratedClip }[] = [];

  beforeAll(async () => {
    dir = await tempDir('video-test-');
    // A: still picture, then it moves, cut to a new scene that holds still, then zooms.
    clips.push({ name: 'static-moving-cut-static-zoom', clip: await generateClip({ width: 96, height: 96, fps: FPS, segments: [
      { kind: 'static', seconds: 2, background: '0x202040' },
      { kind: 'moving', seconds: 2, background: '0x202040' },
      { kind: 'static', seconds: 2, background: '0xe0e0a0', cut: true },
      { kind: 'zoom', seconds: 2, background: '0xe0e0a0' },
    ] }, join(dir, 'a.webm')) });
    // B: three scenes, two cuts, motion only in the middle one; a cut straight out of motion.
    clips.push({ name: 'static-cut-moving-cut-static', clip: await generateClip({ width: 96, height: 96, fps: FPS, segments: [
      { kind: 'static', seconds: 2.5, background: 'white' },
      { kind: 'moving', seconds: 3, background: '0x303030', cut: true },
      { kind: 'static', seconds: 2.5, background: '0x80c0ff', cut: true },
    ] }, join(dir, 'b.webm')) });
  }, TIMEOUT_MS);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const inKind = (clip: GeneratedClip, ks: readonly Keyframe[], kind: 'static' | 'moving' | 'zoom'): number =>
    ks.filter((k) => clip.segments.some((s) => s.kind === kind && k.t >= s.startS && k.t < s.endS)).length;

  it('probes the generated clip (size, rate, duration)', async () => {
    const p = await probeVideo(clips[0]!.clip.path);
    expect([p.width, p.height, p.fps, p.codec]).toEqual([96, 96, FPS, 'vp9']);
    expect(p.durationS).toBeCloseTo(8, 1);
  });

  for (const idx of [0, 1]) {
    it(`clip ${idx}: adaptive keeps the first frame, catches every cut, favours moving segments`, async () => {
      const { clip } = clips[idx]!;
      const frames = await decodeGrayFrames(clip.path, { fps: FPS, width: 32, height: 32 });
      expect(frames.length).toBe(Math.round(clip.durationS * FPS));
      const adaptive = selectKeyframesAdaptive(frames, BUDGET);
      const constant = selectKeyframesConstant(frames, BUDGET);
      expect(adaptive.length).toBe(BUDGET);
      expect(adaptive[0]).toMatchObject({ index: 0, reason: 'first' });
      for (const cut of clip.cutTimes) {
        // A selected frame within one analysis step after each cut, flagged as a cut.
        const hit = adaptive.find((k) => k.t >= cut - 1e-9 && k.t <= cut + 1 / FPS + 1e-9);
        expect(hit, `cut at ${cut} s`).toBeDefined();
        expect(hit!.reason).toBe('cut');
      }
      expect(adaptive.filter((k) => k.reason === 'cut').length).toBe(clip.cutTimes.length);
      const movingA = inKind(clip, adaptive, 'moving') + inKind(clip, adaptive, 'zoom');
      const staticA = inKind(clip, adaptive, 'static');
      const movingC = inKind(clip, constant, 'moving') + inKind(clip, constant, 'zoom');
      expect(movingA).toBeGreaterThan(staticA);
      expect(movingA).toBeGreaterThan(movingC);
      // Static segments get only their mandatory first/cut frame.
      const staticSegments = clip.segments.filter((s) => s.kind === 'static').length;
      expect(staticA).toBeLessThanOrEqual(staticSegments);
    }, TIMEOUT_MS);
  }

  it('catches every cut within one analysis step when analysing at half the clip rate (5 fps)', async () => {
    const { clip } = clips[1]!;
    const step = 0.2;
    const frames = await decodeGrayFrames(clip.path, { fps: 1 / step, width: 32, height: 32 });
    const adaptive = selectKeyframesAdaptive(frames, BUDGET);
    for (const cut of clip.cutTimes) {
      expect(adaptive.some((k) => k.reason === 'cut' && k.t >= cut - 1e-9 && k.t <= cut + step + 1e-9), `cut at ${cut} s`).toBe(true);
    }
    expect(adaptive.filter((k) => k.reason === 'cut').length).toBe(clip.cutTimes.length);
  }, TIMEOUT_MS);

  it('constant-rate is evenly spaced in time', async () => {
    const { clip } = clips[1]!;
    const frames = await decodeGrayFrames(clip.path, { fps: FPS, width: 32, height: 32 });
    const ts = selectKeyframesConstant(frames, BUDGET).map((k) => k.t);
    const gaps = ts.slice(1).map((t, i) => t - ts[i]!);
    expect(ts[0]).toBe(0);
    for (const g of gaps) expect(g).toBeCloseTo(clip.durationS / BUDGET, 1);
  });

  it('extracts RGB frames at the requested times (the frame after a cut shows the new scene)', async () => {
    const { clip } = clips[1]!;
    const [before, after] = await extractRgbFrames(clip.path, [clip.cutTimes[0]! - 0.1, clip.cutTimes[0]!], { width: 16, height: 16, leadS: 0.05 });
    const corner = (f: { rgb: Uint8Array }) => Array.from(f.rgb.subarray(0, 3));
    // Scene 1 is on white, scene 2 on dark grey (0x303030): the top-left pixel tells them apart.
    expect(Math.min(...corner(before!))).toBeGreaterThan(200);
    expect(Math.max(...corner(after!))).toBeLessThan(80);
  }, TIMEOUT_MS);

  it('gives typed errors: missing ffmpeg, unreadable file, zero frames', async () => {
    await expect(probeVideo(clips[0]!.clip.path, { ffprobe: '/nonexistent/ffprobe' })).rejects.toMatchObject({ code: 'missing-ffmpeg', message: expect.stringContaining('apt-get install ffmpeg') });
    await expect(decodeGrayFrames(join(dir, 'nope.webm'), { fps: 5, width: 8, height: 8 })).rejects.toMatchObject({ code: 'unreadable' });
    const junk = join(dir, 'junk.webm');
    await writeFile(junk, 'not a video');
    await expect(probeVideo(junk)).rejects.toBeInstanceOf(FfmpegError);
    await expect(decodeGrayFrames(junk, { fps: 5, width: 8, height: 8 })).rejects.toMatchObject({ code: 'unreadable' });
    await expect(generateClip({ width: 64, height: 64, fps: 10, segments: [] }, join(dir, 'x.webm'))).rejects.toMatchObject({ code: 'bad-spec' });
  });
});
