// What colour an item is, read from its picture: the basic colour terms a person uses to narrow a feed
// ("fruit", then "only the red ones"; "파란 것만"). No tag says a strawberry or a tomato is red, and
// WordNet's definitions say it of a few things only, so "fruit, only the red ones" had kept the green
// apple and missed the strawberry. The catalog builders (tools/build-sticker-catalog.ts,
// tools/catalog/build.ts) name each image's colours once with `colorsOfPixels`; the lexical index
// matches them (src/core/lexical.ts, the `colors` field) through each language pack's colour words.
//
// The terms are the eleven basic colour terms (Berlin and Kay), which English and Korean both name.

import { LANGUAGE_PACKS } from './lang/packs.ts';

export const COLOR_TERMS = ['red', 'orange', 'yellow', 'green', 'blue', 'purple', 'pink', 'brown', 'black', 'white', 'grey'] as const;
export type ColorTerm = (typeof COLOR_TERMS)[number];

/** Pixels more transparent than this are background. */
const MIN_ALPHA = 160;
/**
 * A colour names the item when it covers this share of its opaque pixels. Read off the stickers' Noto
 * images (2026-11-30): at 0.3 the strawberry (red 0.62, green 0.26) is red but not green, the carrot
 * (orange 0.51, green 0.47) both; the shipped results are checked in tests/unit/core/colors.test.ts.
 */
export const MIN_COLOR_SHARE = 0.3;
/** At most this many colours per item, the most covering first. */
export const MAX_COLORS = 2;

/**
 * The basic colour term of one pixel, by hue, saturation and value (HSV, 0..1). Hue bands are set on
 * the Noto palette: its red apple and hot pepper are hue 12-17, its orange circle 30-40, its yellow
 * circle 45-50, its purple circle 290, so red stops at 18, orange at 42 and purple at 315; a pale orange-yellow (the banana's flesh, saturation 0.3) reads
 * as yellow, a light red as pink, a dull orange or red (the brown heart, hue 20, value 0.7, saturation
 * 0.5) as brown.
 */
export function colorOfPixel(r: number, g: number, b: number): ColorTerm {
  const max = Math.max(r, g, b) / 255;
  const min = Math.min(r, g, b) / 255;
  const d = max - min;
  const s = max === 0 ? 0 : d / max;
  const v = max;
  if (v < 0.2) return 'black';
  if (s < 0.15) return v > 0.85 ? 'white' : v < 0.35 ? 'black' : 'grey';
  let h = 0;
  if (max === r / 255) h = (((g - b) / 255 / d) % 6) * 60;
  else if (max === g / 255) h = ((b - r) / 255 / d + 2) * 60;
  else h = ((r - g) / 255 / d + 4) * 60;
  if (h < 0) h += 360;
  const reddish = h >= 345 || h < 18;
  if ((reddish || h < 45) && (v < 0.45 || (v <= 0.75 && s < 0.75))) return 'brown';
  if (reddish) return s < 0.5 && v > 0.8 ? 'pink' : 'red';
  if (h < 42) return h >= 35 && s < 0.5 ? 'yellow' : 'orange';
  if (h < 70) return 'yellow';
  if (h < 170) return 'green';
  if (h < 260) return 'blue';
  if (h < 315) return 'purple';
  return 'pink';
}

/**
 * The colours of a picture from its RGBA pixels (row-major, 4 bytes a pixel): each term covering at
 * least MIN_COLOR_SHARE of the opaque pixels, most covering first, at most MAX_COLORS. Empty for a
 * picture with no opaque pixel.
 */
export function colorsOfPixels(rgba: Uint8Array | Uint8ClampedArray): ColorTerm[] {
  const counts = new Map<ColorTerm, number>();
  let opaque = 0;
  for (let i = 0; i + 3 < rgba.length; i += 4) {
    if (rgba[i + 3]! < MIN_ALPHA) continue;
    opaque++;
    const c = colorOfPixel(rgba[i]!, rgba[i + 1]!, rgba[i + 2]!);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  if (opaque === 0) return [];
  return [...counts]
    .filter(([, n]) => n / opaque >= MIN_COLOR_SHARE)
    .sort((a, b) => b[1] - a[1] || COLOR_TERMS.indexOf(a[0]) - COLOR_TERMS.indexOf(b[0]))
    .slice(0, MAX_COLORS)
    .map(([c]) => c);
}

/** Every language's words for each colour term ("red": red, 빨간, 빨간색, 빨강), from the language packs. */
const WORDS: ReadonlyMap<ColorTerm, readonly string[]> = new Map(COLOR_TERMS.map((c) => [c, LANGUAGE_PACKS.flatMap((p) => p.catalog.colorWords[c])]));

/** The words, in every language, for these colours (an item's `colors`): what a request names them by. */
export function colorWords(colors: readonly ColorTerm[] | undefined): readonly string[] {
  return colors?.length === 1 ? WORDS.get(colors[0]!)! : (colors ?? []).flatMap((c) => WORDS.get(c)!);
}
