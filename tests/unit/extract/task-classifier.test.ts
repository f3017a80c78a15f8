import { describe, expect, it } from 'vitest';
import { extractSignals } from '../../../src/core/extract/extractor.ts';
import {
  createTaskClassifier, parseTaskModel, TaskModelError, trainTaskClassifier,
} from '../../../src/core/extract/task-classifier.ts';
import { TASKS } from '../../../src/core/intent.ts';
import { readJsonl, stickerEngine, taskModel } from './fixtures.ts';

describe('task classifier', () => {
  it('learns from examples and generalises to unseen wording', () => {
    const g = stickerEngine().gazetteer;
    const ex = (text: string, task: (typeof TASKS)[number]) => ({ features: extractSignals(text, g).features, task });
    const model = trainTaskClassifier([
      ex('start over', 'start_over'), ex('reset everything', 'start_over'), ex('start again from scratch', 'start_over'),
      ex('no more cats', 'less_of'), ex('no more dogs please', 'less_of'), ex('I hate spiders', 'less_of'),
      ex('hi', 'chit_chat'), ex('hello there', 'chit_chat'), ex('thanks', 'chit_chat'),
    ], { minCount: 1, epochs: 150 });
    const c = createTaskClassifier(parseTaskModel(model));
    expect(c.predict(extractSignals('no more birds', g).features).task).toBe('less_of');
    expect(c.predict(extractSignals('please start over', g).features).task).toBe('start_over');
    const p = c.predict(extractSignals('hello', g).features);
    expect(p.task).toBe('chit_chat');
    expect(Object.values(p.probabilities).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  it('is deterministic: same data, same weights', () => {
    const data = [{ features: ['a', 'b'], task: 'refine' as const }, { features: ['a', 'c'], task: 'learn_more' as const }];
    expect(trainTaskClassifier(data, { minCount: 1, epochs: 20 })).toEqual(trainTaskClassifier(data, { minCount: 1, epochs: 20 }));
  });

  it('rejects malformed model files with a typed error', () => {
    expect(() => parseTaskModel({})).toThrow(TaskModelError);
    const m = parseTaskModel(taskModel);
    expect(() => parseTaskModel({ ...m, weights: m.weights.slice(1) })).toThrow(TaskModelError);
    expect(() => trainTaskClassifier([])).toThrow(TaskModelError);
  });

  it('the shipped model beats 70% on the held-out split it never saw', () => {
    const heldOut = (readJsonl('tests/golden/extraction/tasks.jsonl') as { text: string; task: string; split: string }[])
      .filter((e) => e.split === 'test');
    expect(heldOut.length).toBeGreaterThanOrEqual(60);
    const m = parseTaskModel(taskModel);
    const c = createTaskClassifier(m);
    const g = stickerEngine().gazetteer;
    const correct = heldOut.filter((e) => c.predict(extractSignals(e.text, g).features).task === e.task).length;
    expect(correct / heldOut.length).toBeGreaterThan(0.7);
  });

  it('the labelled set is large enough and in both languages, with no held-out text in training', () => {
    const all = readJsonl('tests/golden/extraction/tasks.jsonl') as { text: string; lang: string; task: string; split: string }[];
    expect(all.length).toBeGreaterThanOrEqual(300);
    for (const lang of ['en', 'ko']) expect(all.filter((e) => e.lang === lang).length).toBeGreaterThanOrEqual(150);
    for (const t of TASKS) expect(all.filter((e) => e.task === t && e.split === 'test').length).toBeGreaterThan(0);
    const train = new Set(all.filter((e) => e.split === 'train').map((e) => e.text));
    expect(all.filter((e) => e.split === 'test' && train.has(e.text))).toEqual([]);
    const golden = (readJsonl('tests/golden/extraction/extraction.jsonl') as { text: string }[]).map((g) => g.text);
    expect(golden.filter((t) => train.has(t))).toEqual([]);
  });
});
