// Inputs for the catalog builder's tests, from files this project did not make: icons of Debian's
// Adwaita icon theme (package adwaita-icon-theme 43, /usr/share/icons/Adwaita/48x48/legacy, full-colour
// PNGs, CC BY-SA 3.0 / LGPL-3 by the GNOME Project). Breeze, elementary and Tux Paint stamps are not
// installed on the build machine; Adwaita is, as GNOME's default theme. Each test copies a subset into
// its own temporary folder, so the tests never write into the repository.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CatalogItem, type CatalogManifest, parseCatalogItems, parseCatalogManifest } from '../../../src/core/catalog.ts';
import { emptyIntent, type Intent } from '../../../src/core/intent.ts';
import { mergeIntent } from '../../../src/core/intent-merge.ts';
import { VectorIndex } from '../../../src/core/index/vector-index.ts';
import { buildLexicalIndex } from '../../../src/core/lexical.ts';
import type { LoadedCatalog } from '../../../src/workers/retrieval/catalogs.ts';

export const ICON_DIR = '/usr/share/icons/Adwaita/48x48/legacy';
export const HAVE_ICONS = existsSync(join(ICON_DIR, 'accessories-calculator.png'));

/** 30 icons with everyday names (no "-symbolic" monochrome variants). */
export const ICONS = [
  'accessories-calculator', 'accessories-dictionary', 'audio-speakers', 'battery-full', 'camera-photo', 'camera-video',
  'face-smile', 'face-sad', 'face-angry', 'face-monkey', 'face-kiss', 'trophy-gold', 'trophy-silver', 'printer-printing',
  'web-browser', 'utilities-terminal', 'mail-send', 'media-tape', 'modem', 'input-dialpad', 'system-users',
  'emblem-favorite', 'starred', 'go-home', 'zoom-in', 'edit-cut', 'edit-paste', 'security-high',
  'microphone-sensitivity-high', 'help-browser',
] as const;

const made: string[] = [];
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `catalog-builder-${prefix}-`));
  made.push(dir);
  return dir;
}

/** For afterAll: removes the temporary folders this test file made. */
export function removeTempDirs(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Copies icons into `<dir>` (created), as `<name>.png`. */
export function copyIcons(dir: string, names: readonly string[] = ICONS): string {
  mkdirSync(dir, { recursive: true });
  for (const n of names) copyFileSync(join(ICON_DIR, `${n}.png`), join(dir, `${n}.png`));
  return dir;
}

export function loadBuilt(dir: string): { manifest: CatalogManifest; items: CatalogItem[] } {
  const manifest = parseCatalogManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  return { manifest, items: parseCatalogItems(JSON.parse(readFileSync(join(dir, manifest.items), 'utf8')), manifest) };
}

/** A built catalog as the retrieval worker holds it once its index has loaded (catalogs.ts). */
export function loadedCatalog(dir: string): LoadedCatalog {
  const { manifest, items } = loadBuilt(dir);
  const index = VectorIndex.fromBytes(readFileSync(join(dir, manifest.index!.file)), { expectedModelId: manifest.index!.modelId });
  const rowOfId = new Map(items.map((it, i) => [it.id, i]));
  return {
    manifest, baseUrl: new URL(`https://example.org/shop/models/catalogs/${manifest.id}/`), items, byId: new Map(items.map((it) => [it.id, it])),
    rowOfId, lexical: buildLexicalIndex(items, manifest), index, itemOfRow: Int32Array.from(index.ids, (id) => rowOfId.get(id) ?? -1), indexError: null,
  };
}

/** Build options every test shares: the shipped model, quiet, output and cache in temp folders. */
export const common = (root: string) => ({
  modelsDir: 'public/models', out: join(root, 'catalogs'), workDir: join(root, 'work'), quiet: true,
  log: () => undefined, logProblem: () => undefined,
});

/** An intent asking for one phrase, as one merged turn would leave it. */
export function intentOf(phrase: string): Intent {
  const r = mergeIntent(emptyIntent('u', 0), {
    keyPhrases: [{ text: phrase, weight: 1 }], likes: [], dislikes: [], task: 'more_like', language: 'en', safety: { verdict: 'safe', categories: [] },
  }, 't', 1);
  if (!r.accepted) throw new Error(r.reason);
  return r.intent;
}
