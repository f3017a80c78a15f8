// What broke down is missed, not wanted (2026-12-02, dev3's "the heating's out and i can see my breath
// indoors" had shown the melting face and the hot face beside the cold face: "heating" was a topic).
// The language packs say how a turn tells that something broke (SituationPack.broken); its words go.
import { describe, expect, it } from 'vitest';
import { brokenOf } from '../../../src/core/extract/statement.ts';
import { productTurns } from './product-turns.ts';

describe('what broke down', () => {
  it.each([
    ["the heating's out and i can see my breath indoors", ['heating']],
    ['ugh the ac just died', ['ac']],
    ['my car broke down on the highway', ['car']],
    ['에어컨 고장났는데 밖은 35도래', ['에어컨']],
    ['we are out of milk', []],
    ['i hung out with my friends', []],
  ])('"%s" -> %j', (text, words) => {
    expect(brokenOf(text)).toEqual(words);
  });

  it('"the heating\'s out and i can see my breath indoors": the cold, no heat', () => {
    const { intent, top } = productTurns("the heating's out and i can see my breath indoors");
    const titles = top.map((it) => it.title);
    expect(intent.keyPhrases.map((p) => p.text)).not.toContain('heat');
    expect(titles).toContain('cold face');
    expect(titles.filter((t) => /hot face|melting face|^sun/.test(t))).toEqual([]);
  });

  it('asking for the thing itself still asks for it ("my phone is broken, show me phone cases")', () => {
    expect(productTurns('my phone is broken, show me phone cases').intent.keyPhrases.length).toBeGreaterThan(0);
  });
});
