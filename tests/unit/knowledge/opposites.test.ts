// A refinement to a property refuses its opposite (tools/knowledge/antonyms.ts: WordNet's direct
// antonyms of adjectives, shipped in the knowledge file): "drinks", then "only cold ones" keeps no hot
// beverage, in English and in Korean; a refinement to what lacks a property ("not the spicy ones") is
// not turned around; and a group's label word a subgroup carries names that subgroup ("drink" is the
// drinks, not the hot pepper of "food & drink").
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KnowledgeError, parseKnowledge } from '../../../src/core/knowledge/format.ts';
import { buildLexicalIndex, scorePhrases } from '../../../src/core/lexical.ts';
import { parseCatalogManifest } from '../../../src/core/catalog.ts';
import { manifest as rawManifest } from '../extract/fixtures.ts';
import { items, kb, productTurns } from './product-turns.ts';

describe('the shipped antonym table', () => {
  it('names the opposite properties people refine by', () => {
    expect(kb.antonymsOf('cold')).toContain('hot');
    expect(kb.antonymsOf('hot')).toContain('cold');
    expect(kb.antonymsOf('small')).toContain('large');
    expect(kb.antonymsOf('Warm')).toContain('cool');
    expect(kb.antonymsOf('zimwaggle')).toEqual([]);
  });

  it('a malformed line is a clear error; a file without the table has no antonyms', () => {
    const raw = JSON.parse(readFileSync('public/models/knowledge/knowledge.json', 'utf8'));
    expect(() => parseKnowledge({ ...raw, antonyms: 'cold' })).toThrow(KnowledgeError);
    expect(() => parseKnowledge({ ...raw, antonyms: 'cold' })).toThrow(/antonyms/);
    const { antonyms: _, ...without } = raw;
    expect(parseKnowledge(without).antonymsOf('cold')).toEqual([]);
  });
});

describe('a refinement refuses the opposite property', () => {
  it('"drinks", then "only cold ones": drinks without the hot beverage', () => {
    const { intent, top } = productTurns('drinks', 'only cold ones');
    expect(intent.expansions.some((e) => e.opposite && e.text === 'hot' && e.from === 'cold')).toBe(true);
    const titles = top.map((it) => it.title);
    expect(titles).not.toContain('hot beverage');
    expect(titles).not.toContain('hot pepper');
    expect(titles[0]).toBe('ice');
  });

  it('"음료 추천해줘", then "차가운 거만": the same in Korean', () => {
    const titles = productTurns('음료 추천해줘', '차가운 거만').top.map((it) => it.title);
    expect(titles).not.toContain('hot beverage');
    expect(titles.length).toBeGreaterThan(0);
  });

  it('"음료 추천해줘", then "시원한 거만": no drink is cold by definition, yet the refinement narrows by the opposite', () => {
    const { intent, top } = productTurns('음료 추천해줘', '시원한 거만');
    expect(intent.refinements.map((r) => r.text)).toEqual(['시원한']);
    expect(top.map((it) => it.title)).not.toContain('hot beverage');
    expect(top.map((it) => it.title)).toContain('ice');
  });

  it('"drinks", then "only hot ones": the hot beverage first, no antonym of a refusal', () => {
    const { intent, top } = productTurns('drinks', 'only hot ones');
    expect(top[0]!.title).toBe('hot beverage');
    expect(intent.expansions.filter((e) => e.opposite).map((e) => e.text)).toEqual(['cold']);
    // The opposite is never searched for: it brings nothing in.
    expect(top.map((it) => it.title)).not.toContain('cold face');
  });
});

describe('a group label word that a subgroup carries', () => {
  it('"drink" finds the drinks, not the rest of "food & drink"', () => {
    const manifest = parseCatalogManifest(rawManifest);
    const lexical = buildLexicalIndex(items, manifest);
    const found = new Set([...scorePhrases(lexical, [{ text: 'drink', weight: 1 }]).keys()].map((i) => items[i]!.title));
    expect(found.has('hot beverage')).toBe(true);
    expect(found.has('hot pepper')).toBe(false);
    expect(found.has('lemon')).toBe(false);
    // A group word no subgroup carries still reaches the whole group ("nature" of "animals & nature").
    const nature = new Set([...scorePhrases(lexical, [{ text: 'nature', weight: 1 }]).keys()].map((i) => items[i]!.category));
    expect(nature.has('animals-nature')).toBe(true);
  });
});
