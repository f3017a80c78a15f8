// Transparent lexical retrieval: the intent's key phrases and likes matched against item titles,
// tags and category names, in every language the catalog has. One retrieval source among others;
// every score comes with the phrase (and the item text) that produced it, so the feed can say why.
//
// Wanted phrases are matched as MiniSearch matches them (prefix and fuzzy term matching in its radix
// tree of terms), which finds words as people type them ("cats", "bannana", "고양이가"); measured
// against the former hand-written matcher in bench/RESULTS-lexical.md (`npx tsx tools/eval-lexical.ts`).
// The items a term reaches come from our own inverted index in typed arrays (lexical-postings.ts):
// the shipped scoring needs only which fields carry each term, and MiniSearch's document index cost
// 3 to 12 s and 87 MiB to build for 100k items and a result object per matching item per query
// (bench/RESULTS-catalog.md). MiniSearch's own index is built only when its BM25+ score is asked for
// (`scoring: 'bm25'`, the evaluation tool; lexical-bm25.ts). Exclusions (dislikedItems) stay exact: exact terms only
// (and Korean prefixes of a tag or title), so "no cats" never hides "catalogue" by fuzziness.
// Field weights, the match tuning, how a word reaches terms and why a hit says what it matched live
// in lexical-match.ts (re-exported here where other modules read them).
import type MiniSearch from 'minisearch';
import { type CatalogItem, type CatalogManifest, rowsOf } from './catalog.ts';
import { subgroupsNamedByTags } from './category-words.ts';
import { colorWords } from './colors.ts';
import type { Intent } from './intent.ts';
import { bm25Scores, miniSearchIndex } from './lexical-bm25.ts';
import { addHit, Because, CATEGORY_BONUS, DEFAULT_TUNING, editDistance, FIELD_WEIGHTS, type FieldKind, fuzzyFor, type MatchTuning, MIN_PREFIX_CHARS, PREFIX_FACTOR, prefixFor, properNames, queryTerms, SEP, termFactor, usualTags } from './lexical-match.ts';
import { buildPostings, matchOrder, matchWords, type Postings, reachedTerms, reachesAnyTerm, type TermUse } from './lexical-postings.ts';
import { isHangul, matchTokens } from './text.ts';

export { CATEGORY_BONUS, DEFAULT_TUNING, FIELD_WEIGHTS, type MatchTuning, properNames } from './lexical-match.ts';

type Doc = number;

export interface LexicalIndex {
  readonly items: readonly CatalogItem[];
  /** Terms and the items carrying them, per field (field ids: positions in `fieldKinds`). */
  readonly postings: Postings;
  /**
   * One MiniSearch document per item (id = item index), fields by kind and language: built on first
   * use (BM25+ scoring, tools), not for the shipped scoring.
   */
  readonly search: MiniSearch<Doc>;
  /** Each index field's kind ("title", "title.ko", "tags.en", "category"), in field id order. */
  readonly fieldKinds: ReadonlyMap<string, FieldKind>;
  /** Every term of the catalog (the Korean stemmer's lexicon). */
  readonly vocabulary: ReadonlySet<string>;
  /** A tag that names a subgroup (./category-words.ts) and that subgroup's items: what its refusal hides. */
  readonly subgroupNamedBy: ReadonlyMap<string, readonly number[]>;
  /** Category texts per item (id, labels, keywords), for explanations. */
  readonly categoryTexts: (item: number) => string[];
  readonly tuning: MatchTuning;
}

export function buildLexicalIndex(
  items: readonly CatalogItem[],
  manifest?: Pick<CatalogManifest, 'categoryLabels'> & Partial<Pick<CatalogManifest, 'categoryKeywords'>>,
  tuning: Partial<MatchTuning> = {},
): LexicalIndex {
  const titleLangs = new Set<string>();
  const tagLangs = new Set<string>();
  const rareLangs = new Set<string>();
  for (const it of items) {
    for (const l of Object.keys(it.titles)) titleLangs.add(l);
    for (const l of Object.keys(it.tags)) tagLangs.add(l);
    if (it.rareTags) for (const l of Object.keys(it.rareTags)) rareLangs.add(l);
  }
  const fieldKinds = new Map<string, FieldKind>([['title', 'title']]);
  // Each title split once into its common words and its proper names.
  const titleParts = items.map((it) => properNames(it.title));
  if (titleParts.some((t) => t.names)) fieldKinds.set('name', 'name');
  for (const l of [...titleLangs].sort()) fieldKinds.set(`title.${l}`, 'title');
  for (const l of [...tagLangs].sort()) fieldKinds.set(`tags.${l}`, 'tag');
  for (const l of [...rareLangs].sort()) fieldKinds.set(`rare.${l}`, 'rare');
  if (items.some((it) => it.colors?.length)) fieldKinds.set('colors', 'color');
  // Last: scoring takes the last field for the category (matchWords' category field).
  fieldKinds.set('category', 'category');

  // Category texts are shared by every item of a category: built and tokenised once per category.
  const categoryCache = new Map<string, string[]>();
  const categoryOf = (c: string): string[] => {
    let texts = categoryCache.get(c);
    if (!texts) {
      texts = [c.replace(/-/g, ' ')];
      for (const l of Object.values(manifest?.categoryLabels?.[c] ?? {})) texts.push(l);
      for (const ws of Object.values(manifest?.categoryKeywords?.[c] ?? {})) texts.push(...ws);
      categoryCache.set(c, texts);
    }
    return texts;
  };
  const categoryTexts = (i: number) => {
    const it = items[i]!;
    return [it.category, ...it.categories].flatMap(categoryOf);
  };

  // Tokens per distinct text: tags and category names repeat across items, so most are cache hits
  // (titles mostly do not: they are tokenised directly).
  const tokenCache = new Map<string, string[]>();
  const tokensOf = (text: string): string[] => {
    let toks = tokenCache.get(text);
    if (!toks) tokenCache.set(text, (toks = matchTokens(text)));
    return toks;
  };
  // A word of a group's label that one of its subgroups also carries names that subgroup, not the
  // group: "drink" in "food & drink" is the drinks, not the hot pepper and the lemon, which the label
  // had matched like a drink ("drinks", then "only warm ones").
  const subgroupsOf = new Map<string, Set<string>>();
  for (const it of items) for (const c of it.categories) if (c !== it.category) (subgroupsOf.get(it.category) ?? subgroupsOf.set(it.category, new Set()).get(it.category)!).add(c);
  const categoryTokenCache = new Map<string, string[]>();
  const categoryTokens = (c: string): string[] => {
    let toks = categoryTokenCache.get(c);
    if (!toks) {
      const own = categoryOf(c).flatMap(tokensOf);
      const inSubgroups = new Set([...(subgroupsOf.get(c) ?? [])].flatMap((sub) => categoryOf(sub).flatMap(tokensOf)));
      categoryTokenCache.set(c, (toks = own.filter((t) => !inSubgroups.has(t))));
    }
    return toks;
  };
  // A field value made of several texts is split on SEP first, as MiniSearch's tokenizer below does.
  const each = (text: string, tokens: (t: string) => readonly string[], emit: (term: string) => void) => {
    if (text.includes(SEP)) for (const part of text.split(SEP)) for (const t of tokens(part)) emit(t);
    else for (const t of tokens(text)) emit(t);
  };
  const fields = [...fieldKinds.keys()];
  const langOf = fields.map((f) => f.slice(f.indexOf('.') + 1));
  const postings = buildPostings(items.length, fields.length, (i, f, emit) => {
    const it = items[i]!;
    const field = fields[f]!;
    if (field === 'title') each(titleParts[i]!.common, matchTokens, emit);
    else if (field === 'name') each(titleParts[i]!.names, matchTokens, emit);
    else if (field === 'category') {
      each(it.category, categoryTokens, emit);
      for (const c of it.categories) each(c, categoryTokens, emit);
    } else if (field.startsWith('title.')) {
      const t = it.titles[langOf[f]!];
      if (t && t !== it.title) each(t, matchTokens, emit);
    } else if (field === 'colors') for (const word of colorWords(it.colors)) each(word, tokensOf, emit);
    else if (field.startsWith('rare.')) for (const tag of it.rareTags?.[langOf[f]!] ?? []) each(tag, tokensOf, emit);
    else for (const tag of usualTags(it, langOf[f]!)) each(tag, tokensOf, emit);
  });
  const vocabulary = new Set(postings.termText);

  let search: MiniSearch<Doc> | undefined;
  return {
    items, postings, fieldKinds, vocabulary, subgroupNamedBy: subgroupsNamedByTags(items), categoryTexts, tuning: { ...DEFAULT_TUNING, ...tuning },
    get search() {
      search ??= miniSearchIndex(items, fields, categoryTokens);
      return search;
    },
  };
}

export interface LexicalHit {
  item: number;
  score: number;
  /** The query phrase and the item text it matched, longest phrase first. */
  because: { readonly phrase: string; readonly matched: string }[];
}

/**
 * A match's score in a field: its weight, plus CATEGORY_BONUS when the item's category carries the term
 * too. `namesAsTitle`: a proper name in a title counts as the title (exact matching: what the knowledge
 * layer names, "South Korea", is that name; an exclusion, "no france", hides the flag).
 */
function fieldScoreOf(index: LexicalIndex, namesAsTitle = false): (field: number, inCategory: boolean) => number {
  const kinds = [...index.fieldKinds.values()].map((k) => (namesAsTitle && k === 'name' ? 'title' : k));
  return (f, inCategory) => FIELD_WEIGHTS[kinds[f]!] + (inCategory && kinds[f] !== 'category' ? CATEGORY_BONUS : 0);
}

const fieldNames = new WeakMap<LexicalIndex, readonly string[]>();
function fieldName(index: LexicalIndex, f: number): string {
  let names = fieldNames.get(index);
  if (!names) fieldNames.set(index, (names = [...index.fieldKinds.keys()]));
  return names[f]!;
}

/** The terms a phrase's words reach (exact, prefix, near spellings), each once, as MiniSearch lists them. */
function phraseTerms(index: LexicalIndex, terms: readonly string[], catalogWordsExact = false): number[] {
  const vocabulary = catalogWordsExact ? index.vocabulary : undefined;
  const seen = new Set<number>();
  const reached: number[] = [];
  for (const t of terms) {
    for (const id of reachedTerms(index.postings, t, prefixFor(t, index.tuning, vocabulary), fuzzyFor(t, index.tuning, vocabulary))) {
      if (!seen.has(id)) {
        seen.add(id);
        reached.push(id);
      }
    }
  }
  return matchOrder(index.postings, reached);
}

/** Whether the phrase matches any item (as `scorePhrases` with near spellings would). */
export function phraseMatches(index: LexicalIndex, text: string): boolean {
  const terms = queryTerms(index, text, index.tuning);
  return terms.some((t) => reachesAnyTerm(index.postings, t, prefixFor(t, index.tuning), fuzzyFor(t, index.tuning)));
}

/**
 * Scores items for a set of weighted phrases. Each word of a phrase reaches index terms (itself; the
 * longer words it starts; near spellings within the tuned edit distance, as MiniSearch finds them);
 * an item scores, per word, the best field weight that word reaches (FIELD_WEIGHTS, plus
 * CATEGORY_BONUS when the item's category carries it too), times how surely the term stands for the
 * word (1, PREFIX_FACTOR, FUZZY_FACTOR), averaged over the phrase's words, so "street food" prefers
 * items matching both; times the phrase's weight, summed over phrases. Only the posting lists of the
 * reached terms are read. With `scoring: 'bm25'` (measured in tools/eval-lexical.ts, not shipped)
 * MiniSearch's own BM25+ score is used instead.
 */
export function scorePhrases(
  index: LexicalIndex,
  phrases: readonly { text: string; weight: number }[],
  options: {
    /** Also match near spellings and prefixes of words (not for dislikes: exclusions stay exact). */
    fuzzy?: boolean;
    /**
     * Near spellings only for words the catalog does not use: a word it uses is what was meant, not a
     * typo of another ("back" is not "black"). The lexical source asks for it (what the user typed).
     */
    catalogWordsExact?: boolean;
    /**
     * Exact matching: a proper name in a title counts as the title for every phrase (exclusions: "no
     * france" hides the flag). Otherwise only for a phrase written with capitals, as the knowledge
     * layer names a place ("South Korea"); "lunar new year" is no "Papua New Guinea".
     */
    namesAsTitles?: boolean;
    /**
     * Exact matching: an item must carry more than this share of a phrase's words. For what the
     * knowledge layer names as whole things ("face with medical mask"): the one word "face" had let
     * every smiley in, summed over the several face names a cold implies.
     */
    minShare?: number;
  } = {},
): Map<number, LexicalHit> {
  if (options.fuzzy === false) return exactScores(index, phrases, options.namesAsTitles === true, options.minShare ?? 0);
  if (index.tuning.scoring === 'bm25') return bm25Scores(index, phrases);
  const p = index.postings;
  const fieldScore = fieldScoreOf(index);
  const hits = new Map<number, LexicalHit>();
  for (const phrase of phrases) {
    const terms = queryTerms(index, phrase.text, index.tuning);
    if (terms.length === 0) continue;
    const uses: TermUse[] = phraseTerms(index, terms, options.catalogWordsExact).map((id) => {
      const term = p.termText[id]!;
      // The phrase word this index term stands for: itself, the word it starts, or the nearest.
      let q = terms.indexOf(term);
      if (q < 0) q = terms.findIndex((t) => term.startsWith(t));
      if (q < 0) q = terms.length === 1 ? 0 : terms.reduce((bi, t, i) => (editDistance(t, term) < editDistance(terms[bi]!, term) ? i : bi), 0);
      return { term: id, word: q, factor: termFactor(terms[q]!, term) };
    });
    if (uses.length === 0) continue;
    const m = matchWords(p, uses, terms.length, p.fieldCount - 1, fieldScore);
    for (let slot = 0; slot < m.count; slot++) {
      let sum = 0;
      for (let q = 0; q < terms.length; q++) sum += m.wordScore[slot * terms.length + q]!;
      const item = m.items[slot]!;
      const because = new Because(phrase.text, index, item, p.termText[uses[m.bestUse[slot]!]!.term]!, fieldName(index, m.bestField[slot]!));
      addHit(hits, item, (phrase.weight * sum) / terms.length, because);
    }
  }
  for (const h of hits.values()) if (h.because.length > 1) h.because.sort((a, b) => b.phrase.length - a.phrase.length);
  return hits;
}

/**
 * Exact scoring (exclusions): a phrase scores an item by the mean over its words of the best field
 * the word occurs in as such (a Korean word also as the start of a longer word, at PREFIX_FACTOR).
 */
function exactScores(index: LexicalIndex, phrases: readonly { text: string; weight: number }[], namesAsTitles: boolean, minShare: number): Map<number, LexicalHit> {
  const p = index.postings;
  const asTitles = fieldScoreOf(index, true);
  const asNames = fieldScoreOf(index);
  const hits = new Map<number, LexicalHit>();
  for (const phrase of phrases) {
    const tokens = [...new Set(matchTokens(phrase.text))];
    if (tokens.length === 0) continue;
    const uses: TermUse[] = [];
    tokens.forEach((tok, q) => {
      for (const id of matchOrder(p, reachedTerms(p, tok, isHangul(tok) && tok.length >= MIN_PREFIX_CHARS, false))) {
        uses.push({ term: id, word: q, factor: p.termText[id] === tok ? 1 : PREFIX_FACTOR });
      }
    });
    if (uses.length === 0) continue;
    const m = matchWords(p, uses, tokens.length, p.fieldCount - 1, namesAsTitles || /\p{Lu}/u.test(phrase.text) ? asTitles : asNames);
    for (let slot = 0; slot < m.count; slot++) {
      let sum = 0;
      let first = -1;
      let matched = 0;
      for (let q = 0; q < tokens.length; q++) {
        const w = slot * tokens.length + q;
        sum += m.wordScore[w]!;
        if (m.wordScore[w]! > 0) matched++;
        if (first < 0 && m.wordScore[w]! > 0) first = w;
      }
      if (matched <= minShare * tokens.length) continue;
      // The item's text for the first word that matched it.
      const item = m.items[slot]!;
      const because = new Because(phrase.text, index, item, p.termText[uses[m.wordUse[first]!]!.term]!, fieldName(index, m.wordField[first]!));
      addHit(hits, item, (phrase.weight * sum) / tokens.length, because);
    }
  }
  for (const h of hits.values()) if (h.because.length > 1) h.because.sort((a, b) => b.phrase.length - a.phrase.length);
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

/** Items the user said they do not want: any item matching a disliked phrase in its title or tags, and its linked kinds. */
export function dislikedItems(index: LexicalIndex, intent: Intent): Set<number> {
  const out = new Set<number>();
  // The kinds of what is refused that the knowledge layer linked (the sake for "no alcohol").
  const row = rowsOf(index.items);
  for (const d of intent.dislikes) for (const id of d.itemIds ?? []) { const i = row.get(id); if (i !== undefined) out.add(i); }
  // A refused word that names a subgroup hides all of it ("벌레 빼줘": the bee and the snail too).
  for (const d of intent.dislikes) for (const i of index.subgroupNamedBy.get(d.text.toLocaleLowerCase()) ?? []) out.add(i);
  const hits = scorePhrases(index, intent.dislikes.map((d) => ({ text: d.text, weight: 1 })), { fuzzy: false, namesAsTitles: true });
  // A dislike excludes on any full match, a category included ("no animals"); a Korean prefix match
  // must hit a tag or title to count, so a short word cannot wipe out a whole category.
  const threshold = FIELD_WEIGHTS.tag * PREFIX_FACTOR - 1e-9;
  for (const h of hits.values()) if (h.score >= threshold) out.add(h.item);
  return out;
}
