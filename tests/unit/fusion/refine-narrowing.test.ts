// How a refinement with more than one property word narrows its topic (src/core/fusion/narrow.ts): a
// word most of the topic has frames the property and gives way to one that narrows it, and the items
// an expansion brought into the topic fit where they are of the same kind (catalog subgroup) as the
// items the topic's own words match.
import { describe, expect, it } from 'vitest';
import { parseCatalogItems, parseCatalogManifest } from '../../../src/core/catalog.ts';
import { refinedItems, refinementFit } from '../../../src/core/fusion/narrow.ts';
import { emptyIntent, type Intent } from '../../../src/core/intent.ts';
import { buildLexicalIndex } from '../../../src/core/lexical.ts';
import { items as rawItems, manifest as rawManifest } from '../extract/fixtures.ts';

const manifest = parseCatalogManifest(rawManifest);
const items = parseCatalogItems(rawItems, manifest);
const lexical = buildLexicalIndex(items, manifest);
const phrase = (text: string) => ({ text, weight: 0.7, lastTurn: 1 });
const titles = (set: ReadonlySet<number> | null) => [...(set ?? [])].map((i) => items[i]!.title);
const idsOf = (pred: (it: (typeof items)[number]) => boolean) => items.filter(pred).map((it) => it.id);
/** An expansion as the knowledge layer gives it: the items that have the word by definition. */
const byDefinition = (text: string, from: string, itemIds: string[]) => ({ text, weight: 0.5, reason: text, from, lastTurn: 2, itemIds });
const footwear = idsOf((it) => it.categories.includes('clothing') && /shoe|boot|sandal/.test(it.title));

describe('a refinement of several words', () => {
  it('a word most of the topic has gives way to one that narrows it ("clothes", then "stuff you wear on your feet")', () => {
    const intent: Intent = {
      ...emptyIntent('t', 0), turn: 2, keyPhrases: [phrase('clothes')], refinements: [phrase('feet'), phrase('wear')],
      expansions: [byDefinition('wear', 'wear', idsOf((it) => it.categories.includes('clothing'))), byDefinition('feet', 'feet', footwear)],
    };
    const fit = titles(refinementFit(lexical, intent));
    expect(fit).toContain('running shoe');
    expect(fit).not.toContain('t-shirt');
    expect(fit).not.toContain('top hat');
  });

  it('a colour fits by the items\' words and pictures, not by its shades\' names ("flowers", then "only the red ones")', () => {
    // WordNet's "red -> cherry" (cherry red) had let the pink cherry blossom fit by its title.
    const intent: Intent = {
      ...emptyIntent('t', 0), turn: 2, keyPhrases: [phrase('flower')], refinements: [phrase('red')],
      expansions: [{ ...byDefinition('cherry', 'red', []), weight: 0.5 }],
    };
    const fit = titles(refinementFit(lexical, intent));
    expect(fit).toContain('rose');
    expect(fit).not.toContain('cherry blossom');
  });

  it('narrows to the fitting items an expansion brought, where they are of the kind the topic\'s own words match', () => {
    const intent: Intent = {
      ...emptyIntent('t', 0), turn: 2, keyPhrases: [phrase('clothes')], refinements: [phrase('feet')],
      expansions: [{ ...byDefinition('clothing', 'clothes', []), weight: 0.3 }, byDefinition('feet', 'feet', footwear)],
    };
    const kept = titles(refinedItems(lexical, intent));
    expect(kept).toEqual(expect.arrayContaining(['running shoe', 'hiking boot']));
    expect(kept).not.toContain('t-shirt');
  });

  it('not to what an expansion brought from another kind ("birds", then "only the small ones": two small birds and the fairies keep the birds)', () => {
    const fairies = idsOf((it) => /fairy/.test(it.title));
    const intent: Intent = {
      ...emptyIntent('t', 0), turn: 2, keyPhrases: [phrase('bird')], refinements: [phrase('small')],
      expansions: [{ ...byDefinition('fairy', 'bird', []), weight: 0.3 }, byDefinition('small', 'small', [...fairies, ...idsOf((it) => ['dove', 'baby chick'].includes(it.title))])],
    };
    const kept = titles(refinedItems(lexical, intent));
    expect(kept).toContain('eagle'); // the topic stays, fitting birds first; not a screen of fairies
    expect(kept).toContain('dove');
  });
});

describe('a refinement that names a kind the topic has none of', () => {
  it('changes kinds: "travel", then "only the ones about food" is the food, not the trains', () => {
    const intent: Intent = { ...emptyIntent('t', 0), turn: 2, keyPhrases: [phrase('travel')], refinements: [phrase('food')] };
    const kept = refinedItems(lexical, intent)!;
    expect(kept.size).toBeGreaterThanOrEqual(5);
    expect([...kept].every((i) => items[i]!.category === 'food-drink')).toBe(true);
  });

  it('a property that fits nothing of the topic and names no kind keeps the topic ("drinks", then "only the furry ones")', () => {
    const intent: Intent = { ...emptyIntent('t', 0), turn: 2, keyPhrases: [phrase('drink')], refinements: [phrase('furry')] };
    const kept = refinedItems(lexical, intent);
    expect(kept === null || [...kept].every((i) => items[i]!.category === 'food-drink')).toBe(true);
  });
});

describe('a refinement that picks a kind out of a topic of several kinds', () => {
  const vehicles = idsOf((it) => it.categories.some((c) => c.startsWith('transport-')) && !/sign|station|stop|light|fuel|anchor|wheel|track|rail$|road/.test(it.title));
  const ofKind = (kind: string) => new Set(items.filter((it) => it.categories[0] === kind).map((it) => it.title));
  const vehicleIntent = (refinement: string, fits: string[]): Intent => ({
    ...emptyIntent('t', 0), turn: 2, keyPhrases: [phrase('vehicle')], refinements: [phrase(refinement)],
    expansions: [byDefinition('vehicle', 'vehicle', vehicles), byDefinition(refinement, refinement, idsOf((it) => fits.includes(it.title)))],
  });

  it('keeps the whole kind where a few of its items fit ("탈것", then "바다에서 타는 것만": every boat, not only the two the sea names)', () => {
    const intent = vehicleIntent('바다', ['ship', 'sailboat']);
    const kept = titles(refinedItems(lexical, intent));
    const boats = ofKind('transport-water');
    expect(kept).toEqual(expect.arrayContaining(['canoe', 'ferry', 'speedboat', 'ship', 'sailboat']));
    expect(kept.every((t) => boats.has(t))).toBe(true);
    // and they are what the feed ranks first
    expect(titles(refinementFit(lexical, intent)).every((t) => boats.has(t))).toBe(true);
  });

  it('not where the refinement\'s own matches fill a screen (no kind is inferred beyond what it says)', () => {
    // Ten aircraft fit, a screen: the aircraft they do not name stay out (as a kind, they would come in).
    const aircraft = [...ofKind('transport-air')].filter((t) => vehicles.includes(items.find((it) => it.title === t)!.id));
    expect(aircraft.length).toBeGreaterThan(10);
    const fits = aircraft.slice(0, 10);
    const kept = titles(refinedItems(lexical, vehicleIntent('roadgoing', fits)));
    expect(kept.sort()).toEqual([...fits].sort());
  });

  it('a refinement that repeats the topic\'s word reads what goes with its property ("sports", then "winter sports only")', async () => {
    const { productTurns } = await import('../knowledge/product-turns.ts');
    // "winter sport" as a whole named no season: nothing narrowed, and american football led.
    const top = productTurns('sports', 'winter sports only').top.map((it) => it.title);
    expect(top.slice(0, 3)).toContain('sled');
    expect(top.slice(0, 3)).not.toContain('american football');
  });
});
