// Negation and preference patterns: which candidate phrases the user likes ("I love cats", "고양이
// 좋아"), dislikes ("no more cats", "고양이 말고") or narrows to ("only drinks", "음료만"). Each
// language pack (src/core/lang/*/preferences.ts) finds its own cues; this module holds what they
// share: mapping cue patterns to words, walking forward or backward inside one clause to the cue's
// object (across coordinations), and the rule that a dislike is never overridden by a like.
import { LANGUAGE_PACKS, packForScript } from '../lang/packs.ts';
import type { ForwardGrammar, PreferenceScan, WordSpan } from '../lang/pack.ts';
import type { Phrase } from './phrases.ts';
import type { Word } from './words.ts';

export type Polarity = 'like' | 'dislike';

export interface PreferenceCues {
  readonly negative: number;
  readonly positive: number;
  readonly only: number;
}

export interface Preferences {
  /** Polarity per phrase index (phrases without one are plain key phrases). */
  readonly polarity: ReadonlyMap<number, Polarity>;
  /** Phrases the user narrowed to ("only X", "X만"). */
  readonly only: ReadonlySet<number>;
  /** How many cues of each kind fired, found or not an object: features for the task classifier. */
  readonly cues: PreferenceCues;
  /** Word indices that are part of a cue ("cut", "지겨워"): never a key phrase themselves. */
  readonly cueWords: ReadonlySet<number>;
}

/** Words a cue may skip on its way to its object. */
const MAX_FILLER_WORDS = 4;

/** Maps regex matches over the words joined by spaces back to word index spans. */
function matchWords(words: readonly Word[], re: RegExp): WordSpan[] {
  const starts: number[] = [];
  let joined = '';
  for (const w of words) {
    starts.push(joined.length);
    joined += w.surface + ' ';
  }
  const wordAt = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const out: WordSpan[] = [];
  for (const m of joined.matchAll(re)) {
    if (m[0].length === 0) continue;
    out.push({ start: wordAt(m.index), end: wordAt(m.index + m[0].length - 1) + 1 });
  }
  return out;
}

/**
 * The words that make up a cue ("cut", "get rid of", "지겨워", "좋아요") lose their content flag, so
 * that no key phrase swallows its own negation. Run before candidate phrases are built.
 */
export function withoutCueWords(words: readonly Word[]): Word[] {
  const cue = new Set<number>();
  const match = (re: RegExp) => matchWords(words, re);
  for (const pack of LANGUAGE_PACKS) for (const i of pack.preferences.cueWords(words, match)) cue.add(i);
  return words.map((w, i) => (cue.has(i) && w.content ? { ...w, content: false } : w));
}

export function findPreferences(words: readonly Word[], phrases: readonly Phrase[]): Preferences {
  const polarity = new Map<number, Polarity>();
  const only = new Set<number>();
  const cues = { negative: 0, positive: 0, only: 0 };
  const phraseStartingAt = new Map<number, number>();
  const phraseEndingAt = new Map<number, number>(); // exclusive end -> phrase index
  phrases.forEach((p, i) => {
    phraseStartingAt.set(p.start, i);
    phraseEndingAt.set(p.end, i);
  });

  /** The phrase(s) after a cue, skipping filler, then "X, Y or Z" coordinations. */
  const forward = (from: number, grammar: ForwardGrammar): number[] => {
    const found: number[] = [];
    let i = from;
    let skipped = 0;
    while (i < words.length && skipped <= MAX_FILLER_WORDS) {
      const pi = phraseStartingAt.get(i);
      if (pi !== undefined) {
        found.push(pi);
        const p = phrases[pi]!;
        // Coordination: "snakes or spiders", "cats, dogs and birds" (a determiner may follow).
        let j = p.end;
        if (j < words.length && grammar.coordinators.has(words[j]!.surface)) {
          j++;
          if (j < words.length && words[j]!.surface !== ',' && grammar.coordinators.has(words[j]!.surface)) j++;
          while (j < words.length && grammar.determiners.has(words[j]!.surface)) j++;
          if (phraseStartingAt.has(j)) {
            i = j;
            skipped = 0;
            continue;
          }
        }
        break;
      }
      const w = words[i]!;
      if (w.kind === 'punct' || (i > from && w.clauseStart)) break;
      if (!grammar.filler.has(w.surface) && !w.content) break;
      if (w.content) break; // a content word that starts no phrase (already consumed)
      i++;
      skipped++;
    }
    return found;
  };

  /** The phrase ending just before a word (skipping function words), inside the clause. */
  const backward = (cue: number, allowPredicates: boolean): number[] => {
    const found: number[] = [];
    let i = cue;
    let skipped = 0;
    const cueWord = words[cue];
    if (cueWord?.clauseStart && packForScript(cueWord.script)?.preferences.clauseStartCueLooksBack === false) return found;
    while (i > 0 && skipped <= MAX_FILLER_WORDS) {
      const pi = phraseEndingAt.get(i);
      if (pi !== undefined) {
        found.push(pi);
        // Coordination by a particle: "뱀이랑 거미는", "국기나 지도는".
        let p = phrases[pi]!;
        for (;;) {
          const prev = phraseEndingAt.get(p.start);
          const last = prev !== undefined ? words[p.start - 1] : undefined;
          const joins = last ? packForScript(last.script)?.preferences.coordinatingSuffixes : undefined;
          if (prev === undefined || !last || !joins || !last.suffixes.some((s) => joins.has(s))) break;
          found.push(prev);
          p = phrases[prev]!;
        }
        break;
      }
      const w = words[i - 1]!;
      if (w.kind === 'punct' || words[i]?.clauseStart) break;
      if (w.kind === 'predicate' && !allowPredicates && !packForScript(w.script)?.preferences.passablePredicate?.test(w.surface)) break;
      if (w.content) break;
      i--;
      skipped++;
    }
    return found;
  };

  const negated = new Set<number>(); // word indices covered by a negative cue
  const cueWords = new Set<number>();
  const scan: PreferenceScan = {
    words,
    matchWords: (re) => matchWords(words, re),
    forward,
    backward,
    phraseEndingAt: (end) => phraseEndingAt.get(end),
    setPolarity(i, p) {
      if (polarity.get(i) !== 'dislike') polarity.set(i, p); // a dislike is never overridden by a like
    },
    narrowTo: (i) => void only.add(i),
    countCue: (kind) => void cues[kind]++,
    markCueWord: (i) => void cueWords.add(i),
    negateWord: (i) => void negated.add(i),
    isNegated: (i) => negated.has(i),
  };
  for (const pack of LANGUAGE_PACKS) pack.preferences.find(scan);
  return { polarity, only, cues, cueWords };
}
