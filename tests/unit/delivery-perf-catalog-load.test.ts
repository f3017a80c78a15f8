// Loading a catalog at scale: parseCatalogItems checks the common item shape without zod, and must
// return exactly what the schema returns (keys, order, defaults) and fail exactly as it fails.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { CatalogError, CatalogItemSchema, type CatalogManifest, parseCatalogItems, parseCatalogManifest } from '../../src/core/catalog.ts';

const manifestOf = (id: string) => parseCatalogManifest(JSON.parse(readFileSync(`public/models/catalogs/${id}/manifest.json`, 'utf8')));
const withCount = (m: CatalogManifest, n: number): CatalogManifest => ({ ...m, itemCount: n });
const viaZod = (data: unknown) => z.array(CatalogItemSchema).parse(data);
const base = { id: 'a', title: 'cat', category: 'animals' };

describe('catalog items at scale', () => {
  for (const id of ['stickers', 'movies', 'videos']) {
    test(`${id}: the same items as the schema gives, keys in the same order`, () => {
      const m = manifestOf(id);
      const raw = JSON.parse(readFileSync(`public/models/catalogs/${id}/${m.items}`, 'utf8'));
      expect(JSON.stringify(parseCatalogItems(raw, m))).toBe(JSON.stringify(viaZod(raw)));
    });
  }

  test('defaults and optional fields as the schema fills them', () => {
    const m = withCount(manifestOf('stickers'), 3);
    const raw = [
      base,
      { ...base, id: 'b', year: 1999, image: 'img/a.png', glyph: '🐱', popularity: 1, safety: 'unsafe', titles: { 2: 'x', ko: '고양이' }, tags: { en: ['pet'] } },
      { popularity: 0.5, description: 'd', duration: 3.5, video: 'v.webm', categories: ['x'], ...base, id: 'c' },
    ];
    expect(JSON.stringify(parseCatalogItems(raw, m))).toBe(JSON.stringify(viaZod(raw)));
  });

  test('a bad item fails with the schema\'s message, naming its position and field', () => {
    const bad: [string, Record<string, unknown>][] = [
      ['1.title', { ...base, title: 'x'.repeat(257) }],
      ['1', { ...base, colour: 'red' }],
      ['1.popularity', { ...base, popularity: 2 }],
      ['1.image', { ...base, image: '../secret.png' }],
      ['1.year', { ...base, year: 1.5 }],
      ['1.tags.en', { ...base, tags: { en: 'pet' } }],
      ['1.id', { ...base, id: '' }],
      ['1.safety', { ...base, safety: 'maybe' }],
    ];
    for (const [path, item] of bad) {
      const data = [base, { ...item, id: item.id ?? 'b' }];
      expect(() => parseCatalogItems(data, withCount(manifestOf('stickers'), 2)), path).toThrow(CatalogError);
      expect(() => parseCatalogItems(data, withCount(manifestOf('stickers'), 2)), path).toThrow(new RegExp(`: ${path.replace(/\./g, '\\.')}[.:]|${path.replace(/\./g, '\\.')}: `));
    }
  });

  test('what the schema leaves out, it still leaves out ("__proto__" keys), and duplicate ids still fail', () => {
    const raw = JSON.parse('[{"id":"a","title":"t","category":"c","titles":{"__proto__":"x","en":"t2"}}]');
    expect(parseCatalogItems(raw, withCount(manifestOf('stickers'), 1))).toEqual(viaZod(raw));
    expect(() => parseCatalogItems([base, base], withCount(manifestOf('stickers'), 2))).toThrow(/duplicate item id "a"/);
  });
});
