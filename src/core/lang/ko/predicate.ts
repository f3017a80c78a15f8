// The dictionary forms a Korean modifier may come from, for a refinement that names its property in a
// clause before a dependent noun ("하늘 나는 애들만", "겨울에 입는 거만", "날 수 있는 것만", "작은 애들만"):
// there the word before 것/거/애들/곳 is a predicate in its adnominal form (-는, -(으)ㄴ, -(으)ㄹ), even
// where it is spelt like a pronoun or a noun elsewhere ("나는" is also "I", "날" also "day"). The
// stemmer (./stem.ts) reads such words as nouns with a topic particle, which is right in running text;
// this reads them as what they must be in this position. Several candidates where the spelling is
// ambiguous (나는: 날다 "fly" or 나다 "come out"; 긴: 길다 or 기다): the caller keeps the ones the
// knowledge layer knows.

const FIRST = 0xac00;
const LAST = 0xd7a3;
const FINALS = 28;
const T = { none: 0, n: 4, l: 8, b: 17, h: 27 } as const;

/** Syllables ending in ㄴ or ㄹ: a predicate's adnominal forms (따뜻한, 빨간, 작은, 치는; 입을, 먹을). */
export const ADNOMINAL_FINAL = Array.from({ length: 19 * 21 }, (_, k) => String.fromCharCode(FIRST + k * FINALS + T.n, FIRST + k * FINALS + T.l)).join('');
const ADNOMINAL_END = new RegExp(`[${ADNOMINAL_FINAL}]$`, 'u');
/** A word that ends in an adnominal form modifies what follows it: a phrase ending in one has no noun head ("기타 치는"). */
export const endsInAdnominal = (word: string): boolean => ADNOMINAL_END.test(word);

const isSyllable = (s: string) => s.length === 1 && s.charCodeAt(0) >= FIRST && s.charCodeAt(0) <= LAST;
const tailOf = (s: string) => (s.charCodeAt(0) - FIRST) % FINALS;
const withTail = (s: string, tail: number) => String.fromCharCode(s.charCodeAt(0) - tailOf(s) + tail);

/**
 * Dictionary forms (ending in 다) of a predicate in adnominal or prospective form, most regular first:
 * "나는" -> 나다, 날다; "입는" -> 입다; "부는" -> 부다, 불다; "작은" -> 작다; "큰" -> 크다; "노란" -> 노랗다;
 * "귀여운" -> 귀엽다; "날" -> 날다, 나다; "먹을" -> 먹다; "기도하는" -> 기도하다. Empty for a word that
 * is no such form.
 */
export function koreanDictionaryForms(word: string): string[] {
  if (word.length > 1 && word.endsWith('다')) return [word]; // already a dictionary form ("맵다" from "맵지 않은")
  const last = word.slice(-1);
  if (word.length === 0 || !isSyllable(last)) return [];
  const head = word.slice(0, -1);
  const out: string[] = [];
  const add = (stem: string) => { if (stem.length > 0 && !out.includes(`${stem}다`)) out.push(`${stem}다`); };
  const prev = head.slice(-1);
  const headWithout = head.slice(0, -1);
  // Present verb -는 ("입는", "나는"); a stem ending in ㄹ drops it before ㄴ ("날다" -> "나는").
  if (last === '는' && head.length > 0) {
    add(head);
    if (isSyllable(prev) && tailOf(prev) === T.none) add(headWithout + withTail(prev, T.l));
    return out;
  }
  // -은/-을 after a consonant stem ("작은", "먹을"); ㅂ irregular -운/-울 ("귀여운" -> 귀엽다).
  if ((last === '은' || last === '을') && head.length > 0) { add(head); return out; }
  if ((last === '운' || last === '울') && isSyllable(prev) && tailOf(prev) === T.none) {
    add(headWithout + withTail(prev, T.b));
    return out;
  }
  const tail = tailOf(last);
  // -ㄴ/-ㄹ on a vowel stem ("큰" -> 크다, "탈" -> 타다); a ㄹ stem shows its ㄹ before -ㄹ and drops it
  // before -ㄴ ("날" -> 날다, "긴" -> 길다); a ㅎ adjective drops its ㅎ ("노란" -> 노랗다).
  if (tail === T.n || tail === T.l) {
    const bare = head + withTail(last, T.none);
    if (tail === T.l) add(head + last);
    add(bare);
    if (tail === T.n) {
      add(head + withTail(last, T.l));
      add(head + withTail(last, T.h));
    }
  }
  return out;
}

/** A dependent noun a refinement's clause modifies ("것만", "애들만", "곳만"). */
const DEPENDENT = /^(?:것|거|애|애들|곳|데|놈|녀석)(?:들)?(?:만|뿐|으로|로)?$/;
/** After a predicate's 지 form: "맵지 않은", "날지 못하는". */
const NEGATIVE_AUXILIARY = /^(?:않는|않은|못하는|못한)$/;

/**
 * The predicate words of a refinement's clause: the word right before the dependent noun, and the
 * word before "수 있는/없는" ("날 수 있는 것만" -> 날). Words as written, for koreanDictionaryForms.
 */
export function koreanClausePredicates(text: string): string[] {
  const words = text.normalize('NFKC').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const out: string[] = [];
  for (let i = 1; i < words.length; i++) {
    if (!DEPENDENT.test(words[i]!)) continue;
    let j = i - 1;
    // "날 수 있는 것": step back over 수 있는/없는 to the predicate.
    if (j >= 2 && /^(?:있는|없는)$/.test(words[j]!) && words[j - 1] === '수') j -= 2;
    // "맵지 않은 거", "날지 못하는 애들": the predicate before a negative auxiliary, in its 지 form.
    else if (j >= 1 && NEGATIVE_AUXILIARY.test(words[j]!) && words[j - 1]!.endsWith('지') && words[j - 1]!.length > 1) {
      out.push(`${words[j - 1]!.slice(0, -1)}다`);
      continue;
    }
    if (j >= 0) out.push(words[j]!);
  }
  return [...new Set(out)];
}
