// The intent contract: what the understanding path learns from the conversation and the delivery
// path reads to rank the feed. Produced only through `parseIntent` / `mergeIntent`; an invalid or
// unsafe extraction never overwrites a good stored intent.
import { z } from 'zod';

export const INTENT_SCHEMA_VERSION = 1;

/** The closed set of tasks the task selector chooses from. */
export const TASKS = [
  'more_like', // show more like X
  'learn_more', // learn more about X
  'less_of', // less of X
  'new_topic', // a new search, unrelated to what came before
  'refine', // narrow or adjust the current topic
  'start_over', // forget everything said so far
  'chit_chat', // no recommendation intent
] as const;
export type Task = (typeof TASKS)[number];

export const LANGUAGES = ['en', 'ko', 'mixed', 'unknown'] as const;
export type Language = (typeof LANGUAGES)[number];

export const SAFETY_VERDICTS = ['safe', 'unsafe', 'unchecked'] as const;
export type SafetyVerdictKind = (typeof SAFETY_VERDICTS)[number];

const MAX_PHRASE_CHARS = 64;
const MAX_PHRASES = 24;
const MAX_INTERESTS = 32;
const MAX_SOURCE_TURNS = 50;

const phraseText = z
  .string()
  .trim()
  .min(1)
  .max(MAX_PHRASE_CHARS)
  .transform((s) => s.normalize('NFKC'));

const weight = z.number().finite().min(0).max(1);

export const KeyPhraseSchema = z.object({
  text: phraseText,
  weight,
  /** Turn counter value when this phrase was last mentioned; weight decays with turns since. */
  lastTurn: z.number().int().min(0),
});
export type KeyPhrase = z.infer<typeof KeyPhraseSchema>;

export const InterestSchema = z.object({
  text: phraseText,
  weight,
  lastTurn: z.number().int().min(0),
});
export type Interest = z.infer<typeof InterestSchema>;

export const SafetySchema = z.object({
  verdict: z.enum(SAFETY_VERDICTS),
  categories: z.array(z.string().max(32)).max(8),
});
export type IntentSafety = z.infer<typeof SafetySchema>;

export const IntentSchema = z
  .object({
    schemaVersion: z.literal(INTENT_SCHEMA_VERSION),
    userId: z.string().min(1).max(128),
    updatedAt: z.number().int().min(0),
    /** How many accepted turns have been merged into this intent; the clock for decay. */
    turn: z.number().int().min(0),
    keyPhrases: z.array(KeyPhraseSchema).max(MAX_PHRASES),
    likes: z.array(InterestSchema).max(MAX_INTERESTS),
    dislikes: z.array(InterestSchema).max(MAX_INTERESTS),
    task: z.enum(TASKS),
    language: z.enum(LANGUAGES),
    safety: SafetySchema,
    sourceTurnIds: z.array(z.string().min(1).max(64)).max(MAX_SOURCE_TURNS),
  })
  .strict();
export type Intent = z.infer<typeof IntentSchema>;

/**
 * What one chat turn yields after the extraction DAG and task selection, before it is merged.
 * Engines (web-llm or compact) produce this; it is validated here before anything is stored.
 */
export const TurnExtractionSchema = z
  .object({
    keyPhrases: z
      .array(z.object({ text: phraseText, weight }).strict())
      .max(MAX_PHRASES),
    likes: z.array(phraseText).max(MAX_INTERESTS),
    dislikes: z.array(phraseText).max(MAX_INTERESTS),
    task: z.enum(TASKS),
    language: z.enum(LANGUAGES),
    safety: SafetySchema,
  })
  .strict();
export type TurnExtraction = z.infer<typeof TurnExtractionSchema>;

export class IntentValidationError extends Error {
  override name = 'IntentValidationError';
  constructor(
    message: string,
    readonly issues: readonly string[],
  ) {
    super(message);
  }
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
}

/** Parses untrusted data (an IndexedDB record, a message) as an Intent, or throws IntentValidationError. */
export function parseIntent(data: unknown): Intent {
  const result = IntentSchema.safeParse(data);
  if (!result.success) {
    const issues = describeIssues(result.error);
    throw new IntentValidationError(`Invalid intent: ${issues.slice(0, 3).join('; ')}`, issues);
  }
  return result.data;
}

/** Parses an engine's output for one turn, or throws IntentValidationError. */
export function parseTurnExtraction(data: unknown): TurnExtraction {
  const result = TurnExtractionSchema.safeParse(data);
  if (!result.success) {
    const issues = describeIssues(result.error);
    throw new IntentValidationError(`Invalid extraction: ${issues.slice(0, 3).join('; ')}`, issues);
  }
  return result.data;
}

export function emptyIntent(userId: string, now: number): Intent {
  return {
    schemaVersion: INTENT_SCHEMA_VERSION,
    userId,
    updatedAt: now,
    turn: 0,
    keyPhrases: [],
    likes: [],
    dislikes: [],
    task: 'chit_chat',
    language: 'unknown',
    safety: { verdict: 'safe', categories: [] },
    sourceTurnIds: [],
  };
}

/** Weight kept per turn for things not mentioned again: after ~4 turns a phrase counts for half. */
export const DECAY_PER_TURN = 0.84;
/** Below this a decayed phrase or like is dropped. */
export const MIN_WEIGHT = 0.05;

function decayed<T extends { weight: number; lastTurn: number }>(items: T[], turn: number): T[] {
  return items
    .map((it) => ({ ...it, weight: it.weight * DECAY_PER_TURN ** Math.max(0, turn - it.lastTurn) }))
    .filter((it) => it.weight >= MIN_WEIGHT);
}

const key = (s: string) => s.toLocaleLowerCase();

function upsert<T extends { text: string; weight: number; lastTurn: number }>(
  items: T[],
  text: string,
  w: number,
  turn: number,
): T[] {
  const k = key(text);
  const existing = items.find((it) => key(it.text) === k);
  if (existing) {
    return items.map((it) =>
      it === existing ? { ...it, weight: Math.min(1, Math.max(it.weight, w)), lastTurn: turn } : it,
    );
  }
  return [...items, { text, weight: w, lastTurn: turn } as T];
}

const byWeight = <T extends { weight: number }>(a: T, b: T) => b.weight - a.weight;

export type MergeOutcome =
  | { accepted: true; intent: Intent }
  | { accepted: false; intent: Intent; reason: string };

/**
 * Merges one validated turn into the stored intent. Pure: the same inputs give the same intent.
 * - `start_over` resets everything, then applies what this turn said.
 * - `new_topic` drops earlier key phrases and likes (dislikes persist: "no cats" still holds).
 * - Older phrases and likes decay with turns; negatives persist until contradicted by a like.
 * - An unsafe turn is refused: the previous intent stays, unchanged.
 */
export function mergeIntent(
  previous: Intent,
  rawExtraction: unknown,
  turnId: string,
  now: number,
): MergeOutcome {
  let extraction: TurnExtraction;
  try {
    extraction = parseTurnExtraction(rawExtraction);
  } catch (err) {
    return { accepted: false, intent: previous, reason: (err as Error).message };
  }
  if (extraction.safety.verdict === 'unsafe') {
    return { accepted: false, intent: previous, reason: 'unsafe turn: not used for recommendations' };
  }
  if (extraction.task === 'chit_chat' && extraction.keyPhrases.length === 0 &&
      extraction.likes.length === 0 && extraction.dislikes.length === 0) {
    // Nothing to learn; keep the intent (and its timestamps) as it was.
    return { accepted: true, intent: previous };
  }

  const turn = previous.turn + 1;
  const base = extraction.task === 'start_over' ? emptyIntent(previous.userId, now) : previous;
  let keyPhrases = extraction.task === 'new_topic' ? [] : decayed(base.keyPhrases, turn);
  let likes = extraction.task === 'new_topic' ? [] : decayed(base.likes, turn);
  let dislikes = [...base.dislikes];

  for (const p of extraction.keyPhrases) keyPhrases = upsert(keyPhrases, p.text, p.weight, turn);
  for (const text of extraction.likes) {
    likes = upsert(likes, text, 1, turn);
    dislikes = dislikes.filter((d) => key(d.text) !== key(text)); // a like contradicts a dislike
  }
  for (const text of extraction.dislikes) {
    dislikes = upsert(dislikes, text, 1, turn);
    likes = likes.filter((l) => key(l.text) !== key(text));
    keyPhrases = keyPhrases.filter((p) => key(p.text) !== key(text));
  }

  const intent: Intent = {
    schemaVersion: INTENT_SCHEMA_VERSION,
    userId: previous.userId, // never taken from the extraction: user text cannot change it
    updatedAt: now,
    turn,
    keyPhrases: keyPhrases.sort(byWeight).slice(0, MAX_PHRASES),
    likes: likes.sort(byWeight).slice(0, MAX_INTERESTS),
    dislikes: dislikes.sort(byWeight).slice(0, MAX_INTERESTS),
    task: extraction.task,
    language: extraction.language,
    safety: extraction.safety,
    sourceTurnIds: [...base.sourceTurnIds, turnId].slice(-MAX_SOURCE_TURNS),
  };
  // Re-validate the result: the merge itself must never produce an invalid record.
  return { accepted: true, intent: parseIntent(intent) };
}
