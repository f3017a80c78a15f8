// Every retrieval source the feed fuses, one row each, the way transformers.js lists its tasks in
// SUPPORTED_TASKS: a row (sources/<name>.ts) holds how the source finds candidates, how its scores are
// normalised, its default weight with the measurement behind it, and the words it explains an item
// with. Adding a source is its file plus one line in DEFAULT_SOURCES; the id types, the default
// weights and the feed's source list follow from this table.
import type { FusionWeights, Normalisation } from './fuse.ts';
import type { RetrievalSource } from './retrieval-source.ts';
import { clipSource } from './sources/clip.ts';
import { freshSource } from './sources/fresh.ts';
import { lexicalSource } from './sources/lexical.ts';
import { popularSource } from './sources/popular.ts';
import { similarSource } from './sources/similar.ts';
import { u2iSource } from './sources/u2i.ts';
import { knowledgeSource } from './sources/knowledge.ts';
import { topicSource } from './sources/topic.ts';
import { sessionSource } from '../engagement/session-source.ts';
import { exploreSource } from './sources/explore.ts';

/**
 * The sources deliver() asks, in this order. The order is part of the behaviour: when two sources
 * contribute equally to an item, the earlier one names the item's source.
 */
export const DEFAULT_SOURCES = Object.freeze([lexicalSource, clipSource, knowledgeSource, u2iSource, sessionSource, exploreSource, similarSource, topicSource, popularSource, freshSource] as const);

/** The id of a registered source: derived from the table, so a new row extends it. */
export type SourceId = (typeof DEFAULT_SOURCES)[number]['id'];

export const SOURCE_IDS: readonly SourceId[] = Object.freeze(DEFAULT_SOURCES.map((s) => s.id));

function checkUnique(sources: readonly RetrievalSource[]): void {
  const ids = new Set<string>();
  for (const s of sources) {
    if (ids.has(s.id)) throw new RangeError(`two retrieval sources share the id "${s.id}"`);
    ids.add(s.id);
  }
}

/** The default fusion weight of each source, by id. */
export function weightsOf<S extends string>(sources: readonly RetrievalSource<S>[]): FusionWeights<S> {
  checkUnique(sources);
  return Object.freeze(Object.fromEntries(sources.map((s) => [s.id, s.weight])) as Record<S, number>);
}

/** Each source's own normalisation, by id. */
export function normalisationsOf<S extends string>(sources: readonly RetrievalSource<S>[]): Readonly<Record<S, Normalisation>> {
  checkUnique(sources);
  return Object.freeze(Object.fromEntries(sources.map((s) => [s.id, s.normalisation])) as Record<S, Normalisation>);
}

/** The registry's weights: each number and its measurement sit in the source's own row. */
export const DEFAULT_FUSION_WEIGHTS: FusionWeights = weightsOf<SourceId>(DEFAULT_SOURCES);
export const DEFAULT_NORMALISATIONS: Readonly<Record<SourceId, Normalisation>> = normalisationsOf<SourceId>(DEFAULT_SOURCES);
