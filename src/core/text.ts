// Text normalisation shared by lexical matching on both sides (queries and catalog fields).

const TOKEN_SPLIT = /[^\p{L}\p{N}]+/u;
const HANGUL = /[\uac00-\ud7a3]/;

/** NFKC + lower case: full-width letters, ligatures and case variants compare equal. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase();
}

/** A light English stemmer for matching only: "cats" -> "cat", "berries" -> "berry", "dishes" -> "dish". */
export function stemEnglish(token: string): string {
  if (token.length <= 3 || HANGUL.test(token)) return token;
  if (token.endsWith('ies') && token.length > 4) return token.slice(0, -3) + 'y';
  if (/(ches|shes|sses|xes|zes)$/.test(token)) return token.slice(0, -2);
  if (token.endsWith('s') && !token.endsWith('ss') && !token.endsWith('us') && !token.endsWith('is')) {
    return token.slice(0, -1);
  }
  return token;
}

/**
 * Korean particles that attach to nouns. Stripped only when what remains is at least two syllables,
 * so that "고양이" stays "고양이" (not "고양") and "음식을" becomes "음식".
 */
const KOREAN_PARTICLES = [
  '에서는', '으로는', '이랑은', '에게서', '이라도', '에서', '으로', '이랑', '하고', '에게', '까지', '부터',
  '처럼', '보다', '은', '는', '이', '가', '을', '를', '에', '로', '와', '과', '도', '만', '의', '랑',
] as const;

export function stripKoreanParticle(token: string): string {
  if (!HANGUL.test(token)) return token;
  for (const p of KOREAN_PARTICLES) {
    if (token.endsWith(p) && token.length - p.length >= 2) return token.slice(0, -p.length);
  }
  return token;
}

/** Tokens for matching: normalised, split on anything that is not a letter or digit, light-stemmed. */
export function matchTokens(text: string): string[] {
  return normalizeText(text)
    .split(TOKEN_SPLIT)
    .filter((t) => t.length > 0)
    .map((t) => stripKoreanParticle(stemEnglish(t)));
}

export function isHangul(text: string): boolean {
  return HANGUL.test(text);
}
