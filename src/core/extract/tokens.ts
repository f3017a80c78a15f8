// Normalisation and tokenisation for the compact engine. A token is a run of one script (Latin,
// Hangul, digits, other letters) or one punctuation mark that matters for clause boundaries.

export const SCRIPTS = ['latin', 'hangul', 'number', 'other', 'punct'] as const;
export type Script = (typeof SCRIPTS)[number];

export interface Token {
  /** Normalised (NFKC, lower case, curly apostrophes straightened) text of the token. */
  readonly text: string;
  readonly script: Script;
  /** Offsets into the normalised input. */
  readonly start: number;
  readonly end: number;
  /** True when no whitespace separates this token from the previous one ("고양이cat", "k-pop"). */
  readonly glued: boolean;
}

/** Longer messages are cut: a chat turn is a sentence or two, and extraction must stay ~1 ms. */
export const MAX_INPUT_CHARS = 1000;

const APOSTROPHES = /[\u2018\u2019\u02bc\u0060\u00b4]/g;
// One alternative per script, in priority order. Latin words keep inner apostrophes and hyphens
// ("don't", "k-pop", "t-shirt"); a run of bare jamo is a token of its own, the chat's laughter or tears
// ("입대해ㅠㅠ": 입대해 and ㅠㅠ; glued to the word, the word had not been read: "I'm enlisting" showed
// red hair).
const TOKEN_RE =
  /(\p{Script=Latin}+(?:['-]\p{Script=Latin}+)*)|([\uac00-\ud7a3]+|[\u1100-\u11ff\u3130-\u318f]+)|(\p{Nd}+(?:[.,]\p{Nd}+)?)|([\p{L}\p{M}]+)|([.!?;,:…。！？，~])/gu;

export function normalizeInput(text: string): string {
  const cut = text.length > MAX_INPUT_CHARS ? text.slice(0, MAX_INPUT_CHARS) : text;
  return cut.normalize('NFKC').toLowerCase().replace(APOSTROPHES, "'");
}

/** Splits normalised text into tokens. Pure and linear in the input length. */
export function tokenize(normalized: string): Token[] {
  const tokens: Token[] = [];
  let prevEnd = -1;
  for (const m of normalized.matchAll(TOKEN_RE)) {
    const start = m.index;
    const text = m[0];
    const script: Script = m[1] !== undefined ? 'latin'
      : m[2] !== undefined ? 'hangul'
      : m[3] !== undefined ? 'number'
      : m[4] !== undefined ? 'other'
      : 'punct';
    tokens.push({ text, script, start, end: start + text.length, glued: start === prevEnd });
    prevEnd = start + text.length;
  }
  return tokens;
}
