// The understanding path for one chat turn, engine-agnostic: input guard and extraction run
// concurrently, the result is validated, and the reply passes the output guard before anyone sees it.
// A model engine that cannot answer hands the turn to a fallback (the compact engine, the floor).
import { isPlaceThing } from './extract/journey.ts';
import { type Intent, type Language, type TurnExtraction, parseTurnExtraction } from './intent.ts';
import { impliedForReply } from './implied-topics.ts';
import { isPackLanguage, packFor, writtenIn } from './lang/packs.ts';
import { blockedReply } from './safety/guard.ts';

export interface GuardVerdict {
  verdict: 'safe' | 'unsafe';
  categories: string[];
  /** Which guard decided ("lexicon", "model", "llm"). */
  by?: string;
}

export interface TextGuard {
  check(text: string, signal?: AbortSignal): Promise<GuardVerdict> | GuardVerdict;
}

/**
 * What the knowledge layer found in this turn's message (knowledge/expand.ts `Expansion`s and
 * knowledge/places.ts places, by shape, so core/ engines need not import the knowledge layer). Engines
 * that can use it as context do ("Seoul is in South Korea"); the compact engine ignores it.
 */
export interface TurnContext {
  readonly expansions: readonly { readonly text: string; readonly reason: string }[];
  readonly places: readonly { readonly text: string; readonly country: string }[];
  /**
   * The knowledge layer's items by definition (KnowledgeBase.itemsWithProperty): a refinement whose
   * property no tag names ("only the yellow ones") still narrows the topic where definitions have it.
   */
  readonly itemsWithProperty?: (word: string) => readonly string[];
  /** The opposite properties of a word (KnowledgeBase.antonymsOf): a refinement may narrow by the opposite. */
  readonly oppositesOf?: (word: string) => readonly string[];
  /**
   * What goes with a season, situation or occasion a word names (the seeds' implied things, English
   * names): a refinement may narrow by them ("clothes", then "only stuff for winter": the scarf, the coat).
   */
  readonly associatesOf?: (word: string) => readonly string[];
}

export interface ExtractContext {
  previous: Intent | null;
  signal?: AbortSignal;
  context?: TurnContext;
}

export interface UnderstandingEngine {
  readonly name: string;
  extract(text: string, ctx: ExtractContext): Promise<TurnExtraction> | TurnExtraction;
  /** A short reply, whole, in the user's language, reflecting what was understood. */
  reply(extraction: TurnExtraction, ctx: { language: Language; seed: number; signal?: AbortSignal }): Promise<string> | string;
  /** A polite refusal for a blocked turn, in the user's language. */
  blockedReply(language: Language, seed: number): string;
}

export type TurnOutcome = (
  | { kind: 'understood'; extraction: TurnExtraction; reply: string; engine: string }
  | { kind: 'blocked-input'; reply: string; categories: string[]; engine: string }
  | { kind: 'blocked-output'; extraction: TurnExtraction; reply: string; engine: string }
  | { kind: 'failed'; reply: string; error: string; engine: string }
) & {
  /** Set when the engine asked first could not answer and the fallback did (`engine` names the fallback). */
  fallbackFrom?: { engine: string; error: string };
};

/** A stable small number from a string: picks reply variants without randomness. */
export function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export async function understandTurn(
  text: string,
  opts: {
    engine: UnderstandingEngine; inputGuard?: TextGuard; outputGuard?: TextGuard; previous: Intent | null; turnId: string; signal?: AbortSignal;
    /** A refusal for a blocked input or reply; defaults to the engine's own. */
    refusal?: (language: Language, where: 'input' | 'output', seed: number, categories?: readonly string[]) => string;
    /** The knowledge layer's findings for this message, handed to the engine's extraction. */
    context?: TurnContext;
    /**
     * The floor (the compact engine): extracts and replies when `engine` fails to (a model error, a
     * timeout, output still malformed after its repair, a language it does not support). Never used
     * for an aborted turn.
     */
    fallback?: UnderstandingEngine;
    /**
     * The DAG's information node (src/core/extract/information.ts), run on the validated extraction
     * before the reply, so that the reply speaks of what the feed will show.
     */
    enrich?: (extraction: TurnExtraction) => TurnExtraction;
    /**
     * The catalog items whose words carry a phrase (the compact engine's gazetteer): lets the reply
     * name the implied topics the feed will show most of, not merely the strongest.
     */
    catalogItems?: (phrase: string) => readonly string[];
  },
): Promise<TurnOutcome> {
  const { signal, fallback } = opts;
  let engine = opts.engine;
  let fallbackFrom: { engine: string; error: string } | undefined;
  const fellBack = (err: unknown): boolean => {
    if (!fallback || fallback === engine || signal?.aborted) return false;
    fallbackFrom = { engine: engine.name, error: errorText(err) };
    engine = fallback;
    return true;
  };
  const seed = seedOf(opts.turnId);
  const refusal = opts.refusal ?? ((lang: Language, where: 'input' | 'output', sd: number, categories: readonly string[] = []) =>
    categories.includes('self-harm') ? blockedReply(lang, where, sd, categories) : engine.blockedReply(lang, sd));
  const guardPromise: Promise<GuardVerdict | null> = opts.inputGuard
    ? Promise.resolve(opts.inputGuard.check(text, signal))
    : Promise.resolve(null);
  const ctx: ExtractContext = { previous: opts.previous, ...(signal ? { signal } : {}), ...(opts.context ? { context: opts.context } : {}) };
  const extractWith = (e: UnderstandingEngine) => Promise.resolve().then(() => e.extract(text, ctx)).then(parseTurnExtraction);
  const extractionPromise = extractWith(engine).catch((err: unknown) => {
    if (!fellBack(err)) throw err;
    return extractWith(engine);
  });
  // Run both; a failed extraction must not hide a blocked input.
  const [guard, extracted] = await Promise.allSettled([guardPromise, extractionPromise]);
  signal?.throwIfAborted();
  const tag = fallbackFrom ? { fallbackFrom } : {};
  const verdict = guard.status === 'fulfilled' ? guard.value : { verdict: 'unsafe' as const, categories: ['guard-error'] };
  const language: Language = extracted.status === 'fulfilled' ? extracted.value.language : 'unknown';
  if (verdict?.verdict === 'unsafe') {
    return { kind: 'blocked-input', reply: refusal(language, 'input', seed, verdict.categories), categories: verdict.categories, engine: engine.name, ...tag };
  }
  if (extracted.status === 'rejected') {
    const error = errorText(extracted.reason);
    const reply = language === 'ko'
      ? '말씀을 잘 이해하지 못했어요. 다르게 말해 주시겠어요?'
      : "Sorry, I didn't quite get that. Could you say it another way?";
    return { kind: 'failed', reply, error, engine: engine.name, ...tag };
  }
  const validated: TurnExtraction = {
    ...extracted.value,
    safety: verdict ? { verdict: verdict.verdict, categories: verdict.categories } : extracted.value.safety,
  };
  const extraction = opts.enrich ? parseTurnExtraction(opts.enrich(validated)) : validated;
  const replyCtx = { language: extraction.language, seed, ...(signal ? { signal } : {}) };
  const spoken = replySubject(extraction, opts.catalogItems);
  let reply: string;
  try {
    reply = await engine.reply(spoken, replyCtx);
  } catch (err) {
    if (!fellBack(err)) throw err;
    reply = await engine.reply(spoken, replyCtx);
  }
  signal?.throwIfAborted();
  const done = fallbackFrom ? { fallbackFrom } : {};
  if (opts.outputGuard) {
    const out = await opts.outputGuard.check(reply, signal);
    if (out.verdict === 'unsafe') {
      return { kind: 'blocked-output', extraction, reply: refusal(extraction.language, 'output', seed), engine: engine.name, ...done };
    }
  }
  return { kind: 'understood', extraction, reply, engine: engine.name, ...done };
}

/**
 * What the reply speaks of: the extraction itself, or, when the turn named no topic but the
 * knowledge layer found what it implies, those implied topics, so that the reply names what the feed
 * is about to show (the stored extraction keeps them as expansions, not as things the user said).
 */
function replySubject(extraction: TurnExtraction, catalogItems?: (phrase: string) => readonly string[]): TurnExtraction {
  const expansions = extraction.expansions ?? [];
  if (extraction.keyPhrases.length > 0 || extraction.likes.length > 0 || extraction.dislikes.length > 0 || expansions.length === 0) return extraction;
  // Said in the turn's own language: the concept's name there ("목말라" -> 음료), not the catalog's word.
  const spoken = (e: { text: string; label?: string }): string | null => {
    const name = e.label ?? e.text;
    if (!writtenIn(extraction.language, name)) return null;
    const topicName = isPackLanguage(extraction.language) ? packFor(extraction.language).reply.topicName : undefined;
    return topicName ? topicName(name) : name;
  };
  // A place's things (src/core/extract/journey.ts placeThings: "toronto → Canada → maple leaf") are not
  // the trip's name: the reply names the place; "Here are some maple leaf and bear picks" had answered
  // "I live in Toronto" with a bear the feed did not show.
  const implied = impliedForReply(expansions.filter((e) => !isPlaceThing(e, extraction.information?.places ?? [])), (e) => spoken(e) !== null, catalogItems);
  if (implied.length === 0) return extraction;
  const names = [...new Map(implied.map((e) => [spoken(e)!, e.weight])).entries()];
  return {
    ...extraction,
    task: extraction.task === 'chit_chat' ? 'more_like' : extraction.task,
    keyPhrases: names.map(([text, weight]) => ({ text, weight })),
  };
}
