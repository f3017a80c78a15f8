// The item-side rule "an unsafe intent never becomes a query": before retrieval, positive phrases the
// guard flags are dropped (dislikes stay: they only exclude). Intents are validated on write, but one
// may come from an older app version, another tab or a hand-edited database.
import type { Intent } from '../intent.ts';
import type { GuardVerdict } from '../understand.ts';

export interface SyncGuard {
  check(text: string): GuardVerdict;
}

export function queryableIntent(intent: Intent, guard: SyncGuard): { intent: Intent; dropped: string[] } {
  const dropped: string[] = [];
  const keep = <T extends { text: string }>(xs: T[]) =>
    xs.filter((x) => {
      const ok = guard.check(x.text).verdict === 'safe';
      if (!ok) dropped.push(x.text);
      return ok;
    });
  // Knowledge expansions and refinements are queries too (older stored intents may lack them).
  const expansionsOf = intent.expansions ?? [];
  const refinementsOf = intent.refinements ?? [];
  if (intent.safety.verdict === 'unsafe') {
    return {
      intent: { ...intent, keyPhrases: [], likes: [], expansions: [], refinements: [] },
      dropped: [...intent.keyPhrases, ...intent.likes, ...expansionsOf, ...refinementsOf].map((p) => p.text),
    };
  }
  const keyPhrases = keep(intent.keyPhrases);
  const likes = keep(intent.likes);
  const expansions = keep(expansionsOf);
  const refinements = keep(refinementsOf);
  return { intent: dropped.length ? { ...intent, keyPhrases, likes, expansions, refinements } : intent, dropped };
}
