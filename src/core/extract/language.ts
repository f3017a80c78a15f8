// Language of a turn, by script: the compact engine only needs to know which reply language and
// which language pack reads each word. Words are counted, not characters, so one Hangul word weighs
// like one Latin word.
import type { Language } from '../intent.ts';
import { LANGUAGE_PACKS, type PackLanguage } from '../lang/packs.ts';
import type { Token } from './tokens.ts';

export interface LanguageEvidence {
  readonly language: Language;
  /** Words per pack language (words shorter than the pack's minEvidenceChars not counted). */
  readonly words: Readonly<Record<PackLanguage, number>>;
}

export function detectLanguage(tokens: readonly Token[]): LanguageEvidence {
  const words = Object.fromEntries(LANGUAGE_PACKS.map((p) => [p.code, 0])) as Record<PackLanguage, number>;
  for (const t of tokens) {
    const pack = LANGUAGE_PACKS.find((p) => p.script === t.script);
    if (pack && t.text.length >= pack.minEvidenceChars) words[pack.code]++;
  }
  const present = LANGUAGE_PACKS.filter((p) => words[p.code] > 0);
  const language: Language = present.length > 1 ? 'mixed' : present.length === 1 ? present[0]!.code : 'unknown';
  return { language, words };
}

/** The language to reply in: the pack with more words; the first pack (English) when nothing decides. */
export function replyLanguage(evidence: LanguageEvidence): PackLanguage {
  let best: PackLanguage = LANGUAGE_PACKS[0].code;
  for (const p of LANGUAGE_PACKS) if (evidence.words[p.code] > evidence.words[best]) best = p.code;
  return best;
}
