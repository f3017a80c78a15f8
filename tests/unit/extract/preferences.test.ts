import { describe, expect, it } from 'vitest';
import { extractSignals } from '../../../src/core/extract/extractor.ts';
import { stickerEngine } from './fixtures.ts';

/** Likes and dislikes found by the patterns alone (no classifier). */
function prefs(text: string): { likes: string[]; dislikes: string[]; plain: string[] } {
  const s = extractSignals(text, stickerEngine().gazetteer);
  const by = (pol: string | undefined) => s.phrases.filter((_, i) => s.preferences.polarity.get(i) === pol).map((p) => p.text);
  return { likes: by('like'), dislikes: by('dislike'), plain: by(undefined) };
}

describe('English negation', () => {
  it.each([
    ['no more cats', ['cat']],
    ['no more animals', ['animal']],
    ["I don't like spiders", ['spider']],
    ['I dont want clowns', ['clown']],
    ['less pizza please', ['pizza']],
    ['stop showing me snakes', ['snake']],
    ["I'm sick of the hearts", ['heart']],
    ['not a fan of vegetables', ['vegetable']],
    ['no snakes or spiders', ['snake', 'spider']],
    ['anything but food', ['food']],
    ['the zodiac signs are boring', ['zodiac sign']],
  ])('%s -> dislikes %j', (text, dislikes) => {
    expect(prefs(text).dislikes).toEqual(dislikes);
  });

  it.each([
    ['snakes creep me out', ['snake']], ['clowns freak me out', ['clown']], ['spiders give me the creeps', ['spider']],
    ['bugs scare me', ['bug']], ['the flags are kinda boring', ['flag']],
  ])('%s -> dislikes %j', (text, dislikes) => {
    expect(prefs(text).dislikes).toEqual(dislikes);
  });

  it('a verdict with a degree word or a fused pronoun is a cue, not a topic ("they\'re kinda cute")', () => {
    expect(prefs('the cats are kinda cute').likes).toEqual(['cat']);
    expect(prefs("they're kinda cute").plain).toEqual([]);
  });

  it('reads "too many" as feedback on the feed, not as a story of what the user did', () => {
    expect(prefs('too many cats').dislikes).toEqual(['cat']);
    expect(prefs('way too many cars').dislikes).toEqual(['car']);
    // Past time in the sentence, or a doing verb before the excess: the user lived it.
    expect(prefs('way too much wine last night and now my head is pounding').dislikes).toEqual([]);
    expect(prefs('i ate too much cake').dislikes).toEqual([]);
    expect(prefs('drank way too much coffee').dislikes).toEqual([]);
  });

  it('reads a negated "stop" as what the user keeps doing, not a refusal', () => {
    expect(prefs("ugh, scratchy throat since yesterday and i can't stop sniffling").dislikes).toEqual([]);
    expect(prefs("my hands won't stop shaking").dislikes).toEqual([]);
    expect(prefs('stop showing me snakes').dislikes).toEqual(['snake']);
    expect(prefs('please stop the cats').dislikes).toEqual(['cat']);
  });

  it('scopes a negation to its clause: "no more cats, but more dogs"', () => {
    const p = prefs('no more cats, but more dogs');
    expect(p.dislikes).toEqual(['cat']);
    expect(p.likes).toEqual(['dog']);
  });

  it('finds likes ("I love cats", "more sushi", "the guitar is awesome")', () => {
    expect(prefs('I love cats').likes).toEqual(['cat']);
    expect(prefs('more sushi').likes).toEqual(['sushi']);
    expect(prefs('the guitar is awesome').likes).toEqual(['guitar']);
  });

  it('leaves plain requests without a polarity', () => {
    const p = prefs("I'm flying to Seoul next week and want to try street food");
    expect(p).toEqual({ likes: [], dislikes: [], plain: ['seoul', 'street food'] });
  });
});

describe('Korean negation and preference', () => {
  it.each([
    ['고양이 말고', ['고양이']],
    ['고양이말고 강아지', ['고양이']],
    ['거미 싫어', ['거미']],
    ['거미는 정말 싫어요', ['거미']],
    ['고양이는 그만', ['고양이']],
    ['동물은 이제 그만', ['동물']],
    ['피자 좀 덜 보여줘', ['피자']],
    ['채소는 빼고', ['채소']],
    ['뱀이랑 거미는 빼 주세요', ['거미', '뱀']],
    ['국기나 지도는 더 이상 보고 싶지 않아', ['지도', '국기']],
    ['무서운 건 안 보고 싶어', ['무서운']],
    ['자동차 너무 많아', ['자동차']],
    ['고양이 안 좋아해', ['고양이']],
  ])('%s -> dislikes %j', (text, dislikes) => {
    expect(prefs(text).dislikes.sort()).toEqual([...dislikes].sort());
  });

  it('finds likes ("고양이 좋아", "강아지 더 보여줘") and keeps "더 이상" out of them', () => {
    expect(prefs('고양이 너무 좋아').likes).toEqual(['고양이']);
    expect(prefs('강아지 더 보여줘').likes).toEqual(['강아지']);
    expect(prefs('고양이 말고 강아지 더 보여줘')).toMatchObject({ likes: ['강아지'], dislikes: ['고양이'] });
    expect(prefs('국기는 더 이상 보고 싶지 않아').likes).toEqual([]);
  });

  it('does not read a modifier as a verdict ("귀여운 동물" is a phrase, not a like)', () => {
    expect(prefs('귀여운 동물 보여줘')).toEqual({ likes: [], dislikes: [], plain: ['귀여운 동물'] });
  });

  it('handles "음식이요" and "먹고 싶어요"', () => {
    expect(prefs('음식이요').plain).toEqual(['음식']);
    expect(prefs('다음 주에 서울 가는데 길거리 음식 먹어보고 싶어요').plain).toEqual(['서울', '길거리 음식']);
  });
});
