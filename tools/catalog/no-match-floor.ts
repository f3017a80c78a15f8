// The catalog's own "no match" floor for the CLIP source, measured at build time and shipped in the
// manifest (index.noMatchFloor, src/core/catalog.ts). Without one, a phrase the catalog's words do not
// know filled the feed with the index's nearest items, explained as "looks like 'feet'": every phrase
// has some nearest item, and on a text index the demo text tower scores random letters as high as real
// matches (bench/RESULTS-catalog.md). The app drops the CLIP hits of such a phrase below the floor
// (src/core/delivery.ts, honestPictures), so the floor is measured on exactly those phrases:
//   - no match: seeded nonsense (random Latin letters, pronounceable non-words, random strings of
//     common Hangul syllables) and real words the catalog lacks (no-match-words.ts), each kept only when the app's
//     lexical match finds nothing for it in this catalog;
//   - real: for seeded random items, a tag or a title word that is not the whole title (its own item
//     is the right answer), to say what the floor costs.
// Each query is encoded with the model that built the index and searched in the index file itself
// (VectorIndex.searchEach, the search the app runs). The floor is the 95th percentile of the no-match
// queries' best cosines: the lowest value with at least 95% of them strictly below it.
import type { CatalogItem, CatalogManifest, NoMatchFloor } from '../../src/core/catalog.ts';
import { VectorIndex } from '../../src/core/index/vector-index.ts';
import { buildLexicalIndex, phraseMatches } from '../../src/core/lexical.ts';
import { rng } from '../../src/core/random.ts';
import { normalizeText } from '../../src/core/text.ts';
import { LACKING_ENGLISH, LACKING_KOREAN } from './no-match-words.ts';

/** Share of no-match queries the floor puts below it, as for the stickers (bench/RESULTS-clip-floor.md). */
export const NO_MATCH_QUANTILE = 0.95;
const SEED = 20261201;
const RANDOM_LETTERS = 100;
const PRONOUNCEABLE = 100;
const RANDOM_HANGUL = 60;
/** Real queries at most (one per sampled item). */
const REAL_QUERIES = 200;
/** The CLIP source proposes a phrase's nearest items; "found" means among these. */
const FOUND_AT = 10;
/** Texts per text-tower call, as the builder embeds items (embed-items.ts TEXT_BATCH). */
const BATCH = 64;
/**
 * Below this share of real queries finding their own item above the floor, the vector search is
 * reported as below noise: twice the share of no-match queries that clear the floor by construction
 * (5%). With clip-mini every catalog measured so far is below it: 0.5% on 300 Debian package
 * descriptions, 0 to 8.3% on the builder tests' 6 and 12 products and 30 icons (bench/RESULTS-catalog.md),
 * 3.4% on the stickers (bench/RESULTS-clip-floor.md, held-out Recall@10 with the floor).
 */
export const BELOW_NOISE_FOUND = 2 * (1 - NO_MATCH_QUANTILE);

export interface NoMatchCalibration {
  /** What goes into the manifest. */
  floor: NoMatchFloor;
  /** The real queries barely clear the floor: the vector search adds nothing for unknown phrases. */
  belowNoise: boolean;
  /** Every query with its best cosine, for benches (not shipped). */
  scores: { text: string; kind: string; best: number }[];
}

type Kind = 'random letters' | 'pronounceable non-words' | 'random Hangul' | 'words the catalog lacks';
interface Query { text: string; kind: Kind | 'real'; item?: string }

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const ONSETS = ['b', 'bl', 'br', 'ch', 'd', 'dr', 'f', 'fl', 'g', 'gr', 'h', 'j', 'k', 'kl', 'l', 'm', 'n', 'p', 'pl', 'r', 's', 'sk', 'sl', 'st', 't', 'tr', 'v', 'w', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ee', 'oo', 'ou'];
const CODAS = ['', '', 'n', 'r', 'l', 'm', 'x', 'sh', 'nk', 'st'];
/**
 * 111 of the most frequent syllables of written Korean. Random syllables of the whole Hangul block are
 * mostly ones a tokenizer does not know: a WordPiece tokenizer (clip-mini's) reads such a string as one
 * [UNK], so they all encode to one vector (seen for the stickers, bench/RESULTS-clip-floor.md) and pin
 * the quantile to it.
 */
const COMMON_HANGUL = [...'이다의는에을하고가한지로서기리사도자대를어수시정아나인게해적으여일상과전구부라보제주국와들성면우그장만비원스히조동소생거마실까무문화발위내관등방식경신미공계중명행물치되없개같오학야진세요모르안분금선당체간말했재있합현통단결'];
/** Title words too common to stand for an item. */
const STOP = new Set(['with', 'from', 'that', 'this', 'your', 'into', 'over', 'than', 'what', 'when', 'where', 'which', 'about', 'their', 'there', 'these', 'those']);

/** The seeded no-match queries that the app's lexical match finds nothing for in this catalog. */
export function noMatchQueries(matches: (text: string) => boolean, seed = SEED): Query[] {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const out: Query[] = [];
  const seen = new Set<string>();
  const add = (text: string, kind: Kind) => {
    if (seen.has(text)) return;
    seen.add(text); // tried once, kept or not: a catalog that matches everything cannot loop forever
    if (!matches(text)) out.push({ text, kind });
  };
  const fill = (n: number, make: () => string, kind: Kind) => {
    for (let tries = 0, want = out.length + n; out.length < want && tries < n * 20; tries++) add(make(), kind);
  };
  fill(RANDOM_LETTERS, () => Array.from({ length: 4 + Math.floor(rand() * 7) }, () => pick([...LETTERS])).join(''), 'random letters');
  fill(PRONOUNCEABLE, () => Array.from({ length: 2 + Math.floor(rand() * 2) }, () => pick(ONSETS) + pick(VOWELS)).join('') + pick(CODAS), 'pronounceable non-words');
  fill(RANDOM_HANGUL, () => Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(COMMON_HANGUL)).join(''), 'random Hangul');
  for (const w of [...LACKING_ENGLISH, ...LACKING_KOREAN]) add(w, 'words the catalog lacks');
  return out;
}

/** For seeded random safe items, one tag or title word that is not the whole title. */
export function realQueries(items: readonly CatalogItem[], seed = SEED): Query[] {
  const rand = rng(seed + 1);
  const order = items.filter((it) => it.safety === 'safe').map((it) => ({ it, r: rand() })).sort((a, b) => a.r - b.r).map((x) => x.it);
  const out: Query[] = [];
  for (const it of order) {
    if (out.length >= REAL_QUERIES) break;
    const titles = new Set([it.title, ...Object.values(it.titles)].map((t) => normalizeText(t).trim()));
    const tags = Object.values(it.tags).flat().filter((t) => t.trim().length > 1 && !titles.has(normalizeText(t).trim()));
    const words = [it.title, ...Object.values(it.titles)].flatMap((t) => normalizeText(t).split(/[^\p{L}\p{N}]+/u))
      .filter((w) => !titles.has(w) && !STOP.has(w) && (/[\uac00-\ud7a3]/.test(w) ? w.length >= 2 : /^\p{L}{4,}$/u.test(w)));
    const candidates = [...new Set([...tags, ...words])];
    if (candidates.length > 0) out.push({ text: candidates[Math.floor(rand() * candidates.length)]!, kind: 'real', item: it.id });
  }
  return out;
}

const median = (xs: readonly number[]): number => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : 0);
const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** The lowest 4-decimal value with at least `quantile` of `scores` strictly below it. */
export function floorAbove(scores: readonly number[], quantile = NO_MATCH_QUANTILE): number {
  const sorted = [...scores].sort((a, b) => a - b);
  const x = sorted[Math.max(0, Math.ceil(quantile * sorted.length) - 1)]!;
  return Math.ceil((x + 1e-9) * 1e4) / 1e4;
}

export interface CalibrateInput {
  /** index.bin as written. */
  indexBytes: Uint8Array;
  items: readonly CatalogItem[];
  manifest: CatalogManifest;
  /** The text tower of the model that built the index: unit vectors. */
  embedTexts: (texts: readonly string[]) => Promise<Float32Array[]>;
}

/** Measures the floor; undefined when no query could be made (a catalog whose words match every one). */
export async function calibrateNoMatchFloor(c: CalibrateInput): Promise<NoMatchCalibration | undefined> {
  const index = VectorIndex.fromBytes(c.indexBytes);
  const lexical = buildLexicalIndex(c.items, c.manifest);
  const noMatch = noMatchQueries((t) => phraseMatches(lexical, t));
  const real = realQueries(c.items);
  if (noMatch.length === 0) return undefined;
  const all = [...noMatch, ...real];
  const best = new Map<Query, number>();
  const found = new Map<Query, { id: string; score: number }[]>();
  for (let i = 0; i < all.length; i += BATCH) {
    const batch = all.slice(i, i + BATCH);
    const hits = index.searchEach(await c.embedTexts(batch.map((q) => q.text)), FOUND_AT);
    batch.forEach((q, j) => {
      best.set(q, hits[j]![0]?.score ?? -1);
      found.set(q, hits[j]!);
    });
  }
  const cosine = floorAbove(noMatch.map((q) => best.get(q)!));
  const share = (qs: readonly Query[], f: (q: Query) => boolean) => (qs.length ? round(qs.filter(f).length / qs.length, 4) : 0);
  const realFound = share(real, (q) => found.get(q)!.some((h) => h.id === q.item && h.score >= cosine));
  const kinds = [...new Set(noMatch.map((q) => q.kind))].map((k) => `${noMatch.filter((q) => q.kind === k).length} ${k}`);
  return {
    floor: {
      cosine,
      modelId: index.modelId,
      method: `${Math.round(NO_MATCH_QUANTILE * 100)}th percentile of the best cosine against this index of ${noMatch.length} seeded queries the catalog's words do not match (${kinds.join(', ')}); catalog builder, tools/catalog/no-match-floor.ts`,
      separation: {
        noMatchQueries: noMatch.length, realQueries: real.length,
        noMatchMedian: round(median(noMatch.map((q) => best.get(q)!)), 4), realMedian: round(median(real.map((q) => best.get(q)!)), 4),
        realAbove: share(real, (q) => best.get(q)! >= cosine), realFound,
      },
    },
    belowNoise: real.length === 0 || realFound < BELOW_NOISE_FOUND,
    scores: all.map((q) => ({ text: q.text, kind: q.kind, best: best.get(q)! })),
  };
}
