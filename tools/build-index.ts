// Builds a catalog's embedding index with the CLIP model through transformers.js in Node: the same
// library and ONNX files the browser uses. Images (stickers, keyframes) go through the vision tower;
// catalogs without images (movies) embed their description through the text tower.
//
//   npx tsx tools/build-index.ts --catalog stickers [--model clip-mini] [--source image|text] [--quantisation i8|f16|f32]
//
// Writes public/models/catalogs/<catalog>/index.bin and records it in the catalog's manifest.json
// (file, format version, model id, dim, checksum, size). The model id includes a hash of the model's
// files, so an index built by another (or retrained) model is refused at load time with a clear message.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  AutoProcessor, AutoTokenizer, CLIPTextModelWithProjection, CLIPVisionModelWithProjection, env, RawImage, type Tensor,
} from '@huggingface/transformers';
import sharp from 'sharp';
import { parseCatalogItems, parseCatalogManifest } from '../src/core/catalog.ts';
import { fileChecksum, INDEX_FORMAT_VERSION, type Quantisation } from '../src/core/index/format.ts';
import { encodeIndex } from '../src/core/index/encode.ts';
import { cliFlags } from './cli.ts';
import { modelIdOf } from './model-id.ts';

const args = cliFlags();
const root = process.cwd();
const modelsDir = args.get('models') ?? join(root, 'public', 'models');
const catalogId = args.get('catalog') ?? 'stickers';
const modelName = args.get('model') ?? 'clip-mini';
const quantisation = (args.get('quantisation') ?? 'i8') as Quantisation;
const BATCH = 64;

env.allowRemoteModels = false;
env.allowLocalModels = true;
env.localModelPath = `${modelsDir}/`;

function normaliseRows(data: Float32Array, dim: number): Float32Array {
  const out = new Float32Array(data.length);
  for (let r = 0; r < data.length / dim; r++) {
    let s = 0;
    for (let j = 0; j < dim; j++) s += data[r * dim + j]! ** 2;
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let j = 0; j < dim; j++) out[r * dim + j] = data[r * dim + j]! * inv;
  }
  return out;
}

/** Decodes an image and flattens transparency onto white, as training did (training/data_prep.py). */
async function readOnWhite(path: string): Promise<RawImage> {
  const { data, info } = await sharp(path).flatten({ background: '#ffffff' }).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  return new RawImage(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height, 3);
}

async function main(): Promise<void> {
  const catDir = join(modelsDir, 'catalogs', catalogId);
  const manifestPath = join(catDir, 'manifest.json');
  const manifest = parseCatalogManifest(JSON.parse(await readFile(manifestPath, 'utf8')));
  const items = parseCatalogItems(JSON.parse(await readFile(join(catDir, manifest.items), 'utf8')), manifest);
  const source = args.get('source') ?? (items.every((it) => it.image) ? 'image' : 'text');
  const modelId = await modelIdOf(modelsDir, modelName);
  // The encoder reports this id with every query vector; the retrieval worker refuses to mix spaces.
  await writeFile(join(modelsDir, modelName, 'identity.json'), `${JSON.stringify({ modelId }, null, 2)}\n`);
  const t0 = performance.now();
  const chunks: Float32Array[] = [];
  let dim = 0;

  // Items whose image is missing or unreadable are named and left out of the index; the others are kept.
  const failed: { id: string; reason: string }[] = [];
  let kept = items;
  if (source === 'image') {
    const processor = await AutoProcessor.from_pretrained(modelName);
    const model = await CLIPVisionModelWithProjection.from_pretrained(modelName, { device: 'cpu', dtype: 'fp32' });
    const ok: typeof items = [];
    for (let i = 0; i < items.length; i += BATCH) {
      const batch = items.slice(i, i + BATCH);
      const decoded = await Promise.all(batch.map(async (it) => {
        try {
          if (!it.image) throw new Error('no image in the catalog entry');
          return await readOnWhite(join(catDir, it.image));
        } catch (err) {
          failed.push({ id: it.id, reason: `${it.image ?? '(none)'}: ${err instanceof Error ? err.message : String(err)}` });
          return null;
        }
      }));
      const good = batch.filter((_, j) => decoded[j] !== null);
      if (good.length > 0) {
        const inputs = await processor(decoded.filter((x): x is RawImage => x !== null));
        const { image_embeds } = (await model(inputs)) as { image_embeds: Tensor };
        dim = image_embeds.dims[1]!;
        chunks.push(image_embeds.data as Float32Array);
        ok.push(...good);
      }
      const done = Math.min(i + BATCH, items.length);
      const bar = '#'.repeat(Math.round((done / items.length) * 30)).padEnd(30, '.');
      process.stdout.write(`\r[${bar}] ${done}/${items.length} images${failed.length ? `, ${failed.length} unreadable` : ''}`);
    }
    kept = ok;
  } else {
    const tokenizer = await AutoTokenizer.from_pretrained(modelName);
    const model = await CLIPTextModelWithProjection.from_pretrained(modelName, { device: 'cpu', dtype: 'fp32' });
    for (let i = 0; i < items.length; i += BATCH) {
      const batch = items.slice(i, i + BATCH).map((it) => it.description ?? [it.title, ...(it.tags.en ?? [])].join(', '));
      const inputs = tokenizer(batch, { padding: true, truncation: true });
      const { text_embeds } = (await model(inputs)) as { text_embeds: Tensor };
      dim = text_embeds.dims[1]!;
      chunks.push(text_embeds.data as Float32Array);
      process.stdout.write(`\rtexts ${Math.min(i + BATCH, items.length)}/${items.length}`);
    }
  }
  process.stdout.write('\n');
  for (const f of failed) console.error(`left out of the index: item ${f.id}: ${f.reason}`);
  if (kept.length === 0) throw new Error('no item could be embedded');
  const all = new Float32Array(kept.length * dim);
  let off = 0;
  for (const c of chunks) {
    all.set(c, off);
    off += c.length;
  }
  const vectors = normaliseRows(all, dim);

  // One category bit per top-level category (up to 32), for category masks at search time.
  const cats = [...new Set(kept.map((it) => it.category))].slice(0, 32);
  const categories = new Uint32Array(kept.map((it) => (cats.includes(it.category) ? 1 << cats.indexOf(it.category) : 0) >>> 0));

  const bytes = encodeIndex({ dim, vectors, ids: kept.map((it) => it.id), quantisation, metric: 'cosine', modelId, categories });
  const file = 'index.bin';
  await writeFile(join(catDir, file), bytes);
  const updated = {
    ...manifest,
    index: {
      file, formatVersion: INDEX_FORMAT_VERSION, modelId, dim,
      checksum: fileChecksum(bytes).toString(16).padStart(8, '0'), sizeBytes: bytes.length,
      source, categories: cats,
    },
  };
  await writeFile(manifestPath, `${JSON.stringify(parseCatalogManifest(updated), null, 2)}\n`);
  console.log(`${catalogId}: ${kept.length} x ${dim} (${source}, ${quantisation}) -> ${file}, ${(bytes.length / 1024).toFixed(0)} KiB, model ${modelId}, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

await main();
