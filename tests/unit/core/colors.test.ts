// Colours read from an item's picture (src/core/colors.ts): pixels to basic colour terms, the catalog
// field that carries them, the lexical index that matches them in every language pack's words, and a
// refinement by colour on the product path ("fruit", then "only the red ones"; "과일", "노란 것만").
import { describe, expect, it } from 'vitest';
import { CatalogError, type CatalogItem, parseCatalogItems, parseCatalogManifest } from '../../../src/core/catalog.ts';
import { colorOfPixel, colorsOfPixels, MIN_COLOR_SHARE } from '../../../src/core/colors.ts';
import { buildLexicalIndex, dislikedItems, scorePhrases } from '../../../src/core/lexical.ts';
import { emptyIntent } from '../../../src/core/intent.ts';
import { productTurns } from '../knowledge/product-turns.ts';
import { manifest as rawManifest } from '../extract/fixtures.ts';

/** RGBA pixels: `n` of each colour given. */
function pixels(...runs: [rgba: [number, number, number, number], n: number][]): Uint8Array {
  return new Uint8Array(runs.flatMap(([c, n]) => Array.from({ length: n }, () => c).flat()));
}

describe('colorOfPixel', () => {
  it.each([
    [[220, 40, 40], 'red'], [[250, 150, 20], 'orange'], [[250, 220, 60], 'yellow'], [[60, 170, 70], 'green'],
    [[40, 110, 220], 'blue'], [[150, 70, 200], 'purple'], [[240, 110, 190], 'pink'], [[150, 90, 50], 'brown'],
    [[15, 15, 15], 'black'], [[250, 250, 250], 'white'], [[128, 128, 128], 'grey'], [[255, 170, 170], 'pink'],
  ] as const)('%j is %s', (rgb, term) => {
    expect(colorOfPixel(rgb[0], rgb[1], rgb[2])).toBe(term);
  });
});

describe('colorsOfPixels', () => {
  it('names the colours covering enough of the opaque pixels, the most covering first, and ignores the background', () => {
    const red: [number, number, number, number] = [220, 40, 40, 255];
    const green: [number, number, number, number] = [60, 170, 70, 255];
    const clear: [number, number, number, number] = [40, 110, 220, 0];
    // 60 red, 40 green, 900 transparent blue: red and green, no blue.
    expect(colorsOfPixels(pixels([red, 60], [green, 40], [clear, 900]))).toEqual(['red', 'green']);
    // A colour under the share does not name the picture.
    const few = Math.floor(MIN_COLOR_SHARE * 100) - 1;
    expect(colorsOfPixels(pixels([red, 100 - few], [green, few]))).toEqual(['red']);
    expect(colorsOfPixels(pixels([clear, 10]))).toEqual([]);
    expect(colorsOfPixels(new Uint8Array(0))).toEqual([]);
  });
});

describe('the shipped stickers\' colours (read from their Noto pictures by npm run catalog:stickers)', () => {
  it.each([
    ['strawberry', ['red']], ['red apple', ['red']], ['green apple', ['green']], ['banana', ['yellow', 'orange']],
    ['carrot', ['orange', 'green']], ['grapes', ['purple']], ['blue heart', ['blue']], ['brown heart', ['brown']],
    ['black heart', ['black']], ['white heart', ['white']], ['pink heart', ['pink']], ['tangerine', ['orange']],
  ])('%s: %j', async (title, colors) => {
    const { items } = await import('../extract/fixtures.ts');
    expect((items as { title: string; colors?: string[] }[]).find((it) => it.title === title)?.colors).toEqual(colors);
  });
});

const manifest = parseCatalogManifest({ ...rawManifest, itemCount: 3 });
const item = (id: string, title: string, extra: Partial<CatalogItem> = {}) => ({ id, title, titles: {}, tags: {}, category: 'food-drink', categories: [], safety: 'safe', popularity: 0.5, ...extra });

describe('the catalog\'s colours field', () => {
  it('is optional, keeps known terms and refuses others with a clear error', () => {
    const items = parseCatalogItems([item('a', 'strawberry', { colors: ['red', 'green'] }), item('b', 'lime'), item('c', 'plum', { colors: ['purple'] })], manifest);
    expect(items.map((it) => it.colors)).toEqual([['red', 'green'], undefined, ['purple']]);
    expect(() => parseCatalogItems([item('a', 'x', { colors: ['magenta' as never] }), item('b', 'y'), item('c', 'z')], manifest)).toThrow(CatalogError);
    expect(() => parseCatalogItems([item('a', 'x', { colors: ['magenta' as never] }), item('b', 'y'), item('c', 'z')], manifest)).toThrow(/colors/);
  });
});

describe('colours in the lexical index', () => {
  const items = parseCatalogItems([
    item('s', 'strawberry', { colors: ['red', 'green'] }),
    item('r', 'red apple', { colors: ['red'] }),
    item('o', 'orange', { colors: ['orange'] }),
  ], manifest);
  const lexical = buildLexicalIndex(items, manifest);
  const found = (text: string) => [...scorePhrases(lexical, [{ text, weight: 1 }]).values()].sort((a, b) => b.score - a.score).map((h) => items[h.item]!.title);

  it('a colour is found in each language\'s words, what says it first', () => {
    expect(found('red')).toEqual(['red apple', 'strawberry']);
    expect(found('빨간').sort()).toEqual(['red apple', 'strawberry']);
    expect(found('초록색')).toEqual(['strawberry']);
    expect(found('gray')).toEqual([]);
    // The hit says which colour word matched.
    expect(scorePhrases(lexical, [{ text: '빨간', weight: 1 }]).get(0)!.because[0]!.matched).toBe('빨간');
  });

  it('a dislike hides what its words name, not everything of that colour ("no oranges")', () => {
    const hidden = dislikedItems(lexical, { ...emptyIntent('u', 0), dislikes: [{ text: 'orange', weight: 1, lastTurn: 1 }] });
    expect([...hidden].map((i) => items[i]!.title)).toEqual(['orange']);
    const red = dislikedItems(lexical, { ...emptyIntent('u', 0), dislikes: [{ text: 'red', weight: 1, lastTurn: 1 }] });
    expect([...red].map((i) => items[i]!.title)).toEqual(['red apple']);
  });
});

describe('a refinement by colour on the product path', () => {
  it('"fruit", then "only the red ones": the red fruit the pictures show, not the green apple', () => {
    const top = productTurns('fruit', 'only the red ones').top.map((it) => it.title);
    expect(top[0]).toBe('red apple');
    expect(top).toEqual(expect.arrayContaining(['strawberry', 'tomato', 'cherries']));
    expect(top).not.toContain('green apple');
    expect(top).not.toContain('banana');
  });

  it('each fitting card says why with both: the topic and the refinement', async () => {
    const { deliver } = await import('../../../src/core/delivery.ts');
    const { intent } = productTurns('fruit', 'only the red ones');
    const manifest = parseCatalogManifest(rawManifest);
    const all = parseCatalogItems((await import('../extract/fixtures.ts')).items, manifest);
    const feed = deliver({ items: all, lexical: buildLexicalIndex(all, manifest), intent, k: 6 });
    expect(feed[0]!.why).toBe("because you said 'fruit' and 'red'");
  });

  it('"과일 스티커", then "노란 것만 보여줘": the yellow fruit, not the red apple', () => {
    const top = productTurns('과일 스티커', '노란 것만 보여줘').top.map((it) => it.title);
    expect(top).toEqual(expect.arrayContaining(['banana', 'lemon']));
    expect(top).not.toContain('red apple');
    expect(top).not.toContain('grapes');
  });
});

describe('a colour refused is read off the pictures too', () => {
  it.each([['fruit', 'not the yellow ones'], ['과일', '노란 거 말고']])('%s, then %s: no lemon, no banana, still fruit', (first, second) => {
    const { intent, top } = productTurns(first, second);
    const titles = top.map((it) => it.title);
    // No tag says the lemon or the banana is yellow: read as a dislike of "yellow", it had hidden nothing.
    expect(titles).not.toContain('lemon');
    expect(titles).not.toContain('banana');
    expect(titles).toEqual(expect.arrayContaining(['grapes', 'watermelon']));
    // A refinement of what is shown, not a dislike kept for every later topic.
    expect(intent.dislikes).toEqual([]);
    expect(intent.refinements?.[0]).toMatchObject({ not: true });
  });
});
