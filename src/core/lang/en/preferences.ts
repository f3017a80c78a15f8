// English preference cues: which candidate phrases the user likes ("I love cats", "more sushi"),
// dislikes ("no more cats", "I don't like X", "less X", "X are boring") or narrows to ("only
// drinks"). English cues mostly precede their object, so most scan forward; a few predicates
// ("are boring", "look great") follow it and scan backward. The scanning itself is shared
// (src/core/extract/preferences.ts).
import type { ForwardGrammar, PreferenceGrammar, PreferenceScan, WordSpan } from '../pack.ts';
import type { Word } from '../../extract/words.ts';

const alt = (xs: readonly string[]) => [...xs].sort((a, b) => b.length - a.length).join('|');
const cueRegex = (xs: readonly string[]) => new RegExp(`(?<![\\p{L}'])(?:${alt(xs)})(?![\\p{L}'])`, 'gu');

/** A copula, also fused with its pronoun ("they're", "it's": the cue cannot start inside a word). */
const EN_COPULA = "(?:is|are|was|were|'re|'s|they'?re|we'?re|you'?re|it'?s|that'?s)";
/** Degree words between a verb and its verdict: "they're kinda cute", "is a bit boring". */
const EN_DEGREE = '(?:so|too|really|very|super|just|pretty|kinda|kind of|sorta|sort of|quite|rather|actually|honestly|a bit|a little|totally|absolutely)';

const EN_NEGATIVE_PREFIX = cueRegex([
  'no more', 'no', 'not any', 'not', 'never', 'without', 'except', 'except for', 'anything but', 'everything but',
  'all but', 'less', 'fewer', 'minus', 'skip', 'hide', 'remove', 'exclude', 'drop', 'ban', 'block', 'ditch',
  'get rid of', 'cut', 'cut back on', 'cut out', 'cut down on', 'tone down', 'enough', 'enough with', 'enough of',
  'stop', 'stop showing', 'stop with', 'stop sending', 'stop giving', 'stop recommending',
  "(?:do ?n'?t|does ?n'?t|did ?n'?t|do not|does not|never) (?:really )?(?:want|wanna|like|need|show|send|give|care for|enjoy|love)",
  'hate', 'hates', 'dislike', 'dislikes', 'detest', "can'?t stand", 'not a fan of', 'not into', 'not interested in',
  'not keen on', 'sick of', 'tired of', 'fed up with', 'done with', 'rather not', 'rather not see', 'nothing with',
  'avoid', 'steer clear of', 'nothing(?! but)', 'nothing too', 'none of', 'no more of',
]);
/** "too many cars": feedback on the feed, unless the sentence tells what the user did ("ate too much cake"). */
const EN_EXCESS = cueRegex(['too many', 'too much']);
/** Past time in the sentence: "way too much wine last night" is a story, not a request for less wine. */
const EN_PAST_TIME = cueRegex(['last night', 'last week', 'last weekend', 'last month', 'last year', 'yesterday', 'earlier', 'ago', 'this morning']);
/**
 * A negated "stop" tells what the user keeps doing, not what the feed should drop: "i can't stop
 * sniffling", "my hands won't stop shaking" (tests/golden/understanding dev3 had read both as refusals,
 * so the told state was an exclusion and the turn kept the earlier topic).
 */
const EN_NEGATED_BEFORE_STOP = /^(?:can'?t|cannot|won'?t|couldn'?t|wouldn'?t|never|not|doesn'?t|didn'?t|don'?t)$/;
const narratesHabit = (scan: PreferenceScan, span: WordSpan) =>
  /^(?:stop|stopped|quit)$/.test(scan.words[span.start]!.surface) && span.start > 0 && EN_NEGATED_BEFORE_STOP.test(scan.words[span.start - 1]!.surface);
/** Intensifiers between a verb and "too much": "drank way too much". */
const EN_EXCESS_INTENSIFIERS: ReadonlySet<string> = new Set(['way', 'far', 'just', 'bit', 'a', 'little', 'slightly', 'waaay', 'waay', 'soo', 'so']);
/** Doing verbs before "too much" ("had", "ate", "drank", "spent", "watched"): the user did too much of it. */
const EN_DOING_VERB = /^(?:had|have|ate|eat|eaten|drank|drink|drunk|spent|spend|did|do|got|bought|buy|\p{L}+ed)$/u;

const EN_NEGATIVE_SUFFIX = cueRegex([
  `(?:${EN_COPULA}|look|looks) (?:${EN_DEGREE} )?(?:boring|annoying|ugly|gross|creepy|lame|overrated|disgusting|terrible|awful)`,
  'no thanks', 'not for me', '(?:get rid of|drop|remove|hide|ditch|skip) (?:them|those|these|it|that)',
  // "snakes creep me out", "clowns freak me out", "spiders give me the creeps", "bugs scare me".
  '(?:creep|creeps|freak|freaks|gross|grosses) me out', '(?:give|gives) me the (?:creeps|chills)', '(?:scare|scares) me',
]);
const EN_POSITIVE_PREFIX = cueRegex([
  "i (?:really |also |do |just |absolutely )?(?:love|like|adore|enjoy|dig)", "we (?:really |all )?(?:love|like|adore|enjoy)",
  'love', 'loves', 'adore', 'adores', 'enjoy', 'enjoys', 'likes', "my fav(?:ou?rite)?s? (?:is|are)", 'fan of',
  "i'?m into", "i am into", 'crazy about', 'obsessed with', 'more', 'more of', 'keep', 'keep the', 'another',
  'similar to', 'same as',
]);
const EN_POSITIVE_SUFFIX = cueRegex([
  `(?:${EN_COPULA}|looks?) (?:${EN_DEGREE} )?(?:great|awesome|cool|cute|amazing|adorable|beautiful|lovely|perfect|fun|nice|the best|my favou?rite)`,
]);
const EN_ONLY = cueRegex(['only', 'just', 'nothing but', 'focus on', 'limit it to', 'narrow it down to', 'mostly']);
/** "baked stuff only", "winter ones only": the narrowing said after its object, which a list before it does not take ("skip anything frozen, baked stuff only"). */
const EN_ONLY_SUFFIX = cueRegex(['ones only', 'stuff only', 'things only']);

/** Words a cue may skip before its object: "no more of the cats", "stop showing me any snakes", "skip anything frozen". */
const EN_FILLER: ReadonlySet<string> = new Set(['the', 'a', 'an', 'any', 'anything', 'everything', 'more', 'of', 'me', 'us', 'seeing', 'see', 'showing', 'those', 'these', 'that', 'this', 'all', 'with', 'to', 'so', 'many', 'much', 'some', 'other', 'like', 'really', 'at', 'about', 'have', 'getting']);
const EN_COORDINATORS: ReadonlySet<string> = new Set(['and', 'or', 'nor', '&', '/', ',']);
/** Words that may open the next coordinated object: "cats, the dogs or any birds". */
const EN_DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'any', 'more', 'no']);
const FORWARD: ForwardGrammar = { filler: EN_FILLER, coordinators: EN_COORDINATORS, determiners: EN_DETERMINERS };

const CUE_PATTERNS = [EN_NEGATIVE_PREFIX, EN_EXCESS, EN_NEGATIVE_SUFFIX, EN_POSITIVE_PREFIX, EN_POSITIVE_SUFFIX, EN_ONLY, EN_ONLY_SUFFIX];

/** "too much wine last night", "i ate too much cake": an excess the user lived, not one the feed showed. */
function narratesExcess(scan: PreferenceScan, cueStart: number): boolean {
  if (scan.matchWords(EN_PAST_TIME).length > 0) return true;
  let k = cueStart - 1;
  while (k >= 0 && EN_EXCESS_INTENSIFIERS.has(scan.words[k]!.surface)) k--;
  return k >= 0 && EN_DOING_VERB.test(scan.words[k]!.surface);
}

function findEnglishPreferences(scan: PreferenceScan): void {
  const narrowedAfter = new Set<number>();
  for (const span of scan.matchWords(EN_ONLY_SUFFIX)) {
    scan.countCue('only');
    for (const pi of scan.backward(span.start, false)) { narrowedAfter.add(pi); scan.narrowTo(pi); }
  }
  const excess = scan.matchWords(EN_EXCESS).filter((span) => !narratesExcess(scan, span.start));
  for (const span of [...scan.matchWords(EN_NEGATIVE_PREFIX).filter((x) => !narratesHabit(scan, x)), ...excess]) {
    scan.countCue('negative');
    for (let k = span.start; k < span.end; k++) {
      scan.markCueWord(k);
      scan.negateWord(k);
    }
    for (const pi of scan.forward(span.end, FORWARD)) if (!narrowedAfter.has(pi)) scan.setPolarity(pi, 'dislike');
  }
  for (const span of scan.matchWords(EN_NEGATIVE_SUFFIX)) {
    scan.countCue('negative');
    for (let k = span.start; k < span.end; k++) scan.markCueWord(k);
    for (const pi of scan.backward(span.start, true)) scan.setPolarity(pi, 'dislike');
  }
  for (const span of scan.matchWords(EN_POSITIVE_PREFIX)) {
    if (scan.isNegated(span.start)) continue;
    scan.countCue('positive');
    for (let k = span.start; k < span.end; k++) scan.markCueWord(k);
    for (const pi of scan.forward(span.end, FORWARD)) scan.setPolarity(pi, 'like');
  }
  for (const span of scan.matchWords(EN_POSITIVE_SUFFIX)) {
    scan.countCue('positive');
    for (let k = span.start; k < span.end; k++) scan.markCueWord(k);
    for (const pi of scan.backward(span.start, true)) scan.setPolarity(pi, 'like');
  }
  for (const span of scan.matchWords(EN_ONLY)) {
    scan.countCue('only');
    for (const pi of scan.forward(span.end, FORWARD)) scan.narrowTo(pi);
  }
}

export const englishPreferences: PreferenceGrammar = {
  cueWords(_words: readonly Word[], matchWords: (re: RegExp) => WordSpan[]) {
    const cue = new Set<number>();
    for (const re of CUE_PATTERNS) for (const span of matchWords(re)) for (let k = span.start; k < span.end; k++) cue.add(k);
    return cue;
  },
  find: findEnglishPreferences,
  coordinatingSuffixes: new Set(),
  // "boring, are they": an English predicate cue that opens a clause has nothing before it in the clause.
  clauseStartCueLooksBack: false,
};
