import { describe, expect, test, vi } from 'vitest';
import type { TurnExtraction } from '../../../src/core/intent.ts';
import { blockedReply } from '../../../src/core/safety/guard.ts';
import { seedOf, type TextGuard, understandTurn, type UnderstandingEngine } from '../../../src/core/understand.ts';

const extraction: TurnExtraction = {
  keyPhrases: [{ text: 'food', weight: 1 }], likes: [], dislikes: [], task: 'more_like', language: 'en',
  safety: { verdict: 'unchecked', categories: [] },
};

function engine(over: Partial<UnderstandingEngine> = {}): UnderstandingEngine {
  return {
    name: 'fake',
    extract: () => extraction,
    reply: () => 'Here is some food.',
    blockedReply: (lang) => (lang === 'ko' ? '그건 도와드릴 수 없어요.' : "I can't help with that."),
    ...over,
  };
}
const safe: TextGuard = { check: () => ({ verdict: 'safe', categories: [] }) };
const unsafe: TextGuard = { check: () => ({ verdict: 'unsafe', categories: ['violence'] }) };

describe('understandTurn', () => {
  test('runs guard and extraction concurrently and stamps the guard verdict on the extraction', async () => {
    let guardStarted = false;
    let extractSawGuardRunning = false;
    const slowGuard: TextGuard = {
      check: async () => {
        guardStarted = true;
        await new Promise((r) => setTimeout(r, 20));
        return { verdict: 'safe', categories: [] };
      },
    };
    const e = engine({
      extract: async () => {
        await new Promise((r) => setTimeout(r, 1));
        extractSawGuardRunning = guardStarted;
        return extraction;
      },
    });
    const out = await understandTurn('I want food', { engine: e, inputGuard: slowGuard, outputGuard: safe, previous: null, turnId: 't1' });
    expect(extractSawGuardRunning).toBe(true);
    expect(out.kind).toBe('understood');
    if (out.kind === 'understood') expect(out.extraction.safety.verdict).toBe('safe');
  });

  test('a message about harming oneself is answered with care and where to find help, not a refusal', async () => {
    const selfHarm: TextGuard = { check: () => ({ verdict: 'unsafe', categories: ['self-harm'] }) };
    const ko = (over: Partial<UnderstandingEngine> = {}) => engine({ extract: () => ({ ...extraction, language: 'ko' }), ...over });
    for (const [e, refusal] of [[engine(), undefined], [ko(), undefined], [engine(), blockedReply], [ko(), blockedReply]] as const) {
      const out = await understandTurn('…', { engine: e, inputGuard: selfHarm, previous: null, turnId: 't', ...(refusal ? { refusal } : {}) });
      expect(out.kind).toBe('blocked-input');
      expect(out.reply).toMatch(/988|109/);
      expect(out.reply).not.toMatch(/can't help|도와드릴 수 없/);
    }
    // Another unsafe category keeps the plain refusal, and so does a reply the output guard stopped.
    expect(blockedReply('en', 'input', 0, ['violence'])).not.toMatch(/988/);
    expect(blockedReply('en', 'output', 0, ['self-harm'])).not.toMatch(/988/);
  });

  test('a turn that named nothing: the reply speaks of what it implies, in the turn\'s own language only', async () => {
    const seen: TurnExtraction[] = [];
    const implied = (language: 'en' | 'ko') => engine({
      extract: () => ({
        ...extraction, keyPhrases: [], task: 'chit_chat', language,
        expansions: [
          // A predicate form is no name for a topic ("이번엔 긴장하다를 보여드릴게요"): the noun is said.
          { text: 'nervous', label: '긴장하다', weight: 0.6, reason: '긴장돼요 → 긴장하다', from: '긴장돼요' },
          { text: 'tension', label: '긴장', weight: 0.5, reason: '긴장돼요 → 긴장', from: '긴장돼요' },
          { text: 'electric', weight: 0.3, reason: '→ electric', from: 'x' },
        ],
      }),
      reply: (x) => { seen.push(x); return 'ok'; },
    });
    await understandTurn('긴장돼요', { engine: implied('ko'), inputGuard: safe, previous: null, turnId: 't' });
    expect(seen.at(-1)!.keyPhrases.map((p) => p.text)).toEqual(['긴장']);
    await understandTurn('so nervous', { engine: implied('en'), inputGuard: safe, previous: null, turnId: 't' });
    // In an English turn the Korean name is not said; the English-only expansion is.
    expect(seen.at(-1)!.keyPhrases.map((p) => p.text)).toEqual(['electric']);
  });

  test('an unsafe input is blocked with a polite reply and nothing extracted reaches the caller', async () => {
    const out = await understandTurn('bad words', { engine: engine(), inputGuard: unsafe, previous: null, turnId: 't' });
    expect(out).toMatchObject({ kind: 'blocked-input', categories: ['violence'], reply: "I can't help with that." });
    expect('extraction' in out).toBe(false);
  });

  test('a guard that throws fails closed', async () => {
    const broken: TextGuard = { check: () => Promise.reject(new Error('boom')) };
    const out = await understandTurn('hi', { engine: engine(), inputGuard: broken, previous: null, turnId: 't' });
    expect(out).toMatchObject({ kind: 'blocked-input', categories: ['guard-error'] });
  });

  test('malformed engine output (off-schema, plain strings, throws) fails the turn without an intent', async () => {
    for (const bad of [
      engine({ extract: () => ({ ...extraction, userId: 'evil' }) as never }),
      engine({ extract: () => '{"keyPhrases": [' as never }),
      engine({ extract: () => Promise.reject('plain string rejection') }),
    ]) {
      const out = await understandTurn('hi', { engine: bad, inputGuard: safe, previous: null, turnId: 't' });
      expect(out.kind).toBe('failed');
      expect(out.reply).toMatch(/didn't quite get that/);
    }
  });

  test('a reply the output guard rejects is replaced by the blocked reply, in the user language', async () => {
    const e = engine({ extract: () => ({ ...extraction, language: 'ko' }), reply: () => 'something unsafe' });
    const out = await understandTurn('음식', { engine: e, inputGuard: safe, outputGuard: unsafe, previous: null, turnId: 't' });
    expect(out).toMatchObject({ kind: 'blocked-output', reply: '그건 도와드릴 수 없어요.' });
  });

  test('an aborted turn stops with an AbortError', async () => {
    const c = new AbortController();
    const e = engine({ extract: async () => { c.abort(new DOMException('Superseded', 'AbortError')); return extraction; } });
    await expect(understandTurn('x', { engine: e, previous: null, turnId: 't', signal: c.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  test('the reply seed is stable per turn id', () => {
    expect(seedOf('turn-1')).toBe(seedOf('turn-1'));
    expect(seedOf('turn-1')).not.toBe(seedOf('turn-2'));
    const reply = vi.fn(() => 'ok');
    return understandTurn('x', { engine: engine({ reply }), previous: null, turnId: 'abc' }).then(() => {
      expect(reply).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ seed: seedOf('abc') }));
    });
  });
});
