// A season said beside a destination is when the trip is, not what it is about (issue 14,
// twenty-third round, typed as a new user would): "이번 겨울에 삿포로 눈축제 보러 간다" had capped
// Sapporo's snowmen below the winter's scarf (the season read as a situation told beside the place)
// and shown Japan's post office first; "we're going to paris in the spring" searched for "spring" (the
// hot springs, the hyacinth); "여름에 제주도 가" showed every "sun behind … cloud" before Jeju's tangerines.
// A season said alone is still the topic.
import { describe, expect, it } from 'vitest';
import { productTurns } from './product-turns.ts';

const topTitles = (text: string, n = 10) => productTurns(text).top.slice(0, n).map((it) => it.title);

describe('a season beside a destination', () => {
  it("is the trip's time: the place's own things lead", () => {
    const sapporo = topTitles('이번 겨울에 삿포로 눈축제 보러 간다ㅎㅎ', 6);
    expect(sapporo).toContain('snowman');
    expect(sapporo).toContain('snowflake');
    expect(topTitles('going to sapporo this winter', 6)).toContain('snowman');
    const jeju = topTitles('여름에 제주도 가');
    expect(jeju).toContain('tangerine');
    expect(jeju.filter((t) => t.startsWith('sun behind'))).toEqual([]);
  });

  it('is not searched for by its word', () => {
    const { intent, top } = productTurns("we're going to paris in the spring");
    expect(intent.keyPhrases.map((p) => p.text)).not.toContain('spring');
    expect(top.map((it) => it.title)).not.toContain('hot springs');
    expect(top.map((it) => it.title)).toContain('flag: France');
  });
});

describe('a season said alone', () => {
  it('is what the turn is about', () => {
    expect(topTitles('show me winter stuff', 5)).toContain('snowman');
    expect(topTitles('가을 느낌', 3)).toContain('fallen leaf');
  });
});
