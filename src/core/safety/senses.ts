// Benign senses of listed words: clears a lexicon hit when the words around it show the everyday sense
// ("pussy willow", "wild ass", "boner (a blunder)", "cock pheasant", "Kick-Ass 2", "The Bank Dick",
// "retard the spark", "how to kill weeds", "십팔번", "자살골", "자살 예방 상담 전화"), unless the message
// addresses someone with it or asks for sexual content ("you're a dumb wild ass", "spotted dick pics").
// The data is derived from WordNet at build time (tools/safety/benign-senses.ts) and shipped inside
// lexicon.json. Only plainly spelled hits are ever cleared: an obfuscated spelling ("d1ck", "a$$") shows
// intent, and the bare word stays refused. Pure and synchronous.
import { z } from 'zod';
import {
  EN_SECOND_PERSON, EN_POLITE_BEFORE_YOU, EN_MODALS_AFTER_YOU, EN_NOT_NAME, EN_MODIFIERS, EN_SEXUAL_CUES,
  EN_TARGETS, EN_MEDIA_AFTER, EN_COPULA, EN_ARTICLES, EN_TRAILERS, EN_PERSON_WORDS, EN_OBJECT_SKIP,
  TITLE_CONNECTORS, KO_SECOND_PERSON, KO_ABUSE, KO_INTENT_AFTER, KO_INCITEMENT, KO_INCITEMENT_AFTER, KO_HELP,
  KO_INFO, KO_METHOD_AFTER, KO_NOT_COMPOUND, KO_TOPICS, KO_COMPOUND_TOPICS, KO_CONTEXTS,
} from './sense-cues.ts';

export const BENIGN_FORMAT = 'safety-benign-senses-1';

export const BenignSensesSchema = z.object({
  format: z.literal(BENIGN_FORMAT),
  source: z.string(),
  /** Multi-word expressions (lower-case words joined by one space) containing a listed word. */
  phrases: z.array(z.string().min(1)),
  /** Listed word -> words of its benign senses (stemmed as stemWord does). */
  contexts: z.record(z.string(), z.array(z.string())),
  /** Listed words with a benign sense: cleared inside a capitalised name ("Kick-Ass"). */
  titleCase: z.array(z.string()),
  /** Listed words that are first names of people ("Dick"): also cleared by a possessive ("Dick's"). */
  names: z.array(z.string()),
  /** Listed words whose every verb sense is benign ("retard"): cleared as a verb before an object. */
  verbs: z.array(z.string()),
  /** Region names for "Town, Region" ("Intercourse, Pennsylvania"). */
  regions: z.array(z.string()),
  /** Classes of things (WordNet hyponyms): class name -> one-word names of its members ("bird" -> "pheasant", "robin"). */
  kinds: z.record(z.string(), z.array(z.string())).optional(),
  /** Listed word -> classes of its concrete benign senses ("cock" -> bird): a member nearby shows that sense. */
  termKinds: z.record(z.string(), z.array(z.string())).optional(),
  /** Common words whose first sense is a body part ("face", "head"): next to a listed word they show the body sense. */
  body: z.array(z.string()).optional(),
  /** Common nouns whose first sense is a kind of person ("boy", "wife", "teacher"), surnames left out. */
  people: z.array(z.string()).optional(),
  /** Common words whose first sense is an adjective ("crazy", "bad"). */
  adjectives: z.array(z.string()).optional(),
});
export type BenignSenses = z.infer<typeof BenignSensesSchema>;

/** Light stemming shared with WordNet gloss words (tools/knowledge/wordnet.ts glossWords). */
export const stemWord = (w: string): string => (w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);

/** Lower-case words of a text: letters and digits, split at anything else. */
export function wordTokens(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Words on either side of a hit that may show its benign sense; a clause boundary stops the search. */
const CONTEXT_WINDOW = 4;
const CLAUSE_BOUNDARY = /[,;.!?:]/;
/** A list ("tits, robins and wrens") goes on across commas: only these stop a search for a class member. */
const SENTENCE_BOUNDARY = /[;.!?:]/;
/** Joins inside a name or expression: spaces, hyphens, apostrophes only. */
const JOIN = /^[\s\-'’]*$/;
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'this', 'that', 'these', 'those']);
/** Words after which a listed word reads as a verb ("to retard", "please retard"). */
const VERB_LICENSORS = new Set(['to', 'will', 'would', 'can', 'could', 'should', 'must', 'may', 'might', 'please', 'and', 'or', 'not', 'never', 'i', 'we', 'they', 'it']);
/** Sino-Korean numeral syllables, and counters that make a numeral a number ("십팔번", "십팔세"). */
const KO_NUMERALS = /^[일이삼사오육칠팔구십백천만]+$/u;
const KO_COUNTERS = ['번', '세', '살', '일', '월', '시', '분', '초', '층', '호', '개', '명', '회', '차', '대', '권', '장', '쪽', '등', '위', '점', '도', '주', '인', '원', '기'];
/** 년 counts years only before a time word ("십팔 년 전", "십팔년도"): "십팔년" alone or "십팔년아" is a pun on an insult. */
const KO_YEAR = /^\s?년\s?(전|후|뒤|동안|간|째|만|도|생|차)/u;
const PLURAL = ['s', 'es'];

interface Token {
  word: string;
  raw: string;
  start: number;
  end: number;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) out.push({ word: m[0].normalize('NFKC').toLowerCase(), raw: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

const isTitle = (raw: string): boolean => /^[A-Z][a-z]+$/.test(raw) || /^[0-9]+$/.test(raw);
/** A word of a capitalised name: "Kick", "McDonald", "2", "3D". */
const isNameWord = (raw: string): boolean => /^[A-Z][a-z]*(?:[A-Z][a-z]+)?$/.test(raw) || /^[0-9]+[A-Za-z]?$/.test(raw);
/** "robins" -> robin, "hens" -> hen, "ponies" -> pony, "neighbour" -> neighbor. */
const singulars = (w: string): string[] => {
  const out = [w];
  if (w.endsWith('our')) out.push(`${w.slice(0, -3)}or`); // British spelling: "neighbour"
  if (w.endsWith('ies')) out.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('es')) out.push(w.slice(0, -2));
  if (w.endsWith('s') && !w.endsWith('ss')) out.push(w.slice(0, -1));
  return out;
};

export interface Hit {
  term: string;
  lang: 'en' | 'ko';
  start: number;
  end: number;
  /** The entry's category ("violence": "how to kill" is cleared by a thing as its object, not by a sense). */
  category?: string;
}

export interface SenseFilter {
  /** Whether the hit reads in a benign sense here; `isListed` tells whether a joined word is itself an entry. */
  clears(text: string, hit: Hit, isListed: (word: string) => boolean): boolean;
}

export function createSenseFilter(data: BenignSenses | undefined): SenseFilter {
  const phrases = new Map<string, string[][]>();
  for (const p of data?.phrases ?? []) {
    const words = p.split(' ');
    for (const w of new Set(words)) {
      const list = phrases.get(w) ?? [];
      list.push(words);
      phrases.set(w, list);
    }
  }
  const contexts = new Map(Object.entries(data?.contexts ?? {}).map(([k, v]) => [k, new Set(v)] as const));
  const titleCase = new Set(data?.titleCase ?? []);
  const names = new Set(data?.names ?? []);
  const verbs = new Set(data?.verbs ?? []);
  const regions = new Set(data?.regions ?? []);
  const kinds = new Map(Object.entries(data?.kinds ?? {}).map(([k, v]) => [k, new Set(v)] as const));
  const termKinds = new Map(Object.entries(data?.termKinds ?? {}));
  const body = new Set(data?.body ?? []);
  const people = new Set(data?.people ?? []);
  const adjectives = new Set(data?.adjectives ?? []);
  const isPerson = (w: string): boolean => singulars(w).some((x) => EN_PERSON_WORDS.has(x) || people.has(x));

  const gap = (text: string, a: Token, b: Token): string => text.slice(a.end, b.start);

  /** A phrase occurrence covering tokens i..k, joined only by spaces, hyphens or apostrophes; its last word may be plural. */
  function inPhrase(text: string, toks: Token[], i: number, k: number): boolean {
    for (const words of phrases.get(toks[i]!.word) ?? []) {
      for (let j = 0; j < words.length; j++) {
        if (words[j] !== toks[i]!.word) continue;
        const s = i - j;
        const e = s + words.length - 1;
        if (s < 0 || e >= toks.length || e < k) continue;
        let ok = true;
        for (let q = s; q <= e && ok; q++) {
          const w = toks[q]!.word;
          const want = words[q - s]!;
          ok = w === want || (q === e && PLURAL.some((p) => w === want + p));
          if (ok && q > s) ok = JOIN.test(gap(text, toks[q - 1]!, toks[q]!));
        }
        if (ok) return true;
      }
    }
    return false;
  }

  /** English abuse cues around tokens i..k (see EN_* above). */
  function abusiveEnglish(text: string, toks: Token[], i: number, k: number): boolean {
    const words = toks.map((t) => t.word);
    const sameClause = (a: number, b: number): boolean => {
      for (let q = Math.min(a, b); q < Math.max(a, b); q++) if (CLAUSE_BOUNDARY.test(gap(text, toks[q]!, toks[q + 1]!))) return false;
      return true;
    };
    for (let q = 0; q < toks.length; q++) {
      const w = words[q]!;
      const you = w === 'you' || w === 'u';
      if (EN_SECOND_PERSON.has(w) && !(you && ((q > 0 && EN_POLITE_BEFORE_YOU.has(words[q - 1]!)) || EN_MODALS_AFTER_YOU.has(words[q + 1] ?? '')))) return true;
      if (EN_SEXUAL_CUES.has(w) && (q < i || q > k)) return true;
      if (EN_TARGETS.has(w) && (q < i || q > k) && sameClause(q, i)) return true;
      if (w === 'near' && words[q + 1] === 'me') return true;
      if (w === 'shut' && words[q + 1] === 'up') return true;
    }
    // Right before the hit: an insulting, sexual or possessive modifier, "what a", "such a".
    for (let q = i - 1; q >= 0 && q >= i - 2 && sameClause(q, i); q--) {
      if (EN_MODIFIERS.has(words[q]!)) return true;
      if ((words[q] === 'what' || words[q] === 'such') && (words[q + 1] === 'a' || words[q + 1] === 'an')) return true;
    }
    const next = toks[k + 1];
    // The hit as the head of a predicate: "the host is such a twat", "that chef is a total jackass".
    const head = !next || CLAUSE_BOUNDARY.test(gap(text, toks[k]!, next)) || EN_TRAILERS.has(next.word);
    if (head) {
      let article = false;
      for (let q = i - 1; q >= 0 && q >= i - 4 && sameClause(q, i); q--) {
        if (EN_ARTICLES.has(words[q]!)) article = true;
        if (EN_COPULA.has(words[q]!) && (article || q === i - 1)) return true;
      }
    }
    // "cunt of an algorithm"; "Dick Pics", "Intercourse videos".
    if (next && next.word === 'of' && (words[k + 2] === 'a' || words[k + 2] === 'an')) return true;
    if (next && EN_MEDIA_AFTER.has(next.word) && sameClause(k, k + 1)) return true;
    return false;
  }

  function abusiveKorean(text: string): boolean {
    if (KO_ABUSE.test(text)) return true;
    for (const w of text.split(/[\s\p{P}]+/u)) if (KO_SECOND_PERSON.has(w)) return true;
    return false;
  }

  /**
   * A capitalised name around the hit ("Kick-Ass 2", "The Bank Dick", "Jackass: The Movie", "Dick Johnson Is Dead"):
   * another capitalised word or a number in it, and none of its words a body part, a kind of person, a sexual cue or
   * an entry ("Dick Face", "Pussy Boy", "Dick Pics", "Jack Ass" stay refused).
   */
  function inTitle(text: string, toks: Token[], i: number, isListed: (word: string) => boolean): boolean {
    const ok = (q: number): boolean => {
      const t = toks[q]!;
      if (t.word === 's' && q > 0 && /^['’]$/.test(gap(text, toks[q - 1]!, t))) return true; // possessive
      return isNameWord(t.raw) || TITLE_CONNECTORS.has(t.raw);
    };
    const joins = (a: Token, b: Token): boolean => /^(\s+|\s*-\s*|['’]|:\s+|\s+&\s+|\s+-\s+)$/.test(gap(text, a, b));
    let s = i;
    let e = i;
    while (s > 0 && ok(s - 1) && joins(toks[s - 1]!, toks[s]!)) s--;
    while (e < toks.length - 1 && ok(e + 1) && joins(toks[e]!, toks[e + 1]!)) e++;
    const content: number[] = [];
    for (let q = s; q <= e; q++) {
      if (q === i) continue;
      const t = toks[q]!;
      if (TITLE_CONNECTORS.has(t.word) || (t.word === 's' && /^['’]$/.test(gap(text, toks[q - 1]!, t)))) continue;
      const w = t.word;
      if (isListed(w) || body.has(w) || singulars(w).some((x) => body.has(x)) || isPerson(w) || EN_SEXUAL_CUES.has(w) || EN_TARGETS.has(w) || EN_MODIFIERS.has(w) || EN_NOT_NAME.has(w)) return false;
      if (Math.abs(q - i) === 1 && isListed(q < i ? w + toks[i]!.word : toks[i]!.word + w)) return false;
      // An adjective right before the word: "Crazy Bitch", "Bad Ass" read as insults, "The Bank Dick" as a name.
      if (q === i - 1 && adjectives.has(w)) return false;
      content.push(q);
    }
    if (!content.length) return false;
    // "Ass Wipe", "Pussy Slayer", "Tits McGee": the word and one more, straight after it, is the shape of a compound
    // insult; only a first name takes a surname that way ("Dick Smith").
    const first = toks[i]!.word;
    if (content.length === 1 && content[0] === i + 1 && /^\s+$/.test(gap(text, toks[i]!, toks[i + 1]!)) && !names.has(first)) return false;
    return true;
  }

  /** "how to kill weeds", "how to kill a process": the object is a thing, not a person. */
  function thingObject(text: string, toks: Token[], k: number): boolean {
    let q = k + 1;
    while (q < toks.length && EN_OBJECT_SKIP.has(toks[q]!.word) && !CLAUSE_BOUNDARY.test(gap(text, toks[q - 1]!, toks[q]!))) q++;
    const obj = toks[q];
    if (!obj || CLAUSE_BOUNDARY.test(gap(text, toks[q - 1]!, obj))) return false;
    if (isPerson(obj.word) || /^[A-Z]/.test(obj.raw)) return false;
    // "how to kill my annoying little brother": a person a few words on.
    for (let r = q + 1; r < toks.length && r <= q + 3 && !CLAUSE_BOUNDARY.test(gap(text, toks[r - 1]!, toks[r]!)); r++) if (isPerson(toks[r]!.word)) return false;
    return true;
  }

  function clearsEnglish(text: string, hit: Hit, isListed: (word: string) => boolean): boolean {
    const span = text.slice(hit.start, hit.end);
    // Only a plain spelling: letters, single spaces between words, as the entry is written.
    if (!/^[A-Za-z]+( [A-Za-z]+)*$/.test(span) || span.toLowerCase() !== hit.term) return false;
    const toks = tokenize(text);
    const i = toks.findIndex((t) => t.start === hit.start);
    const k = toks.findIndex((t) => t.end >= hit.end);
    if (i < 0 || k < i) return false;
    if (abusiveEnglish(text, toks, i, k)) return false;
    const hitWord = toks[i]!;
    // The agent noun of a verb whose every sense is benign: "retarder" (a setting retarder for concrete).
    if (i === k && verbs.has(hit.term) && (hitWord.word === `${hit.term}er` || hitWord.word === `${hit.term}ers`)) return true;
    if (hitWord.word !== hit.term && !(i === k && PLURAL.some((p) => hitWord.word === hit.term + p))) {
      if (i === k) return false;
    }
    if (inPhrase(text, toks, i, k)) return true;
    if (i !== k) return hit.category === 'violence' && /^how to /.test(hit.term) && thingObject(text, toks, k);
    // Context words of a benign sense in the same clause.
    const bag = contexts.get(hit.term);
    if (bag) {
      for (const dir of [-1, 1]) {
        for (let q = i + dir, n = 0; q >= 0 && q < toks.length && n < CONTEXT_WINDOW; q += dir, n++) {
          const between = dir < 0 ? gap(text, toks[q]!, toks[q + 1]!) : gap(text, toks[q - 1]!, toks[q]!);
          if (CLAUSE_BOUNDARY.test(between)) break;
          const w = toks[q]!.word;
          // A neighbour that joins the hit into an entry is part of it ("Jack Ass" is "jackass").
          if (n === 0 && isListed(dir < 0 ? w + hitWord.word : hitWord.word + w)) continue;
          if (bag.has(w) || bag.has(stemWord(w))) return true;
        }
      }
    }
    // A member of the class of a concrete sense nearby, across a list's commas: "cock pheasant", "tits, robins and wrens".
    const classes = (termKinds.get(hit.term) ?? []).map((c) => kinds.get(c)).filter((c): c is Set<string> => !!c);
    if (classes.length) {
      for (const dir of [-1, 1]) {
        for (let q = i + dir, n = 0; q >= 0 && q < toks.length && n < CONTEXT_WINDOW; q += dir, n++) {
          const between = dir < 0 ? gap(text, toks[q]!, toks[q + 1]!) : gap(text, toks[q - 1]!, toks[q]!);
          if (SENTENCE_BOUNDARY.test(between)) break;
          const w = toks[q]!.word;
          if (n === 0 && isListed(dir < 0 ? w + hitWord.word : hitWord.word + w)) continue;
          if (singulars(w).some((x) => classes.some((c) => c.has(x)))) return true;
        }
      }
    }
    const prev = toks[i - 1];
    const next = toks[i + 1];
    // A verb before its object: "retard the spark", "please retard the timing".
    if (verbs.has(hit.term) && next && DETERMINERS.has(next.word) && JOIN.test(gap(text, hitWord, next)) && (!prev || (VERB_LICENSORS.has(prev.word) && JOIN.test(gap(text, prev, hitWord))))) return true;
    // Part of a capitalised name: "Dick's Sporting Goods", "Intercourse, Pennsylvania", "Kick-Ass 2", "The Bank Dick".
    if (!isTitle(hitWord.raw) || !(titleCase.has(hit.term) || names.has(hit.term))) return false;
    const after = toks[i + 2];
    if (names.has(hit.term) && next && next.word === 's' && /^['’]$/.test(gap(text, hitWord, next)) && after && isTitle(after.raw) && /^\s+$/.test(gap(text, next, after))) return true;
    if (next && isTitle(next.raw) && /^,\s*$/.test(gap(text, hitWord, next)) && regions.has(next.word)) return true;
    return inTitle(text, toks, i, isListed);
  }

  function clearsKorean(text: string, hit: Hit): boolean {
    // Only a plain spelling, as the entry is written ("자1살" shows intent).
    if (text.slice(hit.start, hit.end) !== hit.term) return false;
    if (abusiveKorean(text)) return false;
    const after = text.slice(hit.end);
    // A numeral entry followed by a counter is a number: "십팔번" (one's signature song), "십팔세", "십팔 년 전".
    if (KO_NUMERALS.test(hit.term)) {
      const rest = after.replace(/^ /, '');
      return KO_COUNTERS.some((c) => rest.startsWith(c)) || KO_YEAR.test(after);
    }
    // A topic word (suicide, self-harm, rape) is refused when someone wants, plans or urges it; a longer noun
    // that starts with it ("자살골", "자살률") and a message seeking help or information about it are not.
    // Help-seeking is never refused, even with a wish in it ("자살하고 싶어, 상담 전화 알려줘"): the reply,
    // not a refusal, is where support belongs; urging it on someone ("그냥 죽어", "자살해라") always is.
    const topic = [...KO_TOPICS].find((t) => hit.term.startsWith(t));
    if (topic) {
      if (KO_INCITEMENT.test(text) || KO_INCITEMENT_AFTER.test(after) || KO_METHOD_AFTER.test(after)) return false;
      const around = `${text.slice(0, hit.start)} ${after}`;
      if (KO_HELP.test(around)) return true;
      if (KO_INTENT_AFTER.test(after)) return false;
      if (KO_INFO.test(around)) return true;
      return hit.term === topic && KO_COMPOUND_TOPICS.has(topic) && /^[가-힣]/u.test(after) && !KO_NOT_COMPOUND.test(after);
    }
    // 졸라 is also 조르다 ("엄마를 졸라서", "졸라요") and 졸라매다 ("허리띠 졸라매고").
    if (hit.term === '졸라') {
      if (/^(매|맨|서|요|댔|대|댄)/u.test(after)) return true;
      return /[을를]\s$/u.test(text.slice(Math.max(0, hit.start - 2), hit.start));
    }
    const ctx = KO_CONTEXTS[hit.term];
    return !!ctx && ctx.some((w) => text.includes(w));
  }

  return {
    clears(text, hit, isListed) {
      return hit.lang === 'en' ? clearsEnglish(text, hit, isListed) : clearsKorean(text, hit);
    },
  };
}
