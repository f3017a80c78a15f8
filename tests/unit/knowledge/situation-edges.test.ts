// Where a situation's words end and the rest of a turn begins (issue 14, twentieth round, seen in the
// page): a definition's function words and relative-clause verbs lead nowhere ("my boss yelled at me"
// had replied "Switching to exercise and over stickers."), and a phrase that begins inside a
// situation's name keeps only what goes on past it ("비 오는 날 카페에서" had kept "날 카페"); a state a
// turn tells is read through what it implies ("so hot today" had shown the hot dog and the hot pepper);
// a name that matches one item means what the knowledge layer names for it ("oktoberfest").
import { describe, expect, it } from 'vitest';
import { expandPhrase } from '../../../src/core/knowledge/expand.ts';
import { glossTargetWords } from '../../../tools/knowledge/wordnet.ts';
import { informationNode } from '../../../src/core/extract/information.ts';
import { emptyIntent, parseTurnExtraction } from '../../../src/core/intent.ts';
import { refinementReaders } from '../../../src/core/knowledge/expand.ts';
import { engine, kb, productTurns } from './product-turns.ts';

/** The reply to one first turn, as the llm worker composes it after the information node. */
async function replyTo(text: string, seed: number): Promise<string> {
  const previous = emptyIntent('u', 0);
  const x = parseTurnExtraction(engine.extract(text, { previous, context: { expansions: [], places: [], ...refinementReaders(kb) } }));
  const enriched = parseTurnExtraction({ ...x, ...informationNode({ text, extraction: x, previous, kb, catalogItems: (p) => engine.gazetteer.itemIdsOf(p) }) });
  return engine.reply(enriched, { language: enriched.language, seed });
}

describe('what a definition can lead to', () => {
  it('not its function words, nor the verb after who / which / that', () => {
    const words = glossTargetWords('a person who exercises control over workers; "if you want to leave you have to ask the boss"');
    expect(words).toEqual(expect.arrayContaining(['person', 'control', 'worker']));
    expect(words).not.toContain('over');
    expect(words).not.toContain('exercise');
    expect(words).not.toContain('leave');
  });

  it('"boss" in the shipped file reaches control and workers, not exercise or over', () => {
    const texts = expandPhrase(kb, 'boss', 'en').map((x) => x.text);
    expect(texts).toContain('worker');
    expect(texts).not.toContain('exercise');
    expect(texts).not.toContain('over');
  });
});

describe('a phrase that begins inside a situation name', () => {
  it('비 오는 날 카페에서 책 읽는 중: the café, not "날 카페", beside the rain', () => {
    const { intent, top } = productTurns('비 오는 날 카페에서 책 읽는 중');
    const phrases = intent.keyPhrases.map((p) => p.text);
    expect(phrases).toContain('카페');
    expect(phrases.filter((p) => p.startsWith('날'))).toEqual([]);
    expect(top.map((it) => it.title)).not.toContain('roller skate');
    expect(top.slice(0, 3).some((it) => /umbrella|rain/.test(it.title))).toBe(true);
  });

  it('비 오는 날 책 읽기: the books, their phrase without the day', () => {
    const { intent, top } = productTurns('비 오는 날 책 읽기 좋은 스티커');
    expect(intent.keyPhrases.map((p) => p.text)).toContain('책 읽기');
    expect(top.slice(0, 5).some((it) => /book/.test(it.title))).toBe(true);
  });

  it('a hyphenated word is the name it was found as: "pulled an all-nighter finishing my thesis"', () => {
    const { intent, top } = productTurns('pulled an all-nighter finishing my thesis and now i have a 9am lecture');
    expect(intent.keyPhrases.map((p) => p.text).filter((t) => t.includes('nighter'))).toEqual([]);
    // The sleepless night leads: it had been below the chequered flag of "all-nighter finish".
    const titles = top.map((it) => it.title);
    expect(titles.slice(0, 5)).toContain('face with bags under eyes');
    expect(titles.slice(0, 3).filter((t) => /police|chequered/.test(t))).toEqual([]);
  });

  it('keeps a phrase whose rest is still the name\'s own head: "first grade" is not "grade"', () => {
    const { intent } = productTurns('my daughter starts first grade monday');
    expect(intent.keyPhrases.map((p) => p.text)).not.toContain('grade');
  });
});

describe('a told state is read through what it implies', () => {
  it('"so hot today": the melting face and the sun, not the hot dog, the hot pepper or the hot springs', () => {
    const titles = productTurns('so hot today').top.map((it) => it.title);
    for (const t of ['hot dog', 'hot pepper', 'hot springs', 'hot beverage']) expect(titles).not.toContain(t);
    expect(titles.slice(0, 3)).toEqual(expect.arrayContaining(['sun']));
  });

  it('an ask keeps its words: "only cold weather stuff" still narrows by cold', () => {
    const { intent } = productTurns('weather stickers', 'only cold weather stuff');
    expect([...intent.keyPhrases, ...(intent.refinements ?? [])].map((p) => p.text).join(' ')).toMatch(/cold/);
  });
});

describe('a name that matches little means what the knowledge layer names for it', () => {
  it('oktoberfest: the beer mugs, the pretzel and the accordion, not the milk and the tea', () => {
    const titles = productTurns('oktoberfest').top.map((it) => it.title);
    expect(titles.slice(0, 6)).toEqual(expect.arrayContaining(['beer mug', 'pretzel', 'accordion']));
    expect(titles).not.toContain('glass of milk');
  });

  it('hanukkah: its things (the synagogue, the doughnut) right after the menorah, the star and the candle', () => {
    const titles = productTurns('hanukkah').top.map((it) => it.title);
    expect(titles.slice(0, 3)).toEqual(['menorah', 'star of David', 'candle']);
    expect(titles.slice(0, 7)).toEqual(expect.arrayContaining(['synagogue', 'doughnut']));
  });
});

describe('the words that ask to learn name nothing', () => {
  it('"I want to learn more about Seoul culture" reads no acquisition, learner, hearing or seeing', () => {
    const { intent } = productTurns("I'm traveling from San Francisco to Seoul next week. I want to learn more about Seoul culture");
    const texts = intent.expansions.map((e) => e.text);
    for (const t of ['acquisition', 'learner', 'hear', 'see']) expect(texts).not.toContain(t);
  });
});

describe('a pet is no person the turn is for', () => {
  it('"my cat knocked my coffee off the table again" shows the cat (seen in the page: it had shown none)', () => {
    const { intent, top } = productTurns('my cat knocked my coffee off the table again');
    expect(intent.information.people).toEqual([]);
    expect(top.slice(0, 3).some((it) => /\bcat\b/.test(it.title))).toBe(true);
  });
});

describe('a feeling said is no circumstance of what happened', () => {
  it('친구가 이사 가서 너무 슬퍼: the sad faces lead, not the houses', () => {
    const titles = productTurns('친구가 이사 가서 너무 슬퍼').top.map((it) => it.title);
    expect(titles.slice(0, 5)).toContain('crying face');
    expect(titles.slice(0, 5)).not.toContain('houses');
  });

  it('the reply does not name the feeling\'s predicate form as a thing to show ("슬퍼로 바꿔 볼게요")', async () => {
    for (const seed of [0, 1, 2]) expect(await replyTo('친구가 이사 가서 너무 슬퍼', seed)).not.toMatch(/슬퍼/);
  });

  it('a predicate that is no feeling stays a circumstance: 추석 연휴에 시골 할머니댁 내려가 shows no trains', () => {
    const titles = productTurns('추석 연휴에 시골 할머니댁 내려가').top.map((it) => it.title);
    expect(titles.slice(0, 5)).not.toContain('locomotive');
    expect(titles).toContain('moon viewing ceremony');
  });
});

describe('what a turn names as the cause of what it tells is its circumstance', () => {
  it('"시험 때문에 스트레스 받아": the stressed and worried faces lead, the books come after', () => {
    const { intent, top } = productTurns('시험 때문에 스트레스 받아');
    const titles = top.map((it) => it.title);
    // The exam had filled the screen with books; the stress was nowhere.
    expect(titles.slice(0, 3).filter((t) => /book|notebook|memo/.test(t))).toEqual([]);
    expect(titles.slice(0, 3).some((t) => /face/.test(t))).toBe(true);
    const exam = intent.expansions.find((e) => e.text === 'books');
    const stress = intent.expansions.find((e) => e.from.startsWith('스트레스'));
    expect(stress!.weight).toBeGreaterThan(exam?.weight ?? 0);
  });

  it('a cause with nothing told beside it stays the topic ("because of the rain" alone)', () => {
    const { top } = productTurns('stickers because of the rain');
    expect(top.slice(0, 5).some((it) => /rain|umbrella/.test(it.title))).toBe(true);
  });
});

describe('a loss is read as grief, and a feed about grief shows no joy', () => {
  it.each(['my dog died', 'my grandma passed away yesterday', '강아지가 죽었어', '할머니가 돌아가셨어'])('%s', (text) => {
    const titles = productTurns(text).top.map((it) => it.title);
    expect(titles.slice(0, 3)).toEqual(expect.arrayContaining(['crying face']));
    // "crying" had brought the face with tears of joy and the laughing faces; 죽다 -> die had been the dice.
    expect(titles.filter((t) => /joy|laughing|game die/.test(t))).toEqual([]);
  });

  it('a phone that died is a dead battery, not a loss', () => {
    const titles = productTurns('ugh my phone just died').top.map((it) => it.title);
    expect(titles.slice(0, 3)).toContain('low battery');
    expect(titles).not.toContain('crying face');
  });

  it('laughter asked for stays: "show me laughing faces"', () => {
    expect(productTurns('show me laughing faces').top.map((it) => it.title)).toContain('face with tears of joy');
  });
});
