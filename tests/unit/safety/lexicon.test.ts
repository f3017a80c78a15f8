import { describe, expect, it } from 'vitest';
import { createLexiconGuard, SafetyDataError } from '../../../src/core/safety/lexicon.ts';
import { compileLexicon } from '../../../tools/safety/compile-lexicon.ts';
import { DROPPED } from '../../../tools/safety/curation.ts';
import { lexiconData, readSource } from './shipped.ts';

const guard = createLexiconGuard(lexiconData);
const unsafe = (t: string): boolean => guard.check(t).verdict === 'unsafe';

describe('lexicon guard', () => {
  it('blocks listed words in plain English and Korean, with a category and the span', () => {
    const r = guard.check('this feed is fucking useless');
    expect(r.verdict).toBe('unsafe');
    expect(r.categories).toContain('profanity');
    expect(r.matches.some((m) => 'this feed is fucking useless'.slice(m.start, m.end) === 'fucking')).toBe(true);
    const k = guard.check('씨발 추천 진짜 구리네');
    expect(k.verdict).toBe('unsafe');
    expect(k.matches[0]).toMatchObject({ start: 0, end: 2 });
  });

  it.each([
    ['spacing', 'f u c k this'],
    ['punctuation', 'f.u.c.k off'],
    ['repeated letters', 'fuuuuuck'],
    ['leet', 'a$$h0le bot'],
    ['mask', 'f*ck this app'],
    ['zero-width', 'fu\u200bck'],
    ['full-width', 'ｓｈｉｔ feed'],
    ['homoglyph', 'ѕhit'],
    ['jamo', 'ㅅㅣㅂㅏㄹ'],
    ['digit inserted', '시1발'],
    ['Korean spacing', '씨 발 진짜'],
    ['Korean elongation', '씨이이발'],
    ['lone jamo abbreviation', 'ㅂㅅ 같은 봇'],
  ])('blocks obfuscation: %s', (_kind, text) => {
    expect(unsafe(text)).toBe(true);
  });

  it.each([
    'Scunthorpe United', 'the assassin', 'class act', 'cocktail bar', 'cumin chicken', 'summa cum laude',
    'a Maine Coon kitten', 'shitake mushroom soup', 'push it to the limit', 'rapping battles', 'the annals of history',
    "who're they", 'Sex Education season 4', '시발점부터 다시', '도시발전 계획', '오후 3시 발표', '고양이 새끼',
    '보지 마', '호로록 라면', '껌 씹는 소리', '불이 꺼져요', '5개년 계획', '존맛 떡볶이',
  ])('lets an everyday near-miss pass: %s', (text) => {
    expect(guard.check(text)).toMatchObject({ verdict: 'safe', matches: [] });
  });

  it('reports which allowed phrase suppressed a match', () => {
    const r = guard.check('I love food porn videos');
    expect(r.verdict).toBe('safe');
    expect(r.allowed.length).toBe(1);
  });

  it('rejects a file that is not a lexicon with a typed error', () => {
    expect(() => createLexiconGuard({ format: 'nope' })).toThrow(SafetyDataError);
    expect(() => createLexiconGuard(null)).toThrow(SafetyDataError);
  });

  it('ships the lexicon the build produces from the installed lists (rebuild with tools/train-safety-model.ts)', () => {
    const bw = readSource('node_modules/badwords-ko/src/badwords.ko.config.json') as { badWords: string[] };
    const compiled = compileLexicon({
      naughtyEn: readSource('node_modules/naughty-words/en.json') as string[],
      naughtyKo: readSource('node_modules/naughty-words/ko.json') as string[],
      badwordsKo: bw.badWords,
      versions: {
        naughtyWords: (readSource('node_modules/naughty-words/package.json') as { version: string }).version,
        badwordsKo: (readSource('node_modules/badwords-ko/package.json') as { version: string }).version,
      },
    });
    expect(compiled.data).toEqual(lexiconData);
    expect(compiled.unusedDrops).toEqual([]);
    // Every documented drop really is absent.
    const shipped = new Set(compiled.data.terms.map((t) => `${t[1]}:${t[0]}`));
    for (const lang of ['en', 'ko'] as const) for (const e of Object.keys(DROPPED[lang])) expect(shipped.has(`${lang}:${e}`)).toBe(false);
  });
});
