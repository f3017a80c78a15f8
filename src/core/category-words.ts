// A catalog's subgroups named in every language by their own items' tags: a one-word tag nearly all of
// whose items lie in one subgroup, and that most of that subgroup carries, names the subgroup ("벌레":
// nine of the sixteen bugs carry it and nothing else does, so "벌레 빼줘" hides the bee and the snail
// too, which only the English subgroup id "animal-bug" had reached). Read from the items at index time,
// so a site owner's catalog gets the same without writing keywords. Used for refusals only
// (lexical.ts dislikedItems): as words to search for, such names had let "earth" bring the globes to a
// volcano and "다리" the people in the lotus position (dev2 en 0.729 -> 0.723, 2026-12-02).
import type { CatalogItem } from './catalog.ts';

/** Share of a tag's items that must lie in the subgroup (specific to it). */
export const TAG_SPECIFIC = 0.9;
/**
 * Share of the subgroup that must carry the tag. Sticker catalog, 2026-12-02: at 0.4 "술" (8 of 20
 * drinks, all alcohol) named every drink, so "술 말고" hid the milk; at 0.5 it does not, and "벌레"
 * (9/16), "곤충" (8/16), "새" and "조류" (12 and 14 of 22) still name theirs.
 */
export const TAG_COVERS = 0.5;
/** A subgroup smaller than this, or a tag on fewer items, names nothing by this rule. */
const MIN_ITEMS = 3;

/** What tagNamedSubgroups and the catalog tools read of an item: its tags per language and its subgroups. */
export interface TaggedItem { readonly tags?: Readonly<Record<string, readonly string[]>>; readonly categories?: readonly string[] }

/** How many items carry each tag (lower case), in the catalog and in each subgroup, and each subgroup's size. */
export interface SubgroupTagCounts {
  readonly size: ReadonlyMap<string, number>;
  readonly items: (tag: string) => number;
  readonly carried: (subgroup: string, tag: string) => number;
}

/** Counts the tags `tagsOf` reads from each item, per subgroup (tools/knowledge/tag-senses.ts counts per language). */
export function subgroupTagCounts<T extends TaggedItem>(items: readonly T[], tagsOf: (it: T) => Iterable<string>): SubgroupTagCounts {
  const tagItems = new Map<string, number>();
  const bySubgroup = new Map<string, Map<string, number>>();
  const size = new Map<string, number>();
  for (const it of items) {
    const tags = new Set([...tagsOf(it)].map((t) => t.toLocaleLowerCase()));
    for (const t of tags) tagItems.set(t, (tagItems.get(t) ?? 0) + 1);
    for (const c of new Set(it.categories ?? [])) {
      size.set(c, (size.get(c) ?? 0) + 1);
      const counts = bySubgroup.get(c) ?? bySubgroup.set(c, new Map()).get(c)!;
      for (const t of tags) counts.set(t, (counts.get(t) ?? 0) + 1);
    }
  }
  return { size, items: (t) => tagItems.get(t) ?? 0, carried: (c, t) => bySubgroup.get(c)?.get(t) ?? 0 };
}

/** Per subgroup (CatalogItem.categories), the one-word tags that name it, in every language the items have. */
export function tagNamedSubgroups(items: readonly TaggedItem[]): Map<string, string[]> {
  const oneWord = (it: TaggedItem) => Object.values(it.tags ?? {}).flat().filter((t) => !/\s/.test(t));
  const counts = subgroupTagCounts(items, oneWord);
  const tagsOf = new Map<string, Set<string>>();
  for (const it of items) for (const c of it.categories ?? []) for (const t of oneWord(it)) (tagsOf.get(c) ?? tagsOf.set(c, new Set()).get(c)!).add(t.toLocaleLowerCase());
  const out = new Map<string, string[]>();
  for (const [c, n] of counts.size) {
    if (n < MIN_ITEMS) continue;
    const names = [...(tagsOf.get(c) ?? [])].filter((t) => {
      const k = counts.carried(c, t);
      return k >= MIN_ITEMS && k / n >= TAG_COVERS && k / counts.items(t) >= TAG_SPECIFIC;
    }).sort();
    if (names.length > 0) out.set(c, names);
  }
  return out;
}

/** Per tag (lower case) that names a subgroup, the indices of that subgroup's items. */
export function subgroupsNamedByTags(items: readonly CatalogItem[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const named = tagNamedSubgroups(items);
  items.forEach((it, i) => {
    for (const c of new Set(it.categories)) for (const t of named.get(c) ?? []) (out.get(t) ?? out.set(t, []).get(t)!).push(i);
  });
  return out;
}
