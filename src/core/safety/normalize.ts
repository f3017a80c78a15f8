// Turns text into a stream of comparable units for the safety matchers, undoing common evasions
// while remembering where each unit came from in the original string (so matches point at it).
//
// Per code point: drop invisible characters (zero-width, joiners, bidi controls, variation
// selectors, soft hyphen, apostrophes), NFKC (full-width, ligatures, circled letters), lower case,
// strip diacritics, map Cyrillic/Greek look-alikes to Latin. Then Hangul is decomposed to jamo and
// recomposed greedily, so "ㅅㅣㅂㅏㄹ", "시발" and conjoining-jamo input become the same syllables.
// Digits and symbols that stand for letters ("4", "$", "!") are kept ambiguous (UnitKind.Leet): the
// matcher may read them as a letter or as a separator.

export const UnitKind = Object.freeze({
  Letter: 1,
  /** A digit or symbol that may stand for a letter ("4" -> a) or be a separator. */
  Leet: 2,
  /** "*" or "#": may hide any one letter ("f*ck") or be a separator. */
  Mask: 3,
  Sep: 4,
  Space: 5,
  /** An apostrophe: part of the token ("it's"), never skipped inside a match ("who're" is not "whore"). */
  Apostrophe: 6,
});
export type UnitKindValue = (typeof UnitKind)[keyof typeof UnitKind];

export const Script = Object.freeze({
  Latin: 1,
  Hangul: 2,
  /** Lone jamo that did not compose into a syllable ("ㅅㅂ"). */
  Jamo: 3,
  Digit: 4,
  Other: 5,
});
export type ScriptValue = (typeof Script)[keyof typeof Script];

export interface UnitStream {
  readonly length: number;
  /** The unit itself: a Latin letter, a Hangul syllable, a jamo, a digit, another letter or symbol; '' for separators. */
  readonly sym: string[];
  /** Letters a Leet unit may stand for ('' if none). */
  readonly alt: string[];
  readonly kind: Uint8Array;
  readonly script: Uint8Array;
  /** 1 for a Hangul elongation syllable ("시이이발": each "이" after "시"), absorbed by the matcher. */
  readonly elong: Uint8Array;
  /** Length of the run of identical letters this unit is in ("fuuuck": 3 for each u). */
  readonly runLength: Int32Array;
  /** Letters (Letter/Leet/Mask units) in this unit's whitespace-delimited token. */
  readonly tokenLetters: Int32Array;
  /** Span in the original string, UTF-16 code units, end exclusive. */
  readonly start: Int32Array;
  readonly end: Int32Array;
}

/** Removed outright: they render as nothing or are used only to split words invisibly. */
const INVISIBLE =
  /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]|[\u{e0000}-\u{e007f}\u{e0100}-\u{e01ef}]/u;
const COMBINING = /\p{M}/u;
const SPACE = /[\s\p{Z}]/u;
const LETTER = /\p{L}/u;
const SYMBOL_LITERAL = /[\p{So}\p{Sk}]/u;

/** Cyrillic and Greek letters that look like Latin ones (lower case, after NFKC). */
const CONFUSABLES: Readonly<Record<string, string>> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ɡ: 'g', һ: 'h', ӏ: 'l', ԛ: 'q', ԝ: 'w', ᴀ: 'a',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ς: 's',
  ø: 'o', đ: 'd', ł: 'l', ı: 'i', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'p',
};

/** What a digit or symbol may stand for. */
const LEET: Readonly<Record<string, string>> = {
  '0': 'o', '1': 'il', '2': '', '3': 'e', '4': 'a', '5': 's', '6': 'g', '7': 't', '8': 'b', '9': 'g',
  '@': 'a', $: 's', '!': 'il', '|': 'il', '+': 't', '€': 'e', '¢': 'c', '(': 'c', '¡': 'i', '£': 'l',
  '¥': 'y', '§': 's', '%': '', '^': '', '~': '', '&': '', '=': '', '<': 'c', '[': 'c', '{': 'c',
};
const MASK = new Set(['*', '#']);

// Hangul: compatibility jamo as the identity of every consonant and vowel.
const HANGUL_BASE = 0xac00;
const HANGUL_LAST = 0xd7a3;
const INITIALS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const VOWELS = 'ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ';
const FINALS = ['', 'ㄱ', 'ㄲ', 'ㄳ', 'ㄴ', 'ㄵ', 'ㄶ', 'ㄷ', 'ㄹ', 'ㄺ', 'ㄻ', 'ㄼ', 'ㄽ', 'ㄾ', 'ㄿ', 'ㅀ', 'ㅁ', 'ㅂ', 'ㅄ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ'];
const FINAL_INDEX = new Map(FINALS.map((f, i) => [f, i] as const));
const VOWEL_PAIRS: Readonly<Record<string, string>> = {
  ㅗㅏ: 'ㅘ', ㅗㅐ: 'ㅙ', ㅗㅣ: 'ㅚ', ㅜㅓ: 'ㅝ', ㅜㅔ: 'ㅞ', ㅜㅣ: 'ㅟ', ㅡㅣ: 'ㅢ',
};
const FINAL_PAIRS: Readonly<Record<string, string>> = {
  ㄱㅅ: 'ㄳ', ㄴㅈ: 'ㄵ', ㄴㅎ: 'ㄶ', ㄹㄱ: 'ㄺ', ㄹㅁ: 'ㄻ', ㄹㅂ: 'ㄼ', ㄹㅅ: 'ㄽ', ㄹㅌ: 'ㄾ', ㄹㅍ: 'ㄿ', ㄹㅎ: 'ㅀ', ㅂㅅ: 'ㅄ',
};
// Conjoining jamo (U+1100 block) -> compatibility jamo.
const CONJ_INITIAL_TO_COMPAT = INITIALS; // U+1100..U+1112 in the same order
const CONJ_FINAL_TO_COMPAT = FINALS.slice(1); // U+11A8..U+11C2 in the same order

interface RawUnit {
  sym: string;
  alt: string;
  kind: UnitKindValue;
  script: ScriptValue;
  start: number;
  end: number;
  /** For jamo awaiting composition: 'C' consonant or 'V' vowel. */
  jamo?: 'C' | 'V';
}

/** NFKC turns compatibility jamo into conjoining ones, some outside the modern ranges ("ㅄ" -> U+1121): map back. */
const COMPAT_OF_CONJOINING: ReadonlyMap<string, string> = new Map(
  Array.from({ length: 0x3163 - 0x3131 + 1 }, (_, i) => String.fromCharCode(0x3131 + i)).map((c) => [c.normalize('NFKC'), c] as const),
);

function jamoOf(ch: string): { jamo: 'C' | 'V'; sym: string } | null {
  const c = ch.charCodeAt(0);
  const compat = COMPAT_OF_CONJOINING.get(ch);
  if (compat && (c < 0x1100 || c > 0x1112) && (c < 0x1161 || c > 0x1175) && (c < 0x11a8 || c > 0x11c2)) {
    return { jamo: compat >= '\u314f' ? 'V' : 'C', sym: compat };
  }
  if (c >= 0x1100 && c <= 0x1112) return { jamo: 'C', sym: CONJ_INITIAL_TO_COMPAT[c - 0x1100]! };
  if (c >= 0x1161 && c <= 0x1175) return { jamo: 'V', sym: VOWELS[c - 0x1161]! };
  if (c >= 0x11a8 && c <= 0x11c2) return { jamo: 'C', sym: CONJ_FINAL_TO_COMPAT[c - 0x11a8]! };
  if (c >= 0x3131 && c <= 0x314e) return { jamo: 'C', sym: ch };
  if (c >= 0x314f && c <= 0x3163) return { jamo: 'V', sym: ch };
  return null;
}

const APOSTROPHES = new Set(["'", '\u2018', '\u2019', '\u02bc', '`', '\u00b4']);

function pushChar(out: RawUnit[], ch: string, start: number, end: number): void {
  if (APOSTROPHES.has(ch)) {
    out.push({ sym: '', alt: '', kind: UnitKind.Apostrophe, script: Script.Other, start, end });
    return;
  }
  if (SPACE.test(ch)) {
    out.push({ sym: '', alt: '', kind: UnitKind.Space, script: Script.Other, start, end });
    return;
  }
  const mapped = CONFUSABLES[ch];
  if (mapped !== undefined) {
    for (const m of mapped) out.push({ sym: m, alt: '', kind: UnitKind.Letter, script: Script.Latin, start, end });
    return;
  }
  if (ch >= 'a' && ch <= 'z') {
    out.push({ sym: ch, alt: '', kind: UnitKind.Letter, script: Script.Latin, start, end });
    return;
  }
  if (ch >= '0' && ch <= '9') {
    out.push({ sym: ch, alt: LEET[ch] ?? '', kind: UnitKind.Leet, script: Script.Digit, start, end });
    return;
  }
  const jamo = jamoOf(ch);
  if (jamo) {
    out.push({ sym: jamo.sym, alt: '', kind: UnitKind.Letter, script: Script.Jamo, start, end, jamo: jamo.jamo });
    return;
  }
  if (MASK.has(ch)) {
    out.push({ sym: ch, alt: '', kind: UnitKind.Mask, script: Script.Other, start, end });
    return;
  }
  const leet = LEET[ch];
  if (leet !== undefined) {
    out.push({ sym: ch, alt: leet, kind: UnitKind.Leet, script: Script.Other, start, end });
    return;
  }
  if (LETTER.test(ch)) {
    out.push({ sym: ch, alt: '', kind: UnitKind.Letter, script: Script.Other, start, end });
    return;
  }
  if (SYMBOL_LITERAL.test(ch)) {
    // Emoji and other symbols can be list entries themselves; kept literal, skippable like a separator.
    out.push({ sym: ch, alt: '', kind: UnitKind.Leet, script: Script.Other, start, end });
    return;
  }
  out.push({ sym: '', alt: '', kind: UnitKind.Sep, script: Script.Other, start, end });
}

function isInitial(sym: string): boolean {
  return INITIALS.includes(sym);
}

function syllable(l: string, v: string, t: string): string {
  return String.fromCharCode(HANGUL_BASE + (INITIALS.indexOf(l) * 21 + VOWELS.indexOf(v)) * 28 + (FINAL_INDEX.get(t) ?? 0));
}

/** Greedy Hangul composition over runs of adjacent jamo: consonant + vowel (+ final unless a vowel follows). */
function compose(raw: RawUnit[]): RawUnit[] {
  const out: RawUnit[] = [];
  const isC = (k: number): boolean => raw[k]?.jamo === 'C';
  const isV = (k: number): boolean => raw[k]?.jamo === 'V';
  let i = 0;
  while (i < raw.length) {
    const u = raw[i]!;
    if (u.jamo === 'C' && isInitial(u.sym) && isV(i + 1)) {
      let v = raw[i + 1]!.sym;
      let j = i + 2;
      while (isV(j) && VOWEL_PAIRS[v + raw[j]!.sym]) {
        v = VOWEL_PAIRS[v + raw[j]!.sym]!;
        j++;
      }
      let t = '';
      if (isC(j) && FINAL_INDEX.has(raw[j]!.sym) && !isV(j + 1)) {
        t = raw[j]!.sym;
        j++;
        const pair = FINAL_PAIRS[t + (raw[j]?.sym ?? '')];
        if (isC(j) && pair && !isV(j + 1)) {
          t = pair;
          j++;
        }
      }
      out.push({ sym: syllable(u.sym, v, t), alt: '', kind: UnitKind.Letter, script: Script.Hangul, start: u.start, end: raw[j - 1]!.end });
      i = j;
    } else {
      const { jamo: _drop, ...rest } = u;
      // A lone compound consonant reads as its parts: "ㅄ" is "ㅂㅅ".
      const parts = SPLIT_FINAL[rest.sym];
      if (parts) for (const p of parts) out.push({ ...rest, sym: p });
      else out.push(rest);
      i++;
    }
  }
  return out;
}

function syllableParts(s: string): { l: number; v: number; t: number } | null {
  const c = s.charCodeAt(0);
  if (s.length !== 1 || c < HANGUL_BASE || c > HANGUL_LAST) return null;
  const o = c - HANGUL_BASE;
  return { l: Math.floor(o / 588), v: Math.floor((o % 588) / 28), t: o % 28 };
}

const IEUNG = INITIALS.indexOf('ㅇ');

/** Squared, negative circled and negative squared Latin capitals and regional indicators: NFKC leaves them. */
function enclosedLetter(cp: number): string {
  for (const base of [0x1f130, 0x1f150, 0x1f170, 0x1f1e6]) {
    if (cp >= base && cp < base + 26) return String.fromCharCode(97 + cp - base);
  }
  return '';
}

const SPLIT_FINAL: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(FINAL_PAIRS).map(([pair, c]) => [c, pair]));

/**
 * Hangul elongation: "시이이발" (each 이 repeats 시's vowel) and "병시이인" (the last one carries the final:
 * 병신). Marks the repeats and moves a carried final onto the syllable they repeat.
 */
function markElongation(units: RawUnit[]): Uint8Array {
  const elong = new Uint8Array(units.length);
  let base = -1; // index of the open syllable being repeated
  for (let k = 0; k < units.length; k++) {
    const u = units[k]!;
    const cur = u.script === Script.Hangul ? syllableParts(u.sym) : null;
    if (!cur) {
      base = -1;
      continue;
    }
    const b = base >= 0 ? syllableParts(units[base]!.sym) : null;
    if (b && cur.l === IEUNG && cur.v === b.v && b.t === 0) {
      elong[k] = 1;
      if (cur.t !== 0) {
        units[base]!.sym = String.fromCharCode(HANGUL_BASE + (b.l * 21 + b.v) * 28 + cur.t);
        base = -1;
      }
      continue;
    }
    base = cur.t === 0 ? k : -1;
  }
  return elong;
}

/** Normalises `text` into units; never throws on any string. */
export function toUnits(text: string): UnitStream {
  const raw: RawUnit[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const start = i;
    i += width;
    const enclosed = enclosedLetter(cp);
    if (enclosed) {
      raw.push({ sym: enclosed, alt: '', kind: UnitKind.Letter, script: Script.Latin, start, end: i });
      continue;
    }
    const s = text.slice(start, i);
    if (INVISIBLE.test(s)) continue;
    const folded = s.normalize('NFKC').toLowerCase().normalize('NFD');
    for (const ch of folded) {
      if (COMBINING.test(ch) || INVISIBLE.test(ch)) continue;
      pushChar(raw, ch, start, i);
    }
  }
  const units = compose(raw);
  const elong = markElongation(units);
  const n = units.length;
  const stream = {
    length: n,
    sym: new Array<string>(n),
    alt: new Array<string>(n),
    kind: new Uint8Array(n),
    script: new Uint8Array(n),
    elong: new Uint8Array(n),
    runLength: new Int32Array(n),
    tokenLetters: new Int32Array(n),
    start: new Int32Array(n),
    end: new Int32Array(n),
  };
  let tokenStart = 0;
  let letters = 0;
  const closeToken = (endIdx: number): void => {
    for (let k = tokenStart; k < endIdx; k++) stream.tokenLetters[k] = letters;
  };
  for (let k = 0; k < n; k++) {
    const u = units[k]!;
    stream.sym[k] = u.sym;
    stream.alt[k] = u.alt;
    stream.kind[k] = u.kind;
    stream.script[k] = u.script;
    stream.start[k] = u.start;
    stream.end[k] = u.end;
    if (u.kind === UnitKind.Space) {
      closeToken(k);
      tokenStart = k + 1;
      letters = 0;
    } else if (u.kind !== UnitKind.Sep && u.kind !== UnitKind.Apostrophe) {
      letters++;
    }
    stream.elong[k] = elong[k]!;
  }
  closeToken(n);
  for (let k = 0; k < n; ) {
    let j = k + 1;
    while (j < n && stream.kind[j] === UnitKind.Letter && stream.kind[k] === UnitKind.Letter && stream.sym[j] === stream.sym[k]) j++;
    for (let q = k; q < j; q++) stream.runLength[q] = j - k;
    k = j;
  }
  return stream;
}

/** A readable skeleton of the text (letters, leet read as letters, single spaces): for features and debugging. */
export function skeleton(text: string): string {
  const u = toUnits(text);
  let out = '';
  let lastSpace = true;
  for (let k = 0; k < u.length; k++) {
    if (u.elong[k]) continue;
    const kind = u.kind[k];
    if (kind === UnitKind.Letter) {
      out += u.sym[k];
      lastSpace = false;
    } else if (kind === UnitKind.Leet || kind === UnitKind.Mask) {
      const a = u.alt[k];
      const literal = u.script[k] === Script.Digit ? u.sym[k] : '';
      if (a || literal) {
        out += a ? a[0] : literal;
        lastSpace = false;
      }
    } else if (kind === UnitKind.Space && !lastSpace) {
      out += ' ';
      lastSpace = true;
    }
  }
  return out.trim();
}
