// Turns one image file into what a catalog needs: the pixels the CLIP vision tower sees (flattened
// on white, as training and tools/build-index.ts did) and a WebP thumbnail (videos: video.ts). A file
// that cannot be decoded throws MediaError with a sentence a site owner can act on; the caller skips
// the item.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { type ColorTerm, colorsOfPixels } from '../../src/core/colors.ts';
import type { Rgb } from './encoder.ts';

export const IMAGE_EXTENSIONS = Object.freeze(['.png', '.jpg', '.jpeg', '.webp', '.gif', '.svg'] as const);
export const VIDEO_EXTENSIONS = Object.freeze(['.mp4', '.webm', '.mov'] as const);
export type MediaKind = 'image' | 'video';

export function mediaKindOf(path: string): MediaKind | null {
  const ext = extname(path).toLowerCase();
  if ((IMAGE_EXTENSIONS as readonly string[]).includes(ext)) return 'image';
  if ((VIDEO_EXTENSIONS as readonly string[]).includes(ext)) return 'video';
  return null;
}

export class MediaError extends Error {
  override readonly name = 'MediaError';
}

/** Longest side of a thumbnail or poster, in pixels: sharp on a phone at 2x for a ~128 px card. */
export const THUMB_MAX_PX = 256;
export const THUMB_QUALITY = 78;
/** Images are shrunk to this shortest edge before the CLIP processor (it crops 64 px; 4x keeps detail for its bicubic). */
const CLIP_PRESHRINK_PX = 256;
/** SVGs are rasterised at this density so a 48-unit icon still renders above THUMB_MAX_PX. */
const SVG_DENSITY = 600;

export async function contentHash(path: string): Promise<{ hash: string; bytes: Buffer }> {
  const bytes = await readFile(path);
  return { hash: createHash('sha256').update(bytes).digest('hex'), bytes };
}

export const why = (err: unknown): string => (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 200);

function open(bytes: Buffer, path: string): Sharp {
  // failOn 'error' also refuses truncated files: a half-downloaded PNG is an error, not a grey box.
  return sharp(bytes, { failOn: 'error', ...(extname(path).toLowerCase() === '.svg' ? { density: SVG_DENSITY } : {}) });
}

export interface ImageResult {
  readonly clipInput: Rgb;
  readonly thumbWebp: Buffer;
  readonly width: number;
  readonly height: number;
}

export async function readImage(path: string, bytes: Buffer): Promise<ImageResult> {
  if (bytes.length === 0) throw new MediaError('empty file (0 bytes)');
  let meta: Metadata;
  try {
    meta = await open(bytes, path).metadata();
  } catch (err) {
    throw new MediaError(`not a readable image (${why(err)})`);
  }
  if (!meta.width || !meta.height) throw new MediaError('image has no size');
  try {
    const { data, info } = await open(bytes, path)
      .rotate()
      .resize({ width: CLIP_PRESHRINK_PX, height: CLIP_PRESHRINK_PX, fit: 'outside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' }).removeAlpha().toColourspace('srgb').raw()
      .toBuffer({ resolveWithObject: true });
    const thumbWebp = await open(bytes, path)
      .rotate()
      .resize({ width: THUMB_MAX_PX, height: THUMB_MAX_PX, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: THUMB_QUALITY })
      .toBuffer();
    return { clipInput: { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) }, thumbWebp, width: meta.width, height: meta.height };
  } catch (err) {
    throw new MediaError(`image is truncated or corrupt (${why(err)})`);
  }
}

/** Pictures are read for their colours at most this big: the shares do not need more pixels. */
const COLOR_SAMPLE_PX = 64;

/**
 * The basic colours a picture shows (src/core/colors.ts), from its file or bytes: what "only the red
 * ones" finds. Transparent pixels are background and do not count.
 */
export async function pictureColors(input: string | Buffer): Promise<ColorTerm[]> {
  const { data } = await sharp(input)
    .resize({ width: COLOR_SAMPLE_PX, height: COLOR_SAMPLE_PX, fit: 'inside', withoutEnlargement: true })
    .ensureAlpha().toColourspace('srgb').raw()
    .toBuffer({ resolveWithObject: true });
  return colorsOfPixels(new Uint8Array(data.buffer, data.byteOffset, data.length));
}
