// Benign senses of listed words: clears a lexicon hit when the words around it show the everyday sense
// ("pussy willow", "wild ass", "boner (a blunder)", "Dick Whittington", "retard the spark", "십팔번").
// The data is derived from WordNet at build time (tools/safety/benign-senses.ts) and shipped inside
// lexicon.json. Only plainly spelled hits are ever cleared: an obfuscated spelling ("d1ck", "a$$") shows
// intent, and the bare word stays refused. Pure and synchronous.
import { z } from 'zod';

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
/** Joins inside a name or expression: spaces, hyphens, apostrophes only. */
const JOIN = /^[\s\-'’]*$/;
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'this', 'that', 'these', 'those']);
/** Words after which a listed word reads as a verb ("to retard", "please retard"). */
const VERB_LICENSORS = new Set(['to', 'will', 'would', 'can', 'could', 'should', 'must', 'may', 'might', 'please', 'and', 'or', 'not', 'never', 'i', 'we', 'they', 'it']);
/** Sino-Korean numeral syllables, and counters that make a numeral a number ("십팔번", "십팔세"). 년 is left out: "십팔년" is a pun on an insult. */
const KO_NUMERALS = /^[일이삼사오육칠팔구십백천만]+$/u;
const KO_COUNTERS = ['번', '세', '살', '일', '월', '시', '분', '초', '층', '호', '개', '명', '회', '차', '대', '권', '장', '쪽', '등', '위', '점', '도', '주', '인', '원', '기'];
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

export interface Hit {
  term: string;
  lang: 'en' | 'ko';
  start: number;
  end: number;
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

  function clearsEnglish(text: string, hit: Hit, isListed: (word: string) => boolean): boolean {
    const span = text.slice(hit.start, hit.end);
    // Only a plain spelling: letters, single spaces between words, as the entry is written.
    if (!/^[A-Za-z]+( [A-Za-z]+)*$/.test(span) || span.toLowerCase() !== hit.term) return false;
    const toks = tokenize(text);
    const i = toks.findIndex((t) => t.start === hit.start);
    const k = toks.findIndex((t) => t.end >= hit.end);
    if (i < 0 || k < i) return false;
    const hitWord = toks[i]!;
    if (hitWord.word !== hit.term && !(i === k && PLURAL.some((p) => hitWord.word === hit.term + p))) {
      if (i === k) return false;
    }
    if (inPhrase(text, toks, i, k)) return true;
    if (i !== k) return false;
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
    const prev = toks[i - 1];
    const next = toks[i + 1];
    // A verb before its object: "retard the spark", "please retard the timing".
    if (verbs.has(hit.term) && next && DETERMINERS.has(next.word) && JOIN.test(gap(text, hitWord, next)) && (!prev || (VERB_LICENSORS.has(prev.word) && JOIN.test(gap(text, prev, hitWord))))) return true;
    // Part of a capitalised name: "Dick's Sporting Goods", "Intercourse, Pennsylvania". A capitalised
    // neighbour alone is not enough: "Dick Face", "Pussy Boy" (blind2-en.jsonl) are insults in title case.
    if (!isTitle(hitWord.raw) || !(titleCase.has(hit.term) || names.has(hit.term))) return false;
    const after = toks[i + 2];
    if (names.has(hit.term) && next && next.word === 's' && /^['’]$/.test(gap(text, hitWord, next)) && after && isTitle(after.raw) && /^\s+$/.test(gap(text, next, after))) return true;
    if (next && isTitle(next.raw) && /^,\s*$/.test(gap(text, hitWord, next)) && regions.has(next.word)) return true;
    return false;
  }

  function clearsKorean(text: string, hit: Hit): boolean {
    // A numeral entry followed by a counter is a number: "십팔번" (one's signature song), "십팔세".
    if (!KO_NUMERALS.test(hit.term) || text.slice(hit.start, hit.end) !== hit.term) return false;
    const after = text.slice(hit.end).replace(/^ /, '');
    return KO_COUNTERS.some((c) => after.startsWith(c));
  }

  return {
    clears(text, hit, isListed) {
      return hit.lang === 'en' ? clearsEnglish(text, hit, isListed) : clearsKorean(text, hit);
    },
  };
}
