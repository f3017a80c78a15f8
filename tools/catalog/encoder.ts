// The CLIP model the catalog is embedded with, loaded the way tools/build-index.ts loads it
// (transformers.js in Node, onnxruntime-node, fp32, local files only), each tower on first use: an
// image folder never loads the text tower, a text catalog never loads the vision tower.
// The model's identity (folder name + hash of its files, tools/model-id.ts) must match the
// identity.json the browser encoder reports, or the app would refuse every index built here.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  AutoProcessor, AutoTokenizer, CLIPTextModelWithProjection, CLIPVisionModelWithProjection, env, RawImage, type Tensor,
} from '@huggingface/transformers';
import { modelIdOf } from '../model-id.ts';

export interface Rgb {
  readonly width: number;
  readonly height: number;
  /** rgb24, row-major. */
  readonly data: Uint8Array;
}

export interface ClipEncoder {
  readonly modelId: string;
  /** Unit vectors, one per image. */
  embedImages(images: readonly Rgb[]): Promise<Float32Array[]>;
  /** Unit vectors, one per text. */
  embedTexts(texts: readonly string[]): Promise<Float32Array[]>;
}

export class ModelIdentityError extends Error {
  override readonly name = 'ModelIdentityError';
}

/** The model's id, checked against its identity.json (what the browser's encoder reports). */
export async function modelIdentity(modelsDir: string, name: string): Promise<string> {
  let modelId: string;
  try {
    modelId = await modelIdOf(modelsDir, name);
  } catch (err) {
    throw new ModelIdentityError(`model "${name}" not found in ${modelsDir} (${err instanceof Error ? err.message : String(err)})`);
  }
  let shipped: string | undefined;
  try {
    shipped = (JSON.parse(await readFile(join(modelsDir, name, 'identity.json'), 'utf8')) as { modelId?: string }).modelId;
  } catch {
    throw new ModelIdentityError(`${join(modelsDir, name, 'identity.json')} is missing or not JSON: the browser could not tell which model made the index`);
  }
  if (shipped !== modelId) {
    throw new ModelIdentityError(`${name}/identity.json says "${shipped}" but the model's files hash to "${modelId}": the app would refuse this index (rebuild identity with tools/build-index.ts)`);
  }
  return modelId;
}

function unitRows(data: Float32Array, rows: number, dim: number): Float32Array[] {
  const out: Float32Array[] = [];
  for (let r = 0; r < rows; r++) {
    const v = data.slice(r * dim, (r + 1) * dim);
    let s = 0;
    for (let j = 0; j < dim; j++) s += v[j]! * v[j]!;
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let j = 0; j < dim; j++) v[j]! *= inv;
    out.push(v);
  }
  return out;
}

export async function createClipEncoder(modelsDir: string, name: string): Promise<ClipEncoder> {
  const modelId = await modelIdentity(modelsDir, name);
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = `${modelsDir}/`;
  type Vision = { processor: Awaited<ReturnType<typeof AutoProcessor.from_pretrained>>; model: Awaited<ReturnType<typeof CLIPVisionModelWithProjection.from_pretrained>> };
  type Text = { tokenizer: Awaited<ReturnType<typeof AutoTokenizer.from_pretrained>>; model: Awaited<ReturnType<typeof CLIPTextModelWithProjection.from_pretrained>> };
  let vision: Promise<Vision> | undefined;
  let text: Promise<Text> | undefined;
  return {
    modelId,
    async embedImages(images) {
      if (images.length === 0) return [];
      vision ??= (async () => ({
        processor: await AutoProcessor.from_pretrained(name),
        model: await CLIPVisionModelWithProjection.from_pretrained(name, { device: 'cpu', dtype: 'fp32' }),
      }))();
      const v = await vision;
      const raw = images.map((im) => new RawImage(new Uint8ClampedArray(im.data.buffer, im.data.byteOffset, im.data.length), im.width, im.height, 3));
      const { image_embeds } = (await v.model(await v.processor(raw))) as { image_embeds: Tensor };
      return unitRows(image_embeds.data as Float32Array, images.length, image_embeds.dims[1]!);
    },
    async embedTexts(texts) {
      if (texts.length === 0) return [];
      text ??= (async () => ({
        tokenizer: await AutoTokenizer.from_pretrained(name),
        model: await CLIPTextModelWithProjection.from_pretrained(name, { device: 'cpu', dtype: 'fp32' }),
      }))();
      const t = await text;
      const { text_embeds } = (await t.model(t.tokenizer([...texts], { padding: true, truncation: true }))) as { text_embeds: Tensor };
      return unitRows(text_embeds.data as Float32Array, texts.length, text_embeds.dims[1]!);
    },
  };
}
