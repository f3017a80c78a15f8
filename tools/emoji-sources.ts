// The emoji data the demo catalogs are built from, as the npm packages ship it:
//   emojibase-data (MIT; labels and tags in English and Korean, from Unicode CLDR)
//   emoji-datasource-google (Noto Emoji 64 px PNGs, Apache-2.0)
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export interface EmojibaseEntry {
  label: string;
  hexcode: string;
  emoji: string;
  tags?: string[];
  group?: number;
  subgroup?: number;
  order?: number;
}
export interface DatasourceEntry {
  unified: string;
  non_qualified: string | null;
  image: string;
  has_img_google: boolean;
}
export interface EmojibaseMessages {
  groups: { key: string; message: string; order: number }[];
  subgroups: { key: string; message: string; order: number }[];
}

export const en: EmojibaseEntry[] = require('emojibase-data/en/data.json');
export const ko: EmojibaseEntry[] = require('emojibase-data/ko/data.json');
export const enMessages: EmojibaseMessages = require('emojibase-data/en/messages.json');
export const koMessages: EmojibaseMessages = require('emojibase-data/ko/messages.json');
export const datasource: DatasourceEntry[] = require('emoji-datasource-google/emoji.json');
/** Folder of the 64 px Noto Emoji PNGs (DatasourceEntry.image names a file in it). */
export const imageDir = join(dirname(require.resolve('emoji-datasource-google/package.json')), 'img/google/64');
