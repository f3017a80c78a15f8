// Short reactions and feelings after a topic (2026-12-02, found walking the page as a new user):
// praise is a reaction to what is shown or planned and keeps it ("show me cats", "so cute" had shown ten
// hearts, the items CLDR tags cute); another feeling told is the turn's own topic ("going to sapporo
// this winter", "우울해" had kept the snowmen while the reply said 우울).
import { describe, expect, it } from 'vitest';
import { informationNode } from '../../../src/core/extract/information.ts';
import { emptyIntent, type Intent } from '../../../src/core/intent.ts';
import { mergeIntent } from '../../../src/core/intent-merge.ts';
import { understandTurn } from '../../../src/core/understand.ts';
import { engine, kb, productTurns } from './product-turns.ts';

const titlesAfter = (...texts: string[]) => productTurns(...texts).top.map((it) => it.title);
const cats = (titles: string[]) => titles.filter((t) => /\bcat\b/.test(t)).length;

describe('praise keeps what it praises', () => {
  it.each([
    ['show me cats', 'so cute'],
    ['show me cats', 'aww so cute!!'],
    ['고양이 보여줘', '너무 귀여워'],
  ])('"%s", then "%s": still the cats', (topic, praise) => {
    expect(cats(titlesAfter(topic, praise))).toBeGreaterThanOrEqual(6);
  });

  it('"show me flowers", then "beautiful": the flowers, not the peacock and the haircut', () => {
    expect(titlesAfter('show me flowers', 'beautiful').slice(0, 5).every((t) => /flower|blossom|lotus|bouquet|hibiscus|rose|tulip/.test(t))).toBe(true);
  });

  it('"going to sapporo this winter", then "너무 설렌다": the trip stays on screen', () => {
    expect(titlesAfter('going to sapporo this winter', '너무 설렌다').slice(0, 3)).toContain('flag: Japan');
  });

  it('a request that names a kind is not a reaction ("show me dogs", then "cute cats": the cats)', () => {
    expect(cats(titlesAfter('show me dogs', 'cute cats'))).toBeGreaterThanOrEqual(5);
  });
});

describe('a feeling told after a topic is the turn\'s own', () => {
  it.each([
    ['going to sapporo this winter', '우울해'],
    ['show me cats', "i'm feeling depressed"],
  ])('"%s", then "%s": the sad faces, not the earlier topic', (topic, feeling) => {
    const titles = titlesAfter(topic, feeling);
    expect(titles).toEqual(expect.arrayContaining(['pensive face', 'crying face']));
    expect(titles.filter((t) => /snow|japan|\bcat\b/i.test(t))).toEqual([]);
  });
});

/** The reply to each turn, on the llm worker's path (the compact engine and the information node). */
async function replies(...texts: string[]): Promise<string[]> {
  let intent: Intent = emptyIntent('u', 0);
  const out: string[] = [];
  for (const [i, text] of texts.entries()) {
    const previous = intent;
    const catalogItems = (p: string) => engine.gazetteer.itemIdsOf(p);
    const o = await understandTurn(text, { engine, previous, turnId: `t${i}`, catalogItems, enrich: (extraction) => ({ ...extraction, ...informationNode({ text, extraction, previous, kb, catalogItems }) }) });
    if (o.kind !== 'understood') throw new Error(`turn ${i} not understood`);
    intent = mergeIntent(intent, o.extraction, `t${i}`, i + 1).intent;
    out.push(o.reply);
  }
  return out;
}

describe('the reply to praise', () => {
  it.each([
    ['show me cats', 'so cute', /emotion|pretty|cute/i],
    ['show me flowers', 'beautiful', /beauty|pretty/i],
    ['고양이 보여줘', '너무 귀여워', /감정|귀여/],
    ['going to sapporo this winter', '너무 설렌다', /안녕하세요|무엇이든/],
  ])('"%s", then "%s": offers more of the same, not what the praise word means', async (topic, praise, wrong) => {
    const [, reply] = await replies(topic, praise);
    expect(reply).not.toMatch(wrong);
  });
});

describe('praise beside a thing named is about the thing', () => {
  it.each([
    ['pandas are so cute', 'more like this'],
    ['판다 너무 귀엽다', '이런 느낌 더 줘'],
  ])('"%s", then "%s": the panda first, its kin next, no hearts, no flag of where pandas live', (first, more) => {
    const titles = titlesAfter(first, more);
    expect(titles[0]).toBe('panda');
    expect(titles.filter((t) => /heart|^flag/.test(t))).toEqual([]);
    // More like it is its kin: the bears and the koala before the list's other mammals.
    expect(titles.slice(1, 5)).toEqual(expect.arrayContaining(['bear', 'koala']));
  });

  it('a nationality still links its country ("greek islands": the flag of Greece)', () => {
    expect(titlesAfter('taking my mom on a cruise around the greek islands this summer')).toContain('flag: Greece');
  });
});
