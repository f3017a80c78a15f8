import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { emptyIntent, type Intent, INTENT_SCHEMA_VERSION, IntentValidationError, parseIntent, parseTurnExtraction, TASKS, type TurnExtraction } from '../../../src/core/intent.ts';
import { DECAY_PER_TURN, mergeIntent } from '../../../src/core/intent-merge.ts';
import { forgetInIntent } from '../../../src/core/intent-forget.ts';

const safe = { verdict: 'safe' as const, categories: [] };
function turn(p: Partial<TurnExtraction>): TurnExtraction {
  return { keyPhrases: [], likes: [], dislikes: [], task: 'more_like', language: 'en', safety: safe, ...p };
}
function merged(prev: Intent, t: unknown, id = 't'): Intent {
  const r = mergeIntent(prev, t, id, 1000);
  if (!r.accepted) throw new Error(r.reason);
  return r.intent;
}

describe('intent schema', () => {
  test('a fresh intent is valid and round-trips', () => {
    const i = emptyIntent('local-1', 5);
    expect(parseIntent(JSON.parse(JSON.stringify(i)))).toEqual(i);
  });

  test('unknown fields, wrong versions and bad weights are rejected with readable issues', () => {
    const i = emptyIntent('u', 0);
    expect(() => parseIntent({ ...i, extra: 1 })).toThrow(IntentValidationError);
    expect(() => parseIntent({ ...i, schemaVersion: INTENT_SCHEMA_VERSION + 1 })).toThrow(IntentValidationError);
    try {
      parseIntent({ ...i, keyPhrases: [{ text: 'x', weight: 7, lastTurn: 0 }] });
      expect.unreachable();
    } catch (err) {
      expect((err as IntentValidationError).issues.join()).toMatch(/keyPhrases\.0\.weight/);
    }
  });

  test('an extraction cannot carry a user id or other fields', () => {
    expect(() => parseTurnExtraction({ ...turn({}), userId: 'attacker' })).toThrow(IntentValidationError);
    expect(() => parseTurnExtraction({ ...turn({}), task: 'delete_everything' })).toThrow(IntentValidationError);
    expect(() => parseTurnExtraction('{"keyPhrases": []}')).toThrow(IntentValidationError);
  });
});

describe('mergeIntent', () => {
  const start = emptyIntent('local-1', 0);

  test('adds phrases, counts turns, records the source turn', () => {
    const i = merged(start, turn({ keyPhrases: [{ text: 'street food', weight: 1 }] }), 'turn-1');
    expect(i.keyPhrases).toEqual([{ text: 'street food', weight: 1, lastTurn: 1 }]);
    expect(i.turn).toBe(1);
    expect(i.sourceTurnIds).toEqual(['turn-1']);
    expect(i.updatedAt).toBe(1000);
  });

  test('older interests decay each turn and several interests are kept together', () => {
    let i = merged(start, turn({ keyPhrases: [{ text: 'cats', weight: 1 }] }));
    i = merged(i, turn({ keyPhrases: [{ text: 'pizza', weight: 1 }] }));
    const cats = i.keyPhrases.find((p) => p.text === 'cats')!;
    expect(cats.weight).toBeCloseTo(DECAY_PER_TURN, 10);
    expect(i.keyPhrases[0]!.text).toBe('pizza');
    // Mentioning it again restores its weight.
    i = merged(i, turn({ keyPhrases: [{ text: 'Cats', weight: 1 }] }));
    expect(i.keyPhrases.find((p) => p.text === 'cats')!.weight).toBe(1);
  });

  test('phrases fade out after enough turns without mention', () => {
    let i = merged(start, turn({ keyPhrases: [{ text: 'cats', weight: 1 }] }));
    for (let n = 0; n < 20; n++) i = merged(i, turn({ keyPhrases: [{ text: `topic ${n}`, weight: 1 }] }));
    expect(i.keyPhrases.some((p) => p.text === 'cats')).toBe(false);
  });

  test('negatives persist until contradicted by a like', () => {
    let i = merged(start, turn({ dislikes: ['cats'], task: 'less_of' }));
    for (let n = 0; n < 30; n++) i = merged(i, turn({ keyPhrases: [{ text: 'dogs', weight: 1 }] }));
    expect(i.dislikes.map((d) => d.text)).toEqual(['cats']);
    i = merged(i, turn({ likes: ['cats'] }));
    expect(i.dislikes).toEqual([]);
    expect(i.likes.map((l) => l.text)).toContain('cats');
  });

  test('a dislike removes the same key phrase and like', () => {
    let i = merged(start, turn({ keyPhrases: [{ text: 'animals', weight: 1 }], likes: ['animals'] }));
    i = merged(i, turn({ dislikes: ['Animals'], task: 'less_of' }));
    expect(i.keyPhrases).toEqual([]);
    expect(i.likes).toEqual([]);
    expect(i.dislikes.map((d) => d.text)).toEqual(['Animals']);
  });

  test('new_topic drops earlier phrases and likes, keeps dislikes; start_over resets everything', () => {
    let i = merged(start, turn({ keyPhrases: [{ text: 'cats', weight: 1 }], likes: ['cats'], dislikes: ['spiders'] }));
    const n = merged(i, turn({ task: 'new_topic', keyPhrases: [{ text: 'pizza', weight: 1 }] }));
    expect(n.keyPhrases.map((p) => p.text)).toEqual(['pizza']);
    expect(n.likes).toEqual([]);
    expect(n.dislikes.map((d) => d.text)).toEqual(['spiders']);
    i = merged(n, turn({ task: 'start_over' }));
    expect(i.keyPhrases).toEqual([]);
    expect(i.dislikes).toEqual([]);
    expect(i.userId).toBe('local-1');
  });

  test('an unsafe or malformed extraction is refused and the previous intent stays', () => {
    const i = merged(start, turn({ keyPhrases: [{ text: 'cats', weight: 1 }] }));
    const unsafe = mergeIntent(i, turn({ keyPhrases: [{ text: 'bad', weight: 1 }], safety: { verdict: 'unsafe', categories: ['hate'] } }), 'x', 2000);
    expect(unsafe.accepted).toBe(false);
    expect(unsafe.intent).toBe(i);
    for (const bad of [null, 'text', { keyPhrases: 'cats' }, { ...turn({}), userId: 'evil' }, { ...turn({}), keyPhrases: [{ text: '', weight: 1 }] }]) {
      const r = mergeIntent(i, bad, 'x', 2000);
      expect(r.accepted).toBe(false);
      expect(r.intent).toBe(i);
    }
  });

  test('chit-chat with nothing in it leaves the intent untouched', () => {
    const i = merged(start, turn({ keyPhrases: [{ text: 'cats', weight: 1 }] }));
    expect(merged(i, turn({ task: 'chit_chat' }))).toBe(i);
  });

  test('property: any valid sequence of turns yields a valid intent for the same user', () => {
    const phrase = fc.stringMatching(/^[a-z가-힣]{1,12}( [a-z]{1,8})?$/);
    const ext = fc.record({
      keyPhrases: fc.array(fc.record({ text: phrase, weight: fc.double({ min: 0, max: 1, noNaN: true }) }), { maxLength: 30 }),
      likes: fc.array(phrase, { maxLength: 40 }),
      dislikes: fc.array(phrase, { maxLength: 40 }),
      task: fc.constantFrom(...TASKS),
      language: fc.constantFrom('en' as const, 'ko' as const, 'mixed' as const, 'unknown' as const),
      safety: fc.constant(safe),
    });
    fc.assert(
      fc.property(fc.array(ext, { maxLength: 12 }), (turns) => {
        let i = start;
        for (const [n, t] of turns.entries()) {
          // Extractions over the schema's size limits are refused, the rest merge.
          const r = mergeIntent(i, { ...t, keyPhrases: t.keyPhrases.slice(0, 24), likes: t.likes.slice(0, 32), dislikes: t.dislikes.slice(0, 32) }, `t${n}`, n);
          expect(r.accepted).toBe(true);
          i = r.intent;
        }
        expect(parseIntent(i).userId).toBe('local-1');
      }),
      { numRuns: 200 },
    );
  });
});
