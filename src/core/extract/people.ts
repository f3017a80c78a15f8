// Whom a turn names ("my mom", "with my friends", "엄마 생일", "친구들이랑": the information node's people)
// is who it is for or with, not what to show, once the turn names something else. Part of the
// information node (./information.ts).
import { stemEnglish } from '../text.ts';

export interface PeopleReading {
  /** A word or phrase that is one of the people, as the phrase writes it ("엄마한테" of 엄마, "friend" of "friends"). */
  readonly isPerson: (w: string) => boolean;
  /** The turn names someone and something else (or an occasion, which is for them): the people are not the topic. */
  readonly forSomeone: boolean;
  /**
   * A phrase without its person: a phrase that is only the person goes (the birthday feed was full of
   * family and breast-feeding), one that starts with the person loses it ("엄마 생일" -> 생일), unless
   * what remains is a word read for its meaning ("dad retiring": the retirement).
   */
  readonly withoutPerson: <P extends { readonly text: string }>(p: P, readForMeaning: (t: string) => boolean) => P[];
}

export function readPeople(people: readonly string[], phrases: readonly { readonly text: string }[], occasionNamed: boolean): PeopleReading {
  // A phrase's English words are lemmas ("friend"), the people as said ("friends").
  const keys = new Set(people.flatMap((p) => { const k = p.toLocaleLowerCase(); return [k, stemEnglish(k)]; }));
  const korean = [...keys].filter((k) => /[\uac00-\ud7a3]/.test(k));
  // "엄마" found as "엄마의" or "엄마한테" in a phrase's word.
  const isPerson = (w: string) => keys.has(w.toLocaleLowerCase()) || korean.some((k) => w.startsWith(k) && w.length - k.length <= 2);
  // An implied occasion ("my daughter just turned five") is something else named too: it is for the daughter.
  const forSomeone = keys.size > 0 && (occasionNamed || phrases.some((p) => !p.text.split(' ').every(isPerson)));
  return {
    isPerson,
    forSomeone,
    withoutPerson: (p, readForMeaning) => {
      if (!forSomeone) return [p];
      const words = p.text.split(' ');
      if (isPerson(p.text)) return [];
      if (!(words.length > 1 && isPerson(words[0]!))) return [p];
      const rest = words.slice(1).join(' ');
      return readForMeaning(rest.toLocaleLowerCase()) ? [] : [{ ...p, text: rest }];
    },
  };
}
