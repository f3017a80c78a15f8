// A small Korean stemmer for one eojeol (space-separated word): strips noun particles (조사) and
// predicate endings (어미), guided by Hangul phonology (받침) and, when given, a lexicon of known
// stems (the catalog vocabulary). It tells nouns from predicates well enough for key phrases and
// negation cues; it is not a morphological analyser.
import type { Lexicon } from '../pack.ts';

const SYLLABLE_FIRST = 0xac00;
const SYLLABLE_LAST = 0xd7a3;
const FINALS = 28;
const FINAL_RIEUL = 8;

/** The final consonant (받침) index of a Hangul syllable: 0 when it ends in a vowel, -1 if not a syllable. */
export function finalConsonant(syllable: string): number {
  const code = syllable.charCodeAt(0);
  if (code < SYLLABLE_FIRST || code > SYLLABLE_LAST) return -1;
  return (code - SYLLABLE_FIRST) % FINALS;
}

export function endsWithBatchim(word: string): boolean {
  return finalConsonant(word.slice(-1)) > 0;
}

type After = 'any' | 'batchim' | 'vowel' | 'vowelOrRieul' | 'batchimNotRieul';

interface ParticleSpec {
  readonly form: string;
  readonly after: After;
}

const p = (form: string, after: After = 'any'): ParticleSpec => ({ form, after });

/**
 * Case particles and postpositions, the slot right after the noun. Negative postpositions
 * (말고, 빼고, 제외하고, 없이) live here too: the negation extractor reads them back from `suffixes`.
 */
const CASE_PARTICLES: readonly ParticleSpec[] = [
  p('제외하고'), p('말고'), p('말구'), p('빼고'), p('빼구'), p('없이'), p('대신'), p('대신에'),
  p('에서'), p('에게'), p('한테'), p('께서'), p('까지'), p('부터'), p('처럼'), p('보다'), p('마다'),
  p('밖에'), p('하고'), p('같이'), p('만큼'), p('위주로'), p('으로', 'batchimNotRieul'), p('로', 'vowelOrRieul'),
  p('이랑', 'batchim'), p('랑', 'vowel'), p('과', 'batchim'), p('와', 'vowel'), p('이나', 'batchim'),
  p('나', 'vowel'), p('에선'), p('엔'), p('으론', 'batchimNotRieul'), p('론', 'vowelOrRieul'), p('에'), p('의'),
  p('이', 'batchim'), p('가', 'vowel'), p('을', 'batchim'), p('를', 'vowel'),
];
/**
 * The copula 이다 joined to a noun as a connective ("이삿날이라 정신없어", "새벽 네 시인데", "시험이라서"):
 * the noun is the content, as with a case particle. Only the forms after a 받침 and 인데: the vowel
 * forms (라, 라서) end too many nouns ("카메라", "코알라").
 */
const COPULA: readonly ParticleSpec[] = [
  p('이라서', 'batchim'), p('이라고', 'batchim'), p('이라는', 'batchim'), p('이라며', 'batchim'), p('이라', 'batchim'),
  p('이니까', 'batchim'), p('인데'),
];
/** Subject/object/genitive markers and the copula: a delimiter never follows them ("고양이를" has no "는" after it). */
const STANDALONE_CASES = new Set(['이', '가', '을', '를', '의', ...COPULA.map((c) => c.form)]);
/** Delimiters (보조사), after the case slot: topic, also, only, even. */
const DELIMITERS: readonly ParticleSpec[] = [
  p('은', 'batchim'), p('는', 'vowel'), p('도'), p('만'), p('조차'), p('마저'), p('이라도', 'batchim'),
  p('라도', 'vowel'), p('이든', 'batchim'), p('든', 'vowel'), p('이야', 'batchim'), p('야', 'vowel'),
];
/** The polite 요 that can close a bare noun phrase ("고양이요", "고양이는요"). */
const POLITE: readonly ParticleSpec[] = [p('요')];

/** Predicate endings long enough to be unambiguous; checked before particles without lexicon support. */
const STRONG_ENDINGS = [
  '싶어요', '싶어', '싶다', '싶은데', '싶네요', '주세요', '주실래요', '줄래요', '줄래', '줘요', '해줘', '해줘요',
  '해주세요', '봐요', '세요', '셔요', '습니다', '합니다', '입니다', '어요', '아요', '여요', '에요', '예요',
  '해요', '했어요', '했어', '었어요', '었어', '았어요', '았어', '겠어', '겠어요', '네요', '군요', '는데요',
  '는데', '던데', '거든요', '거든', '잖아요', '잖아', '지요', '할래요', '할래', '래요', '을래', '까요', '나요',
  '지마', '지말고', '더라', '더라고', '더라구',
] as const;
/** One-syllable endings: a word ending in one is a predicate only when nothing better explains it. */
const WEAK_ENDINGS = ['으러', '러', '파', '줘', '봐', '해', '워', '와', '어', '아', '다', '고', '지', '게', '서', '면', '니', '냐', '자', '죠', '래', '요'] as const;

const HA_ENDING = /^(해|하|했|할|합)/;
/** Determiners (관형사) that make a noun of 해 "year": 새해, 올해, 매해, 첫해, 한해, 지난해, 다음해. */
const YEAR_NOUN = /^(?:새|올|매|첫|한|온|지난|다음|이듬)해$/;

export type KoreanWordKind = 'noun' | 'predicate' | 'bare';

export interface KoreanStem {
  /** The noun or predicate stem ("고양이는" -> "고양이", "보여줘" -> "보여"). */
  readonly stem: string;
  /** Stripped particles or ending, outermost last ("서울에서도" -> ["에서", "도"]). */
  readonly suffixes: readonly string[];
  readonly kind: KoreanWordKind;
  /** True when the lexicon knows the stem. */
  readonly known: boolean;
}

function fits(stem: string, after: After): boolean {
  if (stem.length === 0) return false;
  const f = finalConsonant(stem.slice(-1));
  if (f < 0) return after === 'any'; // a Latin or digit stem: only phonology-free particles
  switch (after) {
    case 'any': return true;
    case 'batchim': return f > 0;
    case 'vowel': return f === 0;
    case 'vowelOrRieul': return f === 0 || f === FINAL_RIEUL;
    case 'batchimNotRieul': return f > 0 && f !== FINAL_RIEUL;
  }
}

interface Split {
  stem: string;
  suffixes: string[];
}

/** The plural marker ("고양이들"): after any noun, before its particles. */
const PLURAL = '들';
/** A mimetic word said twice ("후들후들", "흔들흔들") ends in 들 without being a plural. */
const isReduplicated = (w: string) => w.length % 2 === 0 && w.slice(0, w.length / 2) === w.slice(w.length / 2);

/** Every grammatical noun + [plural] + [case] + [delimiter] + [요] reading of a word, including none stripped. */
function particleSplits(word: string): Split[] {
  const out: Split[] = [{ stem: word, suffixes: [] }];
  const polite = [undefined, ...POLITE];
  for (const pol of polite) {
    const w1 = pol ? (word.endsWith(pol.form) ? word.slice(0, -pol.form.length) : undefined) : word;
    if (w1 === undefined || w1.length === 0) continue;
    for (const del of [undefined, ...DELIMITERS]) {
      const w2 = del ? (w1.endsWith(del.form) ? w1.slice(0, -del.form.length) : undefined) : w1;
      if (w2 === undefined || w2.length === 0 || (del && !fits(w2, del.after))) continue;
      for (const cas of [undefined, ...CASE_PARTICLES, ...COPULA]) {
        if (cas && del && STANDALONE_CASES.has(cas.form)) continue;
        const w3 = cas ? (w2.endsWith(cas.form) ? w2.slice(0, -cas.form.length) : undefined) : w2;
        if (w3 === undefined || w3.length === 0 || (cas && !fits(w3, cas.after))) continue;
        // The plural marker sits between the noun and its particles ("가족들이랑", "친구들한테", "애들만").
        for (const plural of [undefined, PLURAL]) {
          const w4 = plural ? (w3.length > plural.length && w3.endsWith(plural) && !isReduplicated(w3) ? w3.slice(0, -plural.length) : undefined) : w3;
          if (w4 === undefined) continue;
          if (!plural && !cas && !del && !pol) continue; // the unstripped reading is already in `out`
          const suffixes = [plural, cas?.form, del?.form, pol?.form].filter((s): s is string => s !== undefined);
          out.push({ stem: w4, suffixes });
        }
      }
    }
  }
  return out;
}

/**
 * Heads of Korean place names, written on the name without a space ("한라산" Mount Halla, "부산역"
 * Busan station, "한강" the Han river): the word is that feature, whatever the name before it is.
 */
export const KOREAN_PLACE_HEADS: ReadonlySet<string> = new Set([
  '산', '강', '섬', '역', '공항', '호수', '해변', '해수욕장', '공원', '시장', '폭포', '계곡', '항', '궁', '타워', '대교', '터미널', '바다',
]);

const suffixLength = (s: Split) => s.suffixes.reduce((n, x) => n + x.length, 0);
/** A stem the lexicon does not know must keep at least this many syllables ("요가" stays "요가"). */
const MIN_UNKNOWN_STEM_CHARS = 2;

/**
 * Stems one Korean word. Order of evidence: the lexicon knows the word; the lexicon knows a stem
 * after particles; an unambiguous predicate ending; particles by phonology alone; a short ending.
 */
export function stemKorean(word: string, lexicon?: Lexicon): KoreanStem {
  if (lexicon?.has(word)) return { stem: word, suffixes: [], kind: 'noun', known: true };
  const splits = particleSplits(word).filter((s) => s.suffixes.length > 0);
  if (lexicon) {
    const known = splits.filter((s) => lexicon.has(s.stem)).sort((a, b) => b.stem.length - a.stem.length)[0];
    if (known) return { stem: known.stem, suffixes: known.suffixes, kind: 'noun', known: true };
  }
  for (const ending of STRONG_ENDINGS) {
    if (word === ending) return { stem: word, suffixes: [], kind: 'predicate', known: false }; // "주세요", "싶어"
    if (word.endsWith(ending)) {
      return predicateOrVerbalNoun(word.slice(0, -ending.length), ending, lexicon);
    }
  }
  const byPhonology = splits
    // A one-syllable noun keeps particles of two syllables or more ("물에서", "입으로"): no noun of
    // three syllables ends in them, while one ending in a one-syllable particle is common ("포도", "사과").
    .filter((s) => s.stem.length >= MIN_UNKNOWN_STEM_CHARS || (s.stem.length === 1 && suffixLength(s) >= 2))
    // A lone 이 after a 받침 is as likely the end of a noun ("떡볶이") as a subject marker.
    .filter((s) => !(s.suffixes.length === 1 && s.suffixes[0] === '이'))
    .sort((a, b) => suffixLength(b) - suffixLength(a))[0];
  if (byPhonology) return { stem: byPhonology.stem, suffixes: byPhonology.suffixes, kind: 'noun', known: false };
  // A determiner and 해 are the noun "year" ("새해", "올해", "매해"), not a noun + 하다 ("새" + "해").
  if (YEAR_NOUN.test(word)) return { stem: word, suffixes: [], kind: 'noun', known: lexicon?.has(word) ?? false };
  for (const ending of WEAK_ENDINGS) {
    if (word.endsWith(ending) && word.length > ending.length) {
      return predicateOrVerbalNoun(word.slice(0, -ending.length), ending, lexicon);
    }
  }
  return { stem: word, suffixes: [], kind: 'bare', known: false };
}

/** "여행하고", "요리해줘": a noun + 하다 is a verbal noun; the noun is the content. */
function predicateOrVerbalNoun(stem: string, ending: string, lexicon?: Lexicon): KoreanStem {
  // The ending is 하다's own ("축하해": 축하 + 해): what precedes it is the whole verbal noun, even
  // when it ends in 하 itself (축하, 피하, 대하): stripping 하 again left fragments ("축").
  if (HA_ENDING.test(ending) && stem.length >= 1) {
    return { stem, suffixes: [ending], kind: 'noun', known: lexicon?.has(stem) ?? false };
  }
  const haStem = stem.endsWith('하') || stem.endsWith('해') ? stem.slice(0, -1) : undefined;
  if (haStem && haStem.length >= 1) {
    return { stem: haStem, suffixes: [stem.slice(-1) + ending], kind: 'noun', known: lexicon?.has(haStem) ?? false };
  }
  if (HA_ENDING.test(ending) && stem.length >= 1) {
    return { stem, suffixes: [ending], kind: 'noun', known: lexicon?.has(stem) ?? false };
  }
  return { stem, suffixes: [ending], kind: 'predicate', known: false };
}
