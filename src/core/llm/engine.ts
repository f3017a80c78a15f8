// The understanding DAG on a chat-completions engine (web-llm's MLCEngine, or a fake in tests).
// Each node asks for JSON constrained by a schema; the answer is validated, gets one repair attempt
// when it is malformed, and has its own timeout. The user's message is passed as quoted data, and no
// node's schema has a place for a user id: text in a message cannot change who the intent belongs to.
// The knowledge layer's expansions and places ride along as short facts, also as data. Prompts and
// schemas live in prompts.ts, shared with the Prompt API engine.
import type { Language, TurnExtraction } from '../intent.ts';
import type { ExtractContext, GuardVerdict, TextGuard, UnderstandingEngine } from '../understand.ts';
import {
  combineExtraction, contextFacts, errorMessage, MAX_REPLY_CHARS, modelBlockedReply, NODE_JSON_SCHEMAS, type NodeName,
  type NodeResult, nodeInput, parseNodeAnswer, repairRequest, replySummary, replySystemPrompt, systemPrompt,
} from './prompts.ts';

/** The subset of web-llm's MLCEngine used here. */
export interface ChatEngineLike {
  chat: {
    completions: {
      create(request: {
        messages: { role: 'system' | 'user' | 'assistant'; content: string }[];
        temperature?: number;
        max_tokens?: number;
        response_format?: { type: 'json_object'; schema?: string };
        stream?: false;
      }): Promise<{ choices: { message: { content: string | null } }[] }>;
    };
  };
  interruptGenerate?(): void;
}

export class LlmNodeError extends Error {
  override name = 'LlmNodeError';
  constructor(
    readonly node: string,
    message: string,
  ) {
    super(`${node}: ${message}`);
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, node: string, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new LlmNodeError(node, `timed out after ${ms} ms`)), ms);
    const onAbort = () => reject(signal!.reason ?? new DOMException('Aborted', 'AbortError'));
    signal?.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, (err: unknown) => reject(err instanceof Error ? err : new LlmNodeError(node, errorMessage(err)))).finally(() => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    });
  });
}

export interface LlmEngineOptions {
  modelId: string;
  /** Per DAG node, including its repair attempt. */
  nodeTimeoutMs?: number;
  replyTimeoutMs?: number;
}

export interface LlmEngine extends UnderstandingEngine {
  /** The model guard: a schema-constrained safety classification of any text. */
  readonly guard: TextGuard;
  /** One DAG node; `facts` (from `contextFacts`) go to the nodes that read them. */
  runNode<N extends NodeName>(node: N, message: string, signal?: AbortSignal, facts?: readonly string[]): Promise<NodeResult<N>>;
}

export function createLlmEngine(engine: ChatEngineLike, opts: LlmEngineOptions): LlmEngine {
  const nodeTimeoutMs = opts.nodeTimeoutMs ?? 15_000;
  const replyTimeoutMs = opts.replyTimeoutMs ?? 15_000;
  const jsonSchemas = Object.fromEntries(Object.entries(NODE_JSON_SCHEMAS).map(([k, s]) => [k, JSON.stringify(s)])) as Record<NodeName, string>;

  async function ask(node: NodeName, messages: { role: 'system' | 'user' | 'assistant'; content: string }[]): Promise<string> {
    const res = await engine.chat.completions.create({
      messages, temperature: 0, max_tokens: 256, stream: false,
      response_format: { type: 'json_object', schema: jsonSchemas[node] },
    });
    const content = res?.choices?.[0]?.message?.content;
    if (typeof content !== 'string') throw new LlmNodeError(node, 'empty answer');
    return content;
  }

  async function runNode<N extends NodeName>(node: N, message: string, signal?: AbortSignal, facts: readonly string[] = []): Promise<NodeResult<N>> {
    const messages = [
      { role: 'system' as const, content: systemPrompt(node) },
      { role: 'user' as const, content: nodeInput(node, message, facts) },
    ];
    const attempt = async () => {
      const first = await ask(node, messages);
      const r1 = parseNodeAnswer(node, first);
      if (r1.ok) return r1.data;
      // One repair attempt: show the model its answer and what was wrong with it.
      const second = await ask(node, [
        ...messages,
        { role: 'assistant', content: first.slice(0, 2000) },
        { role: 'user', content: repairRequest(r1.problem) },
      ]);
      const r2 = parseNodeAnswer(node, second);
      if (!r2.ok) throw new LlmNodeError(node, `invalid after one repair: ${r2.problem}`);
      return r2.data;
    };
    return withTimeout(attempt(), nodeTimeoutMs, node, signal).catch((err: unknown) => {
      if (signal?.aborted) {
        engine.interruptGenerate?.();
        throw signal.reason;
      }
      if (err instanceof LlmNodeError) throw err;
      throw new LlmNodeError(node, errorMessage(err));
    });
  }

  const guard: TextGuard = {
    async check(t: string, signal?: AbortSignal): Promise<GuardVerdict> {
      const r = await runNode('safety', t, signal);
      return { verdict: r.verdict, categories: r.categories, by: 'llm' };
    },
  };

  return {
    name: `web-llm ${opts.modelId}`,
    guard,
    runNode,

    async extract(message: string, ctx: ExtractContext): Promise<TurnExtraction> {
      // The knowledge layer's expansions and places, as short facts for the nodes that read them.
      const facts = contextFacts(ctx.context);
      // The DAG's extraction nodes, issued together (web-llm serialises them on the GPU).
      const [kp, prefs, task] = await Promise.all([
        runNode('keyPhrases', message, ctx.signal, facts),
        runNode('preferences', message, ctx.signal, facts),
        runNode('task', message, ctx.signal, facts),
      ]);
      return combineExtraction(kp, prefs, task);
    },

    async reply(extraction: TurnExtraction, ctx: { language: Language; seed: number; signal?: AbortSignal }): Promise<string> {
      const p = engine.chat.completions
        .create({
          messages: [
            { role: 'system', content: replySystemPrompt(ctx.language) },
            { role: 'user', content: replySummary(extraction) },
          ],
          temperature: 0.7, max_tokens: 80, stream: false,
        })
        .then((res) => {
          const content = res?.choices?.[0]?.message?.content?.trim();
          if (!content) throw new LlmNodeError('reply', 'empty answer');
          return content.slice(0, MAX_REPLY_CHARS);
        });
      return withTimeout(p, replyTimeoutMs, 'reply', ctx.signal);
    },

    blockedReply(language: Language): string {
      return modelBlockedReply(language);
    },
  };
}
