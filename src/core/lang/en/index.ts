// The English language pack: lemmas by a light plural rule (./lemma.ts), stop words, time and clause
// words, preference cues (./preferences.ts) and replies (./reply.ts).
import { englishSituation } from './situation.ts';
import type { LanguagePack } from '../pack.ts';
import { lemmatizeEnglish } from './lemma.ts';
import { englishPreferences } from './preferences.ts';
import { englishReply } from './reply.ts';
import { ENGLISH_STOPWORDS } from './stopwords.ts';
import { ENGLISH_SYSTEM_ADDRESS } from './system-address.ts';

/** "next week", "this winter", "good morning", "all day", "after work": a time, not a topic. */
const TIME_DETERMINERS = new Set(['good', 'this', 'next', 'last', 'every', 'each', 'coming', 'tonight', 'all', 'whole', 'entire', 'after', 'before']);
const TIME_NOUNS = new Set([
  'day', 'week', 'work', 'weekend', 'month', 'year', 'winter', 'summer', 'spring', 'fall', 'autumn', 'morning', 'evening',
  'night', 'afternoon', 'time', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
const CLAUSE_OPENERS = new Set(['but', 'though', 'although', 'however', 'instead', 'then', 'because', 'so']);
/** "a", "i", "k": too weak to call a Korean message mixed. */
const MIN_EVIDENCE_CHARS = 2;
const MIN_CONTENT_CHARS = 2;

export const englishPack: LanguagePack & { readonly code: 'en' } = {
  code: 'en',
  script: 'latin',
  detect: /\p{Script=Latin}/u,
  minEvidenceChars: MIN_EVIDENCE_CHARS,
  minContentChars: MIN_CONTENT_CHARS,
  analyseWord: (surface, lexicon) => ({ norm: lemmatizeEnglish(surface, lexicon), kind: 'word', suffixes: [] }),
  keyForm: (word) => lemmatizeEnglish(word),
  isStopword: (term) => ENGLISH_STOPWORDS.has(term),
  time: {
    determiners: TIME_DETERMINERS,
    nouns: TIME_NOUNS,
    // "in may" is a month; "may" alone is a modal verb.
    isDate: (norm, previousSurface) => MONTHS.has(norm) && (previousSurface === 'in' || norm !== 'may'),
    isCalendarWord: (norm) => WEEKDAYS.has(norm) || MONTHS.has(norm),
  },
  clause: { openers: CLAUSE_OPENERS },
  phrases: { particleEndsPhrase: false, modifierKeepsSurface: false },
  catalog: {
    conjunction: '\\band\\b',
    flagWords: ['flag'],
    colorWords: {
      red: ['red'], orange: ['orange'], yellow: ['yellow'], green: ['green'], blue: ['blue'], purple: ['purple', 'violet'],
      pink: ['pink'], brown: ['brown'], black: ['black'], white: ['white'], grey: ['grey', 'gray'],
    },
  },
  systemAddress: ENGLISH_SYSTEM_ADDRESS,
  preferences: englishPreferences,
  situation: englishSituation,
  reply: englishReply,
};
