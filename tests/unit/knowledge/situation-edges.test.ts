// Where a situation's words end and the rest of a turn begins (issue 14, twentieth round, seen in the
// page): a definition's function words and relative-clause verbs lead nowhere ("my boss yelled at me"
// had replied "Switching to exercise and over stickers."), and a phrase that begins inside a
// situation's name keeps only what goes on past it ("비 오는 날 카페에서" had kept "날 카페").
import { describe, expect, it } from 'vitest';
import { expandPhrase } from '../../../src/core/knowledge/expand.ts';
import { glossTargetWords } from '../../../tools/knowledge/wordnet.ts';
import { kb, productTurns } from './product-turns.ts';

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

  it('keeps a phrase whose rest is still the name\'s own head: "first grade" is not "grade"', () => {
    const { intent } = productTurns('my daughter starts first grade monday');
    expect(intent.keyPhrases.map((p) => p.text)).not.toContain('grade');
  });
});
