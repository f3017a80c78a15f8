// Korean for the knowledge layer: (1) conjugated surface forms of the general predicate seed list
// (ko-state-words.ts), derived by the regular Korean conjugation rules (하다, 르, ㅂ, ㅎ, 으 irregulars,
// vowel contraction) so "목말라", "추워요" and "졸린" find their dictionary form; (2) Korean words linked
// to English ones by co-occurrence on the same emoji, in the catalog's bilingual labels and tags and
// in CLDR's emoji annotations (the same emoji's keywords in both languages).

const BASE = 0xac00;
const split = (syl: string) => {
  const c = syl.charCodeAt(0) - BASE;
  return { lead: Math.floor(c / 588), vowel: Math.floor((c % 588) / 28), tail: c % 28 };
};
const join = (lead: number, vowel: number, tail = 0) => String.fromCharCode(BASE + lead * 588 + vowel * 28 + tail);
const isSyllable = (s: string | undefined) => !!s && s.charCodeAt(0) >= BASE && s.charCodeAt(0) <= 0xd7a3;

const V = { a: 0, ae: 1, ya: 2, yae: 3, eo: 4, e: 5, yeo: 6, o: 8, wa: 9, wae: 10, oe: 11, u: 13, wo: 14, wi: 16, eu: 18, i: 20 } as const;
const T = { n: 4, l: 8, m: 16, b: 17, ss: 20, h: 27 } as const;
const MIN_FORM_CHARS = 2;
/** Bright vowels (ㅏ, ㅗ) take -아, the rest -어. */
const bright = (vowel: number) => vowel === V.a || vowel === V.o || vowel === V.ya;

/** The 아/어 form (infinitive): 목마르 -> 목말라, 춥 -> 추워, 졸리 -> 졸려, 고프 -> 고파, 피곤하 -> 피곤해. */
function infinitive(stem: string): string {
  const head = stem.slice(0, -1);
  const last = split(stem.slice(-1));
  const prev = isSyllable(head.slice(-1)) ? split(head.slice(-1)) : undefined;
  if (stem.endsWith('하')) return head + '해';
  // ㅎ irregular (colour adjectives): 노랗 -> 노래, 하얗 -> 하얘.
  if (last.tail === T.h && stem !== '좋' && stem !== '놓' && stem !== '낳') return head + join(last.lead, last.vowel === V.ya ? V.yae : V.ae);
  if (last.tail === T.b) return head + join(last.lead, last.vowel) + '워'; // ㅂ irregular (adjectives)
  if (last.tail > 0) return stem + (bright(last.vowel) ? '아' : '어');
  if (last.vowel === V.eu) {
    const a = prev && bright(prev.vowel);
    if (stem.endsWith('르') && prev) return head.slice(0, -1) + join(prev.lead, prev.vowel, T.l) + (a ? '라' : '러'); // 르 irregular
    return head + join(last.lead, a ? V.a : V.eo); // 으 drops
  }
  if (last.vowel === V.i) return head + join(last.lead, V.yeo);
  if (last.vowel === V.o) return head + join(last.lead, V.wa);
  if (last.vowel === V.u) return head + join(last.lead, V.wo);
  if (last.vowel === V.oe) return head + join(last.lead, V.wae, last.tail); // 되 + 어 -> 돼
  if (last.vowel === V.wi) return stem + '어';
  return stem; // ㅏ, ㅓ, ㅐ, ㅔ absorb the ending
}

const withTail = (word: string, tail: number) => {
  const last = split(word.slice(-1));
  return word.slice(0, -1) + join(last.lead, last.vowel, tail);
};

/**
 * ㅂ stems may or may not change before a vowel, with no lexicon to tell (irregular in most adjectives
 * and some verbs: 춥다 -> 추워; regular in 입다 -> 입어, 잡다 -> 잡아, 좁다 -> 좁아): both readings are
 * derived, the wrong one a string no one types (이워, 춥어). The ㄷ irregulars are a closed class of
 * verbs (듣다 -> 들어, 걷다 -> 걸어); derived for others, the irregular reading spelt nouns (받다 -> 발은:
 * "the foot").
 */
const T_D = 7;
const D_IRREGULAR = new Set(['듣다', '걷다', '묻다', '싣다', '깨닫다', '긷다', '붇다', '일컫다']);

/** The regular forms of a consonant stem: 아/어 form, past, adnominal, nominal (입다 -> 입어, 입었, 입은, 입음). */
function regularForms(stem: string): string[] {
  const last = split(stem.slice(-1));
  const inf = stem + (bright(last.vowel) ? '아' : '어');
  return [inf, inf.slice(0, -1) + join(split(inf.slice(-1)).lead, split(inf.slice(-1)).vowel, T.ss), stem + '은', stem + '음'];
}

/**
 * Every surface form a predicate starts with: stem, 아/어 form, past, adnominal (past/adjective -ㄴ and
 * present -는: 입는, 나는 from 날다), nominal.
 */
export function predicateForms(dictionaryForm: string): string[] {
  const stem = dictionaryForm.slice(0, -1); // drop 다
  const last = split(stem.slice(-1));
  const inf = infinitive(stem);
  const past = withTail(inf, T.ss);
  let adnominal: string;
  if (last.tail === T.b) adnominal = stem.slice(0, -1) + join(last.lead, last.vowel) + '운';
  else if (last.tail === T.h && inf !== stem + '아' && inf !== stem + '어') adnominal = stem.slice(0, -1) + join(last.lead, last.vowel, T.n); // 노랗다 -> 노란
  else if (last.tail === T.l) adnominal = withTail(stem, T.n); // 달다 -> 단
  else if (last.tail > 0) adnominal = stem + '은';
  else adnominal = withTail(stem, T.n);
  const nominal = last.tail === T.b ? undefined : last.tail > 0 ? stem + '음' : withTail(stem, T.m);
  // The present adnominal of a verb; a ㄹ stem drops its ㄹ before it (날다 -> 나는, 불다 -> 부는).
  const present = last.tail === T.l ? withTail(stem, 0) + '는' : stem + '는';
  // One-syllable forms ("달", "단") are too ambiguous to find in running text, and so are the ㅎ
  // irregulars' 아/어 forms: 노래 is a song, 파래 a seaweed; their adnominal (노란, 파란) is what refines.
  const hIrregular = last.tail === T.h && inf !== stem + '아' && inf !== stem + '어';
  const forms = hIrregular ? [stem, adnominal] : [stem, inf, past, adnominal, nominal, present];
  // ㅂ: the regular reading too (입다 -> 입어, 입은). ㄷ: the irregular one too (듣다 -> 들어, 들은).
  if (last.tail === T.b) forms.push(...regularForms(stem));
  if (last.tail === T_D && D_IRREGULAR.has(dictionaryForm)) {
    const l = withTail(stem, T.l);
    forms.push(l + (bright(last.vowel) ? '아' : '어'), withTail(l + (bright(last.vowel) ? '아' : '어'), T.ss), l + '은');
  }
  return [...new Set(forms)].filter((f): f is string => !!f && f.length >= MIN_FORM_CHARS);
}

/** Co-occurrence of Korean and English keywords on the same emoji. */
export interface BilingualEntry {
  en: string[];
  ko: string[];
}

const EN_WORD = /^[a-z][a-z' -]*$/;
/** A link needs this much overlap (Jaccard over emoji) between the Korean and the English word. */
export const MIN_LINK_JACCARD = 0.3;
const MAX_LINKS_PER_WORD = 2;
/** A modifier of a multi-word Korean keyword counts on its own from two syllables ("빨간", not "큰"). */
const MIN_WORD_SYLLABLES = 2;
const isAdnominal = (w: string) => w.length >= MIN_WORD_SYLLABLES && /^[\uac00-\ud7a3]+$/.test(w) && split(w.slice(-1)).tail === T.n;

/**
 * Korean word -> English words it translates, with the Jaccard overlap of the sets of emoji they
 * label. Multi-word Korean keywords are kept whole ("소프트 드링크") and their words count too; the
 * English side is single words and whole keywords.
 */
export function koreanLinks(entries: readonly BilingualEntry[], isEnglishConcept: (w: string) => boolean): Map<string, { en: string; jaccard: number }[]> {
  const koDocs = new Map<string, Set<number>>();
  const enDocs = new Map<string, Set<number>>();
  const add = (m: Map<string, Set<number>>, k: string, i: number) => {
    let s = m.get(k);
    if (!s) m.set(k, (s = new Set()));
    s.add(i);
  };
  entries.forEach((e, i) => {
    for (const k of e.ko) {
      if (!/[\uac00-\ud7a3]/.test(k)) continue;
      add(koDocs, k.trim(), i);
      // And each modifier of a multi-word keyword: "빨간" alone labels one emoji (the anatomical heart,
      // so it linked to "anatomical"); in "빨간 사과", "빨간 하트", … it labels the red ones. Only an
      // adnominal form before the head (final ㄴ: 빨간, 작은, 귀여운): a head noun inside a compound
      // is often another word ("빨리 감기" is fast-forward, not a cold).
      const words = k.trim().split(/\s+/);
      for (const w of new Set(words.slice(0, -1))) if (isAdnominal(w)) add(koDocs, w, i);
    }
    for (const w of e.en) {
      const x = w.toLowerCase().trim();
      if (EN_WORD.test(x) && isEnglishConcept(x)) add(enDocs, x, i);
    }
  });
  const out = new Map<string, { en: string; jaccard: number }[]>();
  for (const [k, kd] of koDocs) {
    const counts = new Map<string, number>();
    for (const i of kd) {
      const e = entries[i]!;
      for (const w of new Set(e.en.map((x) => x.toLowerCase().trim()))) if (enDocs.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
    const scored = [...counts].map(([en, n]) => ({ en, jaccard: n / (kd.size + enDocs.get(en)!.size - n) }))
      .filter((x) => x.jaccard >= MIN_LINK_JACCARD)
      .sort((a, b) => b.jaccard - a.jaccard || a.en.localeCompare(b.en))
      .slice(0, MAX_LINKS_PER_WORD);
    if (scored.length) out.set(k, scored);
  }
  return out;
}
