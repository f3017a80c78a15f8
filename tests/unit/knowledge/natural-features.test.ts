// Natural features (issue 14, twentieth round): a name WordNet makes an instance of a mountain range, a
// peak, a lake, a river, a desert... (tools/knowledge/place-things.ts FEATURE_THINGS) reads as that kind's
// things. "going to the alps" had read "range" into the driving range (golfers), "lake tahoe" had found
// the barber pole (lake -> fresh). A word inside a place's name of several is no feature of its own
// ("buenos aires" is not the river Aire and its canoes).
import { describe, expect, it } from 'vitest';
import { kb, productTurns } from './product-turns.ts';
import { expandPhrase } from '../../../src/core/knowledge/expand.ts';

const titles = (...turns: string[]) => productTurns(...turns).top.map((it) => it.title);

describe('natural features', () => {
  it('the shipped file reads the alps, a lake and a desert as their kinds\' things', () => {
    expect(expandPhrase(kb, 'alps', 'en').map((x) => x.text)).toContain('snow-capped mountain');
    expect(expandPhrase(kb, 'lake tahoe', 'en').map((x) => x.text)).toContain('canoe');
    expect(expandPhrase(kb, 'sahara', 'en').map((x) => x.text)).toContain('camel');
  });

  it('going to the alps: the flags, then the mountains, no golfers', () => {
    const t = titles('going to the alps');
    expect(t.slice(0, 6)).toContain('snow-capped mountain');
    expect(t.filter((x) => /golf/.test(x))).toEqual([]);
  });

  it('weekend at lake tahoe: boats and canoes, not the barber pole', () => {
    const t = titles('weekend at lake tahoe');
    expect(t.slice(0, 5)).toContain('canoe');
    expect(t).not.toContain('barber pole');
  });

  it('my sister moved to Buenos Aires: no river Aire', () => {
    const t = titles('my sister moved to Buenos Aires');
    expect(t[0]).toBe('flag: Argentina');
    expect(t).not.toContain('canoe');
  });
});
