// Builds the "videos" demo catalog: short GENERATED clips (ffmpeg animations of Noto Emoji on plain
// backgrounds, with hard cuts between scenes), indexed by their keyframes through the CLIP vision tower.
//
//   npx tsx tools/build-video-catalog.ts [--models public/models] [--model clip-mini] [--budget 8]
//       [--sampler adaptive|constant] [--out DIR]   (constant + --out elsewhere: the baseline, for comparison)
//
// Per clip: generate (VP9 webm, 128x128, 12 fps) -> grey analysis frames (32x32 at 12 fps) ->
// adaptive keyframes (src/core/video/keyframes.ts) -> RGB frames at the CLIP input size -> vision
// tower (transformers.js in Node, as tools/build-index.ts) -> per-keyframe vectors -> pooled vector.
// Writes public/models/catalogs/videos/{clips/*.webm, posters/*.webp, items.json, index.bin,
// keyframes.json, manifest.json, LICENSE.md} and prints text-to-video recall (mean pooling vs one
// middle frame) for each clip's main subject, in English and Korean.
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  AutoProcessor, AutoTokenizer, CLIPTextModelWithProjection, CLIPVisionModelWithProjection, env, RawImage, type Tensor,
} from '@huggingface/transformers';
import sharp from 'sharp';
import { CATALOG_FORMAT_VERSION, type CatalogItem, type CatalogManifest, parseCatalogItems, parseCatalogManifest } from '../src/core/catalog.ts';
import { fileChecksum, INDEX_FORMAT_VERSION } from '../src/core/index/format.ts';
import { encodeIndex } from '../src/core/index/encode.ts';
import { selectKeyframesAdaptive, selectKeyframesConstant } from '../src/core/video/keyframes.ts';
import { l2Normalise, poolMean, VIDEO_POOLINGS, type VideoPoolingName } from '../src/core/video/pool.ts';
import { TemporalPoolConfigSchema, temporalInputs } from '../src/core/video/temporal.ts';
import * as ort from 'onnxruntime-node';
import { cliFlags } from './cli.ts';
import { datasource, en, type EmojibaseEntry, enMessages, imageDir, ko, koMessages } from './emoji-sources.ts';
import { modelIdOf } from './model-id.ts';
import { clipInputSize, decodeGrayFrames, extractRgbFrames, generateClip, probeVideo, type ClipSegment, type SegmentKind } from './video/ffmpeg.ts';
import { rankOf, summarise } from './video/recall.ts';

const args = cliFlags();
const root = process.cwd();
const modelsDir = args.get('models') ?? join(root, 'public', 'models');
const modelName = args.get('model') ?? 'clip-mini';
const BUDGET = Number(args.get('budget') ?? 8);
const SAMPLER = args.get('sampler') ?? 'adaptive';
if (SAMPLER !== 'adaptive' && SAMPLER !== 'constant') throw new Error(`--sampler must be adaptive or constant, got ${SAMPLER}`);
if (!Number.isInteger(BUDGET) || BUDGET < 1) throw new Error(`--budget must be a positive integer, got ${args.get('budget')}`);
const outDir = args.get('out') ?? join(modelsDir, 'catalogs', 'videos');

const CLIP_SIZE = 128;
const CLIP_FPS = 12;
const CLIP_KBPS = 40;
const EMOJI_PX = 96;
const ANALYSIS = { fps: CLIP_FPS, width: 32, height: 32 } as const;
const POSTER_QUALITY = 70;
/**
 * The pooling written to the index (manifest `pooling`): 'temporal' runs the trained model
 * (public/models/video-pool, training/video_pool.py) with onnxruntime-node; 'mean' averages. Both are
 * computed and compared in the recall printout; --pooling picks the one written. Mean is the default:
 * on these 20 clips (queries: each clip's first subject) temporal pooling gave R@1 0.45 / 0.50 (en / ko)
 * against 0.60 / 0.60, R@3 0.80 / 0.75 against 0.75 / 0.75 (2026-11-29); its gain on the held-out
 * synthetic clips it was trained for (training/RESULTS-video.md) does not carry to this catalog, whose
 * titled subject is not always the longest scene.
 */
const POOLING = (args.get('pooling') ?? 'mean') as VideoPoolingName;
if (!VIDEO_POOLINGS.includes(POOLING)) throw new Error(`--pooling must be one of ${VIDEO_POOLINGS.join(', ')}, got ${POOLING}`);

/** The temporal pooling model, checked against the CLIP model whose keyframe vectors it pools. */
async function temporalPooling(modelId: string): Promise<(vectors: Float32Array[], times: number[], duration: number) => Promise<Float32Array>> {
  const dir = join(modelsDir, 'video-pool');
  const config = TemporalPoolConfigSchema.parse(JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')));
  if (config.baseModel !== modelId) throw new Error(`video-pool was trained on ${config.baseModel}, the CLIP model is ${modelId}: rerun training/video_pool.py`);
  const session = await ort.InferenceSession.create(join(dir, config.file));
  return async (vectors, times, duration) => {
    const x = temporalInputs(vectors, times, duration, config);
    const out = await session.run({
      frames: new ort.Tensor('float32', x.frames, [1, x.count, config.dim]),
      times: new ort.Tensor('float32', x.times, [1, x.count]),
      mask: new ort.Tensor('float32', x.mask, [1, x.count]),
    });
    return l2Normalise(out.video_embeds!.data as Float32Array);
  };
}

// Backgrounds: white, and light grey after a cut (another histogram bin, so the cut is visible to
// the analysis). Not tinted: clip-mini was trained on emoji flattened on white, and the same 20
// sticker PNGs at 48 px found by their labels drop from R@1 0.75 on white to 0.25-0.5 on pastel
// tints (measured 2026-11-29, 2-core CPU, clip-mini@7682d810ee84).
const BG1 = ['0xffffff'];
const BG2 = ['0xe8e8e8'];

/** [main subject, second subject or null]; emojibase hexcodes. Each emoji appears in one clip only. */
const CLIPS: [string, string | null][] = [
  ['1F408', '1F404'], ['1F415', '1F414'], ['1F40E', '1F419'], ['1F416', null],
  ['1F418', '1F98B'], ['1F407', '1F41D'], ['1F41F', '1F989'], ['1F427', null],
  ['1F422', '1F986'], ['1F40D', '1F980'], ['1F355', '1F40C'], ['1F34C', null],
  ['1F353', '1F955'], ['1F349', '1F344'], ['1F354', '1F352'], ['1F697', null],
  ['1F6B2', '1F382'], ['1F680', '1F34A'], ['2708', '1F682'], ['1F3B8', '1F6A2'],
];


interface Subject { hex: string; en: EmojibaseEntry; ko: EmojibaseEntry | undefined; png: string; group: string }
function subject(hex: string): Subject {
  const e = en.find((x) => x.hexcode === hex);
  const d = datasource.find((x) => x.unified === hex || x.unified === `${hex}-FE0F`);
  if (!e || !d?.has_img_google) throw new Error(`emoji ${hex}: no label or no Noto image`);
  const group = enMessages.groups.find((g) => g.order === e.group)?.key ?? 'other';
  return { hex, en: e, ko: ko.find((x) => x.hexcode === hex), png: join(imageDir, d.image), group };
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const ACTION: Record<SegmentKind, { en: string; ko: string }> = {
  static: { en: 'holds still', ko: '멈춰 있음' },
  moving: { en: 'moves around', ko: '움직임' },
  zoom: { en: 'zooms in and out', ko: '확대/축소' },
};

/** Four scene patterns, rotated over the clips: static holds, motion across, zooms, and one or two cuts. */
function segmentsFor(k: number, a: Subject, b: Subject | null): ClipSegment[] {
  const bg1 = BG1[k % BG1.length]!;
  const bg2 = BG2[k % BG2.length]!;
  const s = (kind: SegmentKind, seconds: number, who: Subject, background: string, cut = false): ClipSegment => ({
    kind, seconds, background, overlay: who.png, overlaySize: EMOJI_PX, cut,
  });
  // One subject: a cut to the same emoji on light grey, out of a still hold. (Out of motion, a cut that
  // changes only the background by 23 grey levels is no spike above the motion around it: missed.)
  if (!b) return [s('moving', 1.5, a, bg1), s('static', 1.5, a, bg1), s('zoom', 1.5, a, bg2, true)];
  switch (k % 3) {
    case 0: return [s('static', 1, a, bg1), s('moving', 2, a, bg1), s('zoom', 1.5, b, bg2, true)];
    case 1: return [s('zoom', 2, a, bg1), s('static', 1, b, bg2, true), s('moving', 2, b, bg2)];
    default: return [s('moving', 2.5, a, bg1), s('static', 1.5, b, bg2, true)];
  }
}

function describe(segs: readonly ClipSegment[], names: Map<string, { en: string; ko: string }>): { en: string; ko: string } {
  const enParts: string[] = [];
  const koParts: string[] = [];
  for (const sg of segs) {
    const n = names.get(sg.overlay!)!;
    enParts.push(`${sg.cut ? 'cut to ' : ''}${n.en} ${ACTION[sg.kind].en} (${sg.seconds} s)`);
    koParts.push(`${sg.cut ? '장면 전환, ' : ''}${n.ko} ${ACTION[sg.kind].ko} (${sg.seconds}초)`);
  }
  return { en: `Generated clip (ffmpeg animation of Noto Emoji): ${enParts.join(', ')}.`, ko: `생성된 영상: ${koParts.join(', ')}.` };
}

const b64 = (v: Float32Array): string => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');

async function dirSize(dir: string, names: string[]): Promise<number> {
  let s = 0;
  for (const n of names) s += (await stat(join(dir, n))).size;
  return s;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = `${modelsDir}/`;
  const modelId = await modelIdOf(modelsDir, modelName);
  const identity = JSON.parse(await readFile(join(modelsDir, modelName, 'identity.json'), 'utf8')) as { modelId: string };
  if (identity.modelId !== modelId) throw new Error(`${modelName}/identity.json says ${identity.modelId}, its files hash to ${modelId}: rebuild with tools/build-index.ts first`);
  const input = await clipInputSize(join(modelsDir, modelName));
  const processor = await AutoProcessor.from_pretrained(modelName);
  const vision = await CLIPVisionModelWithProjection.from_pretrained(modelName, { device: 'cpu', dtype: 'fp32' });

  await rm(outDir, { recursive: true, force: true });
  await mkdir(join(outDir, 'clips'), { recursive: true });
  await mkdir(join(outDir, 'posters'), { recursive: true });

  const items: CatalogItem[] = [];
  const records: { id: string; duration: number; keyframes: { t: number; reason: string; vector: string }[]; middle: { t: number; vector: string } }[] = [];
  const means: Float32Array[] = [];
  const temporals: Float32Array[] = [];
  const middles: Float32Array[] = [];
  const temporal = await temporalPooling(modelId);
  const files: string[] = [];
  const subjects: Subject[] = [];
  let dim = 0;
  let frameCount = 0;
  const cutMisses: string[] = [];

  const embed = async (rgbs: Uint8Array[]): Promise<Float32Array[]> => {
    const images = rgbs.map((rgb) => new RawImage(new Uint8ClampedArray(rgb.buffer, rgb.byteOffset, rgb.length), input.width, input.height, 3));
    const { image_embeds } = (await vision(await processor(images))) as { image_embeds: Tensor };
    dim = image_embeds.dims[1]!;
    const data = image_embeds.data as Float32Array;
    return rgbs.map((_, i) => data.slice(i * dim, (i + 1) * dim));
  };

  for (const [k, [ha, hb]] of CLIPS.entries()) {
    const a = subject(ha);
    const b = hb ? subject(hb) : null;
    subjects.push(a);
    const names = new Map([a, ...(b ? [b] : [])].map((s) => [s.png, { en: s.en.label, ko: s.ko?.label ?? s.en.label }]));
    const id = `v${String(k + 1).padStart(2, '0')}-${a.en.label.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
    const segs = segmentsFor(k, a, b);
    const clipFile = `clips/${id}.webm`;
    const clip = await generateClip({ width: CLIP_SIZE, height: CLIP_SIZE, fps: CLIP_FPS, segments: segs, bitrateKbps: CLIP_KBPS }, join(outDir, clipFile));
    const probe = await probeVideo(clip.path);

    const frames = await decodeGrayFrames(clip.path, ANALYSIS);
    const keyframes = SAMPLER === 'adaptive' ? selectKeyframesAdaptive(frames, BUDGET) : selectKeyframesConstant(frames, BUDGET);
    for (const c of SAMPLER === 'adaptive' ? clip.cutTimes : []) {
      if (!keyframes.some((kf) => kf.reason === 'cut' && Math.abs(kf.t - c) <= 1 / ANALYSIS.fps + 1e-9)) cutMisses.push(`${id} cut at ${c} s`);
    }
    const lead = 0.5 / ANALYSIS.fps;
    const middleT = Math.round((clip.durationS / 2) * ANALYSIS.fps) / ANALYSIS.fps;
    const rgb = await extractRgbFrames(clip.path, [...keyframes.map((kf) => kf.t), middleT], { ...input, leadS: lead });
    const vecs = await embed(rgb.map((f) => f.rgb));
    frameCount += vecs.length;
    const kfVecs = vecs.slice(0, keyframes.length).map(l2Normalise);
    means.push(poolMean(kfVecs));
    temporals.push(await temporal(kfVecs, keyframes.map((kf) => kf.t), clip.durationS));
    middles.push(l2Normalise(vecs[vecs.length - 1]!));

    const [poster] = await extractRgbFrames(clip.path, [keyframes[0]!.t], { width: CLIP_SIZE, height: CLIP_SIZE, leadS: lead });
    const posterFile = `posters/${id}.webp`;
    await sharp(poster!.rgb, { raw: { width: CLIP_SIZE, height: CLIP_SIZE, channels: 3 } }).webp({ quality: POSTER_QUALITY }).toFile(join(outDir, posterFile));
    files.push(clipFile, posterFile);

    const desc = describe(segs, names);
    const enTitle = b ? `${cap(a.en.label)}, then ${b.en.label}` : cap(a.en.label);
    const koTitle = b ? `${a.ko?.label ?? a.en.label}, 그다음 ${b.ko?.label ?? b.en.label}` : (a.ko?.label ?? a.en.label);
    const both = [a, ...(b ? [b] : [])];
    items.push({
      id,
      title: `${enTitle} (generated)`,
      titles: { ko: `${koTitle} (생성된 영상)` },
      tags: {
        en: [...new Set(both.flatMap((s) => [s.en.label, ...(s.en.tags ?? [])]).concat('generated', 'animation'))].slice(0, 64),
        ko: [...new Set(both.flatMap((s) => (s.ko ? [s.ko.label, ...(s.ko.tags ?? [])] : [])).concat('생성', '애니메이션'))].slice(0, 64),
      },
      category: a.group,
      categories: ['generated', ...(b && b.group !== a.group ? [b.group] : [])],
      image: posterFile,
      video: clipFile,
      duration: Number(probe.durationS.toFixed(3)),
      glyph: both.map((s) => s.en.emoji).join(''),
      description: desc.en,
      safety: 'safe',
      popularity: 0,
    });
    records.push({
      id,
      duration: Number(probe.durationS.toFixed(3)),
      keyframes: keyframes.map((kf, i) => ({ t: Number(kf.t.toFixed(4)), reason: kf.reason, vector: b64(kfVecs[i]!) })),
      middle: { t: middleT, vector: b64(middles[middles.length - 1]!) },
    });
    process.stdout.write(`\r${k + 1}/${CLIPS.length} clips`);
  }
  process.stdout.write('\n');
  if (cutMisses.length) throw new Error(`adaptive keyframes missed generated cuts: ${cutMisses.join('; ')}`);

  // Index: one pooled vector per clip, f32 (20 rows: exact scores cost nothing).
  const cats = [...new Set(items.map((it) => it.category))].slice(0, 32);
  const vectors = new Float32Array(items.length * dim);
  (POOLING === 'temporal' ? temporals : means).forEach((v, i) => vectors.set(v, i * dim));
  const categories = new Uint32Array(items.map((it) => (1 << cats.indexOf(it.category)) >>> 0));
  const bytes = encodeIndex({ dim, vectors, ids: items.map((it) => it.id), quantisation: 'f32', metric: 'cosine', modelId, categories });
  await writeFile(join(outDir, 'index.bin'), bytes);

  const manifest: CatalogManifest = parseCatalogManifest({
    formatVersion: CATALOG_FORMAT_VERSION,
    id: 'videos',
    name: 'Generated clips (emoji animations)',
    kind: 'videos',
    itemCount: items.length,
    items: 'items.json',
    index: {
      file: 'index.bin', formatVersion: INDEX_FORMAT_VERSION, modelId, dim,
      checksum: fileChecksum(bytes).toString(16).padStart(8, '0'), sizeBytes: bytes.length,
      source: 'video', pooling: POOLING, categories: cats,
    },
    keyframes: 'keyframes.json',
    licence: {
      summary: 'Generated clips of Noto Emoji (Apache-2.0) made with ffmpeg by this project; labels from emojibase-data (MIT) / Unicode CLDR.',
      file: 'LICENSE.md',
    },
    languages: ['en', 'ko'],
    categoryLabels: Object.fromEntries([
      ...enMessages.groups.filter((g) => cats.includes(g.key)).map((g) => [g.key, { en: g.message, ko: koMessages.groups.find((x) => x.order === g.order)?.message ?? g.message }]),
      ['generated', { en: 'generated clips', ko: '생성된 영상' }],
    ]),
    categoryKeywords: {},
  });
  parseCatalogItems(items, manifest);
  await writeFile(join(outDir, 'items.json'), JSON.stringify(items));
  await writeFile(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await writeFile(join(outDir, 'keyframes.json'), JSON.stringify({
    formatVersion: 1, modelId, dim, vectorEncoding: 'base64 little-endian float32, L2-normalised',
    sampler: { kind: SAMPLER, budget: BUDGET, analysis: ANALYSIS }, pooling: POOLING, videos: records,
  }));
  await writeFile(join(outDir, 'LICENSE.md'), LICENCE);
  const buildS = (performance.now() - t0) / 1000;

  // Text-to-video recall: each clip's main subject label (en, ko) should find that clip.
  const tokenizer = await AutoTokenizer.from_pretrained(modelName);
  const text = await CLIPTextModelWithProjection.from_pretrained(modelName, { device: 'cpu', dtype: 'fp32' });
  for (const lang of ['en', 'ko'] as const) {
    const queries = subjects.map((s) => (lang === 'en' ? s.en.label : (s.ko?.label ?? s.en.label)));
    const { text_embeds } = (await text(tokenizer(queries, { padding: true, truncation: true }))) as { text_embeds: Tensor };
    const q = queries.map((_, i) => (text_embeds.data as Float32Array).slice(i * dim, (i + 1) * dim));
    const tem = summarise(q.map((v, i) => rankOf(v, temporals, i)));
    const mean = summarise(q.map((v, i) => rankOf(v, means, i)));
    const mid = summarise(q.map((v, i) => rankOf(v, middles, i)));
    const line = (name: string, r: typeof mean) => `${name} R@1 ${r.r1.toFixed(2)} R@3 ${r.r3.toFixed(2)} mean rank ${r.meanRank.toFixed(2)}`;
    console.log(`${lang}: ${line('temporal', tem)} | ${line('mean pooling', mean)} | ${line('middle frame', mid)}`);
    console.log(`  ranks (temporal/mean/middle): ${queries.map((w, i) => `${w} ${tem.ranks[i]}/${mean.ranks[i]}/${mid.ranks[i]}`).join(', ')}`);
  }
  const names = ['items.json', 'manifest.json', 'index.bin', 'keyframes.json', 'LICENSE.md', ...files];
  console.log(`videos: ${items.length} clips, ${frameCount} frames embedded, ${((await dirSize(outDir, names)) / 1024).toFixed(0)} KiB in ${outDir}, model ${modelId}, built in ${buildS.toFixed(1)} s`);
}

const LICENCE = `# Videos catalog: GENERATED demo clips, sources and licences

Every clip here is generated, not filmed: \`npx tsx tools/build-video-catalog.ts\` animates Noto Emoji
images on plain backgrounds with ffmpeg (overlay: holds, movement, zoom; hard cuts between scenes).

- Clips (\`clips/*.webm\`, VP9) and posters (\`posters/*.webp\`, the first keyframe): derived from
  Noto Emoji by Google, as packaged in emoji-datasource-google 16.0.0, Apache License 2.0
  (https://github.com/googlefonts/noto-emoji/blob/main/LICENSE). The animation is this project's
  work, released under the project's licence (MIT); the emoji artwork stays under Apache-2.0.
- Titles and tags in English and Korean (\`items.json\`): emojibase-data 17.0.0, MIT licence,
  Copyright (c) 2017-2019 Miles Johnson; the annotations come from the Unicode CLDR project,
  Copyright (c) Unicode, Inc., Unicode License v3 (https://www.unicode.org/license.txt).
- \`index.bin\`, \`keyframes.json\`: embeddings computed by this project's clip-mini model (MIT).
`;

await main();
