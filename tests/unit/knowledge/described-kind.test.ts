// A refinement that narrows nothing, said as a described kind the catalog has, is asked for anew
// (issue 14, twenty-third round, seen in the page): "우울해", then "귀여운 고양이" had been read as
// narrowing the sad faces, dropped as narrowing nothing, replied "어떻게 좁혀 볼까요?" and left the feed
// unmoved. What says it narrows ("only the small ones") and what a trip is for ("street food") stay.
import { describe, expect, it } from 'vitest';
import { parseTurnExtraction } from '../../../src/core/intent.ts';
import { refinementReaders } from '../../../src/core/knowledge/expand.ts';
import { engine, kb, productTurns } from './product-turns.ts';

const taskAfter = (...turns: string[]) => {
  const previous = productTurns(...turns.slice(0, -1)).intent;
  return parseTurnExtraction(engine.extract(turns[turns.length - 1]!, { previous, context: { expansions: [], places: [], ...refinementReaders(kb) } })).task;
};
const titles = (...turns: string[]) => productTurns(...turns).top.map((it) => it.title);

describe('a described kind after a topic it cannot narrow', () => {
  it('is a new topic: the cats, after a mood or after dogs', () => {
    expect(taskAfter('우울해', '귀여운 고양이')).toBe('new_topic');
    expect(titles('우울해', '귀여운 고양이').slice(0, 5).every((t) => /\bcat\b/.test(t))).toBe(true);
    expect(titles('강아지 보여줘', '귀여운 고양이').slice(0, 5).every((t) => /\bcat\b/.test(t))).toBe(true);
  });

  it('a turn whose form narrows keeps the topic', () => {
    expect(taskAfter('show me birds', 'only the small ones')).toBe('refine');
    expect(productTurns('show me birds', 'only the small ones').intent.keyPhrases.map((p) => p.text)).toContain('bird');
  });

  it('beside a trip it is what the trip is for: the place stays', () => {
    expect(titles('backpacking vietnam for a month, landing in hanoi', 'mostly in it for the street food tbh')).toContain('flag: Vietnam');
  });
});

describe('"just" before a past verb is news, not "only"', () => {
  it('after a topic, "just got promoted" or "just landed in tokyo" moves the feed; "just the red ones" still narrows', () => {
    expect(taskAfter('show me cats', 'just got promoted')).toBe('new_topic');
    expect(titles('show me cats', 'just landed in tokyo').slice(0, 3)).toContain('flag: Japan');
    expect(titles('show me cats', 'just finished my first marathon').slice(0, 3)).toContain('person running');
    expect(taskAfter('show me cars', 'just the red ones')).toBe('refine');
  });
});

describe('a trip told before another topic is no longer on screen', () => {
  it('"going to sapporo this winter", "우울해", then "귀여운 고양이" is the cats (seen in the page)', () => {
    expect(taskAfter('going to sapporo this winter', '우울해', '귀여운 고양이')).toBe('new_topic');
  });
});
