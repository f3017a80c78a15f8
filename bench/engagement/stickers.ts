// The sticker catalog as the engagement benchmarks use it: items, their CLIP image vectors from the
// shipped index (rows aligned with items.json), and a title a person reads ("🐶 dog").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCatalogItems, parseCatalogManifest, type CatalogItem } from '../../src/core/catalog.ts';
import { catalogVectors } from '../../src/core/engagement/session-source.ts';
import { VectorIndex } from '../../src/core/index/vector-index.ts';
import type { VectorMatrix } from '../../src/core/u2i/format.ts';

export const STICKERS_DIR = join(import.meta.dirname, '../../public/models/catalogs/stickers');

export interface StickerData {
  readonly items: readonly CatalogItem[];
  readonly manifest: ReturnType<typeof parseCatalogManifest>;
  readonly vectors: VectorMatrix;
  readonly index: VectorIndex;
  readonly rowOf: ReadonlyMap<string, number>;
  readonly modelId: string;
}

export function loadStickers(): StickerData {
  const manifest = parseCatalogManifest(JSON.parse(readFileSync(join(STICKERS_DIR, 'manifest.json'), 'utf8')));
  const items = parseCatalogItems(JSON.parse(readFileSync(join(STICKERS_DIR, 'items.json'), 'utf8')), manifest);
  const index = VectorIndex.fromBytes(readFileSync(join(STICKERS_DIR, manifest.index!.file)));
  const vectors = catalogVectors(
    items.map((it) => it.id),
    index.dim,
    (id) => {
      const r = index.rowOf(id);
      return r === undefined ? undefined : index.vectorAt(r);
    },
  );
  return { items, manifest, vectors, index, rowOf: new Map(items.map((it, i) => [it.id, i])), modelId: index.modelId };
}

export const stickerTitle = (it: CatalogItem): string => (it.glyph ? `${it.glyph} ${it.title}` : it.title);
