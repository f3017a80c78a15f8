// Writes a finished catalog into a (temporary) folder in the shape src/core/catalog.ts defines:
// manifest.json (with the index's "no match" floor, measured by the caller on the index as written),
// items.json, index.bin (src/core/index/format.ts, with the model id), WebP thumbnails
// and posters, the videos themselves, keyframes.json for "jump to the moment", LICENSE.md, the
// per-item attribution the schema has no field for, and SHA256SUMS of all of it (checksums.ts). Everything is parsed back with the app's own
// schema before the caller swaps the folder into place. Also keeps index.json's list of catalogs.
import { copyFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import {
  CATALOG_FORMAT_VERSION, type CatalogItem, type CatalogKind, type CatalogList, type CatalogManifest, type NoMatchFloor, parseCatalogItems,
  parseCatalogList, parseCatalogManifest, VideoKeyframesSchema,
} from '../../src/core/catalog.ts';
import { fileChecksum, INDEX_FORMAT_VERSION, type Quantisation } from '../../src/core/index/format.ts';
import { encodeIndex } from '../../src/core/index/encode.ts';
import { vectorToBase64, type WorkCache } from './cache.ts';
import { writeSums } from './checksums.ts';
import type { Embedded } from './embed-items.ts';
import { slugId } from './input.ts';
import { pictureColors } from './media.ts';

/**
 * Up to this many items the index is stored as exact f32 (a 10k x 256 file is 10 MiB); above it as
 * int8 with residual bits, a quarter of the size, whose rescored top-k matches f32 (bench/RESULTS-index.md).
 */
export const F32_MAX_ITEMS = 10_000;
const MAX_CATEGORY_BITS = 32;

export interface CatalogContent {
  id: string;
  name: string;
  kind: CatalogKind;
  modelId: string;
  embedded: readonly Embedded[];
  unsafeIds: ReadonlySet<string>;
  licenceSummary: string;
  quantisation: Quantisation | undefined;
  cache: WorkCache;
  /** Measures the CLIP source's "no match" floor on the finished index (no-match-floor.ts); none: no floor. */
  calibrate?: (c: { indexBytes: Uint8Array; items: readonly CatalogItem[]; manifest: CatalogManifest }) => Promise<NoMatchFloor | undefined>;
}

export async function writeCatalogFiles(dir: string, c: CatalogContent): Promise<CatalogManifest> {
  const stems = new Set<string>();
  const stemOf = (id: string): string => {
    let s = slugId(id);
    for (let n = 2; stems.has(s); n++) s = `${slugId(id)}-${n}`;
    stems.add(s);
    return s;
  };
  const hasVideo = c.embedded.some((e) => e.spec.media?.kind === 'video');
  const hasImage = c.embedded.some((e) => e.spec.media?.kind === 'image');
  if (hasImage) await mkdir(join(dir, 'thumbs'));
  if (hasVideo) await Promise.all([mkdir(join(dir, 'videos')), mkdir(join(dir, 'posters'))]);

  const items: CatalogItem[] = [];
  const attribution: Record<string, { link?: string; licence?: string; source?: string }> = {};
  const keyframes: { id: string; keyframes: { t: number; reason: string; vector: string }[] }[] = [];
  for (const e of c.embedded) {
    const s = e.spec;
    const stem = stemOf(s.id);
    const item: CatalogItem = {
      id: s.id, title: s.title, titles: {}, tags: s.tags.length ? { [s.language]: s.tags } : {},
      category: s.category, categories: [], safety: c.unsafeIds.has(s.id) ? 'unsafe' : 'safe', popularity: s.popularity ?? 0,
    };
    if (s.language !== 'en') item.titles = { [s.language]: s.title };
    if (s.description) item.description = s.description;
    if (s.year !== undefined) item.year = s.year;
    if (s.media?.kind === 'image' && e.picture) {
      item.image = `thumbs/${stem}.webp`;
      await copyFile(c.cache.picturePath(e.picture), join(dir, item.image));
      // What "only the blue ones" finds: the picture's colours, from the thumbnail the catalog ships.
      const colors = await pictureColors(c.cache.picturePath(e.picture));
      if (colors.length > 0) item.colors = colors;
    } else if (s.media?.kind === 'video' && e.picture) {
      item.image = `posters/${stem}.webp`;
      item.video = `videos/${stem}${extname(s.media.path).toLowerCase()}`;
      await copyFile(c.cache.picturePath(e.picture), join(dir, item.image));
      await copyFile(s.media.path, join(dir, item.video));
      if (e.durationS !== undefined) item.duration = e.durationS;
      keyframes.push({ id: s.id, keyframes: (e.keyframes ?? []).map((k) => ({ t: k.t, reason: k.reason, vector: vectorToBase64(k.vector) })) });
    }
    items.push(item);
    // An item's own licence is recorded only where it differs from the catalog's (100k rows of "CC0" say nothing).
    const licence = s.licence && s.licence !== c.licenceSummary ? s.licence : undefined;
    if (s.link || licence || s.media) {
      attribution[s.id] = { ...(s.link ? { link: s.link } : {}), ...(licence ? { licence } : {}), ...(s.media ? { source: s.media.rel } : {}) };
    }
  }

  const dim = c.embedded[0]!.vector.length;
  const vectors = new Float32Array(c.embedded.length * dim);
  c.embedded.forEach((e, i) => vectors.set(e.vector, i * dim));
  const cats = [...new Set(items.map((it) => it.category))].slice(0, MAX_CATEGORY_BITS);
  const categories = new Uint32Array(items.map((it) => (cats.includes(it.category) ? 1 << cats.indexOf(it.category) : 0) >>> 0));
  const quantisation = c.quantisation ?? (items.length <= F32_MAX_ITEMS ? 'f32' : 'i8');
  const bytes = encodeIndex({ dim, vectors, ids: items.map((it) => it.id), quantisation, metric: 'cosine', modelId: c.modelId, categories });
  await writeFile(join(dir, 'index.bin'), bytes);

  const source = hasVideo ? 'video' : hasImage ? 'image' : 'text';
  const languages = [...new Set(c.embedded.map((e) => e.spec.language))];
  let manifest = parseCatalogManifest({
    formatVersion: CATALOG_FORMAT_VERSION, id: c.id, name: c.name, kind: c.kind, itemCount: items.length, items: 'items.json',
    index: {
      file: 'index.bin', formatVersion: INDEX_FORMAT_VERSION, modelId: c.modelId, dim,
      checksum: fileChecksum(bytes).toString(16).padStart(8, '0'), sizeBytes: bytes.length,
      source, ...(hasVideo ? { pooling: 'mean' } : {}), categories: cats,
    },
    ...(hasVideo ? { keyframes: 'keyframes.json' } : {}),
    licence: { summary: c.licenceSummary, file: 'LICENSE.md' },
    languages: languages.length ? languages : ['en'],
    categoryLabels: {}, categoryKeywords: {},
  });
  parseCatalogItems(items, manifest);
  const noMatchFloor = await c.calibrate?.({ indexBytes: bytes, items, manifest });
  if (noMatchFloor) manifest = parseCatalogManifest({ ...manifest, index: { ...manifest.index!, noMatchFloor } });
  await writeFile(join(dir, 'items.json'), JSON.stringify(items));
  if (hasVideo) {
    const kf = { formatVersion: 1, modelId: c.modelId, dim, vectorEncoding: 'base64 little-endian float32, L2-normalised', pooling: 'mean', videos: keyframes };
    VideoKeyframesSchema.parse(kf);
    await writeFile(join(dir, 'keyframes.json'), JSON.stringify(kf));
  }
  await writeFile(join(dir, 'attribution.json'), JSON.stringify(attribution));
  await writeFile(join(dir, 'LICENSE.md'), licenceText(c, attribution));
  await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await writeSums(dir); // last: it lists every file above
  return manifest;
}

function licenceText(c: CatalogContent, attribution: Record<string, { link?: string; licence?: string }>): string {
  const perItem = Object.entries(attribution).filter(([, a]) => a.licence || a.link);
  return [
    `# ${c.name}: licence`,
    '',
    `Licence (as stated by the catalog's owner): ${c.licenceSummary}`,
    '',
    'This catalog was built with `npm run catalog -- build` from files its owner supplied. The owner, not the',
    'builder, is responsible for having the right to publish these files, titles and thumbnails.',
    `Embeddings (index.bin${c.embedded.some((e) => e.spec.media?.kind === 'video') ? ', keyframes.json' : ''}) were computed with the model ${c.modelId}.`,
    ...(perItem.length
      ? ['', '## Per item', '', '| id | licence | link |', '|---|---|---|', ...perItem.map(([id, a]) => `| ${cell(id)} | ${cell(a.licence ?? '')} | ${cell(a.link ?? '')} |`)]
      : []),
    '',
  ].join('\n');
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Adds or updates the catalog's entry in <out>/index.json (written atomically); a broken list is not overwritten. */
export async function listInIndex(out: string, entry: CatalogList['catalogs'][number]): Promise<void> {
  const path = join(out, 'index.json');
  let list: CatalogList;
  let text: string | undefined;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    text = undefined;
  }
  if (text === undefined) list = { catalogs: [entry], default: entry.id };
  else {
    try {
      list = parseCatalogList(JSON.parse(text));
    } catch (err) {
      throw new Error(`${path} is not a valid catalog list (${err instanceof Error ? err.message : String(err)}); the catalog was written but not listed: fix the file and rerun`);
    }
    const at = list.catalogs.findIndex((c) => c.id === entry.id);
    list = { ...list, catalogs: at >= 0 ? list.catalogs.map((c, i) => (i === at ? entry : c)) : [...list.catalogs, entry] };
  }
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, `${JSON.stringify(parseCatalogList(list), null, 2)}\n`);
  await rename(tmp, path);
}
