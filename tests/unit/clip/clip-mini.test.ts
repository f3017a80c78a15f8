// clip-mini in transformers.js (Node, onnxruntime-node, fp32) against the torch model that was exported.
// The fixture is written by training/export.py from the torch model: token ids, text_embeds, the
// white-flattened 64 px RGB of four catalog images and their image_embeds.
// Defaults check the shipped model; the CI smoke run points the same test at its freshly trained one:
//   CLIP_MINI_ROOT=training/out/smoke/ CLIP_MINI_ID=clip-mini CLIP_MINI_FIXTURE=training/out/smoke/parity.json
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  AutoProcessor,
  AutoTokenizer,
  CLIPTextModelWithProjection,
  CLIPVisionModelWithProjection,
  RawImage,
  env,
} from '@huggingface/transformers';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { cosine, maxAbsDiff } from '../helpers.ts';

const ROOT = resolve(process.env.CLIP_MINI_ROOT ?? 'public/models/');
const MODEL_ID = process.env.CLIP_MINI_ID ?? 'clip-mini';
const FIXTURE = resolve(process.env.CLIP_MINI_FIXTURE ?? 'tests/unit/clip/fixtures/clip-mini-parity.json');
const SHIPPED = process.env.CLIP_MINI_FIXTURE === undefined;
const PARITY_MAX_ABS = 1e-4;
const LOAD_TIMEOUT_MS = 60_000;

interface Fixture {
  model_id: string;
  dim: number;
  image_size: number;
  texts: { text: string; input_ids: number[]; text_embeds: number[] }[];
  images: { id: string; file: string; rgb_base64: string; image_embeds: number[] }[];
  token_cases: { text: string; input_ids: number[] }[];
}

const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Fixture;

function rows(data: ArrayLike<number>, dim: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < data.length; i += dim) out.push(Array.from(data).slice(i, i + dim));
  return out;
}

/** What the index builder does with a catalog image: flatten alpha on white, 3-channel RGB. */
async function readFlattened(file: string): Promise<RawImage> {
  const { data, info } = await sharp(file)
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return new RawImage(new Uint8ClampedArray(data), info.width, info.height, info.channels as 3);
}

describe(`clip-mini in transformers.js (${join(ROOT, MODEL_ID)})`, () => {
  let tokenizer: Awaited<ReturnType<typeof AutoTokenizer.from_pretrained>>;
  let processor: Awaited<ReturnType<typeof AutoProcessor.from_pretrained>>;
  let textModel: Awaited<ReturnType<typeof CLIPTextModelWithProjection.from_pretrained>>;
  let visionModel: Awaited<ReturnType<typeof CLIPVisionModelWithProjection.from_pretrained>>;

  beforeAll(async () => {
    env.localModelPath = ROOT.endsWith('/') ? ROOT : `${ROOT}/`;
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    tokenizer = await AutoTokenizer.from_pretrained(MODEL_ID);
    processor = await AutoProcessor.from_pretrained(MODEL_ID);
    textModel = await CLIPTextModelWithProjection.from_pretrained(MODEL_ID, { device: 'cpu', dtype: 'fp32' });
    visionModel = await CLIPVisionModelWithProjection.from_pretrained(MODEL_ID, { device: 'cpu', dtype: 'fp32' });
  }, LOAD_TIMEOUT_MS);

  it('tokenizes exactly like the Python WordPiece used in training (English, Korean, unknown, empty, long)', () => {
    for (const t of fixture.texts) {
      const enc = tokenizer(t.text, { truncation: true });
      expect(Array.from(enc.input_ids.data, Number), JSON.stringify(t.text)).toEqual(t.input_ids);
    }
  });

  it('tokenizes held-out English and Korean labels and tags like the Python tokenizer', () => {
    expect(fixture.token_cases.length).toBeGreaterThan(50);
    const mismatches = fixture.token_cases.filter(
      (t) => JSON.stringify(Array.from(tokenizer(t.text, { truncation: true }).input_ids.data, Number)) !== JSON.stringify(t.input_ids),
    );
    expect(mismatches.map((t) => t.text)).toEqual([]);
  });

  it(`text_embeds match torch within ${PARITY_MAX_ABS} (padded batch)`, async () => {
    const texts = fixture.texts.map((t) => t.text);
    const inputs = tokenizer(texts, { padding: true, truncation: true });
    const { text_embeds } = await textModel(inputs);
    expect(text_embeds.dims).toEqual([texts.length, fixture.dim]);
    const got = rows(text_embeds.data as Float32Array, fixture.dim);
    const worst = Math.max(...fixture.texts.map((t, i) => maxAbsDiff(got[i]!, t.text_embeds)));
    expect(worst).toBeLessThan(PARITY_MAX_ABS);
  });

  it(`image_embeds match torch within ${PARITY_MAX_ABS} on the same RGB input (processor + vision model)`, async () => {
    const size = fixture.image_size;
    const images = fixture.images.map(
      (im) => new RawImage(new Uint8ClampedArray(Buffer.from(im.rgb_base64, 'base64')), size, size, 3),
    );
    const { pixel_values } = await processor(images);
    expect(pixel_values.dims).toEqual([images.length, 3, size, size]);
    const { image_embeds } = await visionModel({ pixel_values });
    expect(image_embeds.dims).toEqual([images.length, fixture.dim]);
    const got = rows(image_embeds.data as Float32Array, fixture.dim);
    const worst = Math.max(...fixture.images.map((im, i) => maxAbsDiff(got[i]!, im.image_embeds)));
    expect(worst).toBeLessThan(PARITY_MAX_ABS);
  });

  it('embeds the catalog image files (WebP) read with sharp (flattened on white) like torch does', async () => {
    for (const im of fixture.images) {
      const image = await readFlattened(im.file);
      const expected = Buffer.from(im.rgb_base64, 'base64');
      // sharp and PIL composite alpha with different rounding: at most 1 level apart per channel.
      expect(maxAbsDiff(image.data, expected)).toBeLessThanOrEqual(1);
      const { image_embeds } = await visionModel(await processor(image));
      expect(cosine(image_embeds.data as Float32Array, im.image_embeds)).toBeGreaterThan(0.999);
    }
  });

  it.runIf(SHIPPED)('puts a Korean query nearer its English translation than an unrelated one', async () => {
    const inputs = tokenizer(['고양이', 'a cat', 'flag: South Korea'], { padding: true, truncation: true });
    const [ko, en, other] = rows((await textModel(inputs)).text_embeds.data as Float32Array, fixture.dim);
    expect(cosine(ko!, en!)).toBeGreaterThan(cosine(ko!, other!));
  });
});
