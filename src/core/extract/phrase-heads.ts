// What a typed phrase's last word, its head in English and Korean noun phrases alike, says about the
// words before it (issue 14, twenty-second round, typed as a new user would). Part of the information
// node (./information.ts).
// - A describing word before a thing the catalog has ("cute" of "cute hedgehogs", "귀여운" of "귀여운
//   고양이") is not read through the other keywords of the one emoji it is a keyword of: CLDR lists
//   "cute" with "emotion", "heart" and "special" on the pink heart, which had filled the feed with ten
//   hearts and no hedgehog. Its own senses stay (the table's other steps).
// - A phrase whose head is a time and whose rest is a kind of catalog item ("pizza night", "taco
//   tuesday") is that thing: the starry night had come before the pizza. Not a describing word before
//   a time ("quiet night", "long day"): no item is a kind of it.
import type { Expansion } from '../knowledge/expand.ts';
import type { KnowledgeBase } from '../knowledge/format.ts';
import { endsInAdnominal } from '../lang/ko/predicate.ts';
import { TIME_NOUNS } from '../lang/packs.ts';
import { NAMING } from './refinement-steps.ts';

/** Steps that describe a word rather than name a thing: an emoji's other keywords, a derivation, a definition's words. */
const DESCRIBING_STEP = /^(?:same-emoji|derivation|gloss)$/;

/**
 * The words before a head the catalog has, in the turn's phrases of several words; none where the last
 * word is a Korean verb's modifier ("기타 치는": playing the guitar has no noun head).
 */
export function describingWords(phrases: readonly { readonly text: string }[], catalogItems: ((phrase: string) => readonly string[]) | undefined): ReadonlySet<string> {
  return new Set(phrases.flatMap((p) => {
    const words = p.text.toLocaleLowerCase().split(' ');
    const head = words.at(-1)!;
    return words.length > 1 && !endsInAdnominal(head) && !!catalogItems && catalogItems(head).length > 0 ? words.slice(0, -1) : [];
  }));
}

/** An expansion of a describing word that goes through the other keywords of an emoji it names (cute → pink heart's "heart"). */
export function throughEmojiMates(e: Pick<Expansion, 'from' | 'provenance'>, describing: ReadonlySet<string>): boolean {
  return describing.has(e.from.toLocaleLowerCase()) && e.provenance.some((p) => p.via === 'same-emoji') && e.provenance.every((p) => DESCRIBING_STEP.test(p.via) || NAMING.test(p.via));
}

/** The phrase without its time head where the rest is a kind of catalog item ("pizza night" -> "pizza"); else as it is. */
export function withoutTimeHead<P extends { readonly text: string }>(p: P, kb: KnowledgeBase | null | undefined): P {
  const words = p.text.split(' ');
  const rest = words.slice(0, -1).join(' ');
  return words.length > 1 && TIME_NOUNS.has(words.at(-1)!.toLocaleLowerCase()) && !!kb && kb.itemsOfKind(rest).length > 0 ? { ...p, text: rest } : p;
}
