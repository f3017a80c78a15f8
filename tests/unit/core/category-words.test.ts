// Subgroups named by their items' own tags (src/core/category-words.ts), for refusals: "벌레 빼줘"
// hides every bug, not only the nine whose Korean tags say 벌레 (2026-12-02).
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogItem } from '../../../src/core/catalog.ts';
import { tagNamedSubgroups } from '../../../src/core/category-words.ts';
import { buildLexicalIndex, dislikedItems, type LexicalIndex } from '../../../src/core/lexical.ts';
import { productTurns } from '../knowledge/product-turns.ts';
import { intentOf, loadStickers } from './stickers.ts';

let items: CatalogItem[];
let lexical: LexicalIndex;
beforeAll(() => {
  ({ items, lexical } = loadStickers());
});

const item = (id: string, sub: string, tags: string[]): CatalogItem =>
  ({ id, title: id, titles: {}, tags: { en: tags }, category: 'g', categories: [sub], safety: 'safe', popularity: 0.5 }) as unknown as CatalogItem;

describe('a tag that names a subgroup', () => {
  it('is carried by most of the subgroup and almost nowhere else; a tag shared across subgroups, or by few, names none', () => {
    const catalog = [
      item('a', 'bugs', ['insect', 'garden']), item('b', 'bugs', ['insect']), item('c', 'bugs', ['insect']), item('d', 'bugs', ['slimy']),
      item('e', 'birds', ['garden', 'bird']), item('f', 'birds', ['bird', 'garden']), item('g', 'birds', ['bird']),
    ];
    expect([...tagNamedSubgroups(catalog)]).toEqual([['bugs', ['insect']], ['birds', ['bird']]]);
  });

  it('"벌레" names the stickers\' bugs: its refusal hides the bee and the snail, whose tags never say it', () => {
    const hidden = [...dislikedItems(lexical, intentOf({ dislikes: ['벌레'] }))].map((i) => items[i]!.title);
    expect(hidden).toEqual(expect.arrayContaining(['bug', 'honeybee', 'snail', 'butterfly']));
    expect(hidden.some((t) => /cat|dog|bird/.test(t))).toBe(false);
  });

  it('"벌레 징그러우니까 다 빼줘", then "아 나비는 예외! 나비만 다시": the butterfly and no other bug', () => {
    const { top } = productTurns('벌레 징그러우니까 다 빼줘', '아 나비는 예외! 나비만 다시');
    expect(top[0]!.title).toBe('butterfly');
    expect(top.slice(1).filter((it) => it.categories.includes('animal-bug')).map((it) => it.title)).toEqual([]);
  });

  it('"술" (alcohol, on 8 of 20 drinks) names no subgroup: refusing it keeps the milk', () => {
    const hidden = [...dislikedItems(lexical, intentOf({ dislikes: ['술'] }))].map((i) => items[i]!.title);
    expect(hidden).not.toContain('glass of milk');
  });
});
