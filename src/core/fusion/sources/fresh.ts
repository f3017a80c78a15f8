// The fresh source: new items in the catalog. No catalog carries release dates per item yet, so it
// proposes nothing; its row keeps its id, weight and words ready for the first catalog that does.
import { reasonText } from '../reason.ts';
import { defineSource, type RetrievalSource } from '../retrieval-source.ts';

export const freshSource: RetrievalSource<'fresh'> = defineSource({
  id: 'fresh',
  candidates: () => [],
  normalisation: 'max',
  /** No data here (MovieLens has no release dates per item); kept at the popularity weight. */
  weight: 0.05,
  explain: (best) => reasonText(best.reason ?? { kind: 'fresh' }),
});
