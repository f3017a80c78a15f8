// The sticker catalog's subgroups (tools/build-sticker-catalog.ts), 2026-12-02: emojibase-data 17 lists
// the retired "food-marine" and the current "food-sweet" under one order, and the build had taken the
// first, so the cookie and the cake were filed as seafood ("food marine": a word a sea query matches).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const items = JSON.parse(readFileSync('public/models/catalogs/stickers/items.json', 'utf8')) as { title: string; categories: string[] }[];
const subgroupOf = (title: string) => items.find((it) => it.title === title)?.categories;

describe('sticker subgroups', () => {
  it('sweets are food-sweet; seafood is marine life; nothing is filed under the retired food-marine', () => {
    for (const t of ['cookie', 'birthday cake', 'lollipop', 'ice cream']) expect(subgroupOf(t)).toEqual(['food-sweet']);
    for (const t of ['crab', 'lobster', 'oyster']) expect(subgroupOf(t)).toEqual(['animal-marine']);
    expect(items.filter((it) => it.categories.includes('food-marine'))).toEqual([]);
  });
});
