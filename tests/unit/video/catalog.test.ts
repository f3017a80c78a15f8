// The shipped "videos" catalog (built by tools/build-video-catalog.ts): its manifest, items, index and
// keyframes agree with each other and with the contracts, and text search through the CLIP text tower
// finds clips by their subject. Prints text-to-video recall: mean-pooled keyframes vs one middle frame.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AutoTokenizer, CLIPTextModelWithProjection, env, type Tensor } from '@huggingface/transformers';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCatalogItems, parseCatalogManifest } from '../../../src/core/catalog.ts';
import { VectorIndex } from '../../../src/core/index/vector-index.ts';
import { KEYFRAME_REASONS } from '../../../src/core/video/keyframes.ts';
import { poolMean } from '../../../src/core/video/pool.ts';
import { rankOf, summarise } from '../../../tools/video/recall.ts';

const MODELS = 'public/models';
const DIR = join(MODELS, 'catalogs/videos');
const LOAD_TIMEOUT_MS = 60_000;

const manifest = parseCatalogManifest(JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')));
const items = parseCatalogItems(JSON.parse(readFileSync(join(DIR, 'items.json'), 'utf8')), manifest);
const identity = JSON.parse(readFileSync(join(MODELS, 'clip-mini/identity.json'), 'utf8')) as { modelId: string };
interface KeyframesFile {
  modelId: string;
  dim: number;
  videos: { id: string; duration: number; keyframes: { t: number; reason: string; vector: string }[]; middle: { t: number; vector: string } }[];
}
const keyframes = JSON.parse(readFileSync(join(DIR, 'keyframes.json'), 'utf8')) as KeyframesFile;
const decode = (s: string): Float32Array => {
  const b = Buffer.from(s, 'base64');
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
};

describe('videos catalog files', () => {
  it('is a video catalog indexed from keyframes by the shipped model, mean-pooled', () => {
    expect(manifest.kind).toBe('videos');
    expect(manifest.index).toMatchObject({ source: 'video', pooling: 'mean', modelId: identity.modelId, dim: 256 });
    expect(manifest.languages).toEqual(['en', 'ko']);
    expect(existsSync(join(DIR, manifest.licence.file))).toBe(true);
  });

  it('labels every item as generated and points at files that exist', () => {
    expect(items.length).toBeGreaterThanOrEqual(16);
    for (const it of items) {
      expect(it.title).toContain('(generated)');
      expect(it.categories).toContain('generated');
      expect(it.video).toMatch(/\.webm$/);
      expect(existsSync(join(DIR, it.video!))).toBe(true);
      expect(existsSync(join(DIR, it.image!))).toBe(true);
      expect(it.duration).toBeGreaterThan(2);
    }
  });

  it('index.bin passes the reader with the manifest model id and holds one row per item', () => {
    const bytes = readFileSync(join(DIR, manifest.index!.file));
    expect(bytes.length).toBe(manifest.index!.sizeBytes);
    const index = VectorIndex.fromBytes(bytes, { expectedModelId: manifest.index!.modelId, expectedDim: manifest.index!.dim });
    expect(index.ids).toEqual(items.map((it) => it.id));
  });

  it('keyframes.json: first frame kept, reasons valid, times in order, and mean of keyframes = index row', () => {
    const index = VectorIndex.fromBytes(readFileSync(join(DIR, 'index.bin')));
    expect(keyframes.modelId).toBe(manifest.index!.modelId);
    expect(keyframes.videos.map((v) => v.id)).toEqual(items.map((it) => it.id));
    for (const v of keyframes.videos) {
      expect(v.keyframes[0]).toMatchObject({ t: 0, reason: 'first' });
      expect(v.keyframes.every((k) => (KEYFRAME_REASONS as readonly string[]).includes(k.reason))).toBe(true);
      expect(v.keyframes.every((k, i) => i === 0 || k.t > v.keyframes[i - 1]!.t)).toBe(true);
      const pooled = poolMean(v.keyframes.map((k) => decode(k.vector)));
      const [hit] = index.search([pooled], 1);
      expect(hit!.id).toBe(v.id);
      expect(hit!.score).toBeGreaterThan(0.9999);
    }
  });
});

describe('text search over the videos catalog (clip-mini text tower)', () => {
  let embedText: (texts: string[]) => Promise<Float32Array[]>;
  let index: VectorIndex;

  beforeAll(async () => {
    env.localModelPath = `${MODELS}/`;
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    const tokenizer = await AutoTokenizer.from_pretrained('clip-mini');
    const model = await CLIPTextModelWithProjection.from_pretrained('clip-mini', { device: 'cpu', dtype: 'fp32' });
    embedText = async (texts) => {
      const { text_embeds } = (await model(tokenizer(texts, { padding: true, truncation: true }))) as { text_embeds: Tensor };
      const d = text_embeds.dims[1]!;
      return texts.map((_, i) => (text_embeds.data as Float32Array).slice(i * d, (i + 1) * d));
    };
    index = VectorIndex.fromBytes(readFileSync(join(DIR, 'index.bin')), { expectedModelId: identity.modelId });
  }, LOAD_TIMEOUT_MS);

  it('"cat" and "고양이" find the clip with a cat in the top 3', async () => {
    const cat = items.find((it) => it.tags.en?.[0] === 'cat')!;
    for (const q of await embedText(['cat', '고양이'])) {
      expect(index.search([q], 3).map((h) => h.id)).toContain(cat.id);
    }
  });

  it('finds each clip by its main subject (en + ko): mean pooling R@3 >= 0.5; prints mean vs middle frame', async () => {
    const meanRows = keyframes.videos.map((v) => poolMean(v.keyframes.map((k) => decode(k.vector))));
    const middleRows = keyframes.videos.map((v) => decode(v.middle.vector));
    for (const lang of ['en', 'ko'] as const) {
      // The main subject's label is the first tag of its language.
      const words = items.map((it) => it.tags[lang]![0]!);
      const qs = await embedText(words);
      const mean = summarise(qs.map((q, i) => rankOf(q, meanRows, i)));
      const middle = summarise(qs.map((q, i) => rankOf(q, middleRows, i)));
      // The index search agrees with the direct ranking for rank 1.
      qs.forEach((q, i) => {
        if (mean.ranks[i] === 1) expect(index.search([q], 1)[0]!.id).toBe(items[i]!.id);
      });
      console.log(`${lang} (${items.length} clips): mean pooling R@1 ${mean.r1.toFixed(2)} R@3 ${mean.r3.toFixed(2)} | middle frame R@1 ${middle.r1.toFixed(2)} R@3 ${middle.r3.toFixed(2)}`);
      expect(mean.r3).toBeGreaterThanOrEqual(0.5);
    }
  });
});
