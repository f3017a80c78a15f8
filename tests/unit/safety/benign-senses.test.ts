// Benign senses of listed words (src/core/safety/senses.ts, data from WordNet in the shipped lexicon.json):
// everyday expressions pass, the bare word and obfuscated or insulting uses next to them are still refused.
import { describe, expect, it } from 'vitest';
import { createLexiconGuard } from '../../../src/core/safety/lexicon.ts';
import { lexiconData } from './shipped.ts';

const guard = createLexiconGuard(lexiconData);
const unsafe = (t: string): boolean => guard.check(t).verdict === 'unsafe';

describe('benign senses of listed words', () => {
  it.each([
    'pussy willow', 'pussy willows in spring', 'spotted dick pudding', 'cock-a-leekie soup', 'wild ass', 'jackass penguin',
    'horny toad', 'ass (donkey)', 'boner (a blunder)', 'bird-watching for tits and finches', 'retard the spark',
    "Dick's Sporting Goods", 'Intercourse, Pennsylvania', '십팔번', '십팔번 노래 불러줘',
    // A first name and a surname (was refused before the capitalised-name rule of 2026-11-30; see benign-context.test.ts).
    'Dick Whittington',
  ])('passes "%s"', (t) => {
    expect(unsafe(t)).toBe(false);
  });

  it.each([
    'ass', 'dick', 'pussy', 'tits', 'horny', 'boner', 'retard', 'intercourse', '십팔',
    // obfuscated spellings inside the same expressions
    'pussy w1llow', 'spotted d1ck', 'spotted d!ck pudding', 'a$$ (donkey)', 'D1ck Whittington', 'w1ld a55',
    // insults next to the mechanisms: a capitalised word that joins into an entry, no region after the comma, a clause boundary
    'Dick Head', 'Ass Hole', 'Jack Ass', 'Fuck You', 'ur a Dick, Mr Smith', 'show me her ass, not a donkey',
    'you retard the film is fine', 'DICK WHITTINGTON', '십팔년아', '십팔 새끼야',
    // a capitalised neighbour alone is not a name (blind2-en.jsonl showed these insults in title case): a body part,
    // a kind of person, a possessive with nothing after it
    'Dick Face', 'Pussy Boy', "Dick's out", 'Dick Head', 'Ass Wipe',
  ])('refuses "%s"', (t) => {
    expect(unsafe(t)).toBe(true);
  });

  it('clears only the hit with the benign sense, not another entry in the same message', () => {
    const r = guard.check('pussy willow and a pussy');
    expect(r.verdict).toBe('unsafe');
    expect(r.matches).toHaveLength(1);
    expect(r.allowed.length).toBe(1);
  });

  it('a lexicon file without benign senses refuses the expressions (the data, not a rule, clears them)', () => {
    const { benign: _drop, ...older } = lexiconData as Record<string, unknown>;
    const plain = createLexiconGuard(older);
    expect(plain.check('pussy willow').verdict).toBe('unsafe');
    expect(plain.check('boner (a blunder)').verdict).toBe('unsafe');
  });
});
