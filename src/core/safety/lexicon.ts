// The lexicon guard: curated word lists matched on normalised units (see normalize.ts) with word
// boundaries, split-letter, leet, mask and repeated-letter tolerance. Pure and synchronous. Only the
// checking lives here; the lists are curated and compiled into public/models/safety/lexicon.json by
// tools/safety/ (curation.ts, compile-lexicon.ts), run from tools/train-safety-model.ts.
import { z } from 'zod';
import { Script, toUnits, UnitKind, type UnitStream } from './normalize.ts';
import { BenignSensesSchema, createSenseFilter } from './senses.ts';

export const CATEGORIES = ['sexual', 'profanity', 'hate', 'violence', 'self-harm'] as const;
export type SafetyCategory = (typeof CATEGORIES)[number];

export type LexiconLanguage = 'en' | 'ko';

export const LEXICON_FORMAT = 'safety-lexicon';
export const LEXICON_VERSION = 1;

/** Term flags in the shipped file. */
export const TermFlag = Object.freeze({
  /** May start inside a word (distinctive entries no everyday word contains). */
  Unanchored: 1,
  /** No English inflection suffix (-s, -ed, -ing, ...) after the entry. */
  NoSuffix: 2,
});

const TermSchema = z.tuple([z.string().min(1).max(64), z.enum(['en', 'ko']), z.enum(CATEGORIES), z.number().int().min(0).max(3)]);
export const LexiconDataSchema = z.object({
  format: z.literal(LEXICON_FORMAT),
  version: z.literal(LEXICON_VERSION),
  sources: z.array(z.object({ name: z.string(), version: z.string(), license: z.string() })),
  /** [entry as written, language, category, flags] */
  terms: z.array(TermSchema).min(1),
  /** [everyday word or phrase, language]: matches entirely inside one are ignored. */
  allow: z.array(z.tuple([z.string().min(1), z.enum(['en', 'ko'])])),
  /** Benign senses of listed words, from WordNet (see senses.ts); absent in older files. */
  benign: BenignSensesSchema.optional(),
});
export type LexiconData = z.infer<typeof LexiconDataSchema>;

export class SafetyDataError extends Error {
  override name = 'SafetyDataError';
}

export interface LexiconMatch {
  term: string;
  category: SafetyCategory;
  /** UTF-16 span in the checked text, end exclusive. */
  start: number;
  end: number;
}

export interface LexiconResult {
  verdict: 'safe' | 'unsafe';
  categories: string[];
  matches: LexiconMatch[];
  /** Spans of allowed everyday words/phrases that suppressed a match ("food porn", "시발점"). */
  allowed: { start: number; end: number }[];
}

export interface LexiconGuard {
  check(text: string): LexiconResult;
  readonly termCount: number;
}

// ---------------------------------------------------------------------------------------------
// Matching.

/** Inflections accepted after an anchored English entry ("bitches", "fucked"); audited against a dictionary. */
const SUFFIXES = new Set(['s', 'es', 'ed', 'er', 'ers', 'ing', 'in', 'z', 'y']);
/** Exploration budget per start position: bounds time on adversarial input. */
const MAX_STEPS_PER_START = 400;
const GAP = ' ';
const MIN_ELONGATION_RUN = 3;
/** Apostrophes match only an apostrophe in an entry ("i'll kill you"). */
const APOSTROPHE = "'";

interface TrieNode {
  id: number;
  next: Map<string, TrieNode>;
  /** Indices into the term table of entries ending here. */
  ends: number[];
  /** Reached through a phrase gap: spaces and separators may be skipped freely. */
  gap: boolean;
}

interface CompiledTerm {
  term: string;
  lang: LexiconLanguage;
  category: SafetyCategory;
  script: number;
  anchored: boolean;
  suffixes: boolean;
}

interface Matcher {
  root: TrieNode;
  terms: CompiledTerm[];
}

let nodeIds = 0;
function newNode(gap: boolean): TrieNode {
  return { id: nodeIds++, next: new Map(), ends: [], gap };
}

/** The symbol sequence of a list entry, read with the same normalisation as text. */
export function termSymbols(entry: string): { symbols: string[]; script: number } {
  const u = toUnits(entry);
  const symbols: string[] = [];
  let script = 0;
  let korean = false;
  for (let k = 0; k < u.length; k++) if (u.script[k] === Script.Hangul || u.script[k] === Script.Jamo) korean = true;
  for (let k = 0; k < u.length; k++) {
    if (u.elong[k]) continue;
    // Digits inside Korean entries are inserted separators ("시1발").
    if (korean && u.script[k] === Script.Digit) continue;
    const kind = u.kind[k]!;
    if (kind === UnitKind.Letter || kind === UnitKind.Leet) {
      const s = kind === UnitKind.Leet && u.alt[k] ? u.alt[k]![0]! : u.sym[k]!;
      if (!s) continue;
      symbols.push(s);
      if (!script) script = kind === UnitKind.Leet && u.script[k] === Script.Digit ? Script.Latin : u.script[k]!;
    } else if (kind === UnitKind.Apostrophe && symbols.length) {
      symbols.push(APOSTROPHE);
    } else if (kind === UnitKind.Space && symbols.length && symbols[symbols.length - 1] !== GAP) {
      symbols.push(GAP);
    }
  }
  while (symbols[symbols.length - 1] === GAP) symbols.pop();
  return { symbols, script: script || Script.Other };
}

function buildMatcher(entries: { term: string; lang?: LexiconLanguage; category: SafetyCategory; flags: number }[]): Matcher {
  const root = newNode(false);
  const terms: CompiledTerm[] = [];
  for (const e of entries) {
    const { symbols, script } = termSymbols(e.term);
    if (!symbols.length) continue;
    let node = root;
    for (const s of symbols) {
      let child = node.next.get(s);
      if (!child) {
        child = newNode(s === GAP);
        node.next.set(s, child);
      }
      node = child;
    }
    node.ends.push(terms.length);
    terms.push({
      term: e.term,
      lang: e.lang ?? 'en',
      category: e.category,
      script,
      anchored: (e.flags & TermFlag.Unanchored) === 0,
      suffixes: (e.flags & TermFlag.NoSuffix) === 0,
    });
  }
  return { root, terms };
}

interface RawMatch {
  termIndex: number;
  first: number;
  last: number;
}

const isWordLetter = (u: UnitStream, k: number, script: number): boolean =>
  k >= 0 && k < u.length && u.kind[k] === UnitKind.Letter && u.script[k] === script;

/** Does the word continue after `next` only with an accepted suffix? */
function endOk(u: UnitStream, next: number, t: CompiledTerm): boolean {
  if (t.script !== Script.Latin) return true; // Korean: particles follow nouns; other scripts: no boundary rule
  let rest = '';
  let k = next;
  while (isWordLetter(u, k, Script.Latin) && rest.length < 4) rest += u.sym[k++];
  if (!rest) return true;
  if (isWordLetter(u, k, Script.Latin)) return false;
  return t.suffixes && SUFFIXES.has(rest);
}

function startOk(u: UnitStream, first: number, script: number): boolean {
  const p = first - 1;
  if (p < 0) return true;
  if (script === Script.Hangul) return !(u.kind[p] !== UnitKind.Space && (u.script[p] === Script.Hangul || u.script[p] === Script.Digit));
  if (script === Script.Latin) return !isWordLetter(u, p, Script.Latin);
  return true;
}

/** The single-letter token rule: "f u c k", "씨 발". */
function canSkipSpace(u: UnitStream, last: number, k: number): boolean {
  if (u.tokenLetters[last] !== 1) return false;
  let j = k;
  while (j < u.length && u.kind[j] === UnitKind.Space) j++;
  return j < u.length && u.tokenLetters[j] === 1;
}

const isLetterUnit = (u: UnitStream, k: number): boolean => k >= 0 && k < u.length && (u.kind[k] === UnitKind.Letter || u.kind[k] === UnitKind.Leet);
const isMaskUnit = (u: UnitStream, k: number): boolean => k >= 0 && k < u.length && u.kind[k] === UnitKind.Mask;

/**
 * Masks alternating with single letters ("M*A*S*H", "f*u*c*k") separate letters; they hide none.
 * Read as hidden letters they turned the film title "M*A*S*H" into "a(s)s".
 */
function maskIsSeparator(u: UnitStream, k: number): boolean {
  return isLetterUnit(u, k - 1) && isLetterUnit(u, k + 1) && (isMaskUnit(u, k - 2) || isMaskUnit(u, k + 2));
}

interface State {
  node: TrieNode;
  pos: number;
  last: string;
  lastUnit: number;
  real: number;
  leet: number;
  mask: number;
}

function scan(m: Matcher, u: UnitStream, out: RawMatch[]): void {
  const stack: State[] = [];
  const seen = new Set<number>();
  const visit = (st: State): void => {
    // Paths that reach the same trie node at the same position continue identically: explore one.
    const key = st.node.id * (u.length + 1) + st.pos;
    if (seen.has(key)) return;
    seen.add(key);
    stack.push(st);
  };
  for (let s = 0; s < u.length; s++) {
    const kind = u.kind[s]!;
    if (!(kind === UnitKind.Letter || kind === UnitKind.Leet) || u.elong[s]) continue;
    // Inside an elongated run ("ssssshit") a match from the run's first letter covers this start.
    if (kind === UnitKind.Letter && u.runLength[s]! >= MIN_ELONGATION_RUN && s > 0 && u.sym[s - 1] === u.sym[s] && u.kind[s - 1] === UnitKind.Letter) continue;
    const firstSyms = kind === UnitKind.Letter ? u.sym[s]! : u.sym[s]! + u.alt[s]!;
    let any = false;
    for (const c of firstSyms) if (m.root.next.has(c)) any = true;
    if (!any) continue;
    stack.length = 0;
    seen.clear();
    for (const c of new Set(firstSyms)) {
      const child = m.root.next.get(c);
      if (!child) continue;
      const real = kind === UnitKind.Letter || c === u.sym[s] ? 1 : 0;
      const st: State = { node: child, pos: s + 1, last: c, lastUnit: s, real, leet: 1 - real, mask: 0 };
      stack.push(st);
      emit(m, u, st, s, out);
    }
    let steps = 0;
    while (stack.length && steps++ < MAX_STEPS_PER_START) {
      const st = stack.pop()!;
      const { node, pos } = st;
      // Phrase gap: may move into it without consuming.
      const gapChild = node.next.get(GAP);
      if (gapChild) visit({ ...st, node: gapChild });
      if (pos >= u.length) continue;
      const k = pos;
      const kk = u.kind[k]!;
      if (kk === UnitKind.Letter || kk === UnitKind.Leet) {
        if (u.elong[k]) {
          visit({ ...st, pos: k + 1, lastUnit: k });
          continue;
        }
        const sym = u.sym[k]!;
        const cands = kk === UnitKind.Letter ? sym : sym + u.alt[k]!;
        for (const c of new Set(cands)) {
          const isReal = kk === UnitKind.Letter || c === sym;
          // Elongation ("fuuuck", three or more): absorbed without advancing. Doubles are not
          // ("rapping" is not "raping", "annals" is not "anal").
          if (c === st.last && u.runLength[k]! >= MIN_ELONGATION_RUN) {
            const ns: State = { ...st, pos: k + 1, lastUnit: k };
            visit(ns);
            emit(m, u, ns, s, out);
          }
          const child = node.next.get(c);
          if (child) {
            const ns: State = { node: child, pos: k + 1, last: c, lastUnit: k, real: st.real + (isReal ? 1 : 0), leet: st.leet + (isReal ? 0 : 1), mask: st.mask };
            visit(ns);
            emit(m, u, ns, s, out);
          }
        }
        // A Leet unit may also be punctuation inside a split word ("f!u!c!k" reads as letters anyway).
        if (kk === UnitKind.Leet && u.script[k] !== Script.Digit) visit({ ...st, pos: k + 1 });
        else if (kk === UnitKind.Leet && u.script[k] === Script.Digit && u.script[st.lastUnit] === Script.Hangul) visit({ ...st, pos: k + 1 });
      } else if (kk === UnitKind.Mask) {
        // "f*ck": any one letter; or "f*u*c*k": a separator.
        if (st.real >= 1 && !maskIsSeparator(u, k)) {
          for (const [c, child] of node.next) {
            if (c === GAP) continue;
            const ns: State = { node: child, pos: k + 1, last: c, lastUnit: k, real: st.real, leet: st.leet, mask: st.mask + 1 };
            visit(ns);
            emit(m, u, ns, s, out);
          }
        }
        visit({ ...st, pos: k + 1 });
      } else if (kk === UnitKind.Apostrophe) {
        const child = node.next.get(APOSTROPHE);
        if (child) visit({ ...st, node: child, pos: k + 1, lastUnit: k });
      } else if (kk === UnitKind.Sep) {
        visit({ ...st, pos: k + 1 });
      } else if (kk === UnitKind.Space) {
        if (node.gap || canSkipSpace(u, st.lastUnit, k)) visit({ ...st, pos: k + 1 });
      }
    }
  }
}

function emit(m: Matcher, u: UnitStream, st: State, first: number, out: RawMatch[]): void {
  if (!st.node.ends.length) return;
  for (const ti of st.node.ends) {
    const t = m.terms[ti]!;
    if (st.real < 1) continue;
    if (t.script === Script.Latin && (st.leet + st.mask > st.real + 1 || (st.mask > 0 && st.real < 2))) continue;
    if (t.anchored && !startOk(u, first, t.script)) continue;
    if (!endOk(u, st.lastUnit + 1, t)) continue;
    out.push({ termIndex: ti, first, last: st.lastUnit });
  }
}

export interface LexiconGuardOptions {
  /**
   * More allowed phrases, beside the file's: the titles of the catalog being served, so that naming an
   * item ("The Bank Dick", "Jackass Number Two") is not refused while the listed word alone still is.
   * One-word phrases are ignored: a title that is only the word ("Dick") cannot be told from the word.
   */
  readonly allow?: readonly string[];
}

/** Builds the guard; throws SafetyDataError on a file that is not a valid lexicon. */
export function createLexiconGuard(data: unknown, options: LexiconGuardOptions = {}): LexiconGuard {
  const parsed = LexiconDataSchema.safeParse(data);
  if (!parsed.success) throw new SafetyDataError(`invalid safety lexicon: ${parsed.error.issues[0]?.message ?? 'unknown'} at ${parsed.error.issues[0]?.path.join('.') ?? ''}`);
  const lex = parsed.data;
  const matcher = buildMatcher(lex.terms.map(([term, lang, category, flags]) => ({ term, lang, category, flags })));
  const senses = createSenseFilter(lex.benign);
  const plainForms = new Set(lex.terms.map(([term]) => termSymbols(term).symbols.join('')));
  const isListed = (word: string): boolean => plainForms.has(word);
  const extra = (options.allow ?? []).filter((phrase) => /\S\s+\S/u.test(phrase));
  const allowPhrases = [...lex.allow.map(([term]) => term), ...extra];
  const allow = buildMatcher(allowPhrases.map((term) => ({ term, category: 'profanity' as const, flags: 0 })));
  return {
    termCount: matcher.terms.length,
    check(text: string): LexiconResult {
      if (typeof text !== 'string') throw new TypeError('check(text) expects a string');
      const u = toUnits(text);
      const raw: RawMatch[] = [];
      scan(matcher, u, raw);
      if (!raw.length) return { verdict: 'safe', categories: [], matches: [], allowed: [] };
      const protectedSpans: RawMatch[] = [];
      scan(allow, u, protectedSpans);
      const seen = new Set<string>();
      const matches: LexiconMatch[] = [];
      const allowed = new Map<string, { start: number; end: number }>();
      // An allowed phrase shields only as written (case, width and punctuation aside): "시1발택시" and "food p0rn"
      // show intent. A Korean one addressed to someone is not the everyday word ("병신년아": 丙申年 is a year).
      const plain = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
      const shields = protectedSpans.filter((p) => {
        const start = u.start[p.first]!;
        const end = u.end[p.last]!;
        if (plain(text.slice(start, end)) !== plain(allowPhrases[p.termIndex]!)) return false;
        return !(u.script[p.last] === Script.Hangul && /^[아야들]/u.test(text.slice(end)));
      });
      for (const r of raw) {
        const shield = shields.find((p) => p.first <= r.first && r.last <= p.last);
        if (shield) {
          allowed.set(`${shield.first}:${shield.last}`, { start: u.start[shield.first]!, end: u.end[shield.last]! });
          continue;
        }
        const t = matcher.terms[r.termIndex]!;
        const start = u.start[r.first]!;
        const end = u.end[r.last]!;
        // The everyday sense shown by the words around it ("pussy willow", "boner (a blunder)").
        if (senses.clears(text, { term: t.term, lang: t.lang, start, end, category: t.category }, isListed)) {
          allowed.set(`${r.first}:${r.last}`, { start, end });
          continue;
        }
        const key = `${r.termIndex}:${r.first}`;
        if (seen.has(key)) continue;
        seen.add(key);
        matches.push({ term: t.term, category: t.category, start, end });
      }
      matches.sort((a, b) => a.start - b.start || b.end - a.end);
      const categories = [...new Set(matches.map((x) => x.category))];
      return { verdict: matches.length ? 'unsafe' : 'safe', categories, matches, allowed: [...allowed.values()] };
    },
  };
}
