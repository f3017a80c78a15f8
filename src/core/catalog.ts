// The catalog contract: a manifest describing a shipped catalog, and its item metadata.
// Parsed once at the edge (fetch in a worker, or a Node tool) and trusted afterwards.
import { z } from 'zod';
import { COLOR_TERMS, type ColorTerm } from './colors.ts';

export const CATALOG_FORMAT_VERSION = 1;

/** The catalog of videos the user added on this device: built in memory by the retrieval worker, never fetched. */
export const LOCAL_VIDEOS_ID = 'my-videos';

export const CATALOG_KINDS = ['stickers', 'movies', 'videos', 'products'] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];

const relativePath = z
  .string()
  .min(1)
  .max(256)
  .refine((p) => !p.startsWith('/') && !p.includes('..') && !/^[a-z]+:/i.test(p), {
    message: 'must be a relative path inside the catalog folder',
  });

export const CatalogItemSchema = z
  .object({
    id: z.string().min(1).max(64),
    title: z.string().min(1).max(256),
    /** Localised titles, keyed by BCP-47 language ("ko"). */
    titles: z.record(z.string(), z.string().max(256)).default({}),
    /** Search tags per language: { en: [...], ko: [...] }. */
    tags: z.record(z.string(), z.array(z.string().max(64)).max(64)).default({}),
    /**
     * Tags (of `tags`) this item uses in a rare sense of the word, per language: "culture" on the petri
     * dish is microbiology, not what a traveller means (tools/knowledge/tag-senses.ts finds them). Matched
     * with a low weight, so the word's usual sense ranks first.
     */
    rareTags: z.record(z.string(), z.array(z.string().max(64)).max(64)).optional(),
    /** A coarse category (emoji group, genre) used for category masks and filters. */
    category: z.string().max(64),
    /** Finer categories (emoji subgroup, extra genres). */
    categories: z.array(z.string().max(64)).max(32).default([]),
    /**
     * The basic colours of its picture, most covering first (src/core/colors.ts: read by the catalog
     * builders, matched through each language's colour words): "only the red ones".
     */
    colors: z.array(z.enum(COLOR_TERMS)).max(COLOR_TERMS.length).optional(),
    image: relativePath.optional(),
    /** A video file (webm/mp4) for video items; `image` is then its poster frame. */
    video: relativePath.optional(),
    /** Video length in seconds. */
    duration: z.number().min(0).max(86_400).optional(),
    /** The text shown in place of an image, or beside it (the emoji character). */
    glyph: z.string().max(32).optional(),
    year: z.number().int().optional(),
    description: z.string().max(1024).optional(),
    /** Items marked unsafe never reach the feed. */
    safety: z.enum(['safe', 'unsafe']).default('safe'),
    /** A prior popularity in [0, 1] (engagement counts, catalog order). */
    popularity: z.number().min(0).max(1).default(0),
  })
  .strict();
export type CatalogItem = z.infer<typeof CatalogItemSchema>;

/**
 * The CLIP source's "no match" floor for one catalog's index: below this cosine (a phrase's vector
 * against an item's), a phrase the catalog's words do not know finds nothing by vector, and no card
 * says it "looks like" it (src/core/delivery.ts, honestPictures). Measured for one model on this
 * index: by the catalog builder (tools/catalog/no-match-floor.ts) or, for the stickers, by
 * tools/calibrate-clip-floor.ts. A floor whose modelId is not the index's is ignored by the app.
 */
export const NoMatchFloorSchema = z
  .object({
    cosine: z.number().min(-1).max(1),
    /** The model (name@hash) the floor was measured with: it applies only to that model's vectors. */
    modelId: z.string().min(1),
    /** How it was measured, in a sentence (the queries, the quantile, the tool). */
    method: z.string().min(1).max(600),
    /** Real queries (words of the catalog's own items) against the no-match ones, as measured. */
    separation: z
      .object({
        noMatchQueries: z.number().int().min(0),
        realQueries: z.number().int().min(0),
        /** Median best cosine of each set against the index. */
        noMatchMedian: z.number().min(-1).max(1),
        realMedian: z.number().min(-1).max(1),
        /** Share of real queries whose best cosine clears the floor. */
        realAbove: z.number().min(0).max(1),
        /** Share of real queries whose own item is among their 10 nearest and clears the floor. */
        realFound: z.number().min(0).max(1),
      })
      .strict()
      .optional(),
  })
  .strict();
export type NoMatchFloor = z.infer<typeof NoMatchFloorSchema>;

export const CatalogManifestSchema = z
  .object({
    formatVersion: z.literal(CATALOG_FORMAT_VERSION),
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().min(1),
    kind: z.enum(CATALOG_KINDS),
    itemCount: z.number().int().min(0),
    items: relativePath,
    /** Present once an embedding index is built for this catalog. */
    index: z
      .object({
        file: relativePath,
        formatVersion: z.number().int(),
        modelId: z.string().min(1),
        dim: z.number().int().positive(),
        checksum: z.string().min(1),
        sizeBytes: z.number().int().positive(),
        /** What was embedded: the item images (vision tower), their descriptions (text tower), or video keyframes. */
        source: z.enum(['image', 'text', 'video']).default('image'),
        /** For video indexes: how keyframe vectors became one vector per video. */
        pooling: z.enum(['mean', 'temporal']).optional(),
        /** Category names in bit order, for category masks at search time. */
        categories: z.array(z.string()).max(32).default([]),
        /** This index's calibrated "no match" floor for the CLIP source (absent: none measured). */
        noMatchFloor: NoMatchFloorSchema.optional(),
      })
      .strict()
      .optional(),
    /** Video catalogs: per-video keyframes (time, reason, vector) for "jump to the moment" (see VideoKeyframesSchema). */
    keyframes: relativePath.optional(),
    licence: z.object({ summary: z.string().min(1), file: relativePath }).strict(),
    languages: z.array(z.string()).min(1),
    /** Human names of categories per language, so "food" or "음식" can match a whole category. */
    categoryLabels: z.record(z.string(), z.record(z.string(), z.string().max(128))).default({}),
    /** Everyday words people use for a category, per language ("scary" for horror): matched like its name. */
    categoryKeywords: z.record(z.string(), z.record(z.string(), z.array(z.string().max(64)).max(32))).default({}),
  })
  .strict();
export type CatalogManifest = z.infer<typeof CatalogManifestSchema>;

export const CatalogListSchema = z
  .object({
    catalogs: z.array(z.object({ id: z.string(), name: z.string(), manifest: relativePath }).strict()).min(1),
    default: z.string(),
  })
  .strict();
export type CatalogList = z.infer<typeof CatalogListSchema>;

export class CatalogError extends Error {
  override name = 'CatalogError';
}

function parseWith<T>(schema: z.ZodType<T>, data: unknown, what: string): T {
  const r = schema.safeParse(data);
  if (!r.success) {
    const first = r.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new CatalogError(`Invalid ${what}: ${first.join('; ')}`);
  }
  return r.data;
}

export const parseCatalogManifest = (data: unknown) => parseWith(CatalogManifestSchema, data, 'catalog manifest');
export const parseCatalogList = (data: unknown) => parseWith(CatalogListSchema, data, 'catalog list');

const ITEM_KEYS: ReadonlySet<string> = new Set(Object.keys(CatalogItemSchema.shape));
const MAX_DURATION_S = 86_400;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
const isText = (v: unknown, min: number, max: number): v is string => typeof v === 'string' && v.length >= min && v.length <= max;
const isNumberIn = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
const isRelativePath = (v: unknown): v is string => isText(v, 1, 256) && !v.startsWith('/') && !v.includes('..') && !/^[a-z]+:/i.test(v);
const isTextList = (v: unknown, maxItems: number, maxChars: number): v is string[] =>
  Array.isArray(v) && v.length <= maxItems && v.every((s) => isText(s, 0, maxChars));

/** A record's own entries when it is a plain object whose every value passes; undefined otherwise. */
function recordOf<T>(v: unknown, ok: (x: unknown) => x is T, copy: (x: T) => T): Record<string, T> | undefined {
  if (!isPlainObject(v)) return undefined;
  const out: Record<string, T> = {};
  for (const k of Reflect.ownKeys(v)) {
    if (typeof k !== 'string') return undefined;
    const x = v[k];
    // zod drops a "__proto__" key: left to zod.
    if (k === '__proto__' || !ok(x)) return undefined;
    out[k] = copy(x);
  }
  return out;
}
const isTitle = (x: unknown): x is string => isText(x, 0, 256);
const isTagList = (x: unknown): x is string[] => isTextList(x, 64, 64);
const same = <T>(x: T) => x;
const COLOR_SET: ReadonlySet<string> = new Set(COLOR_TERMS);
const isColorList = (x: unknown): x is ColorTerm[] => Array.isArray(x) && x.length <= COLOR_TERMS.length && x.every((c) => typeof c === 'string' && COLOR_SET.has(c));
const copyList = (x: string[]) => x.slice();

/**
 * CatalogItemSchema's common case checked without zod: an item whose every field is valid or absent.
 * Returns what the schema's parse returns (the same keys in the same order, defaults filled in, fresh
 * objects), or undefined for anything else, which zod then decides, so a bad item gets the same error
 * naming its position and field. zod took 1 to 3 s of a 100k-item catalog's load (bench/RESULTS-catalog.md).
 */
function plainItem(v: unknown): CatalogItem | undefined {
  if (!isPlainObject(v)) return undefined;
  for (const k of Reflect.ownKeys(v)) if (typeof k !== 'string' || !ITEM_KEYS.has(k) || v[k] === undefined) return undefined;
  const { id, title, category, image, video, duration, glyph, year, description } = v;
  if (!isText(id, 1, 64) || !isText(title, 1, 256) || !isText(category, 0, 64)) return undefined;
  const titles = v.titles === undefined ? {} : recordOf(v.titles, isTitle, same);
  const tags = v.tags === undefined ? {} : recordOf(v.tags, isTagList, copyList);
  const rareTags = v.rareTags === undefined ? undefined : recordOf(v.rareTags, isTagList, copyList);
  if (v.rareTags !== undefined && !rareTags) return undefined;
  const categories = v.categories === undefined ? [] : isTextList(v.categories, 32, 64) ? v.categories.slice() : undefined;
  const colors = v.colors === undefined ? undefined : isColorList(v.colors) ? v.colors.slice() : null;
  if (colors === null) return undefined;
  const safety = v.safety === undefined ? 'safe' : v.safety === 'safe' || v.safety === 'unsafe' ? v.safety : undefined;
  const popularity = v.popularity === undefined ? 0 : isNumberIn(v.popularity, 0, 1) ? v.popularity : undefined;
  if (!titles || !tags || !categories || !safety || popularity === undefined) return undefined;
  if ((image !== undefined && !isRelativePath(image)) || (video !== undefined && !isRelativePath(video))) return undefined;
  if (duration !== undefined && !isNumberIn(duration, 0, MAX_DURATION_S)) return undefined;
  if ((glyph !== undefined && !isText(glyph, 0, 32)) || (description !== undefined && !isText(description, 0, 1024))) return undefined;
  if (year !== undefined && !(typeof year === 'number' && Number.isSafeInteger(year))) return undefined;
  // Keys in the schema's order, as zod's output has them.
  const out = { id, title, titles, tags, ...(rareTags ? { rareTags } : {}), category, categories, ...(colors ? { colors } : {}) } as CatalogItem;
  if (image !== undefined) out.image = image;
  if (video !== undefined) out.video = video;
  if (duration !== undefined) out.duration = duration;
  if (glyph !== undefined) out.glyph = glyph;
  if (year !== undefined) out.year = year;
  if (description !== undefined) out.description = description;
  out.safety = safety;
  out.popularity = popularity;
  return out;
}

/** Every item through plainItem, or undefined when any needs zod. */
function plainItems(data: unknown): CatalogItem[] | undefined {
  if (!Array.isArray(data)) return undefined;
  const out = new Array<CatalogItem>(data.length);
  for (let i = 0; i < data.length; i++) {
    const it = plainItem(data[i]);
    if (!it) return undefined;
    out[i] = it;
  }
  return out;
}

export function parseCatalogItems(data: unknown, manifest: CatalogManifest): CatalogItem[] {
  const items = plainItems(data) ?? parseWith(z.array(CatalogItemSchema), data, `items of catalog "${manifest.id}"`);
  if (items.length !== manifest.itemCount) {
    throw new CatalogError(
      `Catalog "${manifest.id}" lists ${manifest.itemCount} items but its item file has ${items.length}`,
    );
  }
  const seen = new Set<string>();
  for (const it of items) {
    if (seen.has(it.id)) throw new CatalogError(`Catalog "${manifest.id}" has a duplicate item id "${it.id}"`);
    seen.add(it.id);
  }
  return items;
}

/** keyframes.json of a video catalog: the keyframes of each video with their CLIP vectors. */
export const VideoKeyframesSchema = z.object({
  formatVersion: z.literal(1),
  modelId: z.string().min(1),
  dim: z.number().int().positive(),
  videos: z.array(z.object({
    id: z.string().min(1),
    keyframes: z.array(z.object({ t: z.number().min(0), reason: z.string(), vector: z.string().min(1) })).min(1),
  })),
});
export type VideoKeyframes = z.infer<typeof VideoKeyframesSchema>;

/** Decodes a base64 little-endian float32 vector and checks its length. */
export function decodeVectorBase64(b64: string, dim: number): Float32Array {
  const bin = atob(b64);
  if (bin.length !== dim * 4) throw new Error(`a keyframe vector has ${bin.length} bytes, expected ${dim * 4}`);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const view = new DataView(bytes.buffer);
  return Float32Array.from({ length: dim }, (_, j) => view.getFloat32(j * 4, true));
}

/**
 * Item id -> row of one items array, built once per array: a rank must not rebuild it (100k entries
 * per rank at 100k items, bench/RESULTS-catalog.md). Delivery, the knowledge source and refinements read it.
 */
const rowMaps = new WeakMap<readonly CatalogItem[], ReadonlyMap<string, number>>();
export function rowsOf(items: readonly CatalogItem[]): ReadonlyMap<string, number> {
  let m = rowMaps.get(items);
  if (!m) rowMaps.set(items, (m = new Map(items.map((it, i) => [it.id, i]))));
  return m;
}
