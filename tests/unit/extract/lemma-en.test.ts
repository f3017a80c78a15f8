// English lemmas (src/core/lang/en/lemma.ts): irregular plurals that do not end in s ("mice") reach
// their singular where the catalog has it and not the plural; the plurals the catalog uses stay.
import { describe, expect, it } from 'vitest';
import { lemmatizeEnglish } from '../../../src/core/lang/en/lemma.ts';
import { extractSignals } from '../../../src/core/extract/extractor.ts';
import { stickerEngine } from './fixtures.ts';

const lexicon = (...words: string[]) => ({ has: (w: string) => words.includes(w) });

describe('English irregular plurals', () => {
  it('"mice" is the mouse where the catalog knows only the singular', () => {
    expect(lemmatizeEnglish('mice', lexicon('mouse'))).toBe('mouse');
    expect(lemmatizeEnglish('geese', lexicon('goose'))).toBe('goose');
    expect(lemmatizeEnglish('wolves', lexicon('wolf'))).toBe('wolf');
  });

  it('a plural the catalog uses stays ("people hugging"), and keys without a lexicon are unchanged', () => {
    expect(lemmatizeEnglish('people', lexicon('people', 'person'))).toBe('people');
    expect(lemmatizeEnglish('women')).toBe('women');
  });

  it('"show me mice" asks for mice, not for rice or ice', () => {
    const s = extractSignals('show me mice', stickerEngine().gazetteer);
    expect(s.phrases.map((p) => p.text)).toEqual(['mouse']);
  });
});
