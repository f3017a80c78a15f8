// The per-item work of a build, in batches: decode an image (or a video's keyframes) or take a text
// item's words, embed them with CLIP, keep the result in the work cache, and report progress after
// each batch (that is also where the cache is flushed, so a kill loses at most one batch). A file
// that cannot be decoded is a Problem and the item is left out; the batch goes on without it.
import { stat } from 'node:fs/promises';
import { type CacheEntry, vectorFromBase64, vectorToBase64, type WorkCache } from './cache.ts';
import type { ClipEncoder, Rgb } from './encoder.ts';
import type { ItemSpec } from './input.ts';
import { contentHash, MediaError, readImage } from './media.ts';
import { readVideo } from './video.ts';
import type { Problem } from './report.ts';

/** Images per vision-tower call: small enough that a kill loses little, large enough to batch well. */
export const IMAGE_BATCH = 16;
/** Texts per text-tower call. */
export const TEXT_BATCH = 64;

export interface Embedded {
  readonly spec: ItemSpec;
  readonly vector: Float32Array;
  /** Thumbnail or poster WebP, a file in the work cache. */
  readonly picture?: string;
  readonly keyframes?: { t: number; reason: string; vector: Float32Array }[];
  readonly durationS?: number;
}

export interface EmbedContext {
  encoder: ClipEncoder;
  cache: WorkCache;
  problems: Problem[];
  /** After each batch, with the number of items done so far (skipped ones included). */
  onBatch: (done: number) => void | Promise<void>;
}

/** The words a text item is embedded from: its description if it has one, else title and tags. */
export function textOf(spec: ItemSpec): string {
  return spec.description ?? [spec.title, ...spec.tags].join(', ');
}

const fromEntry = (spec: ItemSpec, e: CacheEntry): Embedded => ({
  spec,
  vector: vectorFromBase64(e.vector),
  ...(e.picture ? { picture: e.picture } : {}),
  ...(e.keyframes ? { keyframes: e.keyframes.map((k) => ({ t: k.t, reason: k.reason, vector: vectorFromBase64(k.vector) })) } : {}),
  ...(e.durationS !== undefined ? { durationS: e.durationS } : {}),
});

export async function embedAll(specs: readonly ItemSpec[], ctx: EmbedContext): Promise<Embedded[]> {
  const out = new Map<ItemSpec, Embedded>();
  const skip = (spec: ItemSpec, err: unknown) => {
    // A file that vanished or cannot be opened is that item's problem, not the build's.
    const fsCode = err instanceof Error && 'syscall' in err ? (err as NodeJS.ErrnoException).code : undefined;
    if (fsCode) err = new MediaError(`cannot read the file (${fsCode})`);
    if (!(err instanceof MediaError)) throw err;
    ctx.problems.push({ severity: 'error', file: spec.media?.rel ?? spec.origin.file, ...(spec.media ? {} : { line: spec.origin.line }), message: `${err.message}. Item "${spec.id}" skipped` });
  };
  let done = 0;
  const images = specs.filter((s) => s.media?.kind === 'image');
  const videos = specs.filter((s) => s.media?.kind === 'video');
  const texts = specs.filter((s) => !s.media);

  for (let i = 0; i < images.length; i += IMAGE_BATCH) {
    const batch = images.slice(i, i + IMAGE_BATCH);
    const todo: { spec: ItemSpec; key: string; rgb: Rgb; thumb: Buffer }[] = [];
    for (const spec of batch) {
      try {
        const { hash, bytes } = await contentHash(spec.media!.path);
        const key = ctx.cache.mediaKey('image', hash);
        const hit = ctx.cache.get(key);
        if (hit) {
          out.set(spec, fromEntry(spec, hit));
          continue;
        }
        const img = await readImage(spec.media!.path, bytes);
        todo.push({ spec, key, rgb: img.clipInput, thumb: img.thumbWebp });
      } catch (err) {
        skip(spec, err);
      }
    }
    const vectors = await ctx.encoder.embedImages(todo.map((t) => t.rgb));
    for (const [j, t] of todo.entries()) {
      const entry: CacheEntry = { key: t.key, vector: vectorToBase64(vectors[j]!), picture: await ctx.cache.putPicture(t.key, t.thumb) };
      ctx.cache.add(entry);
      out.set(t.spec, fromEntry(t.spec, entry));
    }
    await ctx.cache.flush();
    done += batch.length;
    await ctx.onBatch(done);
  }

  for (const spec of videos) {
    try {
      const { hash } = await contentHash(spec.media!.path);
      const key = ctx.cache.mediaKey('video', hash);
      const hit = ctx.cache.get(key);
      if (hit) out.set(spec, fromEntry(spec, hit));
      else {
        const size = (await stat(spec.media!.path)).size;
        const v = await readVideo(spec.media!.path, size, ctx.encoder);
        const entry: CacheEntry = {
          key, vector: vectorToBase64(v.vector), picture: await ctx.cache.putPicture(key, v.posterWebp), durationS: v.durationS,
          keyframes: v.keyframes.map((k) => ({ t: k.t, reason: k.reason, vector: vectorToBase64(k.vector) })),
        };
        ctx.cache.add(entry);
        out.set(spec, fromEntry(spec, entry));
        await ctx.cache.flush();
      }
    } catch (err) {
      skip(spec, err);
    }
    done++;
    await ctx.onBatch(done);
  }

  for (let i = 0; i < texts.length; i += TEXT_BATCH) {
    const batch = texts.slice(i, i + TEXT_BATCH);
    const todo: { spec: ItemSpec; key: string; text: string }[] = [];
    for (const spec of batch) {
      const text = textOf(spec);
      const key = ctx.cache.textKey(text);
      const hit = ctx.cache.get(key);
      if (hit) out.set(spec, fromEntry(spec, hit));
      else todo.push({ spec, key, text });
    }
    const vectors = await ctx.encoder.embedTexts(todo.map((t) => t.text));
    for (const [j, t] of todo.entries()) {
      const entry: CacheEntry = { key: t.key, vector: vectorToBase64(vectors[j]!) };
      ctx.cache.add(entry);
      out.set(t.spec, fromEntry(t.spec, entry));
    }
    await ctx.cache.flush();
    done += batch.length;
    await ctx.onBatch(done);
  }
  // Input order, not processing order: the catalog lists items as the owner did.
  return specs.flatMap((s) => (out.has(s) ? [out.get(s)!] : []));
}
