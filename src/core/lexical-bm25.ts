// MiniSearch's own index of the catalog's fields and its BM25+ scoring: measured against the shipped
// scoring in tools/eval-lexical.ts (bench/RESULTS-lexical.md), not shipped. Built only when asked for
// (LexicalIndex.search), from the same fields and terms as the shipped posting lists.
import MiniSearch from 'minisearch';
import type { CatalogItem } from './catalog.ts';
import { colorWords } from './colors.ts';
import type { LexicalHit, LexicalIndex } from './lexical.ts';
import { addHit, Because, CATEGORY_BONUS, editDistance, FIELD_WEIGHTS, FUZZY_FACTOR, fuzzyFor, prefixFor, properNames, queryTerms, SEP, termFactor, usualTags } from './lexical-match.ts';
import { matchTokens } from './text.ts';

type Doc = number;

/** MiniSearch's index of the same fields and terms (for its BM25+ score). */
export function miniSearchIndex(items: readonly CatalogItem[], fields: readonly string[], categoryTokens: (c: string) => string[]): MiniSearch<Doc> {
  const extractField = (i: Doc, field: string): string | undefined => {
    if (field === 'id') return i as unknown as string;
    const it = items[i]!;
    if (field === 'title') return properNames(it.title).common;
    if (field === 'name') return properNames(it.title).names || undefined;
    if (field === 'category') return [it.category, ...it.categories].join(SEP);
    if (field === 'colors') return it.colors?.length ? colorWords(it.colors).join(SEP) : undefined;
    const lang = field.slice(field.indexOf('.') + 1);
    if (field.startsWith('title.')) {
      const t = it.titles[lang];
      return t && t !== it.title ? t : undefined;
    }
    const tags = field.startsWith('rare.') ? it.rareTags?.[lang] : usualTags(it, lang);
    return tags && tags.length ? tags.join(SEP) : undefined;
  };
  const search = new MiniSearch<Doc>({
    fields: [...fields],
    storeFields: [],
    extractField,
    stringifyField: (v) => v,
    tokenize: (text, field) => {
      if (field === 'category') return text.split(SEP).flatMap(categoryTokens);
      return text.includes(SEP) ? text.split(SEP).flatMap(matchTokens) : matchTokens(text);
    },
    processTerm: (t) => t,
  });
  search.addAll(items.map((_, i) => i));
  return search;
}

/** scorePhrases with MiniSearch's BM25+ score, normalised per phrase (tools/eval-lexical.ts; not shipped). */
export function bm25Scores(index: LexicalIndex, phrases: readonly { text: string; weight: number }[]): Map<number, LexicalHit> {
  const tuning = index.tuning;
  const boost: Record<string, number> = {};
  for (const [f, kind] of index.fieldKinds) boost[f] = FIELD_WEIGHTS[kind];
  const hits = new Map<number, LexicalHit>();
  for (const phrase of phrases) {
    const terms = queryTerms(index, phrase.text, tuning);
    if (terms.length === 0) continue;
    const results = index.search.search(phrase.text, {
      tokenize: () => terms,
      processTerm: (t) => t,
      boost,
      bm25: { k: 1.2, b: tuning.bm25b, d: 0.5 },
      prefix: (t) => prefixFor(t, tuning),
      fuzzy: (t) => fuzzyFor(t, tuning),
    });
    if (results.length === 0) continue;
    let covered = 0;
    let exact = false;
    for (const r of results) {
      covered = Math.max(covered, r.queryTerms.length);
      if (!exact) for (const t of terms) if (r.match[t]) exact = true;
    }
    const scale = (phrase.weight * (covered / terms.length) * (exact ? 1 : FUZZY_FACTOR)) / results[0]!.score;
    for (const r of results) {
      const item = r.id as number;
      let best = { s: -1, term: '', field: 'title' };
      for (const [term, fields] of Object.entries(r.match)) {
        let q = terms.indexOf(term);
        if (q < 0) q = terms.findIndex((t) => term.startsWith(t));
        if (q < 0) q = terms.length === 1 ? 0 : terms.reduce((bi, t, i) => (editDistance(t, term) < editDistance(terms[bi]!, term) ? i : bi), 0);
        const factor = termFactor(terms[q]!, term);
        const inCategory = fields.includes('category');
        for (const f of fields) {
          const kind = index.fieldKinds.get(f) ?? 'category';
          const s = (FIELD_WEIGHTS[kind] + (inCategory && kind !== 'category' ? CATEGORY_BONUS : 0)) * factor;
          if (s > best.s) best = { s, term, field: f };
        }
      }
      addHit(hits, item, r.score * scale, new Because(phrase.text, index, item, best.term, best.field));
    }
  }
  for (const h of hits.values()) if (h.because.length > 1) h.because.sort((a, b) => b.phrase.length - a.phrase.length);
  return hits;
}
