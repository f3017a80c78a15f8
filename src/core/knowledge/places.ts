// Places named in a message, in English or Korean ("Seoul", "서울에", "샌프란시스코에서"), each with its
// country: for the intent's "information" (where the user is going) and for replies that name it.
import type { KnowledgeBase } from './format.ts';
import { findConcepts } from './match.ts';

export interface FoundPlace {
  /** As written in the message. */
  readonly text: string;
  readonly kind: 'city' | 'country';
  readonly name: { readonly en: string; readonly ko: string };
  /** ISO 3166-1 alpha-2. */
  readonly countryCode: string;
  readonly country: { readonly en: string; readonly ko: string };
  /** The catalog items of the country (its flag). */
  readonly itemIds: readonly string[];
  /** The knowledge layer's concepts of the place and of its country (the same for a country). */
  readonly concepts: { readonly place: number; readonly country: number };
}

export function findPlaces(kb: KnowledgeBase, text: string): FoundPlace[] {
  const out: FoundPlace[] = [];
  for (const m of findConcepts(kb, text, { places: true })) {
    const c = kb.concepts[m.concept]!;
    if (c.kind === 'word' || !c.cc) continue;
    let country = c;
    if (c.kind === 'city') {
      // The city's country is the target of its first city-in-country edge.
      const e = kb.edgesOf(c.id).find((x) => x.hops.length === 1 && kb.relations[x.hops[0]!.rel]?.endsWith('city-in-country'));
      if (e) country = kb.concepts[e.hops[0]!.to]!;
    }
    if (out.some((p) => p.text === m.text)) continue;
    out.push({ text: m.text, kind: c.kind, name: { en: c.en, ko: c.ko }, countryCode: c.cc, country: { en: country.en, ko: country.ko }, itemIds: country.items, concepts: { place: c.id, country: country.id } });
  }
  return out;
}
