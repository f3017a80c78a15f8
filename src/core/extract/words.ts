// One chat turn as a list of analysed words: each token with its lemma or stem (from the language
// pack of its script, src/core/lang/), whether it can carry a topic, and where clauses break.
// Everything downstream (key phrases, preference patterns, the task classifier's features) reads
// this, so the text is parsed once.
import type { Lexicon, WordKind } from '../lang/pack.ts';
import { isStopword, LANGUAGE_PACKS, packForScript, TIME_DETERMINERS, TIME_NOUNS } from '../lang/packs.ts';
import { detectLanguage, type LanguageEvidence } from './language.ts';
import { normalizeInput, tokenize, type Script } from './tokens.ts';

export type { WordKind };

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

const isDate = (norm: string, previousSurface: string | undefined) =>
  LANGUAGE_PACKS.some((p) => p.time.isDate?.(norm, previousSurface) ?? false);

export function analyseTurn(text: string, lexicon?: Lexicon): AnalysedTurn {
  const normalized = normalizeInput(text);
  const tokens = tokenize(normalized);
  const evidence = detectLanguage(tokens);
  const words: Word[] = [];
  let breakNext = true;
  let connectiveBefore = false; // the previous word was a predicate with a clause-closing ending
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const pack = packForScript(t.script);
    if (connectiveBefore && !(pack?.clause.continuesClause?.(t.text) ?? false)) breakNext = true;
    connectiveBefore = false;
    if (t.script === 'punct') {
      words.push({ surface: t.text, norm: t.text, script: t.script, kind: 'punct', suffixes: [], content: false, clauseStart: breakNext });
      breakNext = true;
      continue;
    }
    const { norm, kind, suffixes } = pack
      ? pack.analyseWord(t.text, lexicon)
      : { norm: t.text, kind: t.script === 'number' ? ('number' as const) : ('word' as const), suffixes: [] };
    const clauseStart = breakNext || (pack?.clause.openers.has(t.text) ?? false);
    breakNext = false;
    const prev = words[words.length - 1];
    const glued = t.glued && prev?.kind === 'number'; // "5월에": a date
    const timeExpr =
      glued ||
      (TIME_NOUNS.has(norm) && prev !== undefined && TIME_DETERMINERS.has(prev.norm)) ||
      isDate(norm, prev?.surface);
    const namesNothing = (pack?.namesNothingAfter?.(norm, prev?.surface) ?? false)
      || (pack?.time.modifiesTime?.(norm, tokens[i + 1]?.text.toLowerCase()) ?? false);
    const content =
      !namesNothing &&
      kind !== 'predicate' &&
      kind !== 'number' &&
      !timeExpr &&
      !TIME_DETERMINERS.has(norm) &&
      !isStopword(norm) &&
      !isStopword(t.text) &&
      norm.length >= (pack?.minContentChars ?? 0);
    words.push({ surface: t.text, norm, script: t.script, kind, suffixes, content, clauseStart });
    if (pack?.clause.closesClause?.(t.text, kind)) connectiveBefore = true;
  }
  return { normalized, words, evidence };
}
