// The languages the compact engine reads and replies in: one line per language pack. The first is
// the default (replies when nothing says otherwise; key forms of words in no pack's script).
import { englishPack } from './en/index.ts';
import { koreanPack } from './ko/index.ts';
import type { LanguagePack } from './pack.ts';
import type { Script } from '../extract/tokens.ts';

export const LANGUAGE_PACKS = [
  englishPack,
  koreanPack,
] as const satisfies readonly LanguagePack[];

export type PackLanguage = (typeof LANGUAGE_PACKS)[number]['code'];

export const DEFAULT_PACK: LanguagePack = LANGUAGE_PACKS[0];

const byCode = new Map<string, LanguagePack>(LANGUAGE_PACKS.map((p) => [p.code, p]));
const byScript = new Map<string, LanguagePack>(LANGUAGE_PACKS.map((p) => [p.script, p]));

export function isPackLanguage(code: string): code is PackLanguage {
  return byCode.has(code);
}

export function packFor(code: PackLanguage): LanguagePack {
  return byCode.get(code)!;
}

/** The pack that reads tokens of a script; undefined for numbers, punctuation and other scripts. */
export function packForScript(script: Script): LanguagePack | undefined {
  return byScript.get(script);
}

/** The pack a written term belongs to: the first non-default pack whose script it contains, else the default. */
export function packOfText(text: string): LanguagePack {
  for (let i = 1; i < LANGUAGE_PACKS.length; i++) if (LANGUAGE_PACKS[i]!.detect.test(text)) return LANGUAGE_PACKS[i]!;
  return DEFAULT_PACK;
}

/**
 * The turn takes the last request back or turns to another matter ("never mind", "됐고", "switching
 * gears", "다른 얘긴데"): what follows is a new topic (SituationPack.retract, topicChange).
 */
export function turnsAway(text: string): boolean {
  return LANGUAGE_PACKS.some((p) => p.situation.retract.test(text) || p.situation.topicChange.test(text));
}

/**
 * The clauses of a turn that give the user's reason ("nothing with alcohol, i'm driving", "다이어트
 * 중이라서"; SituationPack.reasons), lower-cased, and the text without them.
 */
export function reasonsOf(text: string): { spans: string[]; rest: string } {
  const spans: string[] = [];
  let rest = text;
  for (const p of LANGUAGE_PACKS) {
    const re = p.situation.reasons;
    if (!re) continue;
    for (const m of text.matchAll(re)) spans.push(m[0].toLocaleLowerCase());
    rest = rest.replace(re, ' ');
  }
  return { spans, rest };
}

/** A function word or feed word in any language. */
export function isStopword(term: string): boolean {
  return LANGUAGE_PACKS.some((p) => p.isStopword(term));
}

const union = (sets: readonly ReadonlySet<string>[]): ReadonlySet<string> => new Set(sets.flatMap((s) => [...s]));
/** Time words of every language: a mixed turn ("next 주말") is read with all of them. */
export const TIME_DETERMINERS = union(LANGUAGE_PACKS.map((p) => p.time.determiners));
export const TIME_NOUNS = union(LANGUAGE_PACKS.map((p) => p.time.nouns));

/**
 * Is the text written in the script of this language's pack (any text, for a language without one)?
 * A reply names a topic only so: "nervous", read out of "긴장돼요", is the catalog's English word, not
 * something to say in a Korean sentence.
 */
export function writtenIn(language: string, text: string): boolean {
  return !isPackLanguage(language) || packFor(language).detect.test(text);
}
