// The knowledge layer's contract with the understanding path: the shipped file parses, places resolve
// to countries and flags in English and Korean, states imply what they need, nothing is invented for
// a nonsense word, expansions stay below the literal phrase and say where they come from.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { expandIntentPhrases, expandPhrase, expandPhrases } from '../../../src/core/knowledge/expand.ts';
import { type KnowledgeBase, KnowledgeError, parseKnowledge } from '../../../src/core/knowledge/format.ts';
import { findConcepts } from '../../../src/core/knowledge/match.ts';
import { findPlaces } from '../../../src/core/knowledge/places.ts';

const KR_FLAG = '1F1F0-1F1F7';
let kb: KnowledgeBase;
beforeAll(() => {
  kb = parseKnowledge(JSON.parse(readFileSync('public/models/knowledge/knowledge.json', 'utf8')));
});

/** A minimal format-2 file: "drink" with one edge to "water"; "목" a Korean surface of drink. */
const tiny = () => ({
  formatVersion: 2, relations: ['wordnet:lemma', 'wordnet:gloss', 'seed:ko-predicate'], maxSurfaceWords: 1,
  names: 'drink\nwater', ko: { ids: [0], names: '마실것' }, places: { ids: [], kinds: '', cc: '' }, items: { ids: [], lists: '' },
  edges: { counts: '! ', weights: String.fromCharCode(0x20 + 50), hops: '!', rels: '!', to: [1] },
  surfaces: { forms: '목', counts: '!', concepts: [0], weights: String.fromCharCode(0x20 + 90), rels: '"' },
});

describe('parseKnowledge', () => {
  it('reads the columnar format: names, edges decoded on use, implicit and shipped surfaces', () => {
    const k = parseKnowledge(tiny());
    expect(k.concepts.map((c) => [c.en, c.ko])).toEqual([['drink', '마실것'], ['water', '']]);
    expect(k.edgesOf(0)).toEqual([{ weight: 0.5, hops: [{ rel: 1, to: 1 }] }]);
    expect(k.edges[1]).toEqual([]);
    expect(k.surfaces.get('drink')).toEqual([{ concept: 0, weight: 1, rel: 0 }]);
    expect(k.surfaces.get('목')).toEqual([{ concept: 0, weight: 0.9, rel: 2 }]);
    expect(k.surfaces.has('juice')).toBe(false);
    expect(expandPhrase(k, 'drink', 'en').map((x) => x.text)).toEqual(['water']);
  });

  it('rejects malformed data with a clear, coded error', () => {
    expect(() => parseKnowledge({})).toThrow(KnowledgeError);
    expect(() => parseKnowledge({ ...tiny(), formatVersion: 1 })).toThrow(/formatVersion/);
    const dangling = { ...tiny(), edges: { ...tiny().edges, to: [7] } };
    try {
      parseKnowledge(dangling);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(KnowledgeError);
      expect((e as KnowledgeError).code).toBe('dangling-reference');
      expect((e as Error).message).toMatch(/concept 7/);
    }
    expect(() => parseKnowledge({ ...tiny(), edges: { ...tiny().edges, rels: '', to: [] } })).toThrow(/hops/);
    expect(() => parseKnowledge({ ...tiny(), edges: { ...tiny().edges, rels: '9' } })).toThrow(/relation/);
  });

  // Issue 14 allows 2 MB gzip; the project keeps itself to 1.5 MB (1.0 MB until item properties took
  // WordNet's derivations, 2026-11-30: 0.99 -> 1.00 MB; 1.25 MB until the occasion and situation seeds
  // of 2026-12-01 and glosses without function words, 2026-12-02: 1.246 -> 1.251 MB).
  it('the shipped file fits its budget: at most 1.5 MB gzip', () => {
    expect(gzipSync(readFileSync('public/models/knowledge/knowledge.json'), { level: 9 }).length).toBeLessThanOrEqual(1_500_000);
  });
});

describe('places', () => {
  it('Seoul is in South Korea, with its flag, in English and Korean (with particles)', () => {
    for (const text of ['I am flying to Seoul next week', '서울에 가요', '서울로 출발', '서울에서 만나요']) {
      const [p] = findPlaces(kb, text);
      expect(p, text).toMatchObject({ kind: 'city', countryCode: 'KR' });
      expect(p!.itemIds).toContain(KR_FLAG);
    }
    const en = expandPhrase(kb, 'Seoul', 'en');
    const korea = en.find((x) => x.concept.cc === 'KR' && x.concept.kind === 'country');
    expect(korea?.itemIds).toContain(KR_FLAG);
    expect(korea?.reason).toBe('Seoul → South Korea');
    const ko = expandPhrase(kb, '서울에', 'ko');
    expect(ko.find((x) => x.concept.kind === 'country')?.reason).toMatch(/서울.*→.*(대한민국|한국)/);
  });

  it('San Francisco is in the United States, also as 샌프란시스코에서', () => {
    expect(findPlaces(kb, "I'm traveling from San Francisco to Seoul")).toEqual(expect.arrayContaining([
      expect.objectContaining({ text: 'san francisco', countryCode: 'US' }), expect.objectContaining({ countryCode: 'KR' }),
    ]));
    expect(findPlaces(kb, '샌프란시스코에서 왔어요')[0]).toMatchObject({ countryCode: 'US' });
  });

  it('a compound that begins with a place\'s name and is no place names no place ("guinea pig", "panama hat")', () => {
    for (const text of ['show me a guinea pig', 'Guinea pigs are so cute', 'a panama hat', 'brussels sprouts again', 'a china cabinet']) expect(findPlaces(kb, text)).toEqual([]);
    // the place itself still is one
    expect(findPlaces(kb, 'a week in Panama')[0]).toMatchObject({ countryCode: 'PA' });
    expect(findPlaces(kb, "I'm flying to Brussels")[0]).toMatchObject({ countryCode: 'BE' });
  });

  it('a place named by an everyday word is the place only after a place\'s cue: "two weeks in turkey", not "roast turkey"', () => {
    for (const text of ['two weeks in turkey in may', 'flying to turkey', 'ok, then around turkey by bus']) expect(findPlaces(kb, text).map((p) => p.countryCode), text).toContain('TR');
    for (const text of ['roast turkey for dinner', 'a turkey sticker', 'turkey please']) expect(findPlaces(kb, text), text).toEqual([]);
    // The word keeps its own sense where no place is asked for: the bird.
    expect(findConcepts(kb, 'two weeks in turkey').map((m) => kb.concepts[m.concept]!.en)).not.toContain('Türkiye');
  });

  it('a concept\'s Korean name is the closest translation, or the catalog\'s own title pair ("balloon" / 풍선)', () => {
    const ko = (en: string) => kb.concepts.find((c) => c.en === en)?.ko;
    expect(ko('balloon')).toBe('풍선'); // not 말풍선, the speech balloon
    expect(ko('family')).toBe('가족'); // not 아이, a child
    expect(ko('bed')).toBe('침대'); // not 잠, sleep
  });

  it('a country named directly is found with its code', () => {
    expect(findPlaces(kb, 'a trip to Italy')[0]).toMatchObject({ kind: 'country', countryCode: 'IT' });
    expect(findPlaces(kb, '이탈리아 여행')[0]).toMatchObject({ kind: 'country', countryCode: 'IT' });
  });
});

describe('implied topics', () => {
  it('thirsty and 목말라 lead to a drink concept', () => {
    for (const [text, lang] of [["I'm so thirsty", 'en'], ['목말라', 'ko'], ['목말라요', 'ko']] as const) {
      const xs = expandPhrase(kb, text, lang);
      expect(xs.map((x) => x.concept.en), text).toContain('drink');
    }
  });

  it('a nonsense word expands to nothing', () => {
    expect(expandPhrase(kb, 'blorptang', 'en')).toEqual([]);
    expect(expandPhrase(kb, 'zimwaggle qwexor plimb', 'en')).toEqual([]);
    expect(expandPhrase(kb, '뿌따뚜링', 'ko')).toEqual([]);
  });
});

describe('weights and provenance', () => {
  it('every expansion weighs less than its phrase and says how it was reached', () => {
    const phrases = [{ text: 'Seoul', weight: 0.8 }, { text: 'hungry', weight: 1 }, { text: 'birthday', weight: 0.5 }];
    const xs = expandPhrases(kb, phrases, 'en', 50);
    expect(xs.length).toBeGreaterThan(3);
    for (const x of xs) {
      const source = phrases.find((p) => p.text.toLowerCase() === x.from.toLowerCase());
      expect(source, x.from).toBeDefined();
      expect(x.weight).toBeLessThan(source!.weight);
      expect(x.provenance.length).toBeGreaterThan(0);
      for (const p of x.provenance) expect(p.via && p.source && p.from && p.to).toBeTruthy();
      expect(x.reason).toContain('→');
    }
    const seoul = xs.find((x) => x.concept.cc === 'KR' && x.concept.kind === 'country')!;
    expect(seoul.provenance[0]).toMatchObject({ via: 'city-in-country', from: 'Seoul', to: 'South Korea' });
  });

  it('an intent expansion never brings back what the user disliked', () => {
    const xs = expandIntentPhrases(kb, { keyPhrases: [{ text: 'hungry', weight: 1 }], likes: [], dislikes: [{ text: 'food' }], language: 'en' });
    expect(xs.map((x) => x.text)).not.toContain('food');
  });
});
