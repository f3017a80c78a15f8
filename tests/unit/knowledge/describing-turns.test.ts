// A turn that only describes what to show ("something warm", "anything red?", "what to wear in winter",
// "빨간 거", "따뜻한 거 있어?"), with a topic on screen, refines that topic where some of its items fit:
// read as a new topic it had searched the description alone ("fruit", then "빨간 거" showed red hair,
// "drinks", then "something warm" the hot face). Where nothing of the topic fits, the turn is read as
// the classifier reads it ("show me horses", then "something festive" is the festive things).
import { describe, expect, it } from 'vitest';
import { productTurns } from './product-turns.ts';

const titles = (...texts: string[]) => productTurns(...texts).top.map((it) => it.title);

describe('a turn that only describes refines what is shown', () => {
  it.each([
    [['drinks', 'something warm'], 'hot beverage'],
    [['음료', '따뜻한 거 있어?'], 'hot beverage'],
    [['fruit', 'anything red?'], 'red apple'],
    [['과일', '빨간 거'], 'red apple'],
  ])('%j: %s first', (turns, first) => {
    expect(titles(...turns)[0]).toBe(first);
  });

  it('"what to wear in winter" after clothes: the scarf, the coat and the gloves, no snowman', () => {
    const shown = titles('clothes', 'what to wear in winter');
    expect(shown.slice(0, 4)).toEqual(expect.arrayContaining(['scarf', 'coat', 'gloves']));
    expect(shown).not.toContain('snowman');
  });

  it('not a refinement where nothing shown fits: "show me horses", then "something festive"', () => {
    const { intent, top } = productTurns('show me horses', 'something festive');
    expect(intent.refinements ?? []).toEqual([]);
    expect(top.map((it) => it.title).filter((t) => /horse/.test(t))).toEqual([]);
  });

  it('with nothing shown, the description is the topic ("따뜻한 거 있어?" alone)', () => {
    expect(productTurns('따뜻한 거 있어?').intent.refinements ?? []).toEqual([]);
  });
});
