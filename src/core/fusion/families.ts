// Variant families: items that are one picture drawn for different people ("man getting massage",
// "woman getting massage", "person getting massage"; "family: man, woman, boy" and 24 more families).
// A feed that shows ten of one family says one thing ten times: "추석 연휴에 시골 할머니댁 내려가"
// had shown ten families and no moon. rank.ts lets the first few of a family through and decays the rest.
import type { CatalogItem } from '../catalog.ts';

/** Words that name who a picture shows, not what it shows. */
const PERSON = /\b(?:person|man|woman|men|women|people|boy|girl|adult|child)\b/g;

/**
 * A title's family: its person words made one wildcard ("family: man, woman, boy" -> "family: *"), and
 * a leading one dropped, so the picture drawn for no one in particular is of it ("man vampire" ->
 * "vampire": "halloween" had shown three vampires and three zombies before the jack-o-lantern); so is
 * the one whose people are not listed ("couple with heart" beside "couple with heart: woman, man").
 */
export function variantFamily(title: string): string {
  return title.toLowerCase().replace(PERSON, '*').replace(/\*(?:, \*)+/g, '*').replace(/^\* (?=\p{L})/u, '').replace(/: \*$/, '');
}

const cache = new WeakMap<readonly CatalogItem[], readonly string[]>();

/** Each item's family, by item index, built once per catalog (items arrays are not rebuilt between ranks). */
export function familiesOf(items: readonly CatalogItem[]): readonly string[] {
  let f = cache.get(items);
  if (!f) cache.set(items, (f = Object.freeze(items.map((it) => variantFamily(it.title)))));
  return f;
}
