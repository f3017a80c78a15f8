import { describe, expect, it } from 'vitest';
import { blockedReply, createSafetyGuard, MODEL_CATEGORY } from '../../../src/core/safety/guard.ts';
import { createLexiconGuard, SafetyDataError } from '../../../src/core/safety/lexicon.ts';
import { createModelGuard, featurize } from '../../../src/core/safety/model.ts';
import { encodeBase64, quantize, trainLogistic } from '../../../tools/safety/train-model.ts';
import { understandTurn, type UnderstandingEngine } from '../../../src/core/understand.ts';
import { lexiconData, modelWeights } from './shipped.ts';

const lexicon = createLexiconGuard(lexiconData);
const model = createModelGuard(modelWeights);

describe('model guard', () => {
  it('scores listed abuse above everyday chat', () => {
    expect(model.score('fuck')).toBeGreaterThan(model.threshold);
    expect(model.score('씨발')).toBeGreaterThan(model.threshold);
    expect(model.score('show me cooking videos')).toBeLessThan(0.5);
    expect(model.score('서울 길거리 음식 영상 보여줘')).toBeLessThan(0.5);
  });

  it('is deterministic and bounded in [0, 1]', () => {
    for (const t of ['', ' ', 'a'.repeat(5000), '🙂🙂', 'ㅋㅋㅋ']) {
      const s = model.score(t);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
      expect(model.score(t)).toBe(s);
    }
  });

  it('learns a separable toy problem (the trainer works, not just the shipped file)', () => {
    const ex = [
      ...['zorg', 'zorgs', 'big zorg', 'zorg you'].map((text) => ({ text, unsafe: true })),
      ...['apple', 'banana', 'cherry pie', 'grape juice', 'lemon tart'].map((text) => ({ text, unsafe: false })),
    ];
    const { w, bias } = trainLogistic(ex, { dim: 1024, epochs: 50, learningRate: 1, l2: 0, seed: 3 });
    const q = quantize(w);
    const m = createModelGuard({ format: 'safety-model', version: 1, dim: 1024, bias, scale: q.scale, weights: encodeBase64(q.bytes), threshold: 0.5, trainedOn: 'toy', license: 'test' });
    expect(m.score('zorg!')).toBeGreaterThan(0.5);
    expect(m.score('apple pie')).toBeLessThan(0.5);
    expect(featurize('abc', 1024).index.every((i) => i >= 0 && i < 1024)).toBe(true);
  });

  it('rejects bad weights with a typed error', () => {
    expect(() => createModelGuard({ ...(modelWeights as object), weights: 'AAAA' })).toThrow(SafetyDataError);
    expect(() => createModelGuard({ ...(modelWeights as object), dim: 1000 })).toThrow(SafetyDataError);
  });
});

describe('combined safety guard', () => {
  const guard = createSafetyGuard({ lexicon, model });

  it('reports the lexicon as the decider when a listed word matches', () => {
    expect(guard.check('what a bitch')).toMatchObject({ verdict: 'unsafe', by: 'lexicon' });
  });

  it('lets the model catch what the lists miss', () => {
    const forced = createSafetyGuard({ lexicon, model, modelThreshold: 0 });
    expect(forced.check('hello there')).toMatchObject({ verdict: 'unsafe', by: 'model', categories: [MODEL_CATEGORY] });
  });

  it('passes everyday chat and respects phrases the lexicon allows', () => {
    expect(guard.check('more street food videos from Seoul please')).toMatchObject({ verdict: 'safe', by: 'none' });
    expect(guard.check('I love food porn style cooking videos').verdict).toBe('safe');
  });

  it('honours an aborted signal', () => {
    const ac = new AbortController();
    ac.abort();
    expect(() => guard.check('hi', ac.signal)).toThrow();
  });

  it('works as the TextGuard of the understanding path: blocks an unsafe input and an unsafe reply', async () => {
    const engine = (reply: string): UnderstandingEngine => ({
      name: 'test',
      extract: (text) => ({ keyPhrases: [], likes: [], dislikes: [], task: 'chit_chat', language: /[가-힣]/.test(text) ? 'ko' : 'en', safety: { verdict: 'unchecked', categories: [] } }),
      reply: () => reply,
      blockedReply: (lang, seed) => blockedReply(lang, 'input', seed),
    });
    const opts = { inputGuard: guard, outputGuard: guard, previous: null, turnId: 't1' };
    const blockedIn = await understandTurn('씨발 뭐야', { ...opts, engine: engine('네') });
    expect(blockedIn.kind).toBe('blocked-input');
    expect(blockedIn.reply).toMatch(/[가-힣]/);
    const blockedOut = await understandTurn('show me jazz', { ...opts, engine: engine('here you go, dumbass') });
    expect(blockedOut.kind).toBe('blocked-output');
    const fine = await understandTurn('show me jazz', { ...opts, engine: engine('Here is some relaxing jazz.') });
    expect(fine.kind).toBe('understood');
  });
});

describe('blocked replies', () => {
  it('answers politely in the user language, different for input and output', () => {
    expect(blockedReply('ko', 'input')).toMatch(/[가-힣]/);
    expect(blockedReply('en', 'input')).toMatch(/^[\x20-\x7e]+$/);
    expect(blockedReply('en', 'output')).not.toBe(blockedReply('en', 'input'));
    const both = blockedReply('unknown', 'input', 1);
    expect(both).toMatch(/[가-힣]/);
    expect(both).toMatch(/[a-z]/);
  });

  it('picks variants deterministically from the seed', () => {
    expect(blockedReply('en', 'input', 7)).toBe(blockedReply('en', 'input', 7));
    const variants = new Set([0, 1, 2, 3].map((s) => blockedReply('ko', 'input', s)));
    expect(variants.size).toBeGreaterThan(1);
  });
});
