// The other inflections of the verbs in a seed name, so that a situation named as written in one form
// is found as people write it in another: "freaked out" also as "freaking out" and "freak out",
// "walk across the stage" as "walking across the stage". The runtime matcher reduces only a name's last
// word (src/core/knowledge/match.ts: "cleaning" -> "clean"), so a verb before it had to be written in
// exactly the seed's form. Regular English inflection only (WordNet's exception lists are not in the
// npm package): "keep" gets "keeps", "keeping" and "keeped", which matches nothing and costs one surface.
import type { WordNet } from './wordnet.ts';

const VOWEL = /[aeiou]/;

/** Regular inflections of a base verb: base, -s, -ed, -ing. */
export function inflections(base: string): string[] {
  const cvc = base.length <= 4 && /[^aeiou][aeiou][b-df-hj-np-tv-z]$/.test(base) && !/[wxy]$/.test(base);
  const last = base.at(-1)!;
  const ing = base.endsWith('ie') ? `${base.slice(0, -2)}ying` : base.endsWith('e') && !/(?:ee|ye|oe)$/.test(base) ? `${base.slice(0, -1)}ing` : cvc ? `${base}${last}ing` : `${base}ing`;
  const ed = base.endsWith('e') ? `${base}d` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ied` : cvc ? `${base}${last}ed` : `${base}ed`;
  const s = /(?:s|x|z|ch|sh)$/.test(base) ? `${base}es` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : `${base}s`;
  return [...new Set([base, s, ed, ing])];
}

/** The base verbs a written word may be a regular form of, where WordNet lists that verb. */
function verbBases(wn: WordNet, word: string): string[] {
  const isVerb = (w: string) => (wn.senses.get(w) ?? []).some((id) => id.startsWith('v:'));
  const candidates = [word];
  for (const [suffix, repl] of [['ing', ''], ['ing', 'e'], ['ed', ''], ['ed', 'e'], ['ied', 'y'], ['s', ''], ['es', '']] as const) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 2) candidates.push(word.slice(0, -suffix.length) + repl);
  }
  // A doubled final consonant ("stopped", "running").
  for (const c of [...candidates]) if (/([b-df-hj-np-tv-z])\1$/.test(c)) candidates.push(c.slice(0, -1));
  return [...new Set(candidates.filter((c) => c.length >= 2 && VOWEL.test(c) && isVerb(c)))];
}

/**
 * A name of several words with its first word, where that is a verb ("freaked out", "walk across the
 * stage", "working from home"), in its other regular forms (the name itself first). Only the first: a
 * later word is mostly a noun that WordNet also lists as a verb ("stage", "house", "wave"), and the
 * runtime matcher already reads the last word's forms.
 */
export function nameVariants(wn: WordNet, name: string, isFunctionWord: (w: string) => boolean): string[] {
  const [first, ...rest] = name.split(' ');
  if (!first || rest.length === 0 || !/^[a-z]+$/.test(first) || isFunctionWord(first)) return [name];
  const forms = verbBases(wn, first).flatMap(inflections);
  return [...new Set([name, ...forms.map((f) => [f, ...rest].join(' '))])];
}
