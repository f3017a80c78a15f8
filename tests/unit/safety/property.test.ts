// Property-based: any Unicode, and adversarial mixes of the characters the normaliser treats
// specially, never crash the guards, give well-formed results and stay within a time bound.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSafetyGuard } from '../../../src/core/safety/guard.ts';
import { createLexiconGuard } from '../../../src/core/safety/lexicon.ts';
import { createModelGuard } from '../../../src/core/safety/model.ts';
import { lexiconData, modelWeights } from './shipped.ts';

const lexicon = createLexiconGuard(lexiconData);
const guard = createSafetyGuard({ lexicon, model: createModelGuard(modelWeights) });
/** Generous: the measured mean is ~0.2 ms per chat message; this only catches blow-ups on long adversarial text. */
const MAX_MS_PER_CALL = 250;

const TRICKY = [
  'f', 'u', 'c', 'k', 's', 'h', 'i', 't', 'a', ' ', '.', '-', '*', '#', '$', '@', '!', '1', '0', '3', "'", '\u200b', '\u200d',
  '\u2060', '\ufeff', '\u0308', '\u0301', 'ㅅ', 'ㅣ', 'ㅂ', 'ㅏ', 'ㄹ', 'ㅄ', '씨', '발', '이', '시', '병', '신', 'ᄉ', 'ᅵ', 'ᆯ',
  'ﾶ', 'ｆ', '🅵', 'ѕ', 'а', '\ud800', '\udc00', '🖕', '凸', '\n', '\t', '~', '_',
];
const adversarial = fc.array(fc.constantFrom(...TRICKY), { maxLength: 400 }).map((a) => a.join(''));
const anyUnicode = fc.string({ unit: 'binary', maxLength: 400 });

function checkWellFormed(text: string): void {
  const t0 = performance.now();
  const r = lexicon.check(text);
  const v = guard.check(text);
  const ms = performance.now() - t0;
  expect(ms).toBeLessThan(MAX_MS_PER_CALL);
  expect(['safe', 'unsafe']).toContain(r.verdict);
  expect(r.verdict === 'unsafe').toBe(r.matches.length > 0);
  for (const m of r.matches) {
    expect(m.start).toBeGreaterThanOrEqual(0);
    expect(m.end).toBeLessThanOrEqual(text.length);
    expect(m.start).toBeLessThan(m.end);
  }
  expect(['safe', 'unsafe']).toContain(v.verdict);
  if (r.verdict === 'unsafe') expect(v.verdict).toBe('unsafe');
}

describe('safety guards on arbitrary input', () => {
  it('never crash on random Unicode (lone surrogates included)', () => {
    fc.assert(fc.property(anyUnicode, checkWellFormed), { numRuns: 300, seed: 42 });
  });

  it('never crash and stay fast on adversarial mixes of obfuscation characters', () => {
    fc.assert(fc.property(adversarial, checkWellFormed), { numRuns: 300, seed: 7 });
  });

  it('stay within the bound on long worst-case inputs', () => {
    for (const text of ['f '.repeat(5000), 'a'.repeat(10000), '*'.repeat(10000), '씨 '.repeat(5000), 'ㅅ'.repeat(10000), 'f.'.repeat(5000)]) {
      const t0 = performance.now();
      lexicon.check(text);
      // Long text scales linearly: allow the per-call bound per 1,000 characters.
      expect(performance.now() - t0).toBeLessThan(MAX_MS_PER_CALL * (text.length / 1000));
    }
  });

  it('find a listed word however it is surrounded by random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (pre, post) => {
        expect(lexicon.check(`${pre} fuck ${post}`).verdict).toBe('unsafe');
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});
