// The shipped movies catalog and U2I vectors (written by tools/u2i/train.ts) honour their contracts,
// and a downloaded demo user's vector actually personalises: its top items lean to its genres.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCatalogItems, parseCatalogManifest } from '../../../src/core/catalog.ts';
import { buildLexicalIndex, scorePhrases } from '../../../src/core/lexical.ts';
import { parseItemVectors, parseU2iManifest, parseUserVector, userVectorPath } from '../../../src/core/u2i/format.ts';
import { scoreItems, topItems } from '../../../src/core/u2i/score.ts';

const MODELS = join(import.meta.dirname, '../../../public/models');
const CATALOG = join(MODELS, 'catalogs/movies');
const U2I = join(MODELS, 'u2i/movies');
const shipped = existsSync(join(U2I, 'manifest.json')) && existsSync(join(CATALOG, 'manifest.json'));
const readJson = (p: string): unknown => JSON.parse(readFileSync(p, 'utf8'));

function dirBytes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) n += e.isDirectory() ? dirBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size;
  return n;
}

describe.skipIf(!shipped)('shipped movies catalog and U2I vectors (skipped until tools/u2i/train.ts has run)', () => {
  const catalog = parseCatalogManifest(readJson(join(CATALOG, 'manifest.json')));
  const items = parseCatalogItems(readJson(join(CATALOG, catalog.items)), catalog);
  const u2i = parseU2iManifest(readJson(join(U2I, 'manifest.json')));
  const vectors = parseItemVectors(readFileSync(join(U2I, u2i.items.file)), u2i);

  it('catalog: movies kind, genres as categories with labels, licence beside it', () => {
    expect(catalog.kind).toBe('movies');
    expect(items.length).toBeGreaterThan(1000);
    for (const it of items) {
      expect(it.categories).toContain(it.category);
      for (const c of it.categories) expect(catalog.categoryLabels[c]?.en).toBeTruthy();
      expect(it.description).toContain(String(it.year));
    }
    expect(readFileSync(join(CATALOG, catalog.licence.file), 'utf8')).toMatch(/GroupLens/);
    expect(readFileSync(join(U2I, u2i.licence.file), 'utf8')).toMatch(/GroupLens/);
    expect(items.find((it) => it.id === '1')?.title).toBe('Toy Story');
  });

  it('U2I rows follow the catalog ids; every user listed has a valid file', () => {
    expect(u2i.catalogId).toBe(catalog.id);
    expect(u2i.items.ids).toEqual(items.map((it) => it.id));
    expect(vectors.rows).toBe(items.length);
    expect(u2i.users.count).toBe(671);
    for (const id of u2i.users.ids) {
      const v = parseUserVector(readFileSync(join(U2I, userVectorPath(u2i, id))), u2i);
      expect(Math.hypot(...v)).toBeLessThanOrEqual(u2i.users.maxNorm);
    }
    expect(dirBytes(CATALOG) + dirBytes(U2I)).toBeLessThan(8 * 1024 * 1024);
  });

  it('each demo user top 20 leans to the genre it is described by', () => {
    expect(u2i.demoUsers.length).toBeGreaterThanOrEqual(4);
    for (const demo of u2i.demoUsers) {
      const u = parseUserVector(readFileSync(join(U2I, userVectorPath(u2i, demo.userId))), u2i);
      const top = topItems(scoreItems(u, vectors), 20);
      const genre = Object.entries(catalog.categoryLabels).find(([, l]) => l.en === demo.topGenres[0])?.[0];
      expect(genre, demo.description).toBeTruthy();
      const base = items.filter((it) => it.categories.includes(genre!)).length / items.length;
      const inTop = top.filter((i) => items[i]!.categories.includes(genre!)).length / top.length;
      expect(inTop, `${demo.userId} ${demo.description}`).toBeGreaterThan(base);
    }
  });

  it('everyday words reach their genre through the lexical index ("scary" -> horror, "우주" -> sci-fi)', () => {
    const index = buildLexicalIndex(items, catalog);
    for (const [word, genre] of [['scary', 'horror'], ['hilarious', 'comedy'], ['우주', 'sci-fi'], ['science fiction', 'sci-fi']] as const) {
      // Title matches aside ("Scary Movie 2" is a comedy in MovieLens), the best matches are all of the genre.
      const hits = [...scorePhrases(index, [{ text: word, weight: 1 }]).values()]
        .filter((h) => h.because[0]?.matched !== items[h.item]!.title)
        .sort((a, b) => b.score - a.score);
      expect(hits.length, word).toBeGreaterThan(20);
      expect(hits.slice(0, 20).every((h) => items[h.item]!.categories.includes(genre)), word).toBe(true);
    }
  });
});
