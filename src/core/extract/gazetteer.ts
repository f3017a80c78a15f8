// The compact engine's vocabulary, built from the catalog it serves (item titles and tags in every
// language, the manifest's category labels) plus a small list of places the catalog lacks. It tells
// the extractor which words are things (a stem lexicon), how specific a word is (document frequency
// over items), and what kind of thing it is (place, food, activity, animal) by how the items that
// use it are categorised. Nothing here is hard-coded vocabulary: it is all derived from data.
import { z } from 'zod';
import type { CatalogItem } from '../catalog.ts';
import { colorWords } from '../colors.ts';
import type { Lexicon } from '../lang/pack.ts';
import { LANGUAGE_PACKS, packOfText } from '../lang/packs.ts';

export const ENTITY_TYPES = ['place', 'food', 'activity', 'animal'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** The part of a catalog item the gazetteer reads. */
export type GazetteerItem = Pick<CatalogItem, 'title' | 'titles' | 'tags' | 'category' | 'categories'> &
  Partial<Pick<CatalogItem, 'id' | 'rareTags' | 'colors'>>;

export const PlaceListSchema = z
  .object({
    formatVersion: z.literal(1),
    description: z.string().optional(),
    places: z
      .array(
        z
          .object({
            en: z.array(z.string().min(1).max(64)).max(16),
            ko: z.array(z.string().min(1).max(64)).max(16),
            country: z.string().regex(/^[A-Z]{2}$/),
          })
          .strict(),
      )
      .max(5000),
  })
  .strict();
export type PlaceList = z.infer<typeof PlaceListSchema>;

export class GazetteerError extends Error {
  override name = 'GazetteerError';
}

export function parsePlaceList(data: unknown): PlaceList {
  const r = PlaceListSchema.safeParse(data);
  if (!r.success) {
    const first = r.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new GazetteerError(`Invalid place list: ${first.join('; ')}`);
  }
  return r.data;
}

export interface GazetteerSource {
  readonly items: readonly GazetteerItem[];
  readonly categoryLabels?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly places?: PlaceList;
}

export interface GazetteerEntry {
  /** Items whose title or tags use the term. */
  readonly df: number;
  readonly type: EntityType | null;
  /** ISO country code, for places (a city from the place list, or a country flag). */
  readonly country?: string;
}

export interface Gazetteer extends Lexicon {
  readonly itemCount: number;
  /** Most words in one multi-word entry ("hot air balloon" -> 3). */
  readonly maxPhraseWords: number;
  lookup(term: string): GazetteerEntry | undefined;
  /**
   * Whether some item carries both terms (in its titles, tags or its category's label); undefined when
   * either term is not the catalog's. A refinement narrows a topic only through such items.
   */
  cooccur(a: string, b: string): boolean | undefined;
  /** Ids of the items carrying a term (titles, tags, category label); empty when it is not the catalog's. */
  itemIdsOf(term: string): readonly string[];
  /** Ids of the items whose picture has the colour a word names in any language ("red", "빨간"); empty for other words. */
  coloredIdsOf(word: string): readonly string[];
}

/** A title match says more about an item than one of its many tags. */
const TITLE_VOTE = 2;
const TAG_VOTE = 1;
/** A type must hold at least this share of the votes (other kinds of item included) to be given. */
const MIN_TYPE_SHARE = 0.5;
const MAX_ENTRY_WORDS = 4;

type Vote = EntityType | 'other';

/** What kind of thing an item is, from its category and subcategories; null: it does not vote. */
function itemKind(category: string, subcategories: readonly string[]): Vote | null {
  const sub = subcategories[0] ?? '';
  switch (category) {
    case 'food-drink':
      return sub === 'dishware' ? 'other' : 'food';
    case 'animals-nature':
      return sub.startsWith('animal-') ? 'animal' : 'other';
    case 'travel-places':
      return sub.startsWith('place-') || sub === 'hotel' ? 'place' : 'other';
    case 'activities':
      return 'activity';
    case 'people-body':
      return sub === 'person-sport' || sub === 'person-activity' ? 'activity' : null;
    case 'flags':
      return sub === 'country-flag' ? 'place' : 'other';
    case 'smileys-emotion':
    case 'component':
      return null; // faces and skin tones: a "cat face" does not make "cat" less of an animal
    default:
      return 'other';
  }
}

/** A category label's words name the category itself: "food & drink" -> food. */
const CATEGORY_TYPES: Readonly<Record<string, EntityType>> = {
  'food-drink': 'food',
  'animals-nature': 'animal',
  'travel-places': 'place',
  activities: 'activity',
};

const WORD_SPLIT = /[^\p{L}\p{N}'-]+/u;
const FLAG_PREFIX = new RegExp(`^(?:${LANGUAGE_PACKS.flatMap((p) => p.catalog.flagWords).join('|')})\\s*:\\s*`, 'i');
/** "food & drink", "음식 및 음료": each side of the conjunction names the category. */
const LABEL_CONJUNCTION = new RegExp(`\\s*(?:&|,|${LANGUAGE_PACKS.map((p) => p.catalog.conjunction).join('|')})\\s*`, 'u');

/** The gazetteer's key for a term: lower case, each word in its language pack's key form (English lemmas), single spaces. */
export function gazetteerKey(term: string): string {
  return term
    .normalize('NFKC')
    .toLowerCase()
    .split(WORD_SPLIT)
    .filter((w) => w.length > 0)
    .map((w) => packOfText(w).keyForm(w))
    .join(' ');
}

const VOTES: readonly Vote[] = [...ENTITY_TYPES, 'other'];

interface Acc {
  /** Items are added in order, so counting distinct items needs only the last one seen. */
  df: number;
  lastItem: number;
  /** The items carrying the term, ascending (the category label's items too; those do not count in df). */
  items: number[];
  /** Indexed like VOTES. */
  votes: number[];
  type?: EntityType;
  country?: string;
}

export function buildGazetteer(source: GazetteerSource): Gazetteer {
  const acc = new Map<string, Acc>();
  const entry = (key: string): Acc | undefined => {
    if (key.length === 0 || key.split(' ').length > MAX_ENTRY_WORDS) return undefined;
    let a = acc.get(key);
    if (!a) acc.set(key, (a = { df: 0, lastItem: -1, items: [], votes: [0, 0, 0, 0, 0] }));
    return a;
  };
  // The catalog's one-word terms: a word of a longer term is read against them, so "산에" of "산에 뜨는
  // 해" (sunrise over mountains) is the known 산 with a particle, not a word of its own (a request for
  // "산에" had found that tag, and the reply said "산에를").
  // Tags repeat across items ("face", "얼굴"): each distinct text is keyed once, for both passes.
  const keyOfText = new Map<string, string>();
  const keyOf = (text: string) => keyOfText.get(text) ?? keyOfText.set(text, gazetteerKey(text)).get(text)!;
  const oneWord = new Set<string>();
  for (const it of source.items) {
    for (const t of [it.title, ...Object.values(it.titles), ...Object.values(it.tags).flat()]) {
      const k = keyOf(t.replace(FLAG_PREFIX, ''));
      if (k.length > 0 && !k.includes(' ')) oneWord.add(k);
    }
  }
  const wordOfTerm = (w: string) => {
    if (oneWord.has(w)) return w;
    const a = packOfText(w).analyseWord(w, oneWord);
    return a.suffixes.length > 0 && a.norm !== w && oneWord.has(a.norm) ? a.norm : w;
  };
  // Each distinct text is split into its words once.
  const keysOf = new Map<string, { key: string; keys: string[] }>();
  const addTerm = (text: string, item: number, kind: Vote | null, vote: number) => {
    let cached = keysOf.get(text);
    if (!cached) {
      const k = keyOf(text);
      const words = k.split(' ');
      // A verb before an auxiliary ("울고 있는 고양이", crying cat) is no thing of its own: as a word of the
      // lexicon it made "울고 싶다" a request for "울고" stickers, and the reply named the verb form.
      const things = words.filter((_, i) => i + 1 >= words.length || !packOfText(words[i + 1]!).clause.continuesClause?.(words[i + 1]!));
      keysOf.set(text, (cached = { key: k, keys: [...new Set([k, ...things.map(wordOfTerm)])] }));
    }
    const { key, keys } = cached;
    for (const k of keys) {
      const a = entry(k);
      if (!a) continue;
      if (a.lastItem !== item) {
        [a.df, a.lastItem] = [a.df + 1, item];
        if (a.items[a.items.length - 1] !== item) a.items.push(item);
      }
      if (kind) a.votes[VOTES.indexOf(kind)]! += k === key ? vote : vote / 2;
    }
  };

  source.items.forEach((it, i) => {
    const kind = itemKind(it.category, it.categories);
    const titles = [it.title, ...Object.values(it.titles)];
    for (const raw of titles) {
      const isFlag = FLAG_PREFIX.test(raw);
      const t = raw.replace(FLAG_PREFIX, '');
      addTerm(t, i, kind, TITLE_VOTE);
      if (isFlag && it.category === 'flags' && it.categories[0] === 'country-flag') {
        const a = entry(keyOf(t));
        if (a) a.country ??= countryOf(it);
      }
    }
    // A tag used in a rare sense ("culture" on the petri dish) does not make the word one of the catalog's.
    for (const [lang, tags] of Object.entries(it.tags)) for (const t of tags) if (!it.rareTags?.[lang]?.includes(t)) addTerm(t, i, kind, TAG_VOTE);
  });

  const itemsOfCategory = new Map<string, number[]>();
  source.items.forEach((it, i) => {
    const list = itemsOfCategory.get(it.category);
    if (list) list.push(i);
    else itemsOfCategory.set(it.category, [i]);
  });
  const labelItems = new Map<string, Set<number>>();
  for (const [category, labels] of Object.entries(source.categoryLabels ?? {})) {
    const type = CATEGORY_TYPES[category];
    for (const label of Object.values(labels)) {
      for (const part of label.split(LABEL_CONJUNCTION)) {
        const key = gazetteerKey(part);
        const a = entry(key);
        if (a && type) a.type = type;
        if (a) {
          const set = labelItems.get(key) ?? labelItems.set(key, new Set()).get(key)!;
          for (const i of itemsOfCategory.get(category) ?? []) set.add(i);
        }
      }
    }
  }
  for (const [key, set] of labelItems) {
    const a = acc.get(key)!;
    a.items = [...new Set([...a.items, ...set])].sort((x, y) => x - y);
  }

  for (const place of source.places?.places ?? []) {
    for (const name of [...place.en, ...place.ko]) {
      const a = entry(gazetteerKey(name));
      if (!a) continue;
      a.type = 'place';
      a.country = place.country;
    }
  }

  const entries = new Map<string, GazetteerEntry>();
  const itemsOf = new Map<string, readonly number[]>();
  for (const [key, a] of acc) if (a.items.length > 0) itemsOf.set(key, a.items);
  /** A phrase's items: the whole phrase's, else its head's (the last word, as weighPhrase reads it). */
  const phraseItems = (term: string): readonly number[] | undefined => {
    const k = gazetteerKey(term);
    return itemsOf.get(k) ?? (k.includes(' ') ? itemsOf.get(k.slice(k.lastIndexOf(' ') + 1)) : undefined);
  };
  let maxPhraseWords = 1;
  for (const [key, a] of acc) {
    let type: EntityType | null = a.type ?? null;
    if (!type) {
      let total = 0;
      let best: Vote | null = null;
      let bestVotes = 0;
      a.votes.forEach((v, i) => {
        total += v;
        if (v > bestVotes) [best, bestVotes] = [VOTES[i]!, v];
      });
      if (best && best !== 'other' && bestVotes / total >= MIN_TYPE_SHARE) type = best;
    }
    entries.set(key, { df: a.df, type, ...(a.country ? { country: a.country } : {}) });
    maxPhraseWords = Math.max(maxPhraseWords, key.split(' ').length);
  }

  // Colour words of every language -> the items whose picture has that colour (src/core/colors.ts).
  const colored = new Map<string, string[]>();
  for (const it of source.items) {
    if (!it.id) continue;
    for (const w of colorWords(it.colors)) (colored.get(w) ?? colored.set(w, []).get(w)!).push(it.id);
  }

  return {
    itemCount: source.items.length,
    maxPhraseWords,
    coloredIdsOf: (word) => colored.get(word.toLocaleLowerCase()) ?? [],
    lookup: (term) => entries.get(gazetteerKey(term)),
    has: (term) => entries.has(term), // called with stems and lemmas already in key form
    itemIdsOf(term) {
      return (phraseItems(term) ?? []).flatMap((i) => { const id = source.items[i]?.id; return id ? [id] : []; });
    },
    cooccur(a, b) {
      const xs = phraseItems(a);
      const ys = phraseItems(b);
      if (!xs || !ys) return undefined;
      // Both lists ascending: a merge walk.
      for (let i = 0, j = 0; i < xs.length && j < ys.length; ) {
        if (xs[i] === ys[j]) return true;
        if (xs[i]! < ys[j]!) i++;
        else j++;
      }
      return false;
    },
  };
}

/** Country code of a flag item from its id: two regional-indicator code points ("1F1F0-1F1F7" -> "KR"). */
function countryOf(item: GazetteerItem): string | undefined {
  const m = item.id?.match(/^1F1([EF][0-9A-F])-1F1([EF][0-9A-F])$/i);
  if (!m) return undefined;
  const letter = (hex: string) => String.fromCharCode(0x41 + parseInt(`1F1${hex}`, 16) - 0x1f1e6);
  return letter(m[1]!) + letter(m[2]!);
}
