import { describe, expect, it } from 'vitest';
import { skeleton, toUnits, UnitKind } from '../../../src/core/safety/normalize.ts';

describe('safety normalisation', () => {
  it('folds width, case, diacritics, look-alikes and invisible characters', () => {
    expect(skeleton('Ｆｕｃｋ')).toBe('fuck');
    expect(skeleton('fück')).toBe('fuck');
    expect(skeleton('ѕhіt')).toBe('shit'); // Cyrillic s and i
    expect(skeleton('f\u200bu\u200dc\u2060k')).toBe('fuck');
    expect(skeleton('🅵🆄🅲🅺')).toBe('fuck');
  });

  it('reads leet digits and symbols as letters', () => {
    expect(skeleton('a$$h0le')).toBe('asshole');
  });

  it('composes Hangul jamo sequences into the same syllables as composed text', () => {
    expect(skeleton('ㅅㅣㅂㅏㄹ')).toBe(skeleton('시발'));
    expect(skeleton('ㄱㅏㅂㅏㅇ')).toBe('가방'); // a final consonant goes to the next syllable when a vowel follows
    expect(skeleton('닭이')).toBe('닭이');
    expect(skeleton('ﾶￜﾲￂﾩ')).toBe('씨발'); // half-width jamo
  });

  it('splits a lone compound jamo into its parts and absorbs Hangul elongation', () => {
    expect(skeleton('ㅄ')).toBe('ㅂㅅ');
    expect(skeleton('시이이발')).toBe('시발');
    expect(skeleton('병시이인')).toBe('병신');
    expect(skeleton('아이')).toBe('아이'); // different vowels: not elongation
  });

  it('maps every unit back to a span of the original string', () => {
    const text = 'x ｆ\u200bu ㅅㅣ';
    const u = toUnits(text);
    for (let k = 0; k < u.length; k++) {
      expect(u.start[k]).toBeGreaterThanOrEqual(0);
      expect(u.end[k]).toBeLessThanOrEqual(text.length);
      expect(u.start[k]).toBeLessThan(u.end[k]!);
    }
    const last = u.length - 1;
    expect(u.sym[last]).toBe('시');
    expect(text.slice(u.start[last], u.end[last])).toBe('ㅅㅣ');
  });

  it('keeps apostrophes inside the token so "it\'s hit" has no one-letter token', () => {
    const u = toUnits("it's hit");
    const s = [...Array(u.length).keys()].find((k) => u.sym[k] === 's')!;
    expect(u.kind[s - 1]).toBe(UnitKind.Apostrophe);
    expect(u.tokenLetters[s]).toBe(3);
  });
});
