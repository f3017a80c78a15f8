// Shared test resources: the real sticker catalog and the shipped compact-engine files, read once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCompactEngine, type CompactEngine } from '../../../src/core/extract/engine.ts';
import type { GazetteerItem } from '../../../src/core/extract/gazetteer.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));

export const manifest = readJson('public/models/catalogs/stickers/manifest.json') as {
  categoryLabels: Record<string, Record<string, string>>;
};
export const items = readJson('public/models/catalogs/stickers/items.json') as GazetteerItem[];
export const taskModel = readJson('public/models/compact-engine/task-classifier.json');
export const places = readJson('public/models/compact-engine/places.json');

let engine: CompactEngine | undefined;
export function stickerEngine(): CompactEngine {
  engine ??= createCompactEngine({ items, categoryLabels: manifest.categoryLabels, taskModel, places });
  return engine;
}

export function readJsonl(path: string): unknown[] {
  return readFileSync(join(root, path), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as unknown);
}
