// How much the CLIP intent source should weigh against lexical match, measured on the sticker items
// the CLIP model never saw (its held-out test split). Query = one tag of the item that is not a word of
// its title (English, and Korean separately), as a person might describe it; relevant = that item.
// Prints Recall@10 and MRR@24 of the delivered feed for lexical alone, CLIP alone and fused weights.
//
//   /usr/bin/python3 training/data_prep.py   # once, for the split (training/data/items.json)
//   npx tsx tools/eval-sticker-fusion.ts
import { readFileSync } from 'node:fs';
import { parseCatalogItems, parseCatalogManifest } from '../src/core/catalog.ts';
import { deliver } from '../src/core/delivery.ts';
import { clipHits, heldOutIds, tagQueries } from './sticker-queries.ts';
import { type Normalisation } from '../src/core/fusion/fuse.ts';
import { DEFAULT_FUSION_WEIGHTS, DEFAULT_NORMALISATION } from '../src/core/fusion/rank.ts';
import { VectorIndex } from '../src/core/index/vector-index.ts';
import { emptyIntent, type Intent } from '../src/core/intent.ts';
import { buildLexicalIndex } from '../src/core/lexical.ts';

const dir = 'public/models/catalogs/stickers';
const manifest = parseCatalogManifest(JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')));
const items = parseCatalogItems(JSON.parse(readFileSync(`${dir}/items.json`, 'utf8')), manifest);
const lexical = buildLexicalIndex(items, manifest);
const index = VectorIndex.fromBytes(readFileSync(`${dir}/${manifest.index!.file}`));
const queries = tagQueries(items, heldOutIds());
const hitsOf = await clipHits(queries, items, index);

const K = 24;
function measure(intentWeight: number, lexicalWeight: number, normalisation: Normalisation, lang: 'en' | 'ko' | 'all') {
  let r10 = 0;
  let mrr = 0;
  let n = 0;
  queries.forEach((q, qi) => {
    if (lang !== 'all' && q.lang !== lang) return;
    const intent: Intent = { ...emptyIntent('eval', 0), keyPhrases: [{ text: q.text, weight: 1, lastTurn: 0 }], language: q.lang };
    const feed = deliver({
      items, lexical, intent: lexicalWeight > 0 ? intent : { ...intent, keyPhrases: [] }, k: K,
      ...(intentWeight > 0 ? { intentHits: hitsOf[qi]! } : {}),
      weights: { ...DEFAULT_FUSION_WEIGHTS, intent: intentWeight, lexical: lexicalWeight }, normalisation,
    });
    const rank = feed.findIndex((e) => e.id === items[q.target]!.id);
    if (rank >= 0 && rank < 10) r10++;
    if (rank >= 0) mrr += 1 / (rank + 1);
    n++;
  });
  return { r10: r10 / n, mrr: mrr / n, n };
}

const rows: string[] = [];
const fmt = (x: number) => x.toFixed(3);
for (const [name, iw, lw, norm] of [
  ['lexical alone', 0, 1, DEFAULT_NORMALISATION], ['CLIP alone', 1, 0, DEFAULT_NORMALISATION],
  ['fused, CLIP 0.1', 0.1, 1, 'max'], ['fused, CLIP 0.25', 0.25, 1, 'max'], ['fused, CLIP 0.5', 0.5, 1, 'max'], ['fused, CLIP 1', 1, 1, 'max'],
  ['fused, CLIP 0.25 (minmax)', 0.25, 1, 'minmax'], ['fused, CLIP 1 (minmax)', 1, 1, 'minmax'],
] as const) {
  const en = measure(iw, lw, norm, 'en');
  const ko = measure(iw, lw, norm, 'ko');
  const all = measure(iw, lw, norm, 'all');
  rows.push(`| ${name} | ${norm} | ${fmt(en.r10)} / ${fmt(en.mrr)} | ${fmt(ko.r10)} / ${fmt(ko.mrr)} | ${fmt(all.r10)} / ${fmt(all.mrr)} |`);
}
console.log(`Sticker fusion on the CLIP model's held-out items: ${queries.length} queries (${queries.filter((q) => q.lang === 'en').length} en, ${queries.filter((q) => q.lang === 'ko').length} ko); Recall@10 / MRR of the target in a feed of ${K}.`);
console.log('| ranking | normalisation | en | ko | all |\n| --- | --- | --- | --- | --- |');
console.log(rows.join('\n'));
