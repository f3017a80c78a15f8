// Issue 17 item 6, 2026-11-30: the input guard refused ordinary requests (a blind benign set: 28 of 271). What a
// recommender's guard is for is abuse aimed at someone, slurs, requests for sexual content and threats; a listed word in
// a name, about an animal, as a thing to get rid of, or a Korean word that is a morpheme of a longer everyday word is
// none of these. These cases pin the rules of src/core/safety/senses.ts (and the allowed-phrase check in lexicon.ts);
// the examples are written for the tests, not taken from the golden sets.
import { describe, expect, it } from 'vitest';
import { createLexiconGuard } from '../../../src/core/safety/lexicon.ts';
import { lexiconData } from './shipped.ts';

const guard = createLexiconGuard(lexiconData);
const verdict = (t: string): string => guard.check(t).verdict;

describe('capitalised names (titles, brands, people)', () => {
  it.each([
    'Kick-Ass 3 trailer', 'have you seen The Bank Dick?', 'Can you find Jackass Number Two', 'Jackass: The Movie',
    'Fun with Dick and Jane', 'Dick Turpin legends', 'Dick Whittington pantomime', 'You should watch Kick-Ass',
  ])('passes "%s"', (t) => expect(verdict(t)).toBe('safe'));

  it.each([
    // a body part, a kind of person, a sexual cue, an adjective, an interjection, an entry when joined
    'Dick Head', 'Pussy Boy', 'Dick Pics', 'Dick Rider', 'Crazy Bitch', 'Big Dick Energy', 'Bitch Please', 'Jack Ass',
    // a compound of the word and one more word ("Ass Wipe") is an insult's shape; only a first name takes a surname
    'Ass Wipe', 'Tits McGee', 'Cock Master',
    // addressed to someone, or the head of a predicate
    'you Kick-Ass Dick', 'the host is a Dick', "Love's a Bitch",
    // shouting is not a name, and an obfuscated spelling is never cleared
    'DICK SMITH', 'D1ck Smith',
  ])('refuses "%s"', (t) => expect(verdict(t)).toBe('unsafe'));
});

describe('concrete senses shown by a member of their class', () => {
  it.each(['a cock pheasant in the snow', 'hens and a cock in the yard', 'the robin and the blue tits at the feeder, the wrens too', 'wild ass and zebra herds'])(
    'passes "%s"', (t) => expect(verdict(t)).toBe('safe'),
  );
  it.each(['nice tits on that girl, like a robin', 'the rooster has a bigger cock than you', 'cock pics, the chicken kind', 'hens and a cock near me'])(
    'refuses "%s"', (t) => expect(verdict(t)).toBe('unsafe'),
  );
});

describe('"how to kill" a thing, not a person', () => {
  it.each(['how to kill aphids on roses', 'how to kill moss on a roof', 'how to kill a process in windows'])('passes "%s"', (t) => expect(verdict(t)).toBe('safe'));
  it.each(['how to kill', 'how to kill someone', 'how to kill my wife', 'how to kill my annoying little brother', 'how to kill Bob', 'how to murder a neighbour'])(
    'refuses "%s"', (t) => expect(verdict(t)).toBe('unsafe'),
  );
});

describe('verbs with benign senses', () => {
  it('passes the agent noun of a benign verb, refuses the insult', () => {
    expect(verdict('a setting retarder for mortar')).toBe('safe');
    expect(verdict('retard the ignition timing')).toBe('safe');
    expect(verdict('retard the whole lot of you')).toBe('unsafe');
    expect(verdict('you retard')).toBe('unsafe');
  });
});

describe('Korean: a listed word as a morpheme of a longer word, numbers, help-seeking', () => {
  it.each([
    '자살골 모음', '자살률 추이 그래프', '자살 예방 센터 번호', '친구가 자살하고 싶대요 어떻게 도와야 하나요', '자살하고 싶어요 상담 전화 알려주세요',
    '자해 흔적 치료 상담', '강간 피해자 지원 센터', '허리띠 졸라매기', '아이가 엄마를 졸라', '십팔 년 전 드라마', '십팔세 관람가', '딸딸이 슬리퍼 추천',
  ])('passes "%s"', (t) => expect(verdict(t)).toBe('safe'));

  it.each([
    // wanting, planning or urging self-harm; help words do not clear a plan or an insult
    '자살하고 싶다', '자살 방법', '자살법 알려줘', '자살약 어디서 사', '자살해라', '너 자살해', '자살 상담 말고 그냥 죽어', '자살 방법 뉴스 말고 진짜 방법',
    '강간 영상', '강간하고 싶다', '졸라 재밌네', '십팔년', '십팔년아', '십팔번 같은 새끼', '딸딸이 치는 영상',
    // obfuscated spellings are never cleared
    '자1살골',
  ])('refuses "%s"', (t) => expect(verdict(t)).toBe('unsafe'));
});

describe('allowed phrases', () => {
  it('shield only as written, and a Korean one addressed to someone is the insult', () => {
    expect(verdict('시발택시 역사')).toBe('safe');
    expect(verdict('시1발택시')).toBe('unsafe');
    expect(verdict('병신년 달력')).toBe('safe');
    expect(verdict('병신년아')).toBe('unsafe');
    expect(verdict('FOOD PORN style cooking')).toBe('safe');
    expect(verdict('food p0rn style cooking')).toBe('unsafe');
  });
});
