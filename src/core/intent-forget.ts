// Forgetting one remembered thing: what the intent inspector's remove buttons do (the llm worker owns
// the intent and applies it). Apart from the merge (./intent.ts), which never removes on request.
import { INFORMATION_KINDS, type Information, type InformationKind, type Intent, parseIntent } from './intent.ts';

const key = (s: string) => s.toLocaleLowerCase();

/** What the intent inspector can remove on its own: one remembered phrase, fact or place. */
export const FORGETTABLE = ['keyPhrases', 'likes', 'dislikes', 'expansions', 'refinements', ...INFORMATION_KINDS] as const;
export type Forgettable = (typeof FORGETTABLE)[number];

/** The intent without one remembered thing (by its text); expansions that came from it go with it. */
export function forgetInIntent(intent: Intent, kind: Forgettable, text: string, now: number): Intent {
  const k = key(text);
  const next: Intent = { ...intent, updatedAt: now, information: { ...intent.information } };
  if ((INFORMATION_KINDS as readonly string[]).includes(kind)) {
    const ik = kind as InformationKind;
    next.information = { ...intent.information, [ik]: (intent.information[ik] as { text: string }[]).filter((f) => key(f.text) !== k) } as Information;
  } else {
    const pk = kind as 'keyPhrases' | 'likes' | 'dislikes' | 'expansions' | 'refinements';
    (next as unknown as Record<string, unknown>)[pk] = (intent[pk] as { text: string }[]).filter((p) => key(p.text) !== k);
  }
  if (kind !== 'expansions') next.expansions = next.expansions.filter((e) => key(e.from) !== k);
  return parseIntent(next);
}
