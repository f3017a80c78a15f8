// Transparent lexical retrieval: the intent's key phrases and likes matched against item titles,
// tags and category names, in every language the catalog has. One retrieval source among others;
// every score comes with the field and word that produced it, so the feed can say why.
import MiniSearch from 'minisearch';
import type { CatalogItem, CatalogManifest } from './catalog.ts';
import type { Intent } from './intent.ts';
import { isHangul, matchTokens } from './text.ts';

/** How much a match in each field counts; a tag is what the item is about, a title word a bit more. */
export const FIELD_WEIGHTS = { title: 1, tag: 0.8, category: 0.5 } as const;
type Field = keyof typeof FIELD_WEIGHTS;
/** A Korean query word may match the start of a longer tag ("고양이" in "고양이얼굴"): counts this much. */
const PREFIX_FACTOR = 0.6;
/**
 * An item matched by a title or tag word whose category also carries the word ("food" on a mango in
 * "food & drink") is about that thing more surely than one matched by a tag alone (a shrimp tagged
 * "food" in "animals & nature"): it gets this much on top of its best field.
 */
export const CATEGORY_BONUS = 0.3;
const MIN_PREFIX_CHARS = 2;
/**
 * A query word the catalog does not have ("cats", "bananna") may be a slip for one it has: up to one
 * edit per 4 characters away (MiniSearch's fuzzy term search over the vocabulary) counts this much.
 * Measured in bench/RESULTS-lexical.md (tools/eval-lexical.ts).
 */
const FUZZY_FACTOR = 0.5;
const FUZZY_MIN_CHARS = 4;
const FUZZY_MAX_TERMS = 3;

interface Posting {
  item: number;
  /** The strongest field the token occurs in, and its text (for explanations). */
  field: Field;
  word: string;
  /** The token also occurs in the item's category names. */
  inCategory: boolean;
}

export interface LexicalIndex {
  readonly items: readonly CatalogItem[];
  readonly postings: ReadonlyMap<string, readonly Posting[]>;
  /** Vocabulary sorted, for prefix lookups. */
  readonly vocabulary: readonly string[];
}

export function buildLexicalIndex(
  items: readonly CatalogItem[],
  manifest?: Pick<CatalogManifest, 'categoryLabels'> & Partial<Pick<CatalogManifest, 'categoryKeywords'>>,
): LexicalIndex {
  const postings = new Map<string, Posting[]>();
  const add = (token: string, item: number, field: Field, word: string) => {
    let list = postings.get(token);
    if (!list) postings.set(token, (list = []));
    const last = list[list.length - 1];
    // One posting per (item, token): keep the strongest field, remember a category occurrence.
    if (last && last.item === item) {
      if (field === 'category') last.inCategory = true;
      if (FIELD_WEIGHTS[field] > FIELD_WEIGHTS[last.field]) list[list.length - 1] = { ...last, field, word };
      return;
    }
    list.push({ item, field, word, inCategory: field === 'category' });
  };
  items.forEach((it, i) => {
    const fields: [Field, string][] = [['title', it.title]];
    for (const t of Object.values(it.titles)) fields.push(['title', t]);
    for (const tags of Object.values(it.tags)) for (const t of tags) fields.push(['tag', t]);
    // The item's categories (a sticker's group and subgroup, a film's genres) by id, label and keywords.
    for (const c of [it.category, ...it.categories]) {
      fields.push(['category', c.replace(/-/g, ' ')]);
      for (const l of Object.values(manifest?.categoryLabels?.[c] ?? {})) fields.push(['category', l]);
      for (const ws of Object.values(manifest?.categoryKeywords?.[c] ?? {})) for (const w of ws) fields.push(['category', w]);
    }
    // Strongest field first so the per-item dedupe keeps it.
    fields.sort((a, b) => FIELD_WEIGHTS[b[0]] - FIELD_WEIGHTS[a[0]]);
    for (const [field, text] of fields) for (const tok of matchTokens(text)) add(tok, i, field, text);
  });
  return { items, postings, vocabulary: [...postings.keys()].sort() };
}

export interface LexicalHit {
  item: number;
  score: number;
  /** The query phrase and the item text it matched, strongest first. */
  because: { phrase: string; matched: string }[];
}

function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The vocabulary as a MiniSearch index of terms, built on the first word that needs it. */
const termIndexes = new WeakMap<LexicalIndex, MiniSearch<{ id: number; term: string }>>();

/** Vocabulary terms within edit distance of a word the catalog does not have, closest first. */
function fuzzyTerms(index: LexicalIndex, token: string): string[] {
  if (token.length < FUZZY_MIN_CHARS || isHangul(token)) return [];
  let terms = termIndexes.get(index);
  if (!terms) {
    terms = new MiniSearch<{ id: number; term: string }>({ fields: ['term'], storeFields: ['term'], tokenize: (t) => [t], processTerm: (t) => t });
    terms.addAll(index.vocabulary.map((term, id) => ({ id, term })));
    termIndexes.set(index, terms);
  }
  return terms.search(token, { fuzzy: 0.25, prefix: false }).slice(0, FUZZY_MAX_TERMS).map((r) => r.term as string);
}

/**
 * Postings for one query token: exact, plus prefix matches for Korean (no spaces between words), and
 * for a word with neither, the nearest spellings the catalog has.
 */
function lookup(index: LexicalIndex, token: string, fuzzy: boolean): { posting: Posting; factor: number }[] {
  const out: { posting: Posting; factor: number }[] = [];
  for (const p of index.postings.get(token) ?? []) out.push({ posting: p, factor: 1 });
  if (isHangul(token) && token.length >= MIN_PREFIX_CHARS) {
    for (let i = lowerBound(index.vocabulary, token); i < index.vocabulary.length; i++) {
      const v = index.vocabulary[i]!;
      if (!v.startsWith(token)) break;
      if (v === token) continue;
      for (const p of index.postings.get(v) ?? []) out.push({ posting: p, factor: PREFIX_FACTOR });
    }
  }
  if (out.length === 0 && fuzzy) {
    for (const v of fuzzyTerms(index, token)) for (const p of index.postings.get(v) ?? []) out.push({ posting: p, factor: FUZZY_FACTOR });
  }
  return out;
}

/**
 * Scores items for a set of weighted phrases. A phrase of several words scores an item by the mean
 * over its words of the best field match, so "street food" prefers items matching both words.
 */
export function scorePhrases(
  index: LexicalIndex,
  phrases: readonly { text: string; weight: number }[],
  /** Also match near spellings of words the catalog does not have (not for dislikes: exclusions stay exact). */
  options: { fuzzy?: boolean } = {},
): Map<number, LexicalHit> {
  const fuzzy = options.fuzzy ?? true;
  const hits = new Map<number, LexicalHit>();
  for (const phrase of phrases) {
    const tokens = [...new Set(matchTokens(phrase.text))];
    if (tokens.length === 0) continue;
    const perItem = new Map<number, { sum: number; matched: string }>();
    for (const tok of tokens) {
      const best = new Map<number, { s: number; word: string }>();
      for (const { posting, factor } of lookup(index, tok, fuzzy)) {
        const bonus = posting.inCategory && posting.field !== 'category' ? CATEGORY_BONUS : 0;
        const s = (FIELD_WEIGHTS[posting.field] + bonus) * factor;
        const prev = best.get(posting.item);
        if (!prev || s > prev.s) best.set(posting.item, { s, word: posting.word });
      }
      for (const [item, { s, word }] of best) {
        const acc = perItem.get(item);
        if (acc) acc.sum += s;
        else perItem.set(item, { sum: s, matched: word });
      }
    }
    for (const [item, { sum, matched }] of perItem) {
      const s = (phrase.weight * sum) / tokens.length;
      const hit = hits.get(item);
      if (hit) {
        hit.score += s;
        hit.because.push({ phrase: phrase.text, matched });
      } else {
        hits.set(item, { item, score: s, because: [{ phrase: phrase.text, matched }] });
      }
    }
  }
  for (const h of hits.values()) h.because.sort((a, b) => b.phrase.length - a.phrase.length);
  return hits;
}

/** The phrases an intent asks for: key phrases plus likes (a like counts fully). */
export function positivePhrases(intent: Intent): { text: string; weight: number }[] {
  const byKey = new Map<string, { text: string; weight: number }>();
  for (const p of [...intent.keyPhrases, ...intent.likes]) {
    const k = p.text.toLocaleLowerCase();
    const prev = byKey.get(k);
    if (!prev || p.weight > prev.weight) byKey.set(k, { text: p.text, weight: p.weight });
  }
  return [...byKey.values()];
}

/** Items the user said they do not want: any item matching a disliked phrase in its title or tags. */
export function dislikedItems(index: LexicalIndex, intent: Intent): Set<number> {
  const out = new Set<number>();
  const hits = scorePhrases(index, intent.dislikes.map((d) => ({ text: d.text, weight: 1 })), { fuzzy: false });
  // A dislike excludes on any full match, a category included ("no animals"); a Korean prefix match
  // must hit a tag or title to count, so a short word cannot wipe out a whole category.
  const threshold = FIELD_WEIGHTS.tag * PREFIX_FACTOR - 1e-9;
  for (const h of hits.values()) if (h.score >= threshold) out.add(h.item);
  return out;
}
