// Opposite properties, for refinements: WordNet's direct antonyms of adjectives ("cold" <-> "hot",
// "small" <-> "large"), single words, kept where both words are properties a catalog item can have
// (its own words or its definitions say them). A refinement to one property is also a refusal of its
// opposite: "drinks", then "only cold ones" had kept the hot beverage and the teapot among the few
// cold drinks, because nothing said they were not cold (src/core/fusion/narrow.ts reads these through
// the refinement's expansions marked `opposite`).
import type { WordNet } from './wordnet.ts';

/** word -> its direct antonyms, both single-word adjective lemmas that `isProperty` accepts. */
export function adjectiveAntonyms(wn: WordNet, isProperty: (w: string) => boolean): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const s of wn.synsets.values()) {
    if (!s.id.startsWith('a:')) continue;
    for (const p of s.pointers) {
      if (p.symbol !== '!' || p.sourceWord === 0 || p.targetWord === 0) continue;
      const from = s.lemmas[p.sourceWord - 1];
      const to = wn.synsets.get(p.target)?.lemmas[p.targetWord - 1];
      if (!from || !to || from.includes(' ') || to.includes(' ') || from === to) continue;
      if (!isProperty(from) || !isProperty(to)) continue;
      (out.get(from) ?? out.set(from, new Set()).get(from)!).add(to);
    }
  }
  return new Map([...out].map(([w, set]) => [w, [...set].sort()]));
}

/** The shipped form: one line per word, the word then its antonyms, space-separated, sorted. */
export function serialiseAntonyms(antonyms: ReadonlyMap<string, readonly string[]>): string {
  return [...antonyms].sort(([a], [b]) => a.localeCompare(b)).map(([w, list]) => [w, ...list].join(' ')).join('\n');
}
