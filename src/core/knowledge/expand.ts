// Expansion with provenance: a phrase the user said becomes related concepts the catalog has (a city
// its country and flag, a state what it implies, an occasion what goes with it), each weighted below
// the phrase itself and carrying a readable reason ("Seoul → South Korea") and the relations it took.
import type { Concept, KnowledgeBase } from './format.ts';
import { type ConceptMatch, findConcepts } from './match.ts';

export type KnowledgeLanguage = 'en' | 'ko' | 'mixed' | 'unknown';

export interface Provenance {
  /** The relation followed ("city-in-country", "gloss", "same-emoji-translation"). */
  readonly via: string;
  /** Where the relation comes from ("wordnet", "cldr", "tzdata", "seed", ...). */
  readonly source: string;
  readonly from: string;
  readonly to: string;
}

export interface Expansion {
  /** What to match in the catalog: the concept's English name, or its Korean name for places in Korean. */
  readonly text: string;
  /** Strictly below the weight of the phrase it came from. */
  readonly weight: number;
  readonly concept: Concept;
  /** Catalog items that are this concept (a country's flag). */
  readonly itemIds: readonly string[];
  /** "Seoul → South Korea", in the user's language where names exist. */
  readonly reason: string;
  /** The concept's name in the user's language (its Korean name for Korean), as a reply may say it. */
  readonly label: string;
  readonly provenance: readonly Provenance[];
  /** The phrase or message words it came from. */
  readonly from: string;
  /** The concept is the head of a compound the words spell ("부산역": the station), not the words' own name. */
  readonly head?: true;
}

/** A situation's or an occasion's own name (tools/knowledge/situations.ts, occasions.ts), as a relation. */
export const SEED_NAME = /^seed-(?:situation|occasion):name$/;

/** An expansion never reaches its phrase's weight: at most this share of it. */
export const MAX_EXPANSION_SHARE = 0.9;
/** Lighter expansions are dropped: they would only add noise to the feed. */
export const MIN_EXPANSION_WEIGHT = 0.15;
/** Expansions kept per call, strongest first. */
export const MAX_EXPANSIONS = 12;

const name = (c: Concept, language: KnowledgeLanguage) => (language === 'ko' && c.ko ? c.ko : c.en);

function provenance(kb: KnowledgeBase, rel: number, from: string, to: string): Provenance {
  const full = kb.relations[rel] ?? 'unknown';
  const colon = full.indexOf(':');
  return { via: colon >= 0 ? full.slice(colon + 1) : full, source: colon >= 0 ? full.slice(0, colon) : 'unknown', from, to };
}

/** Expansions of one found concept, before weighting by the phrase. */
function expandMatch(kb: KnowledgeBase, m: ConceptMatch, language: KnowledgeLanguage): Expansion[] {
  const origin = kb.concepts[m.concept]!;
  const out: Expansion[] = [];
  const textOf = (c: Concept) => (c.kind !== 'word' && language === 'ko' && c.ko ? c.ko : c.en);
  // The concept itself, when the words were not already its name: a translation ("목말라" -> thirsty)
  // or a place (its name is what the catalog's flag titles carry).
  // A Korean noun counts as said only as written: with its particles ("가족들이랑") no phrase holds it,
  // and the concept is what the catalog's words match. A verb read to its stem ("먹고") stays said.
  // A situation's or occasion's Korean name is no catalog word: it is always read for its concept
  // ("몸이 아파서": being ill, whose name then tells the statement's words apart).
  const seedName = SEED_NAME.test(kb.relations[m.rel] ?? '');
  const literalName = !m.head && (m.surface === origin.en.toLowerCase() || (m.surface === origin.ko && !seedName && (m.text === m.surface || m.predicate === true)));
  if (!literalName || origin.kind !== 'word') {
    out.push({
      text: textOf(origin), label: name(origin, language), weight: m.weight, concept: origin, itemIds: origin.items,
      reason: `${m.text} → ${name(origin, language)}`, provenance: [provenance(kb, m.rel, m.text, name(origin, language))], from: m.text,
      ...(m.head ? { head: true as const } : {}),
    });
  }
  for (const e of kb.edgesOf(m.concept)) {
    const target = kb.concepts[e.hops[e.hops.length - 1]!.to]!;
    const chain = [name(origin, language)];
    const prov: Provenance[] = [];
    let prev = name(origin, language);
    for (const h of e.hops) {
      const to = name(kb.concepts[h.to]!, language);
      prov.push(provenance(kb, h.rel, prev, to));
      if (to !== chain[chain.length - 1]) chain.push(to);
      prev = to;
    }
    const displayFrom = literalName ? chain : [m.text, ...chain];
    out.push({
      text: textOf(target), label: name(target, language), weight: m.weight * e.weight, concept: target, itemIds: target.items,
      reason: displayFrom.join(' → '), provenance: [...(literalName ? [] : [provenance(kb, m.rel, m.text, chain[0]!)]), ...prov], from: m.text,
    });
  }
  return out;
}

export interface WeightedPhrase {
  readonly text: string;
  readonly weight: number;
}

/**
 * Related concepts for a set of phrases (or whole messages), merged by text, strongest first. Each
 * expansion weighs at most MAX_EXPANSION_SHARE of its phrase; nothing the phrases literally say is
 * returned again.
 */
export function expandPhrases(kb: KnowledgeBase, phrases: readonly WeightedPhrase[], language: KnowledgeLanguage, limit = MAX_EXPANSIONS): Expansion[] {
  const literal = new Set(phrases.map((p) => p.text.normalize('NFKC').toLowerCase().trim()));
  const best = new Map<string, Expansion>();
  for (const p of phrases) {
    if (p.weight <= 0) continue;
    for (const m of findConcepts(kb, p.text)) {
      for (const x of expandMatch(kb, m, language)) {
        const key = x.text.toLowerCase();
        if (literal.has(key) || key === m.surface) continue;
        const weight = p.weight * MAX_EXPANSION_SHARE * Math.min(1, x.weight);
        if (weight < MIN_EXPANSION_WEIGHT * p.weight) continue;
        const prev = best.get(key);
        if (!prev || weight > prev.weight) best.set(key, { ...x, weight });
      }
    }
  }
  return [...best.values()].sort((a, b) => b.weight - a.weight || a.text.localeCompare(b.text)).slice(0, limit);
}

/** Related concepts for one phrase or message, as if it had weight 1. */
export function expandPhrase(kb: KnowledgeBase, text: string, language: KnowledgeLanguage, limit = MAX_EXPANSIONS): Expansion[] {
  return expandPhrases(kb, [{ text, weight: 1 }], language, limit);
}

/** The part of an intent expansion reads (src/core/intent.ts's Intent fits). */
export interface IntentLike {
  readonly keyPhrases: readonly WeightedPhrase[];
  readonly likes: readonly WeightedPhrase[];
  readonly dislikes: readonly { readonly text: string }[];
  readonly language: KnowledgeLanguage;
}

/**
 * Extra weighted key phrases for an intent: what its key phrases and likes imply, never something it
 * dislikes ("no cats" stays: an expansion to "cat" is dropped). For the delivery path to add to the
 * intent's phrases before lexical retrieval; `reason` is the line the feed can show.
 */
export function expandIntentPhrases(kb: KnowledgeBase, intent: IntentLike, limit = MAX_EXPANSIONS): Expansion[] {
  const byText = new Map<string, WeightedPhrase>();
  for (const p of [...intent.keyPhrases, ...intent.likes]) {
    const k = p.text.toLowerCase();
    const prev = byText.get(k);
    if (!prev || p.weight > prev.weight) byText.set(k, { text: p.text, weight: p.weight });
  }
  const disliked = new Set(intent.dislikes.map((d) => d.text.normalize('NFKC').toLowerCase()));
  const dislikedConcepts = new Set(intent.dislikes.flatMap((d) => findConcepts(kb, d.text).map((m) => m.concept)));
  return expandPhrases(kb, [...byText.values()], intent.language, limit * 2)
    .filter((x) => !disliked.has(x.text.toLowerCase()) && !dislikedConcepts.has(x.concept.id))
    .slice(0, limit);
}

/** A word in Latin script: English, read as it is. */
const LATIN = /^[\p{Script=Latin}\s'-]+$/u;
/** Relations that only name a concept in another language or form (a Korean word's English concept). */
const NAMING_RELATION = /translation|ko-predicate|:name$|lemma/;

/**
 * The items a word's property fits by definition (KnowledgeBase.itemsWithProperty, English words): a
 * Korean word through the English concepts it names ("노란" -> yellow: the lemon and the banana), so
 * that "과일", then "노란 것만" can tell that some fruit is yellow. Only for deciding whether a
 * refinement narrows its topic (src/core/extract/engine.ts narrowingOnly); the items a refinement
 * adds by definition stay English-only (src/core/extract/information.ts), where a translation widened it.
 */
export function propertyItemsReader(kb: KnowledgeBase): (word: string) => readonly string[] {
  return (word) => {
    if (LATIN.test(word)) return propertyItems(kb, word);
    return [...new Set(englishNames(kb, word).flatMap((n) => propertyItems(kb, n)))];
  };
}

/** A similar-to edge from an adjective's first sense (wordnet.ts: similar 0.75 at sense rank 1); later senses weigh less. */
const HEAD_MIN_WEIGHT = 0.75;

/**
 * The items a property word fits by definition; for a word no definition says, those of the adjective
 * WordNet puts it beside ("tiny" -> small, "huge" -> large, "fluffy" -> soft): "animals", then "only the
 * tiny ones" had kept no refinement and shown the monkeys. A word some definitions say keeps its own
 * items only: "massive" with large's too put the gorilla before the elephant (dev2 en 0.704 -> 0.700).
 */
export function propertyItems(kb: KnowledgeBase, word: string): readonly string[] {
  const own = kb.itemsWithProperty(word);
  if (own.length > 0) return own;
  const whole = word.toLowerCase();
  const heads = findConcepts(kb, word).filter((m) => m.text === whole).flatMap((m) => kb.edgesOf(m.concept)
    .filter((e) => e.hops.length === 1 && e.weight >= HEAD_MIN_WEIGHT && kb.relations[e.hops[0]!.rel] === 'wordnet:similar')
    .map((e) => kb.concepts[e.hops[0]!.to]!.en.toLowerCase()));
  return [...new Set(heads.flatMap((h) => kb.itemsWithProperty(h)))];
}

/** The English concepts a word in another language names ("차가운" -> cold). */
function englishNames(kb: KnowledgeBase, word: string): string[] {
  return findConcepts(kb, word).filter((m) => NAMING_RELATION.test(kb.relations[m.rel] ?? '')).map((m) => kb.concepts[m.concept]!.en.toLowerCase());
}

/**
 * The opposite properties of a word (KnowledgeBase.antonymsOf), a Korean word through the English
 * concepts it names ("시원한" -> cold: hot): a refinement whose property no item of the topic has may
 * still narrow it by the opposite some have ("음료", then "시원한 거만": not the hot beverage).
 */
export function oppositesReader(kb: KnowledgeBase): (word: string) => readonly string[] {
  return (word) => {
    const names = LATIN.test(word) ? [word.toLowerCase()] : englishNames(kb, word);
    return [...new Set(names.flatMap((n) => kb.antonymsOf(n)))];
  };
}

/** A seed's name (a situation or an occasion) and its edges to what goes with it (tools/knowledge/situations.ts). */
const SEED_NAME_RELATION = /^seed-(?:situation|occasion):name$/;
const SEED_EDGE_RELATION = /^seed-(?:situation|occasion)$/;

/**
 * What goes with a season, situation or occasion a word names, as English names of catalog things
 * ("winter", "겨울": snowman, snowflake, scarf, gloves, coat); empty for a word that names none.
 */
export function associatesReader(kb: KnowledgeBase): (word: string) => readonly string[] {
  return (word) => {
    const whole = word.toLocaleLowerCase();
    const seeds = findConcepts(kb, word, { stem: true }).filter((m) => m.text === whole && SEED_NAME_RELATION.test(kb.relations[m.rel] ?? ''));
    return [...new Set(seeds.flatMap((m) => kb.edgesOf(m.concept)
      .filter((e) => e.hops.length === 1 && SEED_EDGE_RELATION.test(kb.relations[e.hops[0]!.rel] ?? ''))
      .map((e) => kb.concepts[e.hops[0]!.to]!.en.toLowerCase())))];
  };
}

/** What a turn's extraction may ask the knowledge layer about a refinement (TurnContext). */
export function refinementReaders(kb: KnowledgeBase): {
  itemsWithProperty: (word: string) => readonly string[]; oppositesOf: (word: string) => readonly string[]; associatesOf: (word: string) => readonly string[];
} {
  return { itemsWithProperty: propertyItemsReader(kb), oppositesOf: oppositesReader(kb), associatesOf: associatesReader(kb) };
}
