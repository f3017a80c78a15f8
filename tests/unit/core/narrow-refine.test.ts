// A refinement orders the topic instead of replacing it (issue 14, src/core/fusion/narrow.ts): the
// intersection alone when it fills half a screen, otherwise the whole topic with the items that fit the
// refinement first, and the refinement's matches alone only when there is no topic.
import { describe, expect, it } from 'vitest';
import { deliver } from '../../../src/core/delivery.ts';
import { MIN_REFINED_ITEMS, refinedFirst, refinedItems, refinementFit } from '../../../src/core/fusion/narrow.ts';
import { emptyIntent, type Intent } from '../../../src/core/intent.ts';
import { buildLexicalIndex } from '../../../src/core/lexical.ts';
import { parseCatalogItems, parseCatalogManifest } from '../../../src/core/catalog.ts';
import { items as rawItems, manifest as rawManifest } from '../extract/fixtures.ts';

const manifest = parseCatalogManifest(rawManifest);
const items = parseCatalogItems(rawItems, manifest);
const lexical = buildLexicalIndex(items, manifest);
const phrase = (text: string) => ({ text, weight: 0.7, lastTurn: 1 });
const intentOf = (topic: string[], refinements: string[]): Intent => ({
  ...emptyIntent('t', 0), turn: 2, keyPhrases: topic.map(phrase), refinements: refinements.map(phrase),
});
const titles = (set: ReadonlySet<number> | null) => [...(set ?? [])].map((i) => items[i]!.title);

describe('refinedItems', () => {
  it('keeps the topic when few of its items fit, and ranks those first', () => {
    const intent = intentOf(['drink'], ['hot']);
    const kept = titles(refinedItems(lexical, intent));
    expect(kept).toContain('hot beverage');
    expect(kept).toContain('wine glass'); // the rest of the drinks stay
    expect(kept).not.toContain('hot springs'); // the refinement's matches outside the topic do not come in
    expect(titles(refinementFit(lexical, intent))).toContain('hot beverage');
    expect(items.find((it) => it.id === deliver({ items, lexical, intent, k: 10 })[0]!.id)!.title).toBe('hot beverage');
  });

  it('a refinement that repeats the topic\'s word narrows by what it adds ("drinks", then "only hot drinks")', () => {
    const intent = intentOf(['drink'], ['hot drink']);
    const fit = titles(refinementFit(lexical, intent));
    expect(fit).toContain('hot beverage');
    expect(fit).not.toContain('wine glass');
    expect(items.find((it) => it.id === deliver({ items, lexical, intent, k: 10 })[0]!.id)!.title).toBe('hot beverage');
  });

  it('a property matches whole words only ("hot" is not the "hotcake" of the pancakes)', () => {
    expect(titles(refinementFit(lexical, intentOf(['drink'], ['hot'])))).not.toContain('pancakes');
  });

  it('items linked to the refinement by definition fit it, and are not proposed on their own', () => {
    const lemon = items.findIndex((it) => it.title === 'lemon');
    const grapes = items.findIndex((it) => it.title === 'grapes');
    const intent: Intent = { ...intentOf(['fruit'], ['yellow']), expansions: [{ text: 'yellow', weight: 0.5, reason: 'yellow', from: 'yellow', lastTurn: 2, itemIds: [items[lemon]!.id] }] };
    expect(refinementFit(lexical, intent).has(lemon)).toBe(true);
    // Purple in its picture, yellow in no word or definition.
    expect(refinementFit(lexical, intent).has(grapes)).toBe(false);
    // The feed leads with what fits: the lemon and the fruit whose pictures are yellow.
    const top = deliver({ items, lexical, intent, k: 10 }).map((e) => items.findIndex((it) => it.id === e.id));
    expect(refinementFit(lexical, intent).has(top[0]!)).toBe(true);
    expect(top).toContain(lemon);
    expect(top).not.toContain(grapes);
  });

  it('is the intersection alone when it fills a screen', () => {
    const intent = intentOf(['animal'], ['bird']);
    const kept = refinedItems(lexical, intent)!;
    expect(kept.size).toBeGreaterThanOrEqual(MIN_REFINED_ITEMS);
    for (const i of kept) expect(refinementFit(lexical, intent).has(i)).toBe(true);
  });

  it('is the refinement alone without a topic, and nothing without a refinement', () => {
    expect(titles(refinedItems(lexical, intentOf([], ['rain'])))).toContain('cloud with rain');
    expect(refinedItems(lexical, intentOf(['drink'], []))).toBeNull();
    expect(refinementFit(lexical, intentOf(['drink'], [])).size).toBe(0);
  });

  it('every fitting item of the topic comes before the rest after fusion ("animals", then "fly": dove and wing above the monkeys)', () => {
    const intent = intentOf(['animal'], ['fly']);
    const fitting = titles(refinedFirst(lexical, intent));
    expect(fitting).toEqual(expect.arrayContaining(['dove', 'wing']));
    expect(fitting).not.toContain('airplane'); // fits "fly", but is no animal
    const top = deliver({ items, lexical, intent, k: 10 }).map((e) => items.find((it) => it.id === e.id)!.title);
    const firstOther = top.findIndex((t) => !fitting.includes(t));
    expect(firstOther).toBeGreaterThanOrEqual(Math.min(fitting.length, 3));
    expect(top.slice(0, 3)).toEqual(expect.arrayContaining(['dove', 'wing']));
  });
});
