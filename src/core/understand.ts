// The understanding path for one chat turn, engine-agnostic: input guard and extraction run
// concurrently, the result is validated, and the reply passes the output guard before anyone sees it.
import { type Intent, type Language, type TurnExtraction, parseTurnExtraction } from './intent.ts';

export interface GuardVerdict {
  verdict: 'safe' | 'unsafe';
  categories: string[];
  /** Which guard decided ("lexicon", "model", "llm"). */
  by?: string;
}

export interface TextGuard {
  check(text: string, signal?: AbortSignal): Promise<GuardVerdict> | GuardVerdict;
}

export interface ExtractContext {
  previous: Intent | null;
  signal?: AbortSignal;
}

export interface UnderstandingEngine {
  readonly name: string;
  extract(text: string, ctx: ExtractContext): Promise<TurnExtraction> | TurnExtraction;
  /** A short reply, whole, in the user's language, reflecting what was understood. */
  reply(extraction: TurnExtraction, ctx: { language: Language; seed: number; signal?: AbortSignal }): Promise<string> | string;
  /** A polite refusal for a blocked turn, in the user's language. */
  blockedReply(language: Language, seed: number): string;
}

export type TurnOutcome =
  | { kind: 'understood'; extraction: TurnExtraction; reply: string; engine: string }
  | { kind: 'blocked-input'; reply: string; categories: string[]; engine: string }
  | { kind: 'blocked-output'; extraction: TurnExtraction; reply: string; engine: string }
  | { kind: 'failed'; reply: string; error: string; engine: string };

/** A stable small number from a string: picks reply variants without randomness. */
export function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export async function understandTurn(
  text: string,
  opts: {
    engine: UnderstandingEngine; inputGuard?: TextGuard; outputGuard?: TextGuard; previous: Intent | null; turnId: string; signal?: AbortSignal;
    /** A refusal for a blocked input or reply; defaults to the engine's own. */
    refusal?: (language: Language, where: 'input' | 'output', seed: number) => string;
  },
): Promise<TurnOutcome> {
  const { engine, signal } = opts;
  const seed = seedOf(opts.turnId);
  const refusal = opts.refusal ?? ((lang: Language, _where: 'input' | 'output', sd: number) => engine.blockedReply(lang, sd));
  const guardPromise: Promise<GuardVerdict | null> = opts.inputGuard
    ? Promise.resolve(opts.inputGuard.check(text, signal))
    : Promise.resolve(null);
  const extractionPromise = Promise.resolve()
    .then(() => engine.extract(text, { previous: opts.previous, ...(signal ? { signal } : {}) }))
    .then(parseTurnExtraction);
  // Run both; a failed extraction must not hide a blocked input.
  const [guard, extracted] = await Promise.allSettled([guardPromise, extractionPromise]);
  signal?.throwIfAborted();
  const verdict = guard.status === 'fulfilled' ? guard.value : { verdict: 'unsafe' as const, categories: ['guard-error'] };
  const language: Language = extracted.status === 'fulfilled' ? extracted.value.language : 'unknown';
  if (verdict?.verdict === 'unsafe') {
    return { kind: 'blocked-input', reply: refusal(language, 'input', seed), categories: verdict.categories, engine: engine.name };
  }
  if (extracted.status === 'rejected') {
    const error = extracted.reason instanceof Error ? extracted.reason.message : String(extracted.reason);
    const reply = language === 'ko'
      ? '말씀을 잘 이해하지 못했어요. 다르게 말해 주시겠어요?'
      : "Sorry, I didn't quite get that. Could you say it another way?";
    return { kind: 'failed', reply, error, engine: engine.name };
  }
  const extraction: TurnExtraction = {
    ...extracted.value,
    safety: verdict ? { verdict: verdict.verdict, categories: verdict.categories } : extracted.value.safety,
  };
  const reply = await engine.reply(extraction, { language: extraction.language, seed, ...(signal ? { signal } : {}) });
  signal?.throwIfAborted();
  if (opts.outputGuard) {
    const out = await opts.outputGuard.check(reply, signal);
    if (out.verdict === 'unsafe') {
      return { kind: 'blocked-output', extraction, reply: refusal(extraction.language, 'output', seed), engine: engine.name };
    }
  }
  return { kind: 'understood', extraction, reply, engine: engine.name };
}
