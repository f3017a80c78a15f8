// Negation and preference patterns: which candidate phrases the user likes ("I love cats", "more
// sushi", "고양이 좋아", "강아지 더 보여줘"), dislikes ("no more cats", "I don't like X", "less X",
// "고양이 말고", "X 싫어", "X는 그만") or narrows to ("only drinks", "음료만"). English cues mostly
// precede their object; Korean cues follow it (particles and predicates come after the noun), so
// each language scans in its own direction, inside one clause, across coordinations ("snakes or
// spiders", "뱀이랑 거미는").
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

const alt = (xs: readonly string[]) => [...xs].sort((a, b) => b.length - a.length).join('|');
const cueRegex = (xs: readonly string[]) => new RegExp(`(?<![\\p{L}'])(?:${alt(xs)})(?![\\p{L}'])`, 'gu');

const EN_NEGATIVE_PREFIX = cueRegex([
  'no more', 'no', 'not any', 'not', 'never', 'without', 'except', 'except for', 'anything but', 'everything but',
  'all but', 'less', 'fewer', 'minus', 'skip', 'hide', 'remove', 'exclude', 'drop', 'ban', 'block', 'ditch',
  'get rid of', 'cut', 'cut back on', 'cut out', 'cut down on', 'tone down', 'enough', 'enough with', 'enough of',
  'stop', 'stop showing', 'stop with', 'stop sending', 'stop giving', 'stop recommending',
  "(?:do ?n'?t|does ?n'?t|did ?n'?t|do not|does not|never) (?:really )?(?:want|wanna|like|need|show|send|give|care for|enjoy|love)",
  'hate', 'hates', 'dislike', 'dislikes', 'detest', "can'?t stand", 'not a fan of', 'not into', 'not interested in',
  'not keen on', 'sick of', 'tired of', 'fed up with', 'done with', 'rather not', 'rather not see', 'nothing with',
  'too many', 'too much', 'avoid', 'steer clear of', 'nothing(?! but)', 'nothing too', 'none of', 'no more of',
]);
const EN_NEGATIVE_SUFFIX = cueRegex([
  "(?:is|are|'re|'s|were|was|look|looks) (?:so |too |really |kinda |pretty )?(?:boring|annoying|ugly|gross|creepy|lame|overrated|disgusting|terrible|awful)",
  'no thanks', 'not for me', '(?:get rid of|drop|remove|hide|ditch) (?:them|those|these|it|that)',
]);
const EN_POSITIVE_PREFIX = cueRegex([
  "i (?:really |also |do |just |absolutely )?(?:love|like|adore|enjoy|dig)", "we (?:really |all )?(?:love|like|adore|enjoy)",
  'love', 'loves', 'adore', 'adores', 'enjoy', 'enjoys', 'likes', "my fav(?:ou?rite)?s? (?:is|are)", 'fan of',
  "i'?m into", "i am into", 'crazy about', 'obsessed with', 'more', 'more of', 'keep', 'keep the', 'another',
  'similar to', 'same as',
]);
const EN_POSITIVE_SUFFIX = cueRegex([
  "(?:is|are|'re|'s|was|were|looks?) (?:so |really |very |super |just |pretty )?(?:great|awesome|cool|cute|amazing|adorable|beautiful|lovely|perfect|fun|nice|the best|my favou?rite)",
]);
const EN_ONLY = cueRegex(['only', 'just', 'nothing but', 'focus on', 'limit it to', 'narrow it down to', 'mostly']);

/** Words a cue may skip before its object: "no more of the cats", "stop showing me any snakes". */
const EN_FILLER = new Set(['the', 'a', 'an', 'any', 'more', 'of', 'me', 'us', 'seeing', 'see', 'showing', 'those', 'these', 'that', 'this', 'all', 'with', 'to', 'so', 'many', 'much', 'some', 'other', 'like', 'really', 'at', 'about', 'have', 'getting']);
const EN_COORDINATORS = new Set(['and', 'or', 'nor', '&', '/', ',']);
const MAX_FILLER_WORDS = 4;

const KO_NEGATIVE_WORD = /^(?:싫|그만|별로|빼|치워|치우|줄여|줄이|덜|지겨|지겹|질렸|질려|됐어|됐다|됐고|됐네|제외|없애|말고|말구|노노)/;
/** "귀여운 동물", "좋은 저녁": a modifier form describes the next noun; it is not a verdict. */
const KO_MODIFIER_FORM = /(?:운|은|는|한|인|던|쁜|픈)$/;
const isKoreanVerdict = (surface: string, re: RegExp) => re.test(surface) && !KO_MODIFIER_FORM.test(surface);
const KO_NEGATIVE_SUFFIXES = new Set(['말고', '말구', '빼고', '빼구', '제외하고', '없이']);
const KO_POSITIVE_WORD = /^(?:좋아|좋다|좋네|좋습|좋더|최고|최애|사랑|짱|예뻐|예쁘|귀여|귀엽|멋있|멋지|멋져|재밌|재미있|맛있|빠졌|빠져)/;
/** Verbs of seeing a negation may follow: "국기는 더 이상 보고 싶지 않아". */
const KO_VIEW_VERB = /^(?:보|봐|나오|나와|보여)/;
/** "더" / "계속" count as a like only when a request follows ("더 보여줘"), not in "더 이상". */
const KO_MORE_WORD = /^(?:더|계속|또)$/;
const KO_REQUEST = /^(?:보여|보고|주|줘|줄|있|많이|보자|보여줄|부탁|가져|추천)/;
const KO_NOT = new Set(['안', '못', '별로']);
const KO_NEG_AUX = /^(?:않|싫)/;
const KO_COORDINATING = new Set(['이랑', '랑', '하고', '와', '과', '이나', '나', '도']);
const KO_ONLY_SUFFIX = '만';

interface Span {
  start: number; // word index
  end: number;
}

/** Maps regex matches over the words joined by spaces back to word index spans. */
function matchWords(words: readonly Word[], re: RegExp): Span[] {
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
  const out: Span[] = [];
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
  for (const re of [EN_NEGATIVE_PREFIX, EN_NEGATIVE_SUFFIX, EN_POSITIVE_PREFIX, EN_POSITIVE_SUFFIX, EN_ONLY]) {
    for (const span of matchWords(words, re)) for (let k = span.start; k < span.end; k++) cue.add(k);
  }
  words.forEach((w, i) => {
    if (w.script === 'hangul' && (isKoreanVerdict(w.surface, KO_NEGATIVE_WORD) || isKoreanVerdict(w.surface, KO_POSITIVE_WORD))) cue.add(i);
  });
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
  const set = (i: number, p: Polarity) => {
    if (polarity.get(i) !== 'dislike') polarity.set(i, p); // a dislike is never overridden by a like
  };

  /** English: the phrase(s) after a cue, skipping filler, then "X, Y or Z" coordinations. */
  const forward = (from: number, filler: ReadonlySet<string> | null): number[] => {
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
        if (j < words.length && EN_COORDINATORS.has(words[j]!.surface)) {
          j++;
          if (j < words.length && words[j]!.surface !== ',' && EN_COORDINATORS.has(words[j]!.surface)) j++;
          while (j < words.length && ['the', 'a', 'an', 'any', 'more', 'no'].includes(words[j]!.surface)) j++;
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
      if (filler && !filler.has(w.surface) && !w.content) break;
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
    if (words[cue]?.clauseStart && words[cue]?.script === 'latin') return found;
    while (i > 0 && skipped <= MAX_FILLER_WORDS) {
      const pi = phraseEndingAt.get(i);
      if (pi !== undefined) {
        found.push(pi);
        // Korean coordination: "뱀이랑 거미는", "국기나 지도는".
        let p = phrases[pi]!;
        for (;;) {
          const prev = phraseEndingAt.get(p.start);
          const last = prev !== undefined ? words[p.start - 1] : undefined;
          if (prev === undefined || !last || !last.suffixes.some((s) => KO_COORDINATING.has(s))) break;
          found.push(prev);
          p = phrases[prev]!;
        }
        break;
      }
      const w = words[i - 1]!;
      if (w.kind === 'punct' || words[i]?.clauseStart) break;
      if (w.kind === 'predicate' && !allowPredicates && !KO_VIEW_VERB.test(w.surface)) break;
      if (w.content) break;
      i--;
      skipped++;
    }
    return found;
  };

  const negated = new Set<number>(); // word indices covered by a negative cue
  const cueWords = new Set<number>();
  const markCue = (span: Span) => {
    for (let k = span.start; k < span.end; k++) cueWords.add(k);
  };
  for (const span of matchWords(words, EN_NEGATIVE_PREFIX)) {
    cues.negative++;
    markCue(span);
    for (let k = span.start; k < span.end; k++) negated.add(k);
    for (const pi of forward(span.end, EN_FILLER)) set(pi, 'dislike');
  }
  for (const span of matchWords(words, EN_NEGATIVE_SUFFIX)) {
    cues.negative++;
    markCue(span);
    for (const pi of backward(span.start, true)) set(pi, 'dislike');
  }
  for (const span of matchWords(words, EN_POSITIVE_PREFIX)) {
    if (negated.has(span.start)) continue;
    cues.positive++;
    markCue(span);
    for (const pi of forward(span.end, EN_FILLER)) set(pi, 'like');
  }
  for (const span of matchWords(words, EN_POSITIVE_SUFFIX)) {
    cues.positive++;
    markCue(span);
    for (const pi of backward(span.start, true)) set(pi, 'like');
  }
  for (const span of matchWords(words, EN_ONLY)) {
    cues.only++;
    for (const pi of forward(span.end, EN_FILLER)) only.add(pi);
  }

  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.script !== 'hangul') continue;
    // The cue is the word's own particle: "고양이말고", "채소는빼고" (glued) or "고양이만".
    if (w.suffixes.some((s) => KO_NEGATIVE_SUFFIXES.has(s))) {
      cues.negative++;
      const pi = phraseEndingAt.get(i + 1);
      if (pi !== undefined) set(pi, 'dislike');
      continue;
    }
    if (w.suffixes.includes(KO_ONLY_SUFFIX)) {
      cues.only++;
      const pi = phraseEndingAt.get(i + 1);
      if (pi !== undefined) only.add(pi);
    }
    const next = words[i + 1];
    const prev = words[i - 1];
    const negAux = next !== undefined && KO_NEG_AUX.test(next.surface); // "보고 싶지 않아", "보기 싫어"
    if (isKoreanVerdict(w.surface, KO_NEGATIVE_WORD)) {
      cues.negative++;
      cueWords.add(i);
      for (const pi of backward(i, false)) set(pi, 'dislike');
    } else if (w.surface === '안' && next && /^(?:보|봐|나오|나왔)/.test(next.surface)) {
      cues.negative++; // "무서운 건 안 보고 싶어"
      for (const pi of backward(i, false)) set(pi, 'dislike');
    } else if (/^싶지$|^보고$/.test(w.surface) && negAux) {
      cues.negative++;
      for (const pi of backward(i, false)) set(pi, 'dislike');
    } else if (w.surface === '너무' && next && /^많/.test(next.surface)) {
      cues.negative++; // "자동차 너무 많아"
      for (const pi of backward(i, false)) set(pi, 'dislike');
    } else if (isKoreanVerdict(w.surface, KO_POSITIVE_WORD)) {
      cueWords.add(i);
      const flipped = (prev !== undefined && KO_NOT.has(prev.surface)) || negAux;
      if (flipped) cues.negative++;
      else cues.positive++;
      const at = prev !== undefined && KO_NOT.has(prev.surface) ? i - 1 : i;
      for (const pi of backward(at, false)) set(pi, flipped ? 'dislike' : 'like');
    } else if (KO_MORE_WORD.test(w.surface) && (next === undefined || next.kind === 'punct' || KO_REQUEST.test(next.surface))) {
      cues.positive++;
      for (const pi of backward(i, false)) set(pi, 'like');
    }
  }
  return { polarity, only, cues, cueWords };
}
