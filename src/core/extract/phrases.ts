// Candidate key phrases: maximal runs of content words inside one clause (the RAKE idea: function
// words, predicates and punctuation delimit phrases), then weighted by how specific each phrase is
// in the catalog's vocabulary. "I'm flying to Seoul next week and want to try street food" ->
// "seoul", "street food"; "다음 주에 서울 가는데 길거리 음식 먹어보고 싶어요" -> "서울", "길거리 음식".
import { packForScript } from '../lang/packs.ts';
import type { EntityType, Gazetteer } from './gazetteer.ts';
import type { Word } from './words.ts';

export interface Phrase {
  /** Word indices [start, end). */
  readonly start: number;
  readonly end: number;
  /** Lemmas/stems joined by spaces: the form stored in the intent. */
  readonly text: string;
}

/** English runs longer than this are split at catalog entries (or into single words). */
const MAX_PHRASE_WORDS = 3;

function phraseText(words: readonly Word[], start: number, end: number): string {
  const parts: string[] = [];
  for (let i = start; i < end; i++) {
    const w = words[i]!;
    // Korean modifiers keep their form ("귀여운 동물"); the head drops its particle ("음식을" -> "음식").
    const keepSurface = packForScript(w.script)?.phrases.modifierKeepsSurface ?? false;
    parts.push(keepSurface && i < end - 1 && w.suffixes.length === 0 ? w.surface : w.norm);
  }
  return parts.join(' ');
}

/** Splits a long run at the longest catalog entries, left to right. */
function splitRun(words: readonly Word[], start: number, end: number, gazetteer: Gazetteer | undefined): Phrase[] {
  if (end - start <= MAX_PHRASE_WORDS) return [{ start, end, text: phraseText(words, start, end) }];
  const out: Phrase[] = [];
  let i = start;
  while (i < end) {
    let len = Math.min(gazetteer?.maxPhraseWords ?? 1, MAX_PHRASE_WORDS, end - i);
    for (; len > 1; len--) if (gazetteer?.lookup(phraseText(words, i, i + len))) break;
    out.push({ start: i, end: i + len, text: phraseText(words, i, i + len) });
    i += len;
  }
  return out;
}

/** A Korean noun read out of a 하다 predicate ("축하해" -> "축하", "여행하고" -> "여행"). */
const HA_SUFFIX = /^(?:하|해|했|할|합)/;
const isVerbalNoun = (w: Word) => w.script === 'hangul' && w.suffixes.length > 0 && HA_SUFFIX.test(w.suffixes[0]!);

export function candidatePhrases(words: readonly Word[], gazetteer?: Gazetteer): Phrase[] {
  const out: Phrase[] = [];
  let runStart = -1;
  const close = (end: number) => {
    if (runStart >= 0) out.push(...splitRun(words, runStart, end, gazetteer));
    runStart = -1;
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!w.content || w.clauseStart) close(i);
    if (!w.content) continue;
    // A verb modifying the next noun ("비 오는 날"): it ends the run before it and starts none.
    if (packForScript(w.script)?.phrases.adnominal?.(w.surface, w.norm, w.suffixes, words[i + 1])) {
      close(i);
      continue;
    }
    // A change of script inside a run ("k-pop 음악") starts a new phrase.
    if (runStart >= 0 && words[runStart]!.script !== w.script) close(i);
    // The noun of a 하다 predicate is its own phrase, not the head of the nouns before it ("엄마 생일 |
    // 축하해": the birthday is congratulated, there is no "birthday congratulation" item).
    if (runStart >= 0 && isVerbalNoun(w)) close(i);
    if (runStart < 0) runStart = i;
    // A Korean word with a particle ends its noun phrase ("고양이를 | 강아지").
    if (w.suffixes.length > 0 && packForScript(w.script)?.phrases.particleEndsPhrase) close(i + 1);
  }
  close(words.length);
  return out;
}

export interface WeightedPhrase extends Phrase {
  readonly weight: number;
  readonly known: boolean;
  readonly entity: EntityType | null;
  readonly country?: string;
}

/** Weight of a phrase the catalog never uses: a place name or a new topic is still worth keeping. */
const UNKNOWN_SPECIFICITY = 0.55;
const BASE_WEIGHT = 0.35;
const SPECIFICITY_WEIGHT = 0.55;
const MIN_KEY_WEIGHT = 0.05;

/**
 * Weights a phrase in [0, 1] by its specificity in the catalog: an inverse document frequency
 * normalised by the catalog size, so a rare word ("sushi") outweighs a common one ("face"). A
 * multi-word phrase takes its head's (last word's) entry unless the catalog knows the whole phrase.
 */
export function weighPhrase(phrase: Phrase, gazetteer?: Gazetteer): WeightedPhrase {
  const whole = gazetteer?.lookup(phrase.text);
  const head = phrase.text.includes(' ') ? gazetteer?.lookup(phrase.text.slice(phrase.text.lastIndexOf(' ') + 1)) : undefined;
  const entry = whole ?? head;
  let specificity = UNKNOWN_SPECIFICITY;
  if (entry && gazetteer && gazetteer.itemCount > 1) {
    specificity = 1 - Math.log1p(entry.df) / Math.log1p(gazetteer.itemCount);
    if (entry.type === 'place' && entry.country) specificity = Math.max(specificity, UNKNOWN_SPECIFICITY + 0.2);
  }
  const weight = Math.min(1, Math.max(MIN_KEY_WEIGHT, BASE_WEIGHT + SPECIFICITY_WEIGHT * specificity));
  return {
    ...phrase,
    weight: Math.round(weight * 1000) / 1000,
    known: entry !== undefined,
    entity: entry?.type ?? null,
    ...(entry?.country ? { country: entry.country } : {}),
  };
}
