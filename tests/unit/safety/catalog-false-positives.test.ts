// Issue 17 item 6: the guards must not refuse ordinary words. Every shipped catalog title and tag is
// benign by construction; the shipped guard may refuse at most 0.1 % of them, the model guard ships
// only if it earns its place, and the lexicon reads masks between single letters as separators.
import { describe, expect, it } from 'vitest';
import { createSafetyGuard } from '../../../src/core/safety/guard.ts';
import { createLexiconGuard } from '../../../src/core/safety/lexicon.ts';
import { createModelGuard } from '../../../src/core/safety/model.ts';
import { catalogNames, catalogTexts } from '../../../tools/safety/false-positives.ts';
import { lexiconData, modelWeights } from './shipped.ts';

const lexicon = createLexiconGuard(lexiconData);
const model = createModelGuard(modelWeights);
const MAX_BENIGN_REFUSALS = 0.001;

describe('the shipped guard on the shipped catalogs', () => {
  it('refuses at most 0.1 % of catalog titles and tags', () => {
    const guard = createSafetyGuard({ lexicon, model });
    const texts = catalogNames().flatMap((c) => catalogTexts(c, true));
    const refused = texts.filter((t) => guard.check(t).verdict === 'unsafe');
    expect(texts.length).toBeGreaterThan(10_000);
    expect(refused.length / texts.length).toBeLessThanOrEqual(MAX_BENIGN_REFUSALS);
    for (const t of ['The Big Chill', 'shower', 'Jersey Girl', 'thread', 'beaver', 'Philomena', '도끼', '입']) {
      expect(guard.check(t).verdict).toBe('safe');
    }
  });

  it('consults a "measured-only" model only when a threshold is forced', () => {
    const measuredOnly = createModelGuard({ ...(modelWeights as object), role: 'measured-only' });
    expect(createSafetyGuard({ lexicon, model: measuredOnly }).check('hello there').modelScore).toBeUndefined();
    expect(createSafetyGuard({ lexicon, model: measuredOnly, modelThreshold: 0 }).check('hello there')).toMatchObject({ verdict: 'unsafe', by: 'model' });
    const asGuard = createModelGuard({ ...(modelWeights as object), role: 'guard' });
    expect(createSafetyGuard({ lexicon, model: asGuard }).check('hello there').modelScore).toBeTypeOf('number');
  });
});

describe('lexicon: masks and catalog titles', () => {
  it('reads masks between single letters as separators, not hidden letters', () => {
    expect(lexicon.check('M*A*S*H (a.k.a. MASH)').verdict).toBe('safe');
    expect(lexicon.check('f*u*c*k').verdict).toBe('unsafe');
    expect(lexicon.check('f*ck this').verdict).toBe('unsafe');
    expect(lexicon.check('a**hole').verdict).toBe('unsafe');
  });

  it('allows the catalog titles it is given, but not a title that is only the listed word', () => {
    // "The Bank Dick" and "Jackass Number Two" now pass on their own (a capitalised name, senses.ts); a title with an
    // entry that has no benign sense still needs the catalog's titles.
    const titles = ['Zack and Miri Make a Porno', 'Jackass Number Two', 'Dick'];
    const withTitles = createLexiconGuard(lexiconData, { allow: titles });
    expect(withTitles.check('have you seen Zack and Miri Make a Porno?').verdict).toBe('safe');
    expect(withTitles.check('Jackass Number Two').verdict).toBe('safe');
    expect(withTitles.check('Dick').verdict).toBe('unsafe');
    expect(withTitles.check('you jackass').verdict).toBe('unsafe');
    expect(lexicon.check('Zack and Miri Make a Porno').verdict).toBe('unsafe');
    // An allowed title shields only as written: an obfuscated spelling inside it shows intent.
    expect(withTitles.check('Zack and Miri Make a P0rno').verdict).toBe('unsafe');
  });
});
