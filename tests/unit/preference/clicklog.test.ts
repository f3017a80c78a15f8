import { describe, expect, it } from 'vitest';
import { ClickLogParseError, clicksToPairs, parseJsonl, toJsonl, type SearchLogLike } from '../../../src/core/preference/clicklog.ts';

const logs: (SearchLogLike & { userId: string; id: number })[] = [
  { id: 1, userId: 'u1', catalogId: 'stickers', query: 'love', shown: ['1F364', '1F308', '2764', '1F48C'], clicked: '2764', at: 1000 },
  { id: 2, userId: 'u1', catalogId: 'stickers', query: '고양이', shown: ['1F431', '1F640'], at: 2000 },
];

describe('click log export', () => {
  it('writes one JSON object per line without the user id', () => {
    const text = toJsonl(logs);
    const lines = text.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    const first = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(first).sort()).toEqual(['at', 'catalogId', 'clicked', 'query', 'shown']);
    expect(text).not.toContain('u1');
    expect(JSON.parse(lines[1]!)).toMatchObject({ query: '고양이', clicked: null });
    expect(toJsonl([])).toBe('');
  });

  it('round-trips through parseJsonl', () => {
    const back = parseJsonl(toJsonl(logs));
    expect(back).toEqual([
      { query: 'love', catalogId: 'stickers', shown: ['1F364', '1F308', '2764', '1F48C'], clicked: '2764', at: 1000 },
      { query: '고양이', catalogId: 'stickers', shown: ['1F431', '1F640'], clicked: null, at: 2000 },
    ]);
  });

  it('skips blank lines and reports the line number of a bad line', () => {
    const good = toJsonl(logs.slice(0, 1));
    expect(parseJsonl(`\n${good}\n`)).toHaveLength(1);
    const bad = `${good}\n{"query": "x", "catalogId": "stickers", "shown": "nope", "clicked": null, "at": 1}\n`;
    expect(() => parseJsonl(bad)).toThrow(ClickLogParseError);
    try {
      parseJsonl(bad);
    } catch (e) {
      expect((e as ClickLogParseError).line).toBe(3);
      expect((e as Error).message).toMatch(/line 3.*shown/);
    }
    expect(() => parseJsonl('{not json')).toThrow(/line 1: not JSON/);
    expect(() => parseJsonl('{"query":"a","catalogId":"s","shown":["A"],"clicked":"B","at":1}')).toThrow(/not among the shown/);
    expect(() => parseJsonl('{"query":"a","catalogId":"s","shown":[],"clicked":null,"at":1,"userId":"u"}')).toThrow(ClickLogParseError);
  });
});

describe('skip-above pairs', () => {
  it('prefers the clicked item over each item shown above it', () => {
    expect(clicksToPairs(logs[0]!)).toEqual([
      { query: 'love', catalogId: 'stickers', preferred: '2764', rejected: '1F364' },
      { query: 'love', catalogId: 'stickers', preferred: '2764', rejected: '1F308' },
    ]);
  });

  it('gives nothing without a click, for a click on the first item, or a click not shown', () => {
    expect(clicksToPairs(logs[1]!)).toEqual([]);
    expect(clicksToPairs({ ...logs[0]!, clicked: '1F364' })).toEqual([]);
    expect(clicksToPairs({ ...logs[0]!, clicked: 'FFFF' })).toEqual([]);
    expect(clicksToPairs(parseJsonl(toJsonl(logs))[1]!)).toEqual([]);
  });

  it('pairs a duplicated shown item once', () => {
    const pairs = clicksToPairs({ query: 'q', catalogId: 'c', shown: ['A', 'B', 'A', 'C'], clicked: 'C', at: 0 });
    expect(pairs.map((p) => p.rejected)).toEqual(['A', 'B']);
  });
});
