// One chat turn as a list of analysed words: each token with its lemma (English) or stem (Korean),
// whether it can carry a topic, and where clauses break. Everything downstream (key phrases,
// preference patterns, the task classifier's features) reads this, so the text is parsed once.
import { detectLanguage, type LanguageEvidence } from './language.ts';
import { lemmatizeEnglish, type Lexicon } from './lemma-en.ts';
import { stemKorean, type KoreanWordKind } from './stem-ko.ts';
import { isStopword } from './stopwords.ts';
import { normalizeInput, tokenize, type Script } from './tokens.ts';

export type WordKind = KoreanWordKind | 'word' | 'number' | 'punct';

export interface Word {
  /** The normalised token as typed ("고양이를", "cats"). */
  readonly surface: string;
  /** Lemma or stem ("고양이", "cat"); the surface for punctuation and numbers. */
  readonly norm: string;
  readonly script: Script;
  readonly kind: WordKind;
  /** Korean particles or endings stripped from the surface, outermost last. */
  readonly suffixes: readonly string[];
  /** Can be part of a key phrase: not a function word, not a predicate, not a time expression. */
  readonly content: boolean;
  /** A clause boundary precedes this word (punctuation, "but", a Korean connective ending). */
  readonly clauseStart: boolean;
}

export interface AnalysedTurn {
  readonly normalized: string;
  readonly words: readonly Word[];
  readonly evidence: LanguageEvidence;
}

/** "next week", "this winter", "이번 주말": a time, not a topic. */
const TIME_DETERMINERS = new Set(['good', 'this', 'next', 'last', 'every', 'each', 'coming', 'tonight', '이번', '다음', '지난', '올', '매', '오늘', '내일', '어제', '올해', '이번주', '다음주']);
const TIME_NOUNS = new Set([
  'week', 'weekend', 'month', 'year', 'winter', 'summer', 'spring', 'fall', 'autumn', 'morning', 'evening',
  'night', 'afternoon', 'time', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  '주', '주말', '달', '겨울', '여름', '봄', '가을', '아침', '저녁', '밤', '해', '오후', '오전', '시간',
]);
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
const EN_CLAUSE_WORDS = new Set(['but', 'though', 'although', 'however', 'instead', 'then', 'because', 'so']);
/** Korean connective endings that close a clause ("가는데", "빼고", "싫어서"). */
const KO_CLAUSE_ENDINGS = /(?:는데|은데|ㄴ데|던데|지만|니까|어서|아서|해서|고)$/;
const MIN_CONTENT_CHARS_LATIN = 2;
/** Auxiliary predicates continue the clause of the verb before them ("보고 싶지 않아", "먹고 싶어"). */
const KO_AUXILIARY = /^(?:싶|있|않|주|줘|줄|보|봐|계|말)/;
/** Words for the feed itself: nouns, never topics ("이모지" is not the verb "이모" + "지"). */
const FEED_NOUNS = new Set(['사진', '스티커', '이모지', '이모티콘', '그림', '이미지', '아이콘', '피드']);
/** Particles tried on a one-syllable word the stemmer left whole ("주에" -> "주"), if what remains is a function word. */
const SHORT_WORD_PARTICLES = ['에서', '에', '은', '는', '을', '를', '이', '가', '도', '만', '로', '랑'];

export function analyseTurn(text: string, lexicon?: Lexicon): AnalysedTurn {
  const normalized = normalizeInput(text);
  const tokens = tokenize(normalized);
  const evidence = detectLanguage(tokens);
  const words: Word[] = [];
  let breakNext = true;
  let connectiveBefore = false; // the previous word was a Korean predicate with a connective ending
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (connectiveBefore && !(t.script === 'hangul' && KO_AUXILIARY.test(t.text))) breakNext = true;
    connectiveBefore = false;
    if (t.script === 'punct') {
      words.push({ surface: t.text, norm: t.text, script: t.script, kind: 'punct', suffixes: [], content: false, clauseStart: breakNext });
      breakNext = true;
      continue;
    }
    let norm = t.text;
    let kind: WordKind = 'word';
    let suffixes: readonly string[] = [];
    if (t.script === 'hangul') {
      const s = stemKorean(t.text, lexicon);
      norm = s.stem;
      kind = s.kind;
      suffixes = s.suffixes;
      if (FEED_NOUNS.has(t.text)) [norm, kind, suffixes] = [t.text, 'noun', []];
      else if (kind === 'bare') {
        const p = SHORT_WORD_PARTICLES.find((x) => t.text.endsWith(x) && t.text.length > x.length);
        const rest = p ? t.text.slice(0, -p.length) : '';
        if (p && (isStopword(rest) || TIME_NOUNS.has(rest))) [norm, kind, suffixes] = [rest, 'noun', [p]];
      }
    } else if (t.script === 'latin') {
      norm = lemmatizeEnglish(t.text, lexicon);
    } else if (t.script === 'number') {
      kind = 'number';
    }
    const clauseStart = breakNext || (t.script === 'latin' && EN_CLAUSE_WORDS.has(t.text));
    breakNext = false;
    const prev = words[words.length - 1];
    const glued = t.glued && prev?.kind === 'number'; // "5월에": a date
    const timeExpr =
      glued ||
      (TIME_NOUNS.has(norm) && prev !== undefined && TIME_DETERMINERS.has(prev.norm)) ||
      (MONTHS.has(norm) && prev?.surface === 'in') ||
      (MONTHS.has(norm) && t.script === 'latin' && norm !== 'may');
    const content =
      kind !== 'predicate' &&
      kind !== 'number' &&
      !timeExpr &&
      !TIME_DETERMINERS.has(norm) &&
      !isStopword(norm) &&
      !isStopword(t.text) &&
      (t.script !== 'latin' || norm.length >= MIN_CONTENT_CHARS_LATIN);
    words.push({ surface: t.text, norm, script: t.script, kind, suffixes, content, clauseStart });
    if (t.script === 'hangul' && kind === 'predicate' && KO_CLAUSE_ENDINGS.test(t.text)) connectiveBefore = true;
  }
  return { normalized, words, evidence };
}
