// The real shipped sticker catalog, loaded once per test file, and intents built the way the app builds them.
import { readFileSync } from 'node:fs';
import { type CatalogItem, type CatalogManifest, parseCatalogItems, parseCatalogManifest } from '../../../src/core/catalog.ts';
import { emptyIntent, type Intent, type TurnExtraction } from '../../../src/core/intent.ts';
import { mergeIntent } from '../../../src/core/intent-merge.ts';
import { buildLexicalIndex, type LexicalIndex } from '../../../src/core/lexical.ts';

const dir = 'public/models/catalogs/stickers';

export function loadStickers(): { manifest: CatalogManifest; items: CatalogItem[]; lexical: LexicalIndex } {
  const manifest = parseCatalogManifest(JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')));
  const items = parseCatalogItems(JSON.parse(readFileSync(`${dir}/items.json`, 'utf8')), manifest);
  return { manifest, items, lexical: buildLexicalIndex(items, manifest) };
}

export function intentOf(p: Partial<TurnExtraction>): Intent {
  const r = mergeIntent(emptyIntent('u', 0), {
    keyPhrases: [], likes: [], dislikes: [], task: 'more_like', language: 'en', safety: { verdict: 'safe', categories: [] }, ...p,
  }, 't', 1);
  if (!r.accepted) throw new Error(r.reason);
  return r.intent;
}
