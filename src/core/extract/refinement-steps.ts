// How a refinement's word is read through the knowledge layer (src/core/extract/information.ts): which
// steps keep its meaning (a name in another language, a synonym, one step along the same scale or to a
// whole), and how far a synonym of a later sense may weigh against the word's own reading.
/** Relations that only name the same concept in another language or form: not a hop in meaning. */
export const NAMING = /translation|name|ko-predicate|lemma/;
/**
 * Adjectives on the same scale (WordNet also-see: "warm" -> "hot"): for a refinement, one such step is
 * as good as a name, since catalogs tag one word of the scale (the hot drinks are "hot", never
 * "warm"). Similar-to is not: its clusters are broad ("hot" ~ "tropical", "white").
 */
const SAME_SCALE = /^also-see$/;
/** A synonym (one WordNet synset: "fly", "wing") is another name of the same concept, not a step in meaning. */
export const SAME_CONCEPT = /^synonym$/;
/**
 * A part names the wholes that have it (WordNet part-of: "wing" -> bird, bat, angel): "only the ones
 * with wings" keeps the animals that have them, which the catalog tags as birds, not as "wing".
 */
const HAS_PART = /^part-of$/;
/**
 * A refinement's synonym weighs at least this share of its word's own reading: one in the word's first
 * sense keeps 0.9 (0.81 beside a naming step), one in its second sense 0.72 or less.
 */
export const REFINE_MAIN_SENSE = 0.78;
/** A refinement's expansion: naming steps and synonyms, and at most one step along the same scale or to a whole. */
export const refinementStep = (provenance: readonly { via: string }[]) => {
  const meaning = provenance.filter((p) => !NAMING.test(p.via) && !SAME_CONCEPT.test(p.via));
  return meaning.length === 0 || (meaning.length === 1 && (SAME_SCALE.test(meaning[0]!.via) || HAS_PART.test(meaning[0]!.via)));
};
