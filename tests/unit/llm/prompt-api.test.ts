// The Prompt API engine's contract against a fake that follows the documented API: availability per
// language, download progress, user activation, schema-constrained answers, one repair, quota errors,
// aborts and timeouts, sessions that do not pile up, and the floor engine answering whenever it cannot.
import { describe, expect, test } from 'vitest';
import { createBasicEngine } from '../../../src/core/basic-engine.ts';
import { PromptApiError, toPromptApiError } from '../../../src/core/llm/language-model.ts';
import { createPromptApiEngine, messageLanguages, type PromptApiEngine } from '../../../src/core/llm/prompt-api.ts';
import { NODE_JSON_SCHEMAS, SHARED_SYSTEM_PROMPT } from '../../../src/core/llm/prompts.ts';
import { understandTurn } from '../../../src/core/understand.ts';
import { FakeLanguageModel, type FakeAnswer, type FakeLanguageModelOptions, type FakePromptRequest } from './fake-language-model.ts';

type Node = 'keyPhrases' | 'preferences' | 'task' | 'reply';
type Script = Partial<Record<Node, (FakeAnswer | (() => FakeAnswer))[]>>;

/** Which step a request is, from its first line (the engine opens each request with the step). */
function stepOf(input: string): Node | 'repair' {
  const first = input.split('\n')[0]!;
  if (first.startsWith('Language:')) return 'reply';
  if (first.startsWith('That answer is invalid')) return 'repair';
  if (first.includes('key phrases')) return 'keyPhrases';
  if (first.includes('dislikes')) return 'preferences';
  if (first.includes('Choose the task')) return 'task';
  throw new Error(`unexpected request: ${first}`);
}
/** A repair answers for the step asked before it in the same session. */
function nodeOf(r: FakePromptRequest): Node | 'repair' {
  return stepOf(r.input);
}
function answeringFor(r: FakePromptRequest): Node {
  const step = stepOf(r.input);
  if (step !== 'repair') return step;
  const asked = r.context.filter((m) => m.role === 'user').at(-1)!;
  return answeringFor({ input: asked.content, context: [] });
}

const good: Record<Node, string> = {
  keyPhrases: '{"keyPhrases":[{"text":"street food","weight":1},{"text":"Seoul","weight":0.8}]}',
  preferences: '{"likes":["street food"],"dislikes":["cats"],"entities":[{"text":"Seoul","type":"place"},{"text":"tteokbokki","type":"food"}]}',
  task: '{"task":"new_topic","language":"en"}',
  reply: '  Here is Seoul street food for you.  ',
};

/** A fake whose answers follow `script` per node (a repair takes the next answer of its node), then `good`. */
function fakeModel(script: Script = {}, options: FakeLanguageModelOptions = {}): FakeLanguageModel {
  const queues = Object.fromEntries(Object.entries(script).map(([k, v]) => [k, [...v]])) as Script;
  return new FakeLanguageModel({
    ...options,
    answer(r) {
      const node = answeringFor(r);
      const next = queues[node]?.shift();
      const value = typeof next === 'function' ? next() : next;
      return value === undefined ? good[node] : value;
    },
  });
}

async function engineOf(lm: FakeLanguageModel, languages = ['en'], extra: { timeoutMs?: number } = {}): Promise<PromptApiEngine> {
  const e = await createPromptApiEngine({ languageModel: lm, languages, ...extra });
  if ('unavailable' in e) throw new Error(e.unavailable);
  return e;
}

const hang = () => new Promise<string>(() => {});

describe('availability and creation', () => {
  test('unavailable: no session is created and the reason says why', async () => {
    const lm = new FakeLanguageModel({ languages: {} });
    const r = await createPromptApiEngine({ languageModel: lm, languages: ['en'] });
    expect(r).toMatchObject({ code: 'unavailable', availability: { en: 'unavailable' } });
    expect('unavailable' in r && r.unavailable).toMatch(/does not support en/);
    expect(lm.createCalls).toHaveLength(0);
    expect(lm.availabilityCalls[0]).toEqual({
      expectedInputs: [{ type: 'text', languages: ['en'] }],
      expectedOutputs: [{ type: 'text', languages: ['en'] }],
    });
  });

  test('downloadable: download progress is reported, then the engine is ready and extracts', async () => {
    const lm = fakeModel({}, { languages: { en: 'downloadable' }, downloadSteps: [0, 0.25, 0.5, 1] });
    const progress: number[] = [];
    const e = await createPromptApiEngine({ languageModel: lm, languages: ['en'], onProgress: (p) => progress.push(p) });
    expect(progress).toEqual([0, 0.25, 0.5, 1]);
    expect('unavailable' in e).toBe(false);
    expect(await lm.availability({ expectedInputs: [{ type: 'text', languages: ['en'] }] })).toBe('available');
    const x = await (e as PromptApiEngine).extract('street food in Seoul', { previous: null });
    expect(x.keyPhrases.map((p) => p.text)).toContain('street food');
  });

  test('downloadable without user activation: unavailable with the not-allowed code, to retry on a gesture', async () => {
    const lm = fakeModel({}, { languages: { en: 'downloadable' }, userActivation: false });
    const r = await createPromptApiEngine({ languageModel: lm, languages: ['en'] });
    expect(r).toMatchObject({ code: 'not-allowed', availability: { en: 'downloadable' } });
    expect(lm.live()).toHaveLength(0);
  });

  test('a language the model does not support is left out; asked for alone, the engine is unavailable', async () => {
    const lm = fakeModel({}, { languages: { en: 'available' } });
    const both = await engineOf(lm, ['en', 'ko']);
    expect(both.languages).toEqual(['en']);
    // Sessions are created for the served languages only (create() rejects a language it lacks).
    expect(lm.createCalls.every((c) => c.expectedInputs?.[0]?.languages?.join() === 'en')).toBe(true);
    await expect(both.extract('서울 길거리 음식 보여줘', { previous: null })).rejects.toMatchObject({ code: 'unsupported-language' });
    await expect(both.reply({ keyPhrases: [], likes: [], dislikes: [], task: 'chit_chat', language: 'ko', safety: { verdict: 'safe', categories: [] } }, { language: 'ko', seed: 1 }))
      .rejects.toMatchObject({ code: 'unsupported-language', node: 'reply' });
    expect(await createPromptApiEngine({ languageModel: fakeModel(), languages: ['ko'] })).toMatchObject({ code: 'unavailable' });
  });

  test('an aborted creation rejects with the abort reason and leaves no session', async () => {
    const lm = fakeModel({}, { languages: { en: 'downloading' } });
    const c = new AbortController();
    c.abort(new DOMException('Page closed', 'AbortError'));
    await expect(createPromptApiEngine({ languageModel: lm, languages: ['en'], signal: c.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(lm.live()).toHaveLength(0);
  });
});

describe('extraction', () => {
  test('a normal turn: every node gets its JSON schema as responseConstraint and the answers merge into a valid extraction', async () => {
    const lm = fakeModel();
    const e = await engineOf(lm);
    const x = await e.extract("I'm flying to Seoul next week and want to try street food, no cats", { previous: null });
    expect(x.keyPhrases.map((p) => p.text)).toEqual(['street food', 'Seoul', 'tteokbokki']);
    expect(x.likes).toEqual(['street food']);
    expect(x.dislikes).toEqual(['cats']);
    expect(x.task).toBe('new_topic');
    expect(x.safety.verdict).toBe('unchecked');
    expect(lm.prompts).toHaveLength(3);
    for (const p of lm.prompts) {
      expect(p.responseConstraint).toEqual(NODE_JSON_SCHEMAS[nodeOf(p) as 'keyPhrases' | 'preferences' | 'task']);
      expect(p.context[0]).toEqual({ role: 'system', content: SHARED_SYSTEM_PROMPT });
      expect(p.input).toContain(JSON.stringify("I'm flying to Seoul next week and want to try street food, no cats"));
    }
  });

  test("answers that only satisfy the schema's minimum still validate (the constraint is honoured loosely)", async () => {
    const lm = new FakeLanguageModel(); // no script: every answer is a minimal instance of its schema
    const x = await (await engineOf(lm)).extract('hello', { previous: null });
    expect(x).toMatchObject({ keyPhrases: [], likes: [], dislikes: [], task: 'more_like', language: 'en' });
  });

  test('the expansions and places reach the nodes that read them as short facts', async () => {
    const lm = fakeModel();
    const e = await engineOf(lm);
    await e.extract("I'm thirsty in Seoul", {
      previous: null,
      context: { expansions: [{ text: 'drinks', reason: 'thirsty → drinks' }, { text: 'South Korea', reason: 'Seoul → South Korea' }], places: [{ text: 'Seoul', country: 'South Korea' }] },
    });
    const byNode = Object.fromEntries(lm.prompts.map((p) => [nodeOf(p), p.input]));
    for (const node of ['keyPhrases', 'preferences']) {
      expect(byNode[node]).toContain('Seoul is in South Korea');
      expect(byNode[node]).toContain('thirsty relates to drinks');
    }
    expect(byNode.task).not.toContain('facts');
  });

  test('malformed output gets exactly one repair, in the same session, which can succeed', async () => {
    const lm = fakeModel({ task: ['Sure! {"task": "more_like", "language": "english"}', '{"task":"more_like","language":"en"}'] });
    const x = await (await engineOf(lm)).extract('more of that', { previous: null });
    expect(x.task).toBe('more_like');
    const repair = lm.prompts.find((p) => nodeOf(p) === 'repair')!;
    expect(repair.input).toMatch(/invalid \(language/);
    expect(repair.context.at(-1)).toEqual({ role: 'assistant', content: 'Sure! {"task": "more_like", "language": "english"}' });
    expect(repair.responseConstraint).toEqual(NODE_JSON_SCHEMAS.task);
  });

  test('still malformed after the repair: a typed failure, and the floor engine answers the turn', async () => {
    const bad = ['not json', '{"keyPhrases": "cats"}'];
    await expect((await engineOf(fakeModel({ keyPhrases: bad }))).extract('cats', { previous: null })).rejects.toMatchObject({
      name: 'PromptApiError', code: 'invalid-output', node: 'keyPhrases',
    });
    const engine = await engineOf(fakeModel({ keyPhrases: bad }));
    const out = await understandTurn('show me cats', { engine, fallback: createBasicEngine(), previous: null, turnId: 't' });
    expect(out).toMatchObject({ kind: 'understood', engine: 'basic', fallbackFrom: { engine: 'prompt-api' } });
    expect(out.fallbackFrom?.error).toMatch(/keyPhrases: .*invalid after one repair/);
    if (out.kind === 'understood') expect(out.extraction.keyPhrases.map((p) => p.text)).toContain('cats');
  });

  test('a message past the context window: a typed quota error, and the floor answers', async () => {
    const lm = fakeModel({}, { contextWindow: 400 });
    const engine = await engineOf(lm);
    const long = 'tell me about seoul street food '.repeat(80);
    const err = await engine.extract(long, { previous: null }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PromptApiError);
    expect(err).toMatchObject({ code: 'quota-exceeded' });
    expect((err as Error).message).toMatch(/of 400 tokens/);
    const out = await understandTurn(long, { engine, fallback: createBasicEngine(), previous: null, turnId: 't' });
    expect(out).toMatchObject({ kind: 'understood', engine: 'basic' });
  });

  test("the API's DOMExceptions map to stable codes", () => {
    const cases: [string, string][] = [
      ['QuotaExceededError', 'quota-exceeded'], ['NotSupportedError', 'not-supported'], ['AbortError', 'aborted'],
      ['NotAllowedError', 'not-allowed'], ['InvalidStateError', 'session-destroyed'], ['UnknownError', 'unknown'],
    ];
    for (const [name, code] of cases) expect(toPromptApiError(new DOMException('x', name), 'task')).toMatchObject({ code, node: 'task' });
    expect(toPromptApiError('plain string').code).toBe('unknown');
  });

  test('a NotSupportedError while prompting is typed, not a crash', async () => {
    const lm = fakeModel({ preferences: [new DOMException('The response constraint is not supported.', 'NotSupportedError')] });
    await expect((await engineOf(lm)).extract('x', { previous: null })).rejects.toMatchObject({ code: 'not-supported', node: 'preferences' });
  });

  test('an aborted turn rejects with the abort reason and destroys its sessions', async () => {
    const lm = fakeModel({ keyPhrases: [hang] });
    const e = await engineOf(lm);
    const c = new AbortController();
    const p = e.extract('x', { previous: null, signal: c.signal });
    await new Promise((r) => setTimeout(r, 5));
    c.abort(new DOMException('Superseded', 'AbortError'));
    await expect(p).rejects.toMatchObject({ name: 'AbortError', message: 'Superseded' });
    await new Promise((r) => setTimeout(r, 5));
    expect(lm.live()).toHaveLength(2); // only the two long-lived base sessions
    // An aborted turn is not handed to the floor: a newer message replaced it.
    const c2 = new AbortController();
    const engine = await engineOf(fakeModel({ task: [hang] }));
    const turn = understandTurn('x', { engine, fallback: createBasicEngine(), previous: null, turnId: 't', signal: c2.signal });
    c2.abort(new DOMException('Superseded', 'AbortError'));
    await expect(turn).rejects.toMatchObject({ name: 'AbortError' });
  });

  test('an AbortError the caller did not ask for (the browser stopped) is typed', async () => {
    const lm = fakeModel({ task: [new DOMException('stopped', 'AbortError')] });
    await expect((await engineOf(lm)).extract('x', { previous: null })).rejects.toMatchObject({ name: 'PromptApiError', code: 'aborted' });
  });

  test('a node that hangs times out, and its session is destroyed (which stops the generation)', async () => {
    const lm = fakeModel({ preferences: [hang] });
    const e = await engineOf(lm, ['en'], { timeoutMs: 30 });
    await expect(e.extract('x', { previous: null })).rejects.toMatchObject({ code: 'timed-out', node: 'preferences' });
    await new Promise((r) => setTimeout(r, 5));
    expect(lm.live()).toHaveLength(2);
  });
});

describe('sessions and replies', () => {
  test('context does not grow from turn to turn: each request runs in a clone that is destroyed', async () => {
    const lm = fakeModel();
    const e = await engineOf(lm);
    const [base, replyBase] = lm.sessions;
    const usage = [base!.contextUsage, replyBase!.contextUsage];
    for (let i = 0; i < 20; i++) {
      const x = await e.extract(`turn ${i}: street food`, { previous: null });
      await e.reply(x, { language: 'en', seed: i });
    }
    expect([base!.contextUsage, replyBase!.contextUsage]).toEqual(usage);
    expect(lm.live()).toEqual([base, replyBase]);
    expect(lm.sessions.length).toBe(2 + 20 * 4);
  });

  test('replies are trimmed and come from the reply session; an empty reply is a typed failure', async () => {
    const lm = fakeModel({ reply: [undefined, '   '] });
    const e = await engineOf(lm);
    const x = await e.extract('street food', { previous: null });
    expect(await e.reply(x, { language: 'en', seed: 1 })).toBe('Here is Seoul street food for you.');
    const r = lm.prompts.find((p) => nodeOf(p) === 'reply')!;
    expect(r.input).toMatch(/^Language: English\nJSON: \{"wants":\["street food"/);
    expect(r.responseConstraint).toBeUndefined();
    await expect(e.reply(x, { language: 'en', seed: 1 })).rejects.toMatchObject({ code: 'invalid-output', node: 'reply' });
    expect(e.blockedReply('ko', 0)).toMatch(/죄송/);
  });

  test('a failed reply falls back to the floor engine reply', async () => {
    const engine = await engineOf(fakeModel({ reply: [new DOMException('busy', 'UnknownError')] }));
    const out = await understandTurn('street food', { engine, fallback: createBasicEngine(), previous: null, turnId: 't' });
    expect(out).toMatchObject({ kind: 'understood', engine: 'basic', fallbackFrom: { engine: 'prompt-api' } });
    if (out.kind === 'understood') expect(out.extraction.keyPhrases.map((p) => p.text)).toContain('street food'); // the model's extraction is kept
  });

  test('after dispose every call rejects as session-destroyed and no session is left', async () => {
    const lm = fakeModel();
    const e = await engineOf(lm);
    e.dispose();
    expect(lm.live()).toHaveLength(0);
    await expect(e.extract('x', { previous: null })).rejects.toMatchObject({ code: 'session-destroyed' });
  });
});

describe('messageLanguages', () => {
  test('reads the languages a message needs from its scripts', () => {
    expect(messageLanguages('street food')).toEqual(['en']);
    expect(messageLanguages('서울 음식')).toEqual(['ko']);
    expect(messageLanguages('Seoul 음식')).toEqual(['en', 'ko']);
    expect(messageLanguages('🍜 123')).toEqual([]);
  });
});
