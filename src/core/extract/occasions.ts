// Occasions a turn implies without naming them ("my daughter just turned five": a birthday; "다섯 살이
// 됐어요": 생일), for the information node (./information.ts): which ones, what the turn's words become once
// they are read, and the occasion read as if named.
import type { TurnExtraction } from '../intent.ts';
import type { KnowledgeLanguage } from '../knowledge/expand.ts';
import { isPackLanguage, LANGUAGE_PACKS, packFor } from '../lang/packs.ts';
import { norm, PLACE_WEIGHT } from './journey.ts';

/**
 * What an implied occasion brings (a wedding's rings and bouquet for "getting married") is read at this
 * share of a named one's: at 1 the wedding's hearts (45 items, their category saying heart) outranked
 * the wedding itself. tests/golden/understanding: dev2 en 0.711 -> 0.716 (0.5: 0.716), old blind en
 * 0.913 -> 0.915, the rest unchanged (2026-12-01).
 */
const IMPLIED_OCCASION_SHARE = 0.75;

/** An occasion the turn implies ("turned five" -> birthday) weighs as a named place does: the turn's meaning, not a side note. */
export const OCCASION_WEIGHT = PLACE_WEIGHT;

/**
 * Occasions a turn implies without naming them (the packs' impliedOccasions), as topics in the user's
 * language: "my daughter just turned five" is a birthday, "다섯 살이 됐어요" 생일.
 */
export function impliedOccasions(text: string, language: KnowledgeLanguage): { occasion: string; said: string }[] {
  const own = isPackLanguage(language) ? [packFor(language)] : LANGUAGE_PACKS;
  const out = new Map<string, { occasion: string; said: string }>();
  for (const pack of own) {
    for (const { pattern, occasion } of pack.situation.impliedOccasions) {
      const m = pattern.exec(text);
      if (m && !out.has(occasion)) out.set(occasion, { occasion, said: norm(m[0]).slice(0, 64) });
    }
  }
  return [...out.values()];
}

/**
 * The turn once its implied occasions are read: their words are neither a phrase nor a dislike ("turned
 * five" is no clock, "다섯 살이 됐어요" no "enough"), and a refinement or a "less of" that said nothing
 * else is a new topic, the occasion.
 */
export function readingOccasions(extraction: TurnExtraction, occasions: readonly { said: string }[]): Pick<TurnExtraction, 'keyPhrases' | 'dislikes' | 'task'> {
  const spans = occasions.map((o) => o.said.toLocaleLowerCase());
  const inside = (t: string) => spans.some((s) => s.includes(t.toLocaleLowerCase()));
  // Word by word: "mom turn" (from "my mom turns 60") keeps "mom", whom the occasion is for.
  const spanWords = spans.flatMap((s) => s.split(/\s+/));
  const occasionWord = (w: string) => spanWords.some((s) => s.startsWith(w.toLocaleLowerCase()));
  const keyPhrases = extraction.keyPhrases.flatMap((p) => {
    if (inside(p.text)) return [];
    const kept = p.text.split(' ').filter((w) => !occasionWord(w));
    return kept.length === 0 ? [] : [{ ...p, text: kept.join(' ') }];
  });
  const dislikes = extraction.dislikes.filter((d) => !inside(d));
  const touched = keyPhrases.length < extraction.keyPhrases.length || keyPhrases.some((p, i) => p.text !== extraction.keyPhrases[i]?.text) || dislikes.length < extraction.dislikes.length;
  const emptied = touched && dislikes.length === 0;
  // An occasion the turn implies is never a refinement of the topic on screen ("show me trains", then
  // "oh wait it's my dad's 60th"), and a refusal only when the occasion was all it refused.
  const task = occasions.length > 0 && (extraction.task === 'refine' || (emptied && extraction.task === 'less_of')) ? 'new_topic' : extraction.task;
  return { keyPhrases, dislikes, task };
}

/**
 * Each implied occasion whose words do not name it, as a phrase to read as if named, below the words
 * (IMPLIED_OCCASION_SHARE): "my son graduates next week" had shown the graduation cap, then the clothing
 * beside it, none of what goes with a graduation. Not "졸업식" (a graduation ceremony): its name says it,
 * and its things had crowded out the family it was with.
 */
export function occasionPhrases(occasions: readonly { occasion: string; said: string }[]): { text: string; weight: number }[] {
  return occasions.filter((o) => !o.said.toLocaleLowerCase().includes(o.occasion.toLocaleLowerCase())).map((o) => ({ text: o.occasion, weight: IMPLIED_OCCASION_SHARE }));
}
