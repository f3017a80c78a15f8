// A catalog's U2I model (user-to-item, trained offline on engagement): item vectors aligned with the
// catalog's items (zeros where it has none), and one downloadable vector per demo user. Fetched once
// per catalog; a catalog without `u2i/<id>/manifest.json` has no U2I personalisation.
import { parseItemVectors, parseU2iManifest, parseUserVector, type U2iManifest, userVectorPath, type VectorMatrix } from '../../core/u2i/format.ts';
import type { LoadedCatalog } from './catalogs.ts';

export interface LoadedU2i {
  manifest: U2iManifest;
  baseUrl: URL;
  items: VectorMatrix;
}

export class U2iModels {
  private readonly models = new Map<string, Promise<LoadedU2i | null>>();

  constructor(private readonly modelsBase: URL) {}

  forget(catalogId: string): void {
    this.models.delete(catalogId);
  }

  get(cat: LoadedCatalog): Promise<LoadedU2i | null> {
    const id = cat.manifest.id;
    let p = this.models.get(id);
    if (!p) {
      p = (async () => {
        const url = new URL(`u2i/${id}/manifest.json`, this.modelsBase);
        const res = await fetch(url);
        if (res.status === 404) return null;
        if (!res.ok) throw new Error(`Could not fetch ${url.pathname}: HTTP ${res.status}`);
        if (/html/i.test(res.headers.get('content-type') ?? '')) return null; // a fallback page, not a manifest
        const manifest = parseU2iManifest(await res.json());
        const baseUrl = new URL('.', url);
        const itemsRes = await fetch(new URL(manifest.items.file, baseUrl));
        if (!itemsRes.ok) throw new Error(`Could not fetch the U2I item vectors: HTTP ${itemsRes.status}`);
        const raw = parseItemVectors(new Uint8Array(await itemsRes.arrayBuffer()), manifest);
        const dim = raw.dim;
        const data = new Float32Array(cat.items.length * dim);
        manifest.items.ids.forEach((itemId, row) => {
          const i = cat.rowOfId.get(itemId);
          if (i !== undefined) data.set(raw.data.subarray(row * dim, (row + 1) * dim), i * dim);
        });
        return { manifest, baseUrl, items: { rows: cat.items.length, dim, data } };
      })();
      p.catch(() => this.models.delete(id));
      this.models.set(id, p);
    }
    return p;
  }

  /** Downloads one demo user's vector (validated against the manifest). */
  async fetchUserVector(model: LoadedU2i, demoUserId: string): Promise<Float32Array> {
    const res = await fetch(new URL(userVectorPath(model.manifest, demoUserId), model.baseUrl));
    if (!res.ok) throw new Error(`Could not download the vector of user ${demoUserId}: HTTP ${res.status}`);
    return parseUserVector(new Uint8Array(await res.arrayBuffer()), model.manifest);
  }
}
