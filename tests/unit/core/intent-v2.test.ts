// Intent schema version 2: information (places, dates, occasions, people), knowledge expansions and
// refinements; the migration from version 1; refine, undo and forgetting one remembered thing.
import { describe, expect, test } from 'vitest';
import { emptyIntent, type Intent, INTENT_SCHEMA_VERSION, parseIntent, type TurnExtraction } from '../../../src/core/intent.ts';
import { mergeIntent } from '../../../src/core/intent-merge.ts';
import { forgetInIntent } from '../../../src/core/intent-forget.ts';

const safe = { verdict: 'safe' as const, categories: [] };
const turn = (p: Partial<TurnExtraction>): TurnExtraction => ({ keyPhrases: [], likes: [], dislikes: [], task: 'more_like', language: 'en', safety: safe, ...p });
function merge(prev: Intent, t: TurnExtraction, id: string): Intent {
  const r = mergeIntent(prev, t, id, 1000 + prev.turn);
  if (!r.accepted) throw new Error(r.reason);
  return r.intent;
}

describe('intent schema version 2', () => {
  test('a stored version-1 intent is migrated on read, keeping what it knew', () => {
    const v1 = {
      schemaVersion: 1, userId: 'u', updatedAt: 5, turn: 2, keyPhrases: [{ text: 'cat', weight: 0.9, lastTurn: 2 }], likes: [], dislikes: [{ text: 'dog', weight: 1, lastTurn: 1 }],
      task: 'more_like', language: 'en', safety: safe, sourceTurnIds: ['a', 'b'],
    };
    const i = parseIntent(v1);
    expect(i.schemaVersion).toBe(INTENT_SCHEMA_VERSION);
    expect(i.keyPhrases[0]!.text).toBe('cat');
    expect(i.dislikes[0]!.text).toBe('dog');
    expect(i.information).toEqual({ places: [], dates: [], occasions: [], people: [] });
    expect(i.expansions).toEqual([]);
    expect(i.refinements).toEqual([]);
  });

  test('places and facts from the DAG are kept, with the turn that said them', () => {
    const i = merge(emptyIntent('u', 0), turn({
      keyPhrases: [{ text: 'culture', weight: 1 }], task: 'learn_more',
      information: { places: [{ text: 'Seoul', country: 'South Korea', countryCode: 'KR' }], dates: ['next week'], occasions: [], people: ['my daughter'] },
      expansions: [{ text: 'flag: South Korea', weight: 0.6, reason: 'Seoul → South Korea', from: 'Seoul', itemIds: ['1F1F0-1F1F7'] }],
    }), 't1');
    expect(i.information.places).toEqual([{ text: 'Seoul', country: 'South Korea', countryCode: 'KR', lastTurn: 1 }]);
    expect(i.information.people.map((p) => p.text)).toEqual(['my daughter']);
    expect(i.expansions[0]).toMatchObject({ text: 'flag: South Korea', reason: 'Seoul → South Korea' });
  });

  test('refine narrows: the topic stays and the new phrase becomes a refinement; a new topic ends it', () => {
    const a = merge(emptyIntent('u', 0), turn({ keyPhrases: [{ text: 'animal', weight: 1 }], task: 'new_topic' }), 't1');
    const b = merge(a, turn({ keyPhrases: [{ text: 'fly', weight: 1 }], task: 'refine' }), 't2');
    expect(b.keyPhrases.map((p) => p.text)).toEqual(['animal']);
    expect(b.refinements.map((p) => p.text)).toEqual(['fly']);
    const c = merge(b, turn({ keyPhrases: [{ text: 'food', weight: 1 }], task: 'new_topic' }), 't3');
    expect(c.refinements).toEqual([]);
    expect(c.keyPhrases.map((p) => p.text)).toEqual(['food']);
  });

  test('undo takes a dislike back; an expansion never repeats what was said or brings back a dislike', () => {
    const a = merge(emptyIntent('u', 0), turn({ dislikes: ['cat'], task: 'less_of' }), 't1');
    expect(a.dislikes.map((d) => d.text)).toEqual(['cat']);
    const b = merge(a, turn({ undo: ['cat'], task: 'refine' }), 't2');
    expect(b.dislikes).toEqual([]);
    const c = merge(b, turn({
      keyPhrases: [{ text: 'pet', weight: 1 }], dislikes: ['dog'],
      expansions: [{ text: 'dog', weight: 0.5, reason: 'pet → dog', from: 'pet' }, { text: 'pet', weight: 0.5, reason: 'x', from: 'animal' }, { text: 'hamster', weight: 0.5, reason: 'pet → hamster', from: 'pet' }],
    }), 't3');
    expect(c.expansions.map((e) => e.text)).toEqual(['hamster']);
  });

  test('one remembered thing can be forgotten on its own, with the expansions it brought', () => {
    const i = merge(emptyIntent('u', 0), turn({
      keyPhrases: [{ text: 'seoul', weight: 1 }, { text: 'tea', weight: 0.8 }],
      information: { places: [{ text: 'Seoul', country: 'South Korea', countryCode: 'KR' }], dates: [], occasions: [], people: [] },
      expansions: [{ text: 'south korea', weight: 0.6, reason: 'Seoul → South Korea', from: 'seoul' }],
    }), 't1');
    const noSeoul = forgetInIntent(i, 'keyPhrases', 'Seoul', 2000);
    expect(noSeoul.keyPhrases.map((p) => p.text)).toEqual(['tea']);
    expect(noSeoul.expansions).toEqual([]);
    expect(noSeoul.information.places).toHaveLength(1);
    const noPlace = forgetInIntent(i, 'places', 'seoul', 2000);
    expect(noPlace.information.places).toEqual([]);
    expect(noPlace.updatedAt).toBe(2000);
  });
});
