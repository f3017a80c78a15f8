// Words of a turn that say when, not what (./information.ts): a weekday or a month is a date, a season
// beside a destination is when the trip is. Each word is read by its own language pack's time words.
import { packOfText } from '../lang/packs.ts';

/** Words that are only weekdays or months ("saturday", "토요일에"): a date, never a topic. */
export function calendarOnly(from: string): boolean {
  return allWords(from, (pk, norm) => pk.time.isCalendarWord?.(norm) === true);
}

/** Words that are only seasons ("winter", "여름에"): beside a destination, when the trip is. */
export function seasonOnly(from: string): boolean {
  return allWords(from, (pk, norm) => pk.time.isSeason?.(norm) === true);
}

function allWords(from: string, test: (pk: ReturnType<typeof packOfText>, norm: string) => boolean): boolean {
  const words = from.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return words.length > 0 && words.every((w) => { const pk = packOfText(w); return test(pk, pk.analyseWord(w).norm); });
}
