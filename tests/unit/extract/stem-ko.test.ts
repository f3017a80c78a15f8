import { describe, expect, it } from 'vitest';
import { stemKorean } from '../../../src/core/lang/ko/stem.ts';
import { analyseTurn } from '../../../src/core/extract/words.ts';
import { parseTurnExtraction } from '../../../src/core/intent.ts';
import { stickerEngine } from './fixtures.ts';

describe('stemKorean', () => {
  it.each([
    ['고양이를', '고양이', ['를']],
    ['음식이요', '음식', ['이', '요']],
    ['고양이는', '고양이', ['는']],
    ['서울에서', '서울', ['에서']],
    ['강아지랑', '강아지', ['랑']],
    ['피자도', '피자', ['도']],
    ['과일만', '과일', ['만']],
  ])('strips particles: %s -> %s', (word, stem, suffixes) => {
    const s = stemKorean(word);
    expect(s.stem).toBe(stem);
    expect(s.suffixes).toEqual(suffixes);
    expect(s.kind).toBe('noun');
  });

  it('keeps a noun that merely ends like a particle ("떡볶이", "고양이")', () => {
    expect(stemKorean('떡볶이').stem).toBe('떡볶이');
    expect(stemKorean('고양이').stem).toBe('고양이');
  });

  it('tells predicates from nouns ("먹고", "싶어요", "보여줘")', () => {
    expect(stemKorean('먹고').kind).toBe('predicate');
    expect(stemKorean('싶어요').kind).toBe('predicate');
    expect(stemKorean('보여줘').kind).toBe('predicate');
  });

  it('uses the lexicon to strip a particle phonology alone would keep ("꽃이" -> "꽃")', () => {
    expect(stemKorean('꽃이').stem).toBe('꽃이');
    expect(stemKorean('꽃이', { has: (t) => t === '꽃' }).stem).toBe('꽃');
  });
});

describe('analyseTurn', () => {
  const g = stickerEngine().gazetteer;

  it('marks "먹고 싶어요" as predicates, not topics', () => {
    const words = analyseTurn('떡볶이 먹고 싶어요', g).words;
    expect(words.map((w) => [w.norm, w.content])).toEqual([
      ['떡볶이', true],
      ['먹', false],
      ['싶어요', false],
    ]);
  });

  it('drops time expressions ("next week", "다음 주에", "5월에")', () => {
    const en = analyseTurn("I'm flying to Seoul next week", g).words.filter((w) => w.content).map((w) => w.norm);
    expect(en).toEqual(['seoul']);
    const ko = analyseTurn('다음 주에 서울', g).words.filter((w) => w.content).map((w) => w.norm);
    expect(ko).toEqual(['서울']);
    const date = analyseTurn('5월에 파리', g).words.filter((w) => w.content).map((w) => w.norm);
    expect(date).toEqual(['파리']);
  });

  it('detects the language by words', () => {
    expect(analyseTurn('show me cats', g).evidence.language).toBe('en');
    expect(analyseTurn('고양이 보여줘', g).evidence.language).toBe('ko');
    expect(analyseTurn('고양이 cats', g).evidence.language).toBe('mixed');
    expect(analyseTurn('?!', g).evidence.language).toBe('unknown');
  });
});

describe('Korean words that name no topic', () => {
  const engine = stickerEngine();
  const phrases = (text: string) => parseTurnExtraction(engine.extract(text, { previous: null })).keyPhrases.map((p) => p.text);
  it.each([
    // 하나도 is "(not) at all"; 네 시 is four o'clock; 일주일째 "for a week now"; 말라 "does not dry" / "don't".
    ['새벽 네 시인데 잠이 하나도 안 와', /하나|^시$/],
    ['장마라 빨래가 일주일째 안 말라', /일주일|말라/],
    // 엔 is 에는 ("on weekends").
    ['주말엔 캠핑 가서 불멍 때릴 거야', /주말/],
  ])('%s', (text, none) => {
    expect(phrases(text).filter((p) => none.test(p))).toEqual([]);
  });

  it('a contracted particle is stripped like the full one ("주말엔" as "주말에는", "서울에선" as "서울에서는")', () => {
    expect(stemKorean('주말엔').stem).toBe('주말');
    expect(stemKorean('서울에선').stem).toBe('서울');
  });
});

describe('the copula joined to a noun', () => {
  it('"이삿날이라", "시험이라서", "시인데": the noun, as with a case particle', () => {
    expect(stemKorean('이삿날이라')).toMatchObject({ stem: '이삿날', suffixes: ['이라'], kind: 'noun' });
    expect(stemKorean('시험이라서').stem).toBe('시험');
    expect(stemKorean('고양이인데').stem).toBe('고양이');
    expect(stemKorean('시인데').stem).toBe('시');
  });

  it('a noun that ends in 라 after a vowel stays whole ("카메라", "코알라")', () => {
    expect(stemKorean('카메라').stem).toBe('카메라');
    expect(stemKorean('코알라').stem).toBe('코알라');
  });

  it('"오늘 이삿날이라 정신이 하나도 없어": no phrase joins the moving day to the mind', () => {
    const engine = stickerEngine();
    const phrases = parseTurnExtraction(engine.extract('오늘 이삿날이라 정신이 하나도 없어', { previous: null })).keyPhrases.map((p) => p.text);
    expect(phrases.filter((p) => p.includes('이삿날') && p.includes('정신'))).toEqual([]);
  });

  it('the plural marker 들 between a noun and its particles ("가족들이랑", "애들만", "고양이들")', () => {
    expect(stemKorean('가족들이랑')).toMatchObject({ stem: '가족', suffixes: ['들', '이랑'], kind: 'noun' });
    expect(stemKorean('애들만')).toMatchObject({ stem: '애', suffixes: ['들', '만'] });
    expect(stemKorean('고양이들').stem).toBe('고양이');
    // a word said twice is a mimetic word, not a plural; one syllable before 들 is no plural either
    expect(stemKorean('후들후들').stem).toBe('후들후들');
    expect(stemKorean('그들').stem).toBe('그들');
  });
});
