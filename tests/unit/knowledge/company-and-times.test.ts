// Who a turn is with and when are circumstances (issue 14, twenty-second round, typed as a new user
// would): "pizza night with friends" had shown four pairs holding hands and the starry night before the
// pizza. A person named with a plural ("with my friends", "친구들이랑") is one of the people the turn
// names, whose words are not its topic; a phrase whose head is a time ("pizza night", "taco tuesday")
// is what it names at that time.
import { describe, expect, it } from 'vitest';
import { productTurns } from './product-turns.ts';

const topTitles = (text: string, n = 10) => productTurns(text).top.slice(0, n).map((it) => it.title);

describe('company and times', () => {
  it.each([
    ['pizza night with friends', 'pizza'],
    ['pizza with my friends', 'pizza'],
    ['taco tuesday', 'taco'],
  ])('%s: %s first, no one holding hands', (text, first) => {
    const top = topTitles(text, 5);
    expect(top[0]).toBe(first);
    expect(top.filter((t) => /holding hands|night/.test(t))).toEqual([]);
  });

  it('친구들이랑: the friends are whom the turn is with', () => {
    expect(productTurns('친구들이랑 치맥').intent.information?.people.map((p) => p.text)).toEqual([expect.stringMatching(/^친구/)]);
    expect(topTitles('친구들이랑 치맥', 5).filter((t) => /holding hands/.test(t))).toEqual([]);
  });

  it('a describing word before a time keeps the time ("quiet night": the night, not only the hush)', () => {
    expect(topTitles('quiet night', 2)).toContain('night with stars');
  });

  it('a long or busy day is a tiring one, not a long drum or a ring', () => {
    expect(topTitles('what a long day', 3)).toContain('sleepy face');
    expect(topTitles('long day')).not.toContain('long drum');
    expect(topTitles('busy week')).not.toContain('ring');
    expect(topTitles('너무 바빠', 5)).not.toContain('grinning face');
  });
});
