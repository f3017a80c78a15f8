// "Same results" for an old-vs-new run of bench/catalog/text-100k.ts: the two sides' feeds (ids,
// sources, explanations, scores within FLOAT_TOLERANCE), lexical hits (every item, score and the
// text it matched) and parsed items are compared, on the 100k catalog and on the shipped catalogs.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type * as CatalogModule from '../../src/core/catalog.ts';
import type * as DeliveryModule from '../../src/core/delivery.ts';
import type { FeedEntry } from '../../src/core/delivery.ts';
import type { IntentHit } from '../../src/core/fusion/retrieval-source.ts';
import { emptyIntent, type Intent } from '../../src/core/intent.ts';
import { mergeIntent } from '../../src/core/intent-merge.ts';
import type * as LexicalModule from '../../src/core/lexical.ts';
import type { LexicalHit } from '../../src/core/lexical.ts';
import { rng } from '../../src/core/random.ts';

/** Scores may differ by float rounding only. */
export const FLOAT_TOLERANCE = 1e-9;

export interface Side {
  catalog: typeof CatalogModule;
  lexical: typeof LexicalModule;
  delivery: typeof DeliveryModule;
}

export interface Tally {
  same: number;
  total: number;
  /** The first few differences, to read. */
  diffs: string[];
}
export const tally = (): Tally => ({ same: 0, total: 0, diffs: [] });
export function count(t: Tally, same: boolean, what: () => string): void {
  t.total++;
  if (same) t.same++;
  else if (t.diffs.length < 5) t.diffs.push(what());
}

type Entry = Pick<FeedEntry<string>, 'id' | 'score' | 'source' | 'why'>;
export function sameFeed(a: readonly Entry[], b: readonly Entry[]): boolean {
  return a.length === b.length && a.every((x, i) => {
    const y = b[i]!;
    return x.id === y.id && x.source === y.source && x.why === y.why && Math.abs(x.score - y.score) <= FLOAT_TOLERANCE;
  });
}

export function sameHits(a: ReadonlyMap<number, LexicalHit>, b: ReadonlyMap<number, LexicalHit>): boolean {
  if (a.size !== b.size) return false;
  for (const [item, x] of a) {
    const y = b.get(item);
    if (!y || Math.abs(x.score - y.score) > FLOAT_TOLERANCE || JSON.stringify(x.because) !== JSON.stringify(y.because)) return false;
  }
  return true;
}

export function intentOf(keyPhrases: string[], more: { dislikes?: string[]; refinements?: string[]; expansions?: string[] } = {}): Intent {
  const r = mergeIntent(emptyIntent('u', 0), {
    keyPhrases: keyPhrases.map((text, i) => ({ text, weight: i === 0 ? 1 : 0.5 })), likes: [], dislikes: more.dislikes ?? [],
    task: 'more_like', language: 'en', safety: { verdict: 'safe', categories: [] },
  }, 't', 1);
  if (!r.accepted) throw new Error(r.reason);
  return {
    ...r.intent,
    refinements: (more.refinements ?? []).map((text) => ({ text, weight: 1, lastTurn: 1 })),
    expansions: (more.expansions ?? []).map((text) => ({ text, weight: 0.6, reason: `${keyPhrases[0]} → ${text}`, from: keyPhrases[0]!, lastTurn: 1 })),
  };
}

/** Query words as people type them: catalog words as such, plural, clipped, swapped letters, two words. */
export function queryWords(vocabulary: readonly string[], n: number, seed: number): string[] {
  const r = rng(seed);
  const word = () => vocabulary[Math.floor(r() * vocabulary.length)]!;
  return Array.from({ length: n }, () => {
    const w = word();
    const k = r();
    return k < 0.35 ? w : k < 0.5 ? `${w}s` : k < 0.6 ? w.slice(0, -1) : k < 0.7 ? w.slice(0, 3) : k < 0.8 ? w.replace(/^(.)(.)/, '$2$1') : `${w} ${word()}`;
  });
}

/**
 * The shipped catalogs through both sides: parsed items equal; lexical hits (near spellings and
 * exact) equal; feeds equal for intents with one or two phrases, a dislike, a refinement, a knowledge
 * expansion, and CLIP-like intent hits under a no-match floor.
 */
export async function compareShipped(old: Side, now: Side, queriesPerCatalog: number, feeds: Tally, hits: Tally, items: Tally): Promise<void> {
  for (const id of ['stickers', 'movies', 'videos']) {
    const dir = join('public/models/catalogs', id);
    const manifestJson = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    const text = await readFile(join(dir, manifestJson.items), 'utf8');
    const load = (s: Side) => {
      const manifest = s.catalog.parseCatalogManifest(manifestJson);
      const its = s.catalog.parseCatalogItems(JSON.parse(text), manifest);
      return { manifest, items: its, lexical: s.lexical.buildLexicalIndex(its, manifest) };
    };
    let a: ReturnType<typeof load>;
    try {
      a = load(old);
    } catch (err) {
      // The shipped file gained a field after the baseline (stickers' rareTags, d4113a8): no like-for-like side.
      console.log(`${id}: not compared, the baseline cannot read today's file (${String(err).split('\n')[0]!.slice(0, 120)})`);
      continue;
    }
    const b = load(now);
    count(items, JSON.stringify(a.items) === JSON.stringify(b.items), () => `${id}: parsed items differ`);
    const vocabulary = [...b.lexical.vocabulary].sort();
    const words = queryWords(vocabulary, queriesPerCatalog, 11);
    const r = rng(13);
    words.forEach((w, qi) => {
      const w2 = words[(qi + 1) % words.length]!;
      const w3 = words[(qi + 2) % words.length]!;
      for (const fuzzy of [true, false]) {
        const phrases = [{ text: w, weight: 0.7 }, { text: w2, weight: 0.3 }];
        count(hits, sameHits(old.lexical.scorePhrases(a.lexical, phrases, { fuzzy }), now.lexical.scorePhrases(b.lexical, phrases, { fuzzy })), () => `${id} "${w}" fuzzy ${fuzzy}`);
      }
      const intentHits: IntentHit[] = Array.from({ length: 30 }, () => ({ item: Math.floor(r() * a.items.length), score: r(), because: [{ phrase: r() < 0.5 ? w : w2 }] }));
      const requests = [
        { intent: intentOf([w]) },
        { intent: intentOf([w, w2], { dislikes: [w3] }) },
        { intent: intentOf([w], { refinements: [w2] }) },
        { intent: intentOf([w], { expansions: [w2, w3] }) },
        { intent: intentOf([w, w2]), intentHits, clipFloor: 0.5 },
      ];
      requests.forEach((req, ri) => {
        const fa = old.delivery.deliver({ items: a.items, lexical: a.lexical, k: 24, ...req });
        const fb = now.delivery.deliver({ items: b.items, lexical: b.lexical, k: 24, ...req });
        count(feeds, sameFeed(fa, fb), () => `${id} "${w}" request ${ri}: ${fa.slice(0, 3).map((e) => e.id)} vs ${fb.slice(0, 3).map((e) => e.id)}`);
      });
    });
  }
}
