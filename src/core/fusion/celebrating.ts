// What a feed about celebrating leaves out. A holiday's symbols (the jack-o-lantern, the Christmas
// tree) say that holiday: a gift's or a birthday's feed, filled from the catalog's "event" subgroup, had
// shown both beside the cake. Where a feed is about celebrating (the intent names a holiday, or the items
// its words matched best are things for an occasion), the topic source (sources/topic.ts) proposes a
// symbol only if the intent names its holiday, and the lexical source drops one that only a broad
// related word found (a graduation's "celebration": Santa Claus). Neither shows what says sadness and
// only a related word found ("mother's day gift" had the broken heart and the wilted flower among its
// hearts and flowers), unless the intent speaks of sadness. Elsewhere the turkey stays a bird and the
// ghost a costume. The holidays (ids shared across languages, so an item tagged in English and Korean
// and an intent in either agree) and the sadness words are the language packs' (SituationPack).
// The other way round, a feed about grief or heartbreak (the intent speaks of sadness and of no joy)
// leaves out what says joy or laughter: the crying face's "crying" had brought the face with tears of
// joy and the laughing faces to "my dog died".
import type { CatalogItem } from '../catalog.ts';
import type { Intent } from '../intent.ts';
import { LANGUAGE_PACKS } from '../lang/packs.ts';

const HOLIDAYS = LANGUAGE_PACKS.flatMap((p) => Object.entries(p.situation.holidays));
const SAD = LANGUAGE_PACKS.map((p) => p.situation.sadWords);
const saysSad = (text: string) => SAD.some((re) => re.test(text));
const JOY = LANGUAGE_PACKS.map((p) => p.situation.joyWords);
const saysJoy = (text: string) => JOY.some((re) => re.test(text));
const OCCASIONS = LANGUAGE_PACKS.flatMap((p) => p.situation.occasions);
/** Any holiday or occasion word: most catalog words are neither, and are read once. */
const ANY = new RegExp([...HOLIDAYS.map(([, re]) => re.source), ...OCCASIONS.map((re) => re.source)].join('|'), 'iu');

/** The holidays a text names, by id. */
function holidaysIn(text: string): string[] {
  return ANY.test(text) ? HOLIDAYS.filter(([, re]) => re.test(text)).map(([id]) => id) : [];
}

/** The occasion patterns as global ones, compiled once (matchAll reads every match). */
const OCCASIONS_ALL = OCCASIONS.map((re) => (re.flags.includes('g') ? re : new RegExp(re.source, `${re.flags}g`)));
const occasionsIn = (text: string): string[] => (ANY.test(text) ? OCCASIONS_ALL.flatMap((re) => [...text.matchAll(re)].map((m) => m[0])) : []);

/** Whether a text names an occasion that is no holiday ("birthday", "party", "생일"). */
function namesOtherOccasion(text: string): boolean {
  return occasionsIn(text).some((o) => holidaysIn(o).length === 0);
}

const wordsOf = (it: CatalogItem) => [it.title, ...Object.values(it.tags).flat()];

/** Per catalog, each item's holidays where it is a symbol of them, read when first asked (a rank asks about its pool only). */
const symbols = new WeakMap<readonly CatalogItem[], Map<number, readonly string[]>>();

/**
 * An item's holidays where it is a symbol of them: its title or tags name a holiday and no other
 * occasion (the wrapped gift says Christmas and birthday: a gift for any day).
 */
function symbolHolidays(items: readonly CatalogItem[], i: number): readonly string[] {
  let known = symbols.get(items);
  if (!known) symbols.set(items, (known = new Map()));
  let out = known.get(i);
  if (!out) {
    const words = wordsOf(items[i]!);
    const holidays = [...new Set(words.flatMap(holidaysIn))];
    out = holidays.length > 0 && !words.some(namesOtherOccasion) ? holidays : [];
    known.set(i, out);
  }
  return out;
}

/** What an intent says: what was said, what the knowledge layer read, and the occasions it stored. */
function intentTexts(intent: Intent): string[] {
  return [
    ...intent.keyPhrases.map((p) => p.text), ...intent.likes.map((p) => p.text),
    ...(intent.expansions ?? []).flatMap((e) => [e.text, e.from, e.label ?? '']),
    ...(intent.information?.occasions ?? []).map((o) => o.text),
  ];
}

/**
 * Whether an item, by index, is off a feed about celebrating: a symbol of a holiday the feed is not
 * about, or a sad thing. A feed is about celebrating where the intent names a holiday, or one of `sample`
 * (the items its words matched best) is a thing for an occasion that is no holiday (the cake, the wrapped
 * gift); a sad thing only where the intent speaks of no sadness. Null where the feed is not about
 * celebrating: no item is off.
 */
export function offCelebrating(items: readonly CatalogItem[], intent: Intent, sample: readonly number[]): ((item: number) => boolean) | null {
  const texts = intentTexts(intent);
  const named = new Set(texts.flatMap(holidaysIn));
  // An exam or an interview is an occasion too, but nothing is celebrated: only a holiday named, or
  // things for an occasion (the cake, the gift, the balloon) among what the words matched best.
  const celebrating = named.size > 0 || sample.some((i) => wordsOf(items[i]!).some(namesOtherOccasion));
  if (!celebrating) return texts.some(saysSad) && !texts.some(saysJoy) ? (i) => joyful(items, i) : null;
  // An intent that speaks of sadness (a lonely birthday) wants what says it; another holiday's symbols
  // still have no place ("생일인데 혼자라 너무 슬퍼" had shown the jack-o-lantern).
  const sadOff = !texts.some(saysSad);
  return (i) => {
    const h = symbolHolidays(items, i);
    return (h.length > 0 && !h.some((x) => named.has(x))) || (sadOff && sad(items, i));
  };
}

/** Whether an item's words say what `says` reads, read once per item of a catalog. */
function itemsThatSay(says: (text: string) => boolean): (items: readonly CatalogItem[], i: number) => boolean {
  const cache = new WeakMap<readonly CatalogItem[], Map<number, boolean>>();
  return (items, i) => {
    let known = cache.get(items);
    if (!known) cache.set(items, (known = new Map()));
    let out = known.get(i);
    if (out === undefined) known.set(i, (out = wordsOf(items[i]!).some(says)));
    return out;
  };
}

/** Whether an item's words say sadness or loss (the broken heart, the wilted flower). */
const sad = itemsThatSay(saysSad);
/** Whether an item's words say joy or laughter (the face with tears of joy, the laughing faces). */
const joyful = itemsThatSay(saysJoy);
