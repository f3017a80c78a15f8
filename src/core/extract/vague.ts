// Vague words: a single English word of many WordNet senses ("work", "fall", "line") is read as no topic
// beside a clearer phrase of the same turn, and what it implies goes with it. Part of the information
// node (./information.ts); the sense counts ship in the knowledge file (KnowledgeBase.senseCount).
import type { KnowledgeBase } from '../knowledge/format.ts';

/**
 * A single English word of this many WordNet senses or more is too vague to be a topic beside a clearer
 * one ("how do octopuses even work": work, 34 senses, had filled the feed with workers; "relocating to
 * nairobi for work in the fall"). On tests/golden/understanding (dev en / dev2 en / blind en, relevance@10,
 * the phrases only): none dropped 0.848 / 0.500 / 0.855; from 25 senses 0.859 / 0.523 / 0.855; from 18
 * 0.863 / 0.523 / 0.872; from 14 0.863 / 0.509 / 0.872. With what they imply dropped too, at 18: 0.863 /
 * 0.529 / 0.872.
 */
const VAGUE_MIN_SENSES = 18;
/** Joined to another phrase as its equal ("fire and ice", "light or dark"): a topic, however vague. */
const COORDINATED = (w: string) => new RegExp(`(?:\\b(?:and|or|&)\\s+${w}\\b|\\b${w}\\s*(?:&|\\band\\b|\\bor\\b))`, 'iu');

/** A single word too vague to be a topic in this turn (not joined to another as its equal). */
export const isVague = (kb: KnowledgeBase, word: string, text: string) => /^[a-z]+$/i.test(word) && kb.senseCount(word) >= VAGUE_MIN_SENSES && !COORDINATED(word).test(text);

/** The turn's phrases without the vague single words, where a clearer phrase says what it is about. */
export function clearerPhrases<P extends { text: string }>(phrases: readonly P[], text: string, kb: KnowledgeBase | null): readonly P[] {
  if (!kb || phrases.length < 2) return phrases;
  const clear = phrases.filter((p) => !isVague(kb, p.text, text));
  return clear.length > 0 && clear.length < phrases.length ? clear : phrases;
}

