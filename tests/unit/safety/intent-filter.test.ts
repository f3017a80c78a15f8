import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { emptyIntent, type Intent } from '../../../src/core/intent.ts';
import { queryableIntent } from '../../../src/core/safety/intent-filter.ts';
import { createLexiconGuard } from '../../../src/core/safety/lexicon.ts';

const guard = createLexiconGuard(JSON.parse(readFileSync('public/models/safety/lexicon.json', 'utf8')));
const intent = (phrases: string[], p: Partial<Intent> = {}): Intent => ({
  ...emptyIntent('u', 0),
  keyPhrases: phrases.map((text) => ({ text, weight: 1, lastTurn: 0 })),
  likes: [{ text: phrases[0]!, weight: 1, lastTurn: 0 }],
  dislikes: [{ text: 'fuck', weight: 1, lastTurn: 0 }],
  ...p,
});

describe('queryableIntent', () => {
  test('drops unsafe positive phrases, keeps safe ones and the dislikes', () => {
    const r = queryableIntent(intent(['pizza', 'f.u.c.k', 'cats']), guard);
    expect(r.intent.keyPhrases.map((p) => p.text)).toEqual(['pizza', 'cats']);
    expect(r.dropped).toEqual(['f.u.c.k']);
    expect(r.intent.dislikes).toHaveLength(1);
  });

  test('a safe intent passes through unchanged (same object)', () => {
    const i = intent(['pizza', 'class', 'Scunthorpe']);
    expect(queryableIntent(i, guard).intent).toBe(i);
  });

  test('an intent marked unsafe yields no query at all', () => {
    const r = queryableIntent(intent(['pizza'], { safety: { verdict: 'unsafe', categories: ['x'] } }), guard);
    expect(r.intent.keyPhrases).toEqual([]);
    expect(r.intent.likes).toEqual([]);
  });
});
