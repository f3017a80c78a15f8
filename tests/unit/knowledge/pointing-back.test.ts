// Turns that point at what is shown or at what was said before (2026-12-01): refusing the cards on
// screen by a pronoun ("i hate them", "these are boring", "이건 별로야") dislikes the topic they show;
// taking a dislike back ("ok i take that back, let's see the snakes") brings the topic back, and the
// rest of such a turn ("they're kinda cute", "i take that back") is how it was said, not a new topic.
import { describe, expect, it } from 'vitest';
import { productTurns } from './product-turns.ts';

const titlesAfter = (...texts: string[]) => {
  const { intent, top } = productTurns(...texts);
  return { intent, titles: top.map((it) => it.title), categories: top.map((it) => it.categories) };
};

describe('refusing what is shown by pointing at it', () => {
  it.each([
    ['show me cats', 'i hate them', 'cat'],
    ['show me cats', 'no more of those', 'cat'],
    ['show me cats', 'not these', 'cat'],
    ['show me cats', "they're boring", 'cat'],
    ['고양이 보여줘', '이건 별로야', '고양이'],
  ])('"%s", then "%s": the topic on screen is disliked', (topic, refusal, disliked) => {
    const { intent, titles } = titlesAfter(topic, refusal);
    expect(intent.dislikes.map((d) => d.text)).toContain(disliked);
    expect(titles.filter((t) => /\bcat\b/.test(t))).toEqual([]);
  });

  it('a refusal that names something dislikes what it names, not the topic on screen', () => {
    const { intent } = titlesAfter('show me cats', 'i hate spiders');
    expect(intent.dislikes.map((d) => d.text)).toEqual(['spider']);
  });

  it('what the refusing words imply is not shown ("they\'re boring": no drills for bore)', () => {
    const { titles } = titlesAfter('show me cats', "they're boring");
    expect(titles.some((t) => /hand|drill/.test(t))).toBe(false);
  });
});

describe('taking a dislike back', () => {
  it('"바퀴벌레 극혐" dislikes cockroaches; "아 취소 바퀴벌레 보여줘 친구 놀리게" brings them back first, the friend is whom they are for', () => {
    expect(titlesAfter('바퀴벌레 극혐').intent.dislikes.map((d) => d.text)).toEqual(['바퀴벌레']);
    const { intent, titles } = titlesAfter('바퀴벌레 극혐', '아 취소 바퀴벌레 보여줘 친구 놀리게');
    expect(intent.dislikes).toEqual([]);
    expect(titles[0]).toBe('cockroach');
    // "친구 놀리게" (to tease a friend), the particle dropped as chat drops it: a person, not a topic.
    expect(intent.information?.people?.map((p) => p.text)).toContain('친구');
    expect(intent.keyPhrases.map((p) => p.text)).not.toContain('친구');
    expect(titles.filter((t) => /^(?:man|woman|people)\b/.test(t))).toEqual([]);
  });

  it('"snakes creep me out, skip those" dislikes snakes; "ok i take that back, let\'s see the snakes" brings reptiles, no zodiac signs for "take" and "back"', () => {
    expect(titlesAfter('snakes creep me out, skip those').intent.dislikes.map((d) => d.text)).toEqual(['snake']);
    const { intent, categories } = titlesAfter('snakes creep me out, skip those', "ok i take that back, let's see the snakes");
    expect(intent.dislikes).toEqual([]);
    expect(categories.filter((c) => c.includes('animal-reptile')).length).toBeGreaterThanOrEqual(4);
  });

  it('"they\'re kinda cute, show me some" after "i hate spiders": the spiders and other bugs, not cute hearts', () => {
    const { intent, titles } = titlesAfter('i hate spiders', "actually wait, they're kinda cute, show me some");
    expect(intent.keyPhrases.map((p) => p.text)).toEqual(['spider']);
    expect(titles.slice(0, 2)).toEqual(['spider', 'spider web']);
    expect(titles.filter((t) => /heart/.test(t))).toEqual([]);
  });
});

describe('a refusal and a later request', () => {
  it('"no cats", then "animals": the animals without the cats (a broader request does not take the refusal back)', () => {
    const { titles } = titlesAfter('no cats', 'animals');
    expect(titles.length).toBe(10);
    expect(titles.filter((t) => /\bcat\b/.test(t))).toEqual([]);
  });

  it('"no animals", then "cats please": the cats (a narrower request does)', () => {
    expect(titlesAfter('no animals', 'cats please').titles.filter((t) => /\bcat\b/.test(t)).length).toBeGreaterThanOrEqual(5);
  });

  it('"no france", then "flags": every flag but the French one (a place refused by its name)', () => {
    const { titles } = titlesAfter('no france', 'flags');
    expect(titles.filter((t) => /flag/.test(t)).length).toBeGreaterThanOrEqual(8);
    expect(titles).not.toContain('flag: France');
  });
});

describe('a refusal taken back in the other language', () => {
  it('"고양이 말고 강아지 보여줘", then "cats again": the cats the reply names are shown', () => {
    const { titles } = titlesAfter('고양이 말고 강아지 보여줘', 'cats again');
    expect(titles.filter((t) => /\bcat\b/.test(t)).length).toBeGreaterThanOrEqual(5);
  });
});

describe('taking back what was left out of a topic keeps the topic (2026-12-02)', () => {
  it('"dogs please", "not the poodle", "the poodle\'s fine, put it back": the poodle among the dogs, not beside monkeys', () => {
    const { intent, titles } = titlesAfter('dogs please', 'not the poodle', "eh actually the poodle's fine, put it back");
    expect(intent.dislikes).toEqual([]);
    expect(intent.keyPhrases.map((p) => p.text)).toContain('dog');
    expect(titles[0]).toBe('poodle');
    expect(titles.slice(0, 5).filter((t) => /\bdog\b/.test(t)).length).toBeGreaterThanOrEqual(3);
    expect(titles.slice(0, 6).some((t) => /monkey|gorilla/.test(t))).toBe(false);
  });

  it('"동물 보여줘 근데 뱀은 빼고", "음 생각해보니 뱀도 괜찮아 넣어줘": the snake back among the animals, no zodiac signs', () => {
    const { intent, titles, categories } = titlesAfter('동물 보여줘 근데 뱀은 빼고', '음 생각해보니 뱀도 괜찮아 넣어줘');
    expect(intent.keyPhrases.map((p) => p.text)).toContain('동물');
    expect(titles[0]).toBe('snake');
    expect(categories.filter((c) => c.includes('zodiac'))).toEqual([]);
  });

  it('"cars", "not the police ones", "bring the police cars back": the exclusion goes with its property (no police officer)', () => {
    const { intent, titles } = titlesAfter('cars', 'not the police ones', 'hmm actually bring the police cars back');
    expect(intent.refinements.filter((r) => r.not)).toEqual([]);
    expect(titles.slice(0, 3)).toEqual(['police car', 'oncoming police car', 'police car light']);
    expect(titles.some((t) => /officer|detective/.test(t))).toBe(false);
  });
});
