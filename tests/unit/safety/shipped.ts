// Loads the shipped safety files once for the tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(import.meta.dirname, '../../../public/models/safety');
export const lexiconData: unknown = JSON.parse(readFileSync(join(DIR, 'lexicon.json'), 'utf8'));
export const modelWeights: unknown = JSON.parse(readFileSync(join(DIR, 'model.json'), 'utf8'));
export const readSource = (p: string): unknown => JSON.parse(readFileSync(join(import.meta.dirname, '../../..', p), 'utf8'));
