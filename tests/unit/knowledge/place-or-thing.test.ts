// A town named like a catalog thing (2026-12-02): "i love hot springs" had shown the United States' flag
// first (Hot Springs, Arkansas; the sauna situation implies the catalog's hot springs, and the
// knowledge build had filed them under the town). The build now keeps catalog titles from towns
// (tools/knowledge/build.ts isCommonWord); at run time a town whose name is one of the catalog's things
// is that town only where the turn says so: written with capitals or beside words of a journey.
import { describe, expect, it } from 'vitest';
import { informationNode } from '../../../src/core/extract/information.ts';
import { emptyIntent, parseTurnExtraction } from '../../../src/core/intent.ts';
import { refinementReaders } from '../../../src/core/knowledge/expand.ts';
import { engine, kb, productTurns } from './product-turns.ts';

/** The places the information node reads, for a catalog that names `things`. */
function placesFor(text: string, things: readonly string[]): string[] {
  const previous = emptyIntent('u', 0);
  const extraction = parseTurnExtraction(engine.extract(text, { previous, context: { expansions: [], places: [], ...refinementReaders(kb) } }));
  const catalogItems = (p: string) => (things.includes(p.toLocaleLowerCase()) ? ['X1'] : engine.gazetteer.itemIdsOf(p));
  return informationNode({ text, extraction, previous, kb, catalogItems }).information.places.map((p) => p.country);
}

describe('a town named like a catalog thing', () => {
  it('"i love hot springs" (the stickers): the hot springs, no flag', () => {
    const titles = productTurns('i love hot springs').top.map((it) => it.title);
    expect(titles[0]).toBe('hot springs');
    expect(titles.filter((t) => t.startsWith('flag'))).toEqual([]);
  });

  it('"spa day tomorrow": no flag of the United States', () => {
    expect(productTurns('spa day tomorrow').top.map((it) => it.title).filter((t) => t.startsWith('flag'))).toEqual([]);
  });

  it('a catalog that sells a "victoria" (a plum): "i love victoria" names no place', () => {
    expect(placesFor('i love victoria', ['victoria'])).toEqual([]);
  });

  it.each(['flying to victoria next week', 'I love Victoria'])('"%s" is the town (a journey, or its capitals)', (text) => {
    expect(placesFor(text, ['victoria'])).toEqual(['Canada']);
  });

  it('a catalog without the word reads the town as before ("i love victoria")', () => {
    expect(placesFor('i love victoria', [])).toEqual(['Canada']);
  });
});
