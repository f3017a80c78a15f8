// The labelled sticker tag queries (one tag of a held-out item that is not a word of its title, as a
// person might describe it) and their CLIP hits from the shipped text tower: shared by the fusion
// eval (tools/eval-sticker-fusion.ts) and the session-vector fusion check (bench/engagement/).
import { readFileSync } from 'node:fs';
import { AutoTokenizer, CLIPTextModelWithProjection, env, type Tensor } from '@huggingface/transformers';
import type { CatalogItem } from '../src/core/catalog.ts';
import type { IntentHit } from '../src/core/delivery.ts';
import type { VectorIndex } from '../src/core/index/vector-index.ts';

export interface TagQuery {
  lang: 'en' | 'ko';
  text: string;
  /** The target item's row in `items`. */
  target: number;
}

/** The ids of the emoji the CLIP model never saw (its test split, training/data_prep.py). */
export function heldOutIds(splitFile = 'training/data/items.json'): Set<string> {
  let split: { items: { catalog_id: string; source: string; split: string }[] };
  try {
    split = JSON.parse(readFileSync(splitFile, 'utf8'));
  } catch {
    throw new Error(`${splitFile} is missing: run /usr/bin/python3 training/data_prep.py first`);
  }
  return new Set(split.items.filter((x) => x.source === 'emoji' && x.split === 'test').map((x) => x.catalog_id));
}

/** One query per held-out item and language, drawn with a fixed seed (7). */
export function tagQueries(items: readonly CatalogItem[], heldOut: ReadonlySet<string>): TagQuery[] {
  const rowOf = new Map(items.map((it, i) => [it.id, i]));
  let seed = 7;
  const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const queries: TagQuery[] = [];
  for (const it of items) {
    if (!heldOut.has(it.id)) continue;
    for (const lang of ['en', 'ko'] as const) {
      const title = (lang === 'en' ? it.title : (it.titles.ko ?? '')).toLowerCase();
      const tags = (it.tags[lang] ?? []).filter((t) => !title.includes(t.toLowerCase()) && t.length > 1);
      if (tags.length === 0) continue;
      queries.push({ lang, text: tags[Math.floor(rnd() * tags.length)]!, target: rowOf.get(it.id)! });
    }
  }
  return queries;
}

/** Each query's 96 nearest items by the shipped clip-mini text tower (in Node, on the CPU). */
export async function clipHits(queries: readonly TagQuery[], items: readonly CatalogItem[], index: VectorIndex): Promise<IntentHit[][]> {
  env.allowRemoteModels = false;
  env.localModelPath = 'public/models/';
  const rowOf = new Map(items.map((it, i) => [it.id, i]));
  const tok = await AutoTokenizer.from_pretrained('clip-mini');
  const model = await CLIPTextModelWithProjection.from_pretrained('clip-mini', { device: 'cpu', dtype: 'fp32' });
  const hitsOf: IntentHit[][] = [];
  for (let i = 0; i < queries.length; i += 64) {
    const batch = queries.slice(i, i + 64);
    const { text_embeds } = (await model(tok(batch.map((q) => q.text), { padding: true, truncation: true }))) as { text_embeds: Tensor };
    const dim = text_embeds.dims[1]!;
    batch.forEach((q, b) => {
      const v = (text_embeds.data as Float32Array).slice(b * dim, (b + 1) * dim);
      const n = Math.hypot(...v);
      const hits = index.search([v.map((x) => x / n)], 96);
      hitsOf.push(hits.map((h) => ({ item: rowOf.get(h.id)!, score: h.score, because: [{ phrase: q.text }] })));
    });
  }
  return hitsOf;
}
