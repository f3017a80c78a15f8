// Where a turn says something happened ("at the beach", "회사에서") is the setting of what it tells, not
// what it tells (issue 14, twenty-second round, typed as a new user would): "i got a sunburn at the
// beach" had shown the whales and the surfers, not the sun. A setting said alone is still the topic.
// And which pet a new pet is, where the turn says it: "강아지 입양했어" had shown ten cat faces.
import { describe, expect, it } from 'vitest';
import { settingsOf } from '../../../src/core/extract/statement.ts';
import { productTurns } from './product-turns.ts';

const topTitles = (text: string, n = 10) => productTurns(text).top.slice(0, n).map((it) => it.title);

describe('settingsOf', () => {
  it('reads where, in both languages, and no time or function word', () => {
    expect(settingsOf('i got a sunburn at the beach')).toEqual(['beach']);
    expect(settingsOf('got yelled at in the office today')).toEqual(['office']);
    expect(settingsOf('so sleepy in the morning')).toEqual([]);
    expect(settingsOf('해변에서 피부가 다 탔어')).toEqual(['해변']);
    expect(settingsOf('just a sunburn')).toEqual([]);
  });
});

describe('a situation told with where it happened', () => {
  it('leads with the situation, the setting below it', () => {
    const top = topTitles('i got a sunburn at the beach', 5);
    expect(top.filter((t) => /^sun/.test(t)).length).toBeGreaterThan(0);
    expect(top).not.toContain('whale');
    expect(topTitles('해변에서 피부가 다 탔어', 5)).not.toContain('whale');
    expect(topTitles('회사에서 혼났어', 3)).not.toContain('office building');
  });

  it('a setting said alone is what the turn is about', () => {
    expect(topTitles("i'm at the beach", 1)).toEqual(['beach with umbrella']);
  });
});

describe('a new pet, named', () => {
  it.each(['just adopted a puppy', '강아지 입양했어'])('%s: dogs, no cats', (text) => {
    const top = topTitles(text, 6);
    expect(top).toContain('dog face');
    expect(top.filter((t) => /cat/.test(t))).toEqual([]);
  });

  it('a pet not named brings dogs and cats', () => {
    const top = topTitles('thinking about adopting a pet');
    expect(top).toContain('dog face');
    expect(top).toContain('cat face');
  });
});
