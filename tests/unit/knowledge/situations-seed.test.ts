// The everyday-situation seed (tools/knowledge/situations.ts) in the shipped knowledge file: what people
// say about the weather, their body, their feelings, work, home, food and money ("I'm freezing", "배불러",
// "월급날") expands to things the sticker catalog has, in English and Korean, instead of WordNet's
// definition words ("freezing -> liquid, solid", "배불러 -> fraught, heavy"); and every implied word
// of every entry names catalog items.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { expandPhrase } from '../../../src/core/knowledge/expand.ts';
import { type KnowledgeBase, parseKnowledge } from '../../../src/core/knowledge/format.ts';
import { findConcepts } from '../../../src/core/knowledge/match.ts';
import { SITUATIONS } from '../../../tools/knowledge/situations.ts';

interface Item { readonly title: string; readonly tags: { readonly en?: readonly string[] } }

let kb: KnowledgeBase;
let items: Item[];
beforeAll(() => {
  kb = parseKnowledge(JSON.parse(readFileSync('public/models/knowledge/knowledge.json', 'utf8')));
  items = JSON.parse(readFileSync('public/models/catalogs/stickers/items.json', 'utf8')) as Item[];
});

const texts = (text: string, lang: 'en' | 'ko') => expandPhrase(kb, text, lang, 20).map((x) => x.text.toLowerCase());
let byName: Map<string, number> | undefined;
const conceptOf = (name: string) => {
  byName ??= new Map(kb.concepts.map((c, i) => [c.en.toLowerCase(), i] as const).reverse());
  return byName.get(name.toLowerCase()) ?? -1;
};

describe('situations people describe expand to what goes with them', () => {
  it.each([
    ["I'm freezing", 'en', 'cold face'],
    ['얼어 죽겠어', 'ko', 'cold face'],
    ['한파', 'ko', 'scarf'],
    ['heatwave again', 'en', 'hot face'],
    ['폭염이야', 'ko', 'hot face'],
    ['첫눈이 와요', 'ko', 'snowman'],
    ["I'm so full", 'en', 'face savoring food'],
    ['배불러', 'ko', 'face savoring food'],
    ['배불렀어', 'ko', 'face savoring food'],
    ["I can't sleep", 'en', 'face with bags under eyes'],
    ['불면증', 'ko', 'face with bags under eyes'],
    ['so hungover', 'en', 'nauseated face'],
    ['숙취 때문에 힘들어', 'ko', 'nauseated face'],
    ['I think I caught a cold', 'en', 'sneezing face'],
    ['감기 걸렸어', 'ko', 'sneezing face'],
    ['stressed out', 'en', 'exploding head'],
    ['멘붕이야', 'ko', 'exploding head'],
    ['stuck in traffic', 'en', 'automobile'],
    ['교통체증', 'ko', 'automobile'],
    ['퇴근했어', 'ko', 'beer mug'],
    ['payday!', 'en', 'money bag'],
    ['월급날이다', 'ko', 'money bag'],
    ["I'm broke", 'en', 'money with wings'],
    ['텅장이야', 'ko', 'money with wings'],
    ['late night snack', 'en', 'poultry leg'],
    ['야식 먹자', 'ko', 'poultry leg'],
  ] as const)('"%s" (%s) brings %s', (text, lang, implied) => {
    expect(texts(text, lang)).toContain(implied);
  });

  it("WordNet's definition words no longer lead: freezing is no liquid, 배불러 is not fraught", () => {
    const freezing = texts("I'm freezing", 'en');
    expect(freezing.indexOf('cold face')).toBeLessThan(3);
    for (const w of ['liquid', 'solid', 'change']) expect(freezing).not.toContain(w);
    for (const w of ['fraught', 'heavy', 'total']) expect(texts('배불러', 'ko')).not.toContain(w);
  });
});

describe('the seed list is general and linked', () => {
  const words = (s: string) => s.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);

  it('every implied word of every situation names at least one catalog item', () => {
    // An item names the implied word as its title or a tag, or has every word of it among its own words.
    const own = items.map((it) => [it.title, ...(it.tags.en ?? [])].map((t) => t.toLowerCase()));
    const texts = new Set(own.flat());
    const wordSets = own.map((ts) => new Set(ts.flatMap(words)));
    const names = (w: string) => texts.has(w.toLowerCase()) || wordSets.some((ws) => words(w).every((x) => ws.has(x)));
    const unlinked = SITUATIONS.flatMap((o) => o.implies.filter((w) => !names(w)).map((w) => `${o.en[0]} -> ${w}`));
    expect(unlinked).toEqual([]);
  });

  it('each situation implies 2 to 8 things other than itself (a screen\'s worth, all shipped), and no name belongs to two situations', () => {
    for (const o of SITUATIONS) expect(o.implies.length, o.en[0]).toBeGreaterThanOrEqual(2);
    for (const o of SITUATIONS) expect(o.implies.length, o.en[0]).toBeLessThanOrEqual(8);
    // The build drops an edge to the concept itself: "haircut" implying "haircut" implied nothing.
    for (const o of SITUATIONS) expect(o.implies, o.en[0]).not.toContain(o.en[0]);
    const all = SITUATIONS.flatMap((o) => [...o.en, ...o.ko]);
    expect(all.filter((n, i) => all.indexOf(n) !== i)).toEqual([]);
  });

  it('the shipped file has every situation, leading to its first implied thing, found by its names in both languages', () => {
    for (const o of SITUATIONS) {
      const c = conceptOf(o.en[0]!);
      expect(c, o.en[0]).toBeGreaterThanOrEqual(0);
      const targets = kb.edgesOf(c).map((e) => kb.concepts[e.hops.at(-1)!.to]!.en.toLowerCase());
      expect(targets, o.en[0]).toContain(o.implies[0]!.toLowerCase());
      expect(findConcepts(kb, o.en[0]!).map((m) => m.concept), o.en[0]).toContain(c);
      expect(o.ko.some((n) => findConcepts(kb, n).some((m) => m.concept === c)), `${o.en[0]}: a Korean name`).toBe(true);
    }
  });
});
