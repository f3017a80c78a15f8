// Fetching and validating shipped files (catalog list, manifests, items, model JSON), shared by the
// workers. Every failure names the file and the reason.
import { type CatalogItem, type CatalogList, type CatalogManifest, parseCatalogItems, parseCatalogList, parseCatalogManifest } from '../core/catalog.ts';

export async function fetchJson(url: URL, what: string, signal?: AbortSignal): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, signal ? { signal } : {});
  } catch (err) {
    throw new Error(`Could not fetch the ${what} (${url.pathname}): ${String(err)}`);
  }
  if (!res.ok) throw new Error(`Could not fetch the ${what} (${url.pathname}): HTTP ${res.status}`);
  try {
    return await res.json();
  } catch {
    throw new Error(`The ${what} (${url.pathname}) is not valid JSON`);
  }
}

export interface CatalogFiles {
  manifest: CatalogManifest;
  /** The catalog's folder: item images and index files resolve against it. */
  baseUrl: URL;
  items: CatalogItem[];
}

export class CatalogSource {
  private listPromise: Promise<CatalogList> | null = null;

  constructor(readonly modelsBase: URL) {}

  list(): Promise<CatalogList> {
    this.listPromise ??= fetchJson(new URL('catalogs/index.json', this.modelsBase), 'catalog list').then(parseCatalogList);
    this.listPromise.catch(() => (this.listPromise = null));
    return this.listPromise;
  }

  async load(id: string, onManifest?: (m: CatalogManifest) => void): Promise<CatalogFiles> {
    const list = await this.list();
    const entry = list.catalogs.find((c) => c.id === id);
    if (!entry) throw new Error(`Unknown catalog "${id}"`);
    const manifestUrl = new URL(`catalogs/${entry.manifest}`, this.modelsBase);
    const manifest = parseCatalogManifest(await fetchJson(manifestUrl, `manifest of ${id}`));
    onManifest?.(manifest);
    const baseUrl = new URL('.', manifestUrl);
    const items = parseCatalogItems(await fetchJson(new URL(manifest.items, baseUrl), `items of ${id}`), manifest);
    return { manifest, baseUrl, items };
  }
}
