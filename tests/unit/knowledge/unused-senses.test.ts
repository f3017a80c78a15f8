// A word's lower sense that people do not use is not what they mean (tools/knowledge/wordnet.ts
// pathsFrom): "dog" had started from WordNet's second sense, "a dull unattractive unpleasant girl or
// woman" (never sense-tagged in SemCor, where the animal is 42 times), and every dog feed showed
// families; "gift" had led to "without" (its definition's function word).
import { describe, expect, it } from 'vitest';
import { expandPhrase } from '../../../src/core/knowledge/expand.ts';
import { kb, productTurns } from './product-turns.ts';

const reached = (phrase: string) => expandPhrase(kb, phrase, 'en').map((e) => e.text);

describe('a sense nobody uses is not read', () => {
  it.each([
    ['dog', ['girl', 'woman']],
    ['gift', ['without']],
  ])('"%s" does not reach %j', (word, wrong) => {
    const out = reached(word);
    expect(out.length).toBeGreaterThan(0);
    for (const w of wrong) expect(out).not.toContain(w);
  });

  it('a used lower sense still is ("hot": the intense, violent sense has 4 tagged uses beside the temperature)', () => {
    expect(reached('hot').length).toBeGreaterThan(3);
  });

  it('"show me cats", then "i hate these, show me dogs instead": no family picture among the dogs', () => {
    const titles = productTurns('show me cats', 'i hate these, show me dogs instead').top.map((it) => it.title);
    expect(titles.filter((t) => /^family/.test(t))).toEqual([]);
    expect(titles.filter((t) => /\bdog\b|poodle/.test(t)).length).toBeGreaterThanOrEqual(4);
  });
});

describe('what a definition says belongs to a thing in general leads nowhere', () => {
  it('"japanese: of or relating to Japan or its people or their culture or language" does not reach culture', () => {
    expect(reached('japanese')).toContain('Japan');
    expect(reached('japanese')).not.toContain('culture');
  });
});
