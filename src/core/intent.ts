// The intent contract: what the understanding path learns from the conversation and the delivery
// path reads to rank the feed. Produced only through `parseIntent` / `mergeIntent`; an invalid or
// unsafe extraction never overwrites a good stored intent.
import { z } from 'zod';

/** 2 added `information` (places, dates, occasions, people), knowledge `expansions` and `refinements`. */
export const INTENT_SCHEMA_VERSION = 2;

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
export const MAX_PHRASES = 24;
export const MAX_INTERESTS = 32;
export const MAX_SOURCE_TURNS = 50;

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

/**
 * A refinement: the property a turn narrows the topic by. `not` where the turn asked for what lacks it
 * ("only the ones that can't fly", "안 매운 것만"): the topic's items without the property.
 */
export const RefinementSchema = KeyPhraseSchema.extend({ not: z.literal(true).optional() });
export type Refinement = z.infer<typeof RefinementSchema>;

/** Items one expansion may link (a refinement's property by definition: 84 items are "small"). */
export const MAX_EXPANSION_ITEMS = 96;
const itemIds = z.array(z.string().min(1).max(64)).max(MAX_EXPANSION_ITEMS);

export const InterestSchema = z.object({
  text: phraseText,
  weight,
  lastTurn: z.number().int().min(0),
  /**
   * For a dislike: the catalog items the knowledge layer knows as kinds of it, whose words never say it
   * ("no alcohol": the sake; "no insects": the ant and the beetle). Hidden with it; optional, so records
   * written before it parse unchanged.
   */
  itemIds: itemIds.optional(),
});
export type Interest = z.infer<typeof InterestSchema>;

export const MAX_EXPANSIONS = 24;
export const MAX_REFINEMENTS = 8;
export const MAX_FACTS = 16;
const reasonText = z.string().trim().min(1).max(120);

/** A related concept the knowledge layer added for a phrase the user said (never above that phrase). */
export const ExpansionSchema = z.object({
  text: phraseText,
  weight,
  /** Why, with provenance, as a person reads it: "Seoul → South Korea". */
  reason: reasonText,
  /** The user's phrase it came from. */
  from: phraseText,
  lastTurn: z.number().int().min(0),
  /**
   * Catalog items the knowledge layer links to it directly (a country's flag), or, for a refinement's
   * property, the items whose definitions have it (up to MAX_EXPANSION_ITEMS: "only the yellow ones").
   */
  itemIds: itemIds.optional(),
  /** Its name in the user's language when `text` (what the catalog is searched for) is in another ("마실 것" for "drink"). */
  label: phraseText.optional(),
  /**
   * For a refinement's property: the opposite property ("only cold ones": hot). What its words say is
   * not what the refinement asks for (src/core/fusion/narrow.ts); it is never searched for.
   */
  opposite: z.literal(true).optional(),
});
export type Expansion = z.infer<typeof ExpansionSchema>;

/** A place the user mentioned, with the country it is in. */
export const PlaceSchema = z.object({
  text: phraseText,
  country: z.string().trim().min(1).max(64),
  countryCode: z.string().regex(/^[A-Z]{2}$/),
  lastTurn: z.number().int().min(0),
});
export type Place = z.infer<typeof PlaceSchema>;

const FactSchema = z.object({ text: phraseText, lastTurn: z.number().int().min(0) });
export type Fact = z.infer<typeof FactSchema>;

/** "Information" from the extraction DAG: what the user told about their situation. */
export const InformationSchema = z.object({
  places: z.array(PlaceSchema).max(MAX_FACTS),
  dates: z.array(FactSchema).max(MAX_FACTS),
  occasions: z.array(FactSchema).max(MAX_FACTS),
  people: z.array(FactSchema).max(MAX_FACTS),
});
export type Information = z.infer<typeof InformationSchema>;
export const INFORMATION_KINDS = ['places', 'dates', 'occasions', 'people'] as const;
export type InformationKind = (typeof INFORMATION_KINDS)[number];

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
    information: InformationSchema,
    expansions: z.array(ExpansionSchema).max(MAX_EXPANSIONS),
    /** "Only the ones that fly": narrows the current topic (an intersection, not a new search). */
    refinements: z.array(RefinementSchema).max(MAX_REFINEMENTS),
  })
  .strict();
export type Intent = z.infer<typeof IntentSchema>;

/**
 * Migrations of stored intents, MIGRATE[v] taking version v to v+1. An intent from an older app
 * version is upgraded when read, never discarded; append a step for each new version.
 */
const MIGRATE: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  1: (old) => ({ ...old, schemaVersion: 2, information: { places: [], dates: [], occasions: [], people: [] }, expansions: [], refinements: [] }),
};

/** Brings a stored record of an older schema version up to INTENT_SCHEMA_VERSION (a newer one is left as is). */
export function migrateIntent(data: unknown): unknown {
  if (typeof data !== 'object' || data === null) return data;
  let record = data as Record<string, unknown>;
  for (let v = record.schemaVersion; typeof v === 'number' && v < INTENT_SCHEMA_VERSION && MIGRATE[v]; v = record.schemaVersion) record = MIGRATE[v]!(record);
  return record;
}

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
    /** Optional nodes of the DAG (information extraction, knowledge expansion, undo): engines may omit them. */
    information: z.object({
      places: z.array(PlaceSchema.omit({ lastTurn: true })).max(MAX_FACTS),
      dates: z.array(phraseText).max(MAX_FACTS),
      occasions: z.array(phraseText).max(MAX_FACTS),
      people: z.array(phraseText).max(MAX_FACTS),
    }).strict().optional(),
    expansions: z.array(ExpansionSchema.omit({ lastTurn: true })).max(MAX_EXPANSIONS).optional(),
    /** Dislikes this turn takes back ("cats are fine now"). */
    undo: z.array(phraseText).max(MAX_INTERESTS).optional(),
    /** A refinement asking for what lacks its property ("only the ones that can't fly"). */
    refineNot: z.boolean().optional(),
    /** The kinds of this turn's dislikes as catalog items (Interest.itemIds), by the knowledge layer. */
    dislikedKinds: z.array(z.object({ text: phraseText, itemIds }).strict()).max(MAX_INTERESTS).optional(),
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
  const result = IntentSchema.safeParse(migrateIntent(data));
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

/**
 * Whether the intent has a topic on screen: a phrase said or liked, or one only implied ("i'm thirsty":
 * its expansions). A refinement narrows it and a refusal's reason leaves it standing.
 */
export function topicOnScreen(intent: Pick<Intent, 'keyPhrases' | 'likes'> & Partial<Pick<Intent, 'expansions'>> | null): boolean {
  return !!intent && intent.keyPhrases.length + intent.likes.length + (intent.expansions?.length ?? 0) > 0;
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
    information: { places: [], dates: [], occasions: [], people: [] },
    expansions: [],
    refinements: [],
  };
}
