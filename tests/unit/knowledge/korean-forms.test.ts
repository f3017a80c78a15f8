// The Korean seed predicates' surface forms (tools/knowledge/korean.ts) and the property words a
// refinement asks for in Korean (tools/knowledge/ko-property-words.ts), read from the shipped file.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { propertyItemsReader } from '../../../src/core/knowledge/expand.ts';
import { type KnowledgeBase, parseKnowledge } from '../../../src/core/knowledge/format.ts';
import { findConcepts } from '../../../src/core/knowledge/match.ts';
import { predicateForms } from '../../../tools/knowledge/korean.ts';

describe('Korean predicate forms', () => {
  it('the regular and irregular conjugations reach the forms people type', () => {
    expect(predicateForms('목마르다')).toEqual(expect.arrayContaining(['목말라', '목마른']));
    expect(predicateForms('차갑다')).toEqual(expect.arrayContaining(['차가워', '차가운']));
    expect(predicateForms('둥글다')).toContain('둥근');
  });

  it('a ㅎ-irregular colour gives its modifier, never its 아/어 form, which is another word (노래: a song; 파래: seaweed)', () => {
    expect(predicateForms('노랗다')).toContain('노란');
    expect(predicateForms('파랗다')).toContain('파란');
    expect(predicateForms('노랗다')).not.toContain('노래');
    expect(predicateForms('파랗다')).not.toContain('파래');
    // Regular ㅎ stems are not colours: 좋다 stays 좋아 / 좋은.
    expect(predicateForms('좋다')).toEqual(expect.arrayContaining(['좋아', '좋은']));
  });
});

describe('Korean property words in the shipped knowledge file', () => {
  let kb: KnowledgeBase;
  beforeAll(() => {
    kb = parseKnowledge(JSON.parse(readFileSync('public/models/knowledge/knowledge.json', 'utf8')));
  });
  const names = (text: string) => findConcepts(kb, text).map((m) => kb.concepts[m.concept]!.en.toLowerCase());

  it.each([['노란', 'yellow'], ['파란', 'blue'], ['초록색인', 'green'], ['작은', 'small'], ['차가운', 'cold']])('%s names %s', (ko, en) => {
    expect(names(ko)).toContain(en);
  });

  it('a refinement in Korean reads the items\' definitions through them ("노란" -> the lemon, the banana)', () => {
    expect(new Set(propertyItemsReader(kb)('노란'))).toEqual(new Set(kb.itemsWithProperty('yellow')));
    expect(kb.itemsWithProperty('yellow')).toEqual(expect.arrayContaining(['1F34B', '1F34C']));
  });

  it('노래 (a song) is not yellow', () => {
    expect(names('노래')).not.toContain('yellow');
  });
});

describe('Korean seed names of several words', () => {
  let kb: KnowledgeBase;
  beforeAll(() => {
    kb = parseKnowledge(JSON.parse(readFileSync('public/models/knowledge/knowledge.json', 'utf8')));
  });
  const names = (text: string) => findConcepts(kb, text).map((m) => kb.concepts[m.concept]!.en.toLowerCase());

  it.each([['식물 키우기 시작했어', 'gardening'], ['비행기 타러 가', 'airport'], ['영화 보러 가자', 'movie night'], ['새 직장 첫날', 'new job']])(
    '"%s" finds %s though its last word means nothing alone', (text, en) => {
      expect(names(text)).toContain(en);
    },
  );

  it('a predicate form finds a situation named by its dictionary form ("배불러서")', () => {
    expect(names('배불러서 죽겠어')).toContain('stuffed');
  });
});
