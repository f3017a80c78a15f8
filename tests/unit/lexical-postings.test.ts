// The lexical index's posting lists (src/core/lexical-postings.ts) against MiniSearch, whose matching
// they replace for the shipped scoring: the same items, the same scores and the same matched text as
// the former scorer computed from MiniSearch's own results, on the shipped catalogs.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { type CatalogItem, type CatalogManifest, parseCatalogItems, parseCatalogManifest } from '../../src/core/catalog.ts';
import { buildLexicalIndex, CATEGORY_BONUS, FIELD_WEIGHTS, type LexicalIndex, phraseMatches, scorePhrases } from '../../src/core/lexical.ts';
import { buildPostings } from '../../src/core/lexical-postings.ts';
import { rng } from '../../src/core/random.ts';
import { isHangul, matchTokens, stemEnglish } from '../../src/core/text.ts';

function load(id: string): { manifest: CatalogManifest; items: CatalogItem[] } {
  const manifest = parseCatalogManifest(JSON.parse(readFileSync(`public/models/catalogs/${id}/manifest.json`, 'utf8')));
  return { manifest, items: parseCatalogItems(JSON.parse(readFileSync(`public/models/catalogs/${id}/${manifest.items}`, 'utf8')), manifest) };
}

/** The former scorer, one phrase word: MiniSearch's results walked as lexical.ts walked them. */
function reference(index: LexicalIndex, word: string): Map<number, { score: number; term: string; field: string }> {
  const t = index.tuning;
  const results = index.search.search(word, {
    tokenize: () => [word],
    processTerm: (x) => x,
    prefix: (x) => (isHangul(x) ? x.length >= 2 : x.length >= t.prefixMinChars),
    fuzzy: (x) => (x.length >= t.fuzzyMinChars ? t.fuzzy : false),
  });
  const out = new Map<number, { score: number; term: string; field: string }>();
  for (const r of results) {
    let best = { score: -1, term: '', field: '' };
    for (const [term, fields] of Object.entries(r.match)) {
      const factor = term === word ? 1 : term.startsWith(word) ? 0.6 : 0.5;
      for (const f of fields) {
        const kind = index.fieldKinds.get(f)!;
        const s = (FIELD_WEIGHTS[kind] + (fields.includes('category') && kind !== 'category' ? CATEGORY_BONUS : 0)) * factor;
        if (s > best.score) best = { score: s, term, field: f };
      }
    }
    out.set(r.id as number, best);
  }
  return out;
}

describe('posting lists', () => {
  test('each term lists its items once per field, by field then item', () => {
    const texts = [['cat cat', 'pet'], ['dog', 'cat']];
    const p = buildPostings(2, 2, (i, f, emit) => texts[i]![f]!.split(' ').forEach(emit));
    const entries = (term: string) => {
      const id = p.terms.get(term)!;
      return Array.from({ length: p.start[id + 1]! - p.start[id]! }, (_, j) => [p.field[p.start[id]! + j], p.item[p.start[id]! + j]]);
    };
    expect(entries('cat')).toEqual([[0, 0], [1, 1]]);
    expect(entries('dog')).toEqual([[0, 1]]);
    expect(p.termText).toEqual(['cat', 'pet', 'dog']);
  });

  for (const id of ['stickers', 'movies']) {
    test(`${id}: every word as typed reaches the items MiniSearch reaches, with the same score and matched text`, () => {
      const { manifest, items } = load(id);
      const index = buildLexicalIndex(items, manifest);
      const words = [...index.vocabulary].filter((w) => !isHangul(w) || w.length > 1);
      const r = rng(5);
      for (let n = 0; n < 150; n++) {
        const w = words[Math.floor(r() * words.length)]!;
        const word = n % 3 === 0 ? w : n % 3 === 1 ? w.slice(0, -1) : `${w.slice(1, 2)}${w.slice(0, 1)}${w.slice(2)}`;
        if (!word || /\P{L}/u.test(word) || word !== word.toLowerCase()) continue;
        // Two syllables swapped make another Korean word, read by the Korean stemmer, which the reference
        // (English stemming only) does not: "두만" (만두 swapped) is 두 + the particle 만.
        if (isHangul(word) && n % 3 === 2) continue;
        // The scorer keys a typed word as the index keys its terms ("brightnes" -> "brightne"): so does the reference.
        const want = reference(index, stemEnglish(word));
        const got = scorePhrases(index, [{ text: word, weight: 1 }]);
        expect([...got.keys()].sort((a, b) => a - b), word).toEqual([...want.keys()].sort((a, b) => a - b));
        for (const [item, hit] of got) {
          const ref = want.get(item)!;
          expect(hit.score, word).toBe(ref.score);
          // The text shown is the one carrying the term the former scorer picked (bench/catalog/text-100k.ts
          // compares the text itself with the former code's).
          expect(matchTokens(hit.because[0]!.matched).some((t) => t.startsWith(ref.term)), `${word} -> ${ref.term}`).toBe(true);
        }
        expect(phraseMatches(index, word), word).toBe(want.size > 0);
      }
    });
  }

  test('a term made of digits is matched like any other', () => {
    const mini = [
      { id: 'a', title: 'route 66', titles: {}, tags: { en: ['2'] }, category: 'travel', categories: [], safety: 'safe', popularity: 0 },
      { id: 'b', title: '2 cats', titles: {}, tags: {}, category: 'animals', categories: [], safety: 'safe', popularity: 0 },
    ] as CatalogItem[];
    const index = buildLexicalIndex(mini);
    const hits = scorePhrases(index, [{ text: '2', weight: 1 }]);
    expect([...hits.keys()].sort()).toEqual([0, 1]);
    expect(hits.get(1)!.because[0]!.matched).toBe('2 cats');
    expect(hits.get(0)!.because[0]!.matched).toBe('2');
  });
});
