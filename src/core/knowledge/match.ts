// Finds the knowledge base's concepts in a message as people type it: English n-grams with plural,
// -ing and -ed forms reduced; Korean words with particles and predicate endings stripped ("서울에",
// "샌프란시스코에서", "목말라요") using the shared Korean stemmer, and compounds by their longest known
// prefix ("생일이에요" -> 생일).
import { englishPack } from '../lang/en/index.ts';
import { lemmatizeEnglish } from '../lang/en/lemma.ts';
import { KOREAN_PLACE_HEADS, stemKorean } from '../lang/ko/stem.ts';
import { ENGLISH_FEED_TALK, ENGLISH_PEOPLE_PRONOUNS } from '../lang/en/stopwords.ts';
import { isKoreanReaction, isKoreanStopword } from '../lang/ko/stopwords.ts';
import { isHangul } from '../text.ts';
import type { KnowledgeBase, SurfaceSense } from './format.ts';

export interface ConceptMatch {
  /** The text as written ("서울에", "San Francisco"). */
  readonly text: string;
  /** The surface form it was read as ("서울", "san francisco"). */
  readonly surface: string;
  readonly concept: number;
  /** How surely the words mean the concept (1: its own name; less for a translation or a prefix). */
  readonly weight: number;
  readonly rel: number;
  /** Read by the head of a compound ("북한산" as 산): the words are not the concept's name. */
  readonly head?: true;
  /** A Korean predicate read to its stem ("먹고" as 먹다): said, as a verb, not as a phrase. */
  readonly predicate?: true;
}

const WORD_SPLIT = /[^\p{L}\p{N}'’]+/u;
/** Bare jamo glued to a syllable ("입대해ㅠㅠ") are the chat's tears or laughter, a word of their own (tokens.ts). */
const JAMO_AFTER_SYLLABLE = /([\uac00-\ud7a3])(?=[\u1100-\u11ff\u3130-\u318f])/gu;
/** What may follow a Korean predicate form or a noun inside one written word. */
const KOREAN_TAIL = /^(요|서|서요|도|다|네|네요|고|지|지만|지요|죠|니|니까|는데|는데요|면|어|어요|아|아요|게|기|잖아|대|다고|야|이야|이에요|예요|에요|이다|입니다|인데|인|이고|이라|라|에|에서|로|으로|을|를|이|가|은|는|의|와|과|랑|이랑|하고|만|까지|부터)$/;
/** A Korean word matched by its first syllables only ("졸업식" by "졸업") counts this much. */
const PREFIX_FACTOR = 0.85;
const MIN_KOREAN_PREFIX = 2;
const MIN_WORD_CHARS = 2;
/**
 * English function words, which WordNet sometimes lists as nouns ("i" is iodine, "will" a legal
 * document). Not the extractor's stop words: those include content words a state implies ("tired").
 */
export const FUNCTION_WORDS = new Set([...`a an the and or nor but so yet if then than that this these those there here it its i me my we us our
you your he him his she her they them their what which who whom whose when where why how am is are was were be been being do does
did have has had can could would should will shall may might must to of in on at by for with about from into onto over under up
down out off as just only also too very really some any all each no not one ones please thanks ok okay yes yeah hey hi hello
oh wow lol me show see look give find want need tell know let get got go going gonna feel feels feeling felt next last week month day today tonight tomorrow yesterday
now again more most much many like thing things stuff something anything way lot bit after before during since until till while
near behind beside besides across along toward towards against upon via per beyond afternoon weekend new first
come comes coming came take takes taking took taken make makes making made put puts keep keeps kept leave leaves leaving left
soon ever still already yet even later earlier nothing none anymore enough im ive
idea ideas suggestion suggestions recommendation recommendations learn
without within through throughout between among amongst except unless whether although though however`.split(/\s+/), ...ENGLISH_PEOPLE_PRONOUNS]);

const englishVariants = (w: string): string[] => {
  const out = [w, lemmatizeEnglish(w)];
  if (w.endsWith('ing') && w.length > 5) {
    const s = w.slice(0, -3);
    out.push(s, s + 'e', s.length > 2 && s.at(-1) === s.at(-2) ? s.slice(0, -1) : s);
  }
  if (w.endsWith('ed') && w.length > 4) {
    const s = w.slice(0, -2);
    out.push(s, s + 'e', s.endsWith('i') ? s.slice(0, -1) + 'y' : s, s.at(-1) === s.at(-2) ? s.slice(0, -1) : s);
  }
  if (w.endsWith('ier') || w.endsWith('iest')) out.push(w.replace(/iest?$|ier$/, 'y'));
  return [...new Set(out)];
};

function bestSense(senses: readonly SurfaceSense[] | undefined): readonly SurfaceSense[] {
  return senses ?? [];
}

interface KoreanReading {
  surface: string;
  factor: number;
  /**
   * The surface is a verb or adjective stem (a predicate ending was stripped: "죽겠어" -> 죽): only a
   * predicate sense may read it, never a noun spelled the same (죽, congee).
   */
  predicate?: boolean;
  /** The head of a compound place name ("한라산" -> 산). */
  head?: boolean;
  /** Read as well as the reading before it ("부산역": the station, and Busan), not instead of it. */
  also?: boolean;
}

/** The head of a Korean place name ("한라산" -> 산), where the knowledge base knows it and a name comes before it. */
function placeHead(kb: KnowledgeBase, stem: string): string | undefined {
  for (const head of KOREAN_PLACE_HEADS) {
    if (stem.length >= head.length + MIN_KOREAN_PREFIX && stem.endsWith(head) && kb.surfaces.has(head)) return head;
  }
  return undefined;
}

/** Korean readings of one word: whole, stem after particles/endings, longest known prefix. */
function koreanReadings(kb: KnowledgeBase, word: string): KoreanReading[] {
  if (kb.surfaces.has(word)) return [{ surface: word, factor: 1 }];
  const stemmed = stemKorean(word);
  const stem = stemmed.stem;
  // A stem that is a stop word ("농담이야" -> 농담: a joke about the feed) names nothing either.
  if (stem !== word && isKoreanStopword(stem)) return [];
  // A verb in a form the seeds do not list ("울고 싶다", "자고 싶어"): its dictionary form (울다).
  if (stemmed.kind === 'predicate' && stem !== word && kb.surfaces.has(`${stem}다`)) return [{ surface: `${stem}다`, factor: 1, predicate: true }];
  if (stem !== word && kb.surfaces.has(stem)) return [{ surface: stem, factor: 1, predicate: stemmed.kind === 'predicate' }];
  const head = placeHead(kb, stem);
  for (let k = word.length - 1; k >= MIN_KOREAN_PREFIX; k--) {
    const prefix = word.slice(0, k);
    if (!kb.surfaces.has(prefix)) continue;
    if (head && k <= stem.length - head.length) {
      // A place name's head is what the word is ("북한산" is a mountain); a city before it says where
      // ("부산역": a station, in Busan), a country does not ("북한산" is in Seoul, not North Korea).
      const city = kb.surfaces.get(prefix)!.some((s) => kb.concepts[s.concept]?.kind === 'city');
      return [{ surface: head, factor: 1, head: true }, ...(city ? [{ surface: prefix, factor: PREFIX_FACTOR, also: true }] : [])];
    }
    return [{ surface: prefix, factor: KOREAN_TAIL.test(word.slice(k)) ? 1 : PREFIX_FACTOR }];
  }
  return head ? [{ surface: head, factor: 1, head: true }] : [];
}

/**
 * A Korean phrase whose last word the knowledge base does not know on its own ("식물 키우기", "비행기
 * 타", "눈이 와요"): the words with their particles and endings stripped, as a whole.
 */
function koreanPhraseReadings(kb: KnowledgeBase, span: readonly string[]): KoreanReading[] {
  if (span.length < 2) return [];
  const stems = span.map((w) => (isHangul(w) ? stemKorean(w).stem : w));
  const out: KoreanReading[] = [];
  for (const surface of new Set([span.join(' '), stems.join(' '), [...span.slice(0, -1), stems.at(-1)!].join(' ')])) {
    if (kb.surfaces.has(surface)) out.push({ surface, factor: 1, predicate: stemKorean(span.at(-1)!).kind === 'predicate' });
  }
  return out;
}

/** The seed relations of a knowledge base, found once per base (findConcepts runs several times a turn). */
const seedRelations = new WeakMap<KnowledgeBase, ReadonlySet<number>>();
/**
 * A place name that is also an everyday word ("turkey", the bird) is shipped under a relation of its
 * own (tools/knowledge/build.ts, `*name-in-context`) and read as the place only where the word before it
 * says a place follows ("two weeks in turkey", "flying to turkey"), and only when places are asked for
 * (findPlaces). Elsewhere "turkey" stays the bird.
 */
const IN_CONTEXT = /name-in-context$/;
const PLACE_CUES = new Set(['in', 'to', 'from', 'into', 'around', 'across', 'through', 'visit', 'visiting', 'visited', 'exploring', 'touring', 'toured']);
const inContextRelations = new WeakMap<KnowledgeBase, ReadonlySet<number>>();
function inContextRelationsOf(kb: KnowledgeBase): ReadonlySet<number> {
  let out = inContextRelations.get(kb);
  if (!out) inContextRelations.set(kb, (out = new Set(kb.relations.flatMap((r, i) => (IN_CONTEXT.test(r) ? [i] : [])))));
  return out;
}

function seedRelationsOf(kb: KnowledgeBase): ReadonlySet<number> {
  let out = seedRelations.get(kb);
  if (!out) seedRelations.set(kb, (out = new Set(kb.relations.flatMap((r, i) => (/^seed(?::|-occasion:|-situation:)/.test(r) ? [i] : [])))));
  return out;
}

/**
 * Every concept named in `text`, longest match first and without overlaps ("new york" wins over
 * "new" and "york"). Korean predicate forms from the seed list only match with a grammatical tail,
 * so "아프리카" is not read as "아프-".
 */
export function findConcepts(kb: KnowledgeBase, text: string, opts: { readonly stem?: boolean; readonly places?: boolean } = {}): ConceptMatch[] {
  const words = text.normalize('NFKC').toLowerCase().replace(JAMO_AFTER_SYLLABLE, '$1 ').split(WORD_SPLIT).map((w) => w.replace(/['’]s?$/, '')).filter((w) => w.length > 0);
  const out: ConceptMatch[] = [];
  /** Each match's word span [start, end), aligned with `out`. */
  const spans: [number, number][] = [];
  // The hand-written seeds' names: Korean predicates, occasions and situations ("배불러서" finds the
  // situation named 배부르다 as it finds a seed predicate).
  const seedRels = seedRelationsOf(kb);
  const inContext = inContextRelationsOf(kb);
  for (let i = 0; i < words.length; ) {
    const placeCued = opts.places === true && i > 0 && PLACE_CUES.has(words[i - 1]!);
    let matched = 0;
    for (let n = Math.min(kb.maxSurfaceWords, words.length - i); n >= 1 && matched === 0; n--) {
      const span = words.slice(i, i + n);
      const last = span[n - 1]!;
      // A lone function word ("i", "so", "will") names nothing, even where WordNet has it (iodine), nor
      // do words that only talk about the feed ("thank you": gratitude; "stop showing").
      // A stem the caller already read off its particles ("물" of "물에서") is a word, however short.
      if (n === 1 && (FUNCTION_WORDS.has(last) || isKoreanStopword(last) || isKoreanReaction(last) || (last.length < MIN_WORD_CHARS && !(opts.stem && words.length === 1)))) continue;
      // Nor do words that are all function words ("no more" is WordNet's "nevermore", then "present":
      // "no more food please" had filled the feed with gifts and fireworks).
      if (n > 1 && span.every((w) => ENGLISH_FEED_TALK.has(w) || FUNCTION_WORDS.has(w))) continue;
      const head = span.slice(0, -1).join(' ');
      const candidates: KoreanReading[] = isHangul(last)
        ? [...koreanReadings(kb, last).map((r) => ({ ...r, surface: head ? `${head} ${r.surface}` : r.surface })), ...koreanPhraseReadings(kb, span)]
        : englishVariants(last).map((v) => ({ surface: head ? `${head} ${v}` : v, factor: 1 }));
      for (const [ci, c] of candidates.entries()) {
        // Nor does a form that reduces to one ("having" -> "have": holding hands for "a barbecue"), nor
        // talk about the feed, a reaction ("awesome" is no "awful", "최고야" no thumbs) or a cue ("stop"
        // is no halt): the language packs list them.
        if (n === 1 && (FUNCTION_WORDS.has(c.surface) || ENGLISH_FEED_TALK.has(c.surface) || isKoreanReaction(c.surface))) continue;
        const senses = bestSense(kb.surfaces.get(c.surface));
        if (senses.length === 0) continue;
        const lastWordIsPrefix = isHangul(last) && !c.surface.endsWith(last) && c.factor < 1;
        for (const s of senses) {
          // A predicate form is never a prefix of a noun ("아프" in "아프리카").
          if (lastWordIsPrefix && seedRels.has(s.rel)) continue;
          if (c.predicate && !seedRels.has(s.rel)) continue;
          if (inContext.has(s.rel) && !placeCued) continue;
          out.push({ text: span.join(' '), surface: c.surface, concept: s.concept, weight: s.weight * c.factor, rel: s.rel, ...(c.head ? { head: true as const } : {}), ...(c.predicate ? { predicate: true as const } : {}) });
          spans.push([i, i + n]);
          matched = n;
        }
        if (matched && !candidates[ci + 1]?.also) break;
      }
    }
    i += matched || 1;
  }
  return withLooseNames(kb, words, out, spans);
}

/** A seed name found with other words among its own counts this much (as a Korean prefix reading does). */
const LOOSE_FACTOR = PREFIX_FACTOR;
/**
 * Words a loose reading may span beyond the name's own length ("my head is absolutely pounding": one).
 * On the labelled turns (dev, dev2, old blind: 526) 2 and 3 find the same two names ("head is
 * pounding", "dinner with the family" as "family dinner") in English and leave relevance@10 as it was
 * (the seeds list how those sets phrase things); in Korean "애 둘 재우고" (babysitting): dev2 ko 0.623 ->
 * 0.632, other parts unchanged.
 * Building the index (1,723 names) is part of loading the file: bench/knowledge/run.ts load 171 -> 208 ms.
 */
const LOOSE_EXTRA = 2;
/** Days said relative to today, which the English pack's time words leave to its date patterns. */
const RELATIVE_DAYS = new Set(['today', 'tomorrow', 'yesterday']);
/** A time or a word that starts one ("last night"), by the English pack: never between a name's words. */
const isTimeWord = (w: string) => englishPack.time.determiners.has(w) || englishPack.time.nouns.has(w) || RELATIVE_DAYS.has(w);
/** A name's word as the loose reading compares it: an English lemma, a Korean stem. */
const lemmaCache = new Map<string, string>();
const looseLemma = (w: string) => {
  let l = lemmaCache.get(w);
  if (l === undefined) lemmaCache.set(w, (l = isHangul(w) ? stemKorean(w).stem : lemmatizeEnglish(w)));
  return l;
};

interface LooseName { readonly surface: string; readonly lemmas: readonly string[]; readonly length: number; readonly senses: readonly SurfaceSense[] }

/**
 * Builds what matching builds on first use (the loose names' index), so that a caller that loads the
 * base in the background (the llm worker) spends it there, not in the user's first turn.
 */
export function prepareMatching(kb: KnowledgeBase): void {
  looseIndex(kb);
}

/** Seed names of two content words or more (English or Korean), by each of their lemmas, built once per base. */
const looseIndexes = new WeakMap<KnowledgeBase, Map<string, LooseName[]>>();
function looseIndex(kb: KnowledgeBase): Map<string, LooseName[]> {
  let index = looseIndexes.get(kb);
  if (index) return index;
  index = new Map();
  const seedRels = seedRelationsOf(kb);
  const seen = new Set<string>();
  for (const surface of kb.surfaces.keys()) {
    if (!surface.includes(' ') || !(/^[a-z' ]+$/.test(surface) || /^[\p{Script=Hangul} ]+$/u.test(surface))) continue;
    const seedSenses = kb.surfaces.get(surface)!.filter((x) => seedRels.has(x.rel) && !/ko-predicate/.test(kb.relations[x.rel] ?? ''));
    if (seedSenses.length === 0) continue;
    const ws = surface.split(' ');
    // A Korean name's last word is its predicate, however light ("비가 와": comes).
    const content = (w: string, k: number) => (isHangul(w) && k === ws.length - 1) || (!FUNCTION_WORDS.has(w) && !w.includes("'") && !isKoreanStopword(w) && !isKoreanStopword(looseLemma(w)));
    const lemmas = [...new Set(ws.filter(content).map(looseLemma))].filter((l) => l.length > 0);
    if (lemmas.length < 2) continue;
    const key = `${[...lemmas].sort().join(' ')}|${seedSenses.map((x) => x.concept).join(' ')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const name = { surface, lemmas, length: ws.length, senses: seedSenses };
    for (const l of lemmas) (index.get(l) ?? index.set(l, []).get(l)!).push(name);
  }
  looseIndexes.set(kb, index);
  return index;
}

/**
 * A situation's or occasion's name read with other words among or around its own ("my head is
 * absolutely pounding"; "눈이 펑펑 온다" for 눈이 온다, "애 둘 재우고" for 애 재우): every content word of
 * the name, as English lemmas or Korean stems, inside a window a little longer than the name. It
 * replaces the single-word readings it covers, as a longer name does; a name already found is not found
 * again.
 */
function withLooseNames(kb: KnowledgeBase, words: readonly string[], out: ConceptMatch[], spans: [number, number][]): ConceptMatch[] {
  if (!words.some((w) => /[a-z]/.test(w) || isHangul(w))) return out;
  const index = looseIndex(kb);
  const lemmaAt = words.map((w) => new Set(isHangul(w) ? [w, stemKorean(w).stem] : englishVariants(w)));
  const found = new Set(out.map((m) => m.concept));
  const candidates = new Set<LooseName>();
  for (const set of lemmaAt) for (const l of set) for (const n of index.get(l) ?? []) candidates.add(n);
  const added: { match: ConceptMatch; span: [number, number] }[] = [];
  for (const name of candidates) {
    if (name.senses.every((x) => found.has(x.concept))) continue;
    // The earliest window holding every lemma of the name.
    let best: [number, number] | null = null;
    for (let a = 0; a < words.length && !best; a++) {
      if (!name.lemmas.some((l) => lemmaAt[a]!.has(l))) continue;
      const limit = Math.min(words.length, a + name.length + LOOSE_EXTRA);
      const missing = new Set(name.lemmas);
      for (let b = a; b < limit; b++) {
        const before = missing.size;
        for (const l of lemmaAt[b]!) missing.delete(l);
        // Between an English name's words, only what does not change what it says: function words and
        // adverbs ("head is absolutely pounding"), not another noun nor a time ("game last night" is no
        // game night).
        if (missing.size === before && !isHangul(words[b]!) && ((!FUNCTION_WORDS.has(words[b]!) && !/..ly$/.test(words[b]!)) || isTimeWord(words[b]!))) break;
        if (missing.size === 0) { best = [a, b + 1]; break; }
      }
    }
    if (!best) continue;
    // Not across a longer match of another name.
    if (spans.some(([s, e], k) => e - s > 1 && s < best![1] && best![0] < e && !name.senses.some((x) => x.concept === out[k]!.concept))) continue;
    for (const x of name.senses) {
      if (found.has(x.concept)) continue;
      found.add(x.concept);
      added.push({ match: { text: words.slice(best[0], best[1]).join(' '), surface: name.surface, concept: x.concept, weight: x.weight * LOOSE_FACTOR, rel: x.rel }, span: best });
    }
  }
  if (added.length === 0) return out;
  const covered = (k: number) => spans[k]![1] - spans[k]![0] === 1 && added.some(({ span }) => span[0] <= spans[k]![0] && spans[k]![1] <= span[1]);
  return [...out.filter((_, k) => !covered(k)), ...added.map((a) => a.match)];
}
