// Language of a turn, by script: the compact engine only needs to know which reply language and
// which stemmer to use. Words are counted, not characters, so one Hangul word weighs like one Latin word.
import type { Language } from '../intent.ts';
import type { Token } from './tokens.ts';

/** Latin words this short ("a", "i", "k") are too weak to call a Korean message mixed. */
const MIN_LATIN_WORD_CHARS = 2;

export interface LanguageEvidence {
  readonly language: Language;
  readonly hangulWords: number;
  readonly latinWords: number;
}

export function detectLanguage(tokens: readonly Token[]): LanguageEvidence {
  let hangulWords = 0;
  let latinWords = 0;
  for (const t of tokens) {
    if (t.script === 'hangul') hangulWords++;
    else if (t.script === 'latin' && t.text.length >= MIN_LATIN_WORD_CHARS) latinWords++;
  }
  const language: Language =
    hangulWords > 0 && latinWords > 0 ? 'mixed'
    : hangulWords > 0 ? 'ko'
    : latinWords > 0 ? 'en'
    : 'unknown';
  return { language, hangulWords, latinWords };
}

/** The language to reply in: the script with more words; English when there is nothing to go on. */
export function replyLanguage(evidence: LanguageEvidence): 'en' | 'ko' {
  return evidence.hangulWords > evidence.latinWords ? 'ko' : 'en';
}
