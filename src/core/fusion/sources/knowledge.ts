// The knowledge source: catalog items the knowledge layer links to a concept the user implied (a
// country's flag for a city they are going to). Each says why, with provenance ("because of Seoul →
// South Korea"), and weighs what its expansion weighs: below anything the user literally asked for.
import { rowsOf } from '../../catalog.ts';
import type { Candidate } from '../fuse.ts';
import { reasonText } from '../reason.ts';
import { defineSource, type RetrievalSource } from '../retrieval-source.ts';

export const knowledgeSource: RetrievalSource<'knowledge'> = defineSource({
  id: 'knowledge',
  candidates(ctx) {
    const expansions = ctx.intent?.expansions ?? [];
    if (expansions.length === 0) return [];
    const rowOf = rowsOf(ctx.items);
    const best = new Map<number, Candidate<'knowledge'>>();
    // A refinement's items by definition narrow the topic (fusion/narrow.ts); they are not proposed:
    // "small" by definition is the fairies and the comet as much as the small birds.
    const refining = new Set((ctx.intent?.refinements ?? []).map((r) => r.text.toLocaleLowerCase()));
    for (const e of expansions) {
      if (refining.has(e.from.toLocaleLowerCase())) continue;
      for (const id of e.itemIds ?? []) {
        const i = rowOf.get(id);
        if (i === undefined || ctx.blocked.has(i)) continue;
        const prev = best.get(i);
        if (!prev || e.weight > prev.score) best.set(i, { source: 'knowledge', itemIndex: i, score: e.weight, reason: { kind: 'knowledge', text: e.reason } });
      }
    }
    return [...best.values()];
  },
  normalisation: 'max',
  /**
   * As strong as a word match: a linked item is the very concept the user named (the flag of the
   * country of the city they are going to), not a related one; expansion *words* count half instead
   * (sources/lexical.ts). With 0.6 the flag fell below ten travel words in the Korean seed example
   * (tests/e2e/knowledge.test.ts).
   */
  weight: 1,
  explain: (best) => reasonText(best.reason ?? { kind: 'taste' }),
});
