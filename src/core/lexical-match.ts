// How a query word meets the index's terms, shared by the shipped scoring (src/core/lexical.ts) and
// the BM25+ path kept for the evaluation tool (src/core/lexical-bm25.ts): how an item's fields and a
// query are read into terms, the field weights and match tuning, which terms a word
// reaches (itself, longer words it starts, near spellings) and how surely, and why a hit says what it
// matched ("because you said 'cat'": the item text that carries the word).
import type { CatalogItem } from './catalog.ts';
import { colorWords } from './colors.ts';
import { stemKorean } from './lang/ko/stem.ts';
import type { LexicalHit, LexicalIndex } from './lexical.ts';
import { isHangul, matchTokens, normalizeText, stemEnglish, stripKoreanParticle } from './text.ts';

/**
 * How much a match in each field counts; a tag is what the item is about, a title word a bit more. A
 * tag the item uses in a rare sense of the word (CatalogItem.rareTags: "culture" on the petri dish)
 * counts a third of a tag: found when nothing else is, below any item that means the word as usual.
 * A colour read from the item's picture (CatalogItem.colors) counts below a category: a red thing is
 * not about red, so what says "red" ranks first; and below an exclusion's threshold (a tag at
 * PREFIX_FACTOR, 0.48: src/core/lexical.ts dislikedItems), so "no oranges" hides the fruit, not
 * everything orange.
 */
/**
 * `name`: the proper names inside a title the catalog otherwise writes in lower case ("flag: Guinea",
 * "flag: Réunion", "Papua New Guinea"): "guinea pig", "reunion dinner", "new year" are not those
 * places, and a place the user does name reaches its item through the knowledge layer's link.
 */
export const FIELD_WEIGHTS = { title: 1, tag: 0.8, category: 0.5, color: 0.4, name: 0.3, rare: 0.25 } as const;
export type FieldKind = keyof typeof FIELD_WEIGHTS;
/** A Korean query word may match the start of a longer tag ("고양이" in "고양이얼굴"): counts this much (exclusions). */
export const PREFIX_FACTOR = 0.6;
/**
 * Exclusions: an item matched by a title or tag word whose category also carries the word ("food" on
 * a mango in "food & drink") is about that thing more surely than one matched by a tag alone.
 */
export const CATEGORY_BONUS = 0.3;
export const MIN_PREFIX_CHARS = 2;
/** A phrase found only by near spellings (no word of it as typed) counts this much against the others. */
export const FUZZY_FACTOR = 0.5;

/**
 * How wanted phrases are matched. Chosen on the development half of tools/eval-lexical.ts (items
 * with an even hash; the odd half is held out and reported in bench/RESULTS-lexical.md).
 */
export interface MatchTuning {
  /** MiniSearch fuzzy distance as a share of the word's length (0: off), for words of `fuzzyMinChars` or more. */
  readonly fuzzy: number;
  readonly fuzzyMinChars: number;
  /** Fuzzy matching for Hangul words too (one edit is a whole syllable). */
  readonly fuzzyHangul: boolean;
  /** Prefix matching: Korean words only, or every word of at least `prefixMinChars`. */
  readonly prefix: 'korean' | 'all';
  readonly prefixMinChars: number;
  /** Korean query words stemmed by the Korean stemmer against the catalog's vocabulary. */
  readonly koreanStemmer: boolean;
  /** BM25+ length normalisation (MiniSearch's default 0.7), for `scoring: 'bm25'`. */
  readonly bm25b: number;
  /** 'fields': FIELD_WEIGHTS per matched word (shipped); 'bm25': MiniSearch's BM25+ score, normalised per phrase. */
  readonly scoring: 'fields' | 'bm25';
}

export const DEFAULT_TUNING: MatchTuning = Object.freeze({
  fuzzy: 0.2,
  fuzzyMinChars: 4,
  fuzzyHangul: true,
  prefix: 'all',
  prefixMinChars: 3,
  koreanStemmer: true,
  bm25b: 0.7,
  scoring: 'fields',
});

/** Levenshtein distance, for telling which word of a phrase a near spelling came from. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** How surely an index term stands for a query word: the word itself, a longer word it starts, a near spelling. */
export function termFactor(query: string, term: string): number {
  if (term === query) return 1;
  if (term.startsWith(query)) return PREFIX_FACTOR;
  return FUZZY_FACTOR;
}

/** Prefix matching for a query word, as tuned (Korean words from two syllables). */
export function prefixFor(t: string, tuning: MatchTuning, vocabulary?: ReadonlySet<string>): boolean {
  if (isHangul(t)) return t.length >= MIN_PREFIX_CHARS;
  // A whole word the catalog uses is that word, not the start of a longer one: "bat" is no battery or
  // bathtub, "car" no carrot (with `vocabulary`, as fuzzyFor). Korean keeps its prefixes: they are compounds.
  if (vocabulary?.has(t)) return false;
  return tuning.prefix === 'all' && t.length >= tuning.prefixMinChars;
}

/**
 * Near-spelling distance (a share of the word's length) for a query word, as tuned; false: none. With
 * `vocabulary` (scorePhrases' `catalogWordsExact`), a word the catalog itself uses is what the user
 * meant, not a typo of another term: "back" is not "black", "bake" not "sake".
 */
export function fuzzyFor(t: string, tuning: MatchTuning, vocabulary?: ReadonlySet<string>): number | false {
  if (vocabulary?.has(t)) return false;
  return tuning.fuzzy > 0 && t.length >= tuning.fuzzyMinChars && (tuning.fuzzyHangul || !isHangul(t)) ? tuning.fuzzy : false;
}

/** Why an item matched: the user's phrase, and (computed when read) the item text it matched. */
export class Because {
  #matched: string | undefined;
  constructor(
    readonly phrase: string,
    private readonly index: LexicalIndex,
    private readonly item: number,
    private readonly term: string,
    private readonly field: string,
  ) {}

  /** The title, tag or category name of the item that carries the matched word. */
  get matched(): string {
    if (this.#matched === undefined) this.#matched = matchedText(this.index, this.item, this.term, this.field);
    return this.#matched;
  }

  toJSON(): { phrase: string; matched: string } {
    return { phrase: this.phrase, matched: this.matched };
  }
}

export function matchedText(index: LexicalIndex, item: number, term: string, field: string): string {
  const it = index.items[item]!;
  if (field === 'title' || field === 'name') return it.title;
  const lang = field.slice(field.indexOf('.') + 1);
  if (field.startsWith('title.')) return it.titles[lang] ?? it.title;
  const texts = field === 'category' ? index.categoryTexts(item) : field === 'colors' ? colorWords(it.colors) : field.startsWith('rare.') ? (it.rareTags?.[lang] ?? []) : (it.tags[lang] ?? []);
  return texts.find((t) => matchTokens(t).includes(term)) ?? texts.find((t) => matchTokens(t).some((w) => w.startsWith(term))) ?? texts[0] ?? it.title;
}

export function addHit(hits: Map<number, LexicalHit>, item: number, s: number, because: Because): void {
  const hit = hits.get(item);
  if (hit) {
    hit.score += s;
    hit.because.push(because);
  } else hits.set(item, { item, score: s, because: [because] });
}


/** Splits a field value made of several texts. */
export const SEP = '\n';

/** An item's tags in one language but those it uses in a rare sense (indexed in their own field). */
/**
 * A flag's region code ("AC", "IT", "NO") is an identifier, not a word anyone types for the flag: read as
 * a word it made "the ac just died" show Ascension Island's flag. Flags are found by their names.
 */
const isRegionCode = (it: CatalogItem, tag: string) => /^[A-Z]{2}$/.test(tag) && it.categories.includes('country-flag');

export function usualTags(it: CatalogItem, lang: string): readonly string[] {
  const tags = (it.tags[lang] ?? []).filter((t) => !isRegionCode(it, t));
  const rare = it.rareTags?.[lang];
  return rare && rare.length > 0 ? tags.filter((t) => !rare.includes(t)) : tags;
}

/**
 * A title's proper names, where the catalog writes its titles in lower case and capitalises names
 * ("flag: Papua New Guinea" -> names "Papua New Guinea", common "flag"). A title with no lower-case
 * word ("Blade Runner", a film's) says nothing by its case: all of it is common.
 */
export function properNames(title: string): { common: string; names: string } {
  const words = title.split(/\s+/);
  const isName = (w: string) => /^[^\p{L}]*\p{Lu}/u.test(w);
  const lower = words.some((w) => /^[^\p{L}]*\p{Ll}/u.test(w));
  if (!lower || !words.some(isName)) return { common: title, names: '' };
  return { common: words.filter((w) => !isName(w)).join(' '), names: words.filter(isName).join(' ') };
}

/** The query's words as the index keys them; Korean words through the stemmer when tuned so. */
export function queryTerms(index: LexicalIndex, text: string, tuning: MatchTuning): string[] {
  const out: string[] = [];
  for (const raw of normalizeText(text).split(/[^\p{L}\p{N}]+/u)) {
    if (!raw) continue;
    let t: string;
    if (isHangul(raw) && tuning.koreanStemmer) {
      // The stemmer finds the noun against the catalog's terms ("고양이가" -> "고양이", "물을" -> "물",
      // which the particle rule alone keeps whole), then the noun is keyed as the stored side keys it.
      const s = stemKorean(raw, index.vocabulary);
      t = stripKoreanParticle(s.known && s.stem.length > 0 ? s.stem : raw);
    } else t = stripKoreanParticle(stemEnglish(raw));
    if (!out.includes(t)) out.push(t);
  }
  return out;
}
