// Where the benign-sense data built from WordNet (./benign-senses.ts) is kept for compile-lexicon.ts.
import { join } from 'node:path';

export const SENSES_FILE = join(import.meta.dirname, 'wordnet-senses.json');
