import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The labelled preference pairs (tests/golden/preference/pairs.jsonl): schema, ids, size, split.
interface Pair {
  id: string;
  lang: 'en' | 'ko';
  query: string;
  preferred: string;
  rejected: string;
  note: string;
  concept: string;
  split: 'train' | 'test';
}

const root = new URL('../../../', import.meta.url);
const lines = readFileSync(new URL('tests/golden/preference/pairs.jsonl', root), 'utf8').split('\n').filter((l) => l.trim() !== '');
const pairs: Pair[] = lines.map((l) => JSON.parse(l) as Pair);
const catalog = JSON.parse(readFileSync(new URL('public/models/catalogs/stickers/items.json', root), 'utf8')) as { id: string }[];
const ids = new Set(catalog.map((it) => it.id));

describe('preference pairs golden set', () => {
  it('has at least 200 pairs, 100+ per language', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(200);
    expect(pairs.filter((p) => p.lang === 'en').length).toBeGreaterThanOrEqual(100);
    expect(pairs.filter((p) => p.lang === 'ko').length).toBeGreaterThanOrEqual(100);
  });

  it('every record has the schema', () => {
    for (const p of pairs) {
      expect(Object.keys(p).sort()).toEqual(['concept', 'id', 'lang', 'note', 'preferred', 'query', 'rejected', 'split']);
      expect(['en', 'ko']).toContain(p.lang);
      expect(['train', 'test']).toContain(p.split);
      for (const k of ['id', 'query', 'preferred', 'rejected', 'note', 'concept'] as const) {
        expect(typeof p[k]).toBe('string');
        expect(p[k].trim().length).toBeGreaterThan(0);
      }
      if (p.lang === 'ko') expect(p.query).toMatch(/[\u3131-\u318e\uac00-\ud7a3]/);
      else expect(p.query).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('refers only to stickers in the catalog, never the same one twice in a pair', () => {
    for (const p of pairs) {
      expect(ids.has(p.preferred), `${p.id}: ${p.preferred}`).toBe(true);
      expect(ids.has(p.rejected), `${p.id}: ${p.rejected}`).toBe(true);
      expect(p.preferred).not.toBe(p.rejected);
    }
  });

  it('has unique ids and no duplicate or contradictory pairs', () => {
    expect(new Set(pairs.map((p) => p.id)).size).toBe(pairs.length);
    const keys = new Set<string>();
    for (const p of pairs) {
      const key = `${p.query}\u0000${p.preferred}\u0000${p.rejected}`;
      expect(keys.has(key), `duplicate ${p.id}`).toBe(false);
      keys.add(key);
    }
    for (const p of pairs) expect(keys.has(`${p.query}\u0000${p.rejected}\u0000${p.preferred}`), `contradiction ${p.id}`).toBe(false);
  });

  it('splits by query and by concept: no query or concept in both train and test, ~30% test', () => {
    const splitOf = (key: (p: Pair) => string) => {
      const m = new Map<string, Set<string>>();
      for (const p of pairs) m.set(key(p), (m.get(key(p)) ?? new Set()).add(p.split));
      return m;
    };
    for (const [q, s] of splitOf((p) => p.query)) expect(s.size, `query ${q}`).toBe(1);
    for (const [c, s] of splitOf((p) => p.concept)) expect(s.size, `concept ${c}`).toBe(1);
    const test = pairs.filter((p) => p.split === 'test');
    expect(test.length / pairs.length).toBeGreaterThan(0.2);
    expect(test.length / pairs.length).toBeLessThan(0.4);
    for (const lang of ['en', 'ko']) expect(test.some((p) => p.lang === lang)).toBe(true);
  });
});
