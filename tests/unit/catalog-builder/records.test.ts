// Reading site owners' metadata files: CSV quoting, encodings (UTF-16 with a byte-order mark, a
// Latin-1 line), broken JSON lines, unknown columns, text-only catalogs, file names as titles, and
// unsafe titles flagged by the app's safety lexicon. No model: fast.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildCatalog } from '../../../tools/catalog/build.ts';
import { humanise, readInput, slugId } from '../../../tools/catalog/input.ts';
import { readCsv, readJsonl } from '../../../tools/catalog/records.ts';
import { formatProblem } from '../../../tools/catalog/report.ts';
import { common, loadBuilt, removeTempDirs, tempDir } from './fixtures.ts';

const enc = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

afterAll(removeTempDirs);
describe('records', () => {
  test('CSV: quoted commas, doubled quotes, line breaks in a field, tags split on ;', () => {
    const r = readCsv(enc('id,title,tags\na,"Tea, green","hot;drink"\nb,"He said ""hi""",x\nc,"two\nlines",\n'), 'items.csv');
    expect(r.problems).toEqual([]);
    expect(r.rows.map((x) => [x.line, x.fields.title, x.fields.tags])).toEqual([
      [2, 'Tea, green', ['hot', 'drink']], [3, 'He said "hi"', ['x']], [4, 'two\nlines', []],
    ]);
  });

  test('a UTF-16 file is read and flagged; a Latin-1 line is named and skipped', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('title\nSmørrebrød\n', 'utf16le')]);
    const r16 = readCsv(new Uint8Array(utf16), 'items.csv');
    expect(r16.rows[0]!.fields.title).toBe('Smørrebrød');
    expect(r16.problems.map(formatProblem)).toEqual([expect.stringMatching(/items\.csv:1: the file is UTF-16 .*save it as UTF-8/)]);
    const latin1 = new Uint8Array([...enc('title\nok\n'), 0x4e, 0x69, 0xf1, 0x6f, 0x0a, ...enc('fine\n')]);
    const r = readCsv(latin1, 'items.csv');
    expect(r.rows.map((x) => x.fields.title)).toEqual(['ok', 'fine']);
    expect(r.problems.map(formatProblem)).toEqual([expect.stringMatching(/items\.csv:3: not valid UTF-8 \(byte 0xf1 at column 3\)/)]);
  });

  test('JSONL: a broken line and an unknown field are named; tags as array or string', () => {
    const r = readJsonl(enc('{"title":"A","tags":["x","y"]}\n{"title": "B",\n{"title":"C","tags":"p;q","colour":"red"}\n'), 'items.jsonl');
    expect(r.rows.map((x) => [x.line, x.fields.title, x.fields.tags])).toEqual([[1, 'A', ['x', 'y']], [3, 'C', ['p', 'q']]]);
    const report = r.problems.map(formatProblem).join('\n');
    expect(report).toMatch(/items\.jsonl:2: not valid JSON/);
    expect(report).toMatch(/items\.jsonl:3: unknown field "colour" ignored/);
  });

  test('titles from file names, ids from paths', () => {
    expect(humanise('coffee-cup_2.png')).toBe('coffee cup');
    expect(humanise('IceCream.jpg')).toBe('ice cream');
    expect(humanise('2001.png')).toBe('2001');
    expect(slugId('photos/Summer Holiday')).toBe('photos-summer-holiday');
    expect(slugId('x'.repeat(100)).length).toBe(64);
  });

  test('a text-only CSV: missing titles and duplicate ids named by line; the rest kept', async () => {
    const dir = tempDir('text');
    const file = join(dir, 'articles.csv');
    writeFileSync(file, 'id,title,tags,language,link\n1,Sourdough basics,bread;baking,en,https://example.org/a\n1,Again,,en,\n2,,x,en,\n3,김치 담그기,김치,ko,ftp://nope\n');
    const r = await readInput(file, { language: 'en' });
    expect(r.mode).toBe('text');
    expect(r.specs.map((s) => [s.id, s.title, s.language])).toEqual([['1', 'Sourdough basics', 'en'], ['3', '김치 담그기', 'ko']]);
    const report = r.problems.map(formatProblem).join('\n');
    expect(report).toMatch(/articles\.csv:3: duplicate id "1"/);
    expect(report).toMatch(/articles\.csv:4: no title/);
    expect(report).toMatch(/articles\.csv:5: link "ftp:\/\/nope" is not an http\(s\) address/);
  });
});

describe('text catalog build', () => {
  test('embeds with the text tower, flags unsafe titles, and is searchable by words', async () => {
    const root = tempDir('text-build');
    mkdirSync(join(root, 'in'));
    const file = join(root, 'in', 'products.jsonl');
    writeFileSync(file, [
      { id: 'p1', title: 'Red running shoes', tags: ['shoes', 'sport'], licence: 'CC0' },
      { id: 'p2', title: 'Blue rain coat', tags: 'coat;rain', licence: 'CC0' },
      { id: 'p3', title: 'Fucking great mug', tags: ['mug'], licence: 'CC0' },
    ].map((o) => JSON.stringify(o)).join('\n'));
    const r = await buildCatalog({ ...common(root), input: file, id: 'products' });
    expect(r.written).toBe(true);
    expect(r.counts).toEqual({ image: 0, video: 0, text: 3 });
    expect(r.unsafe.map((u) => u.id)).toEqual(['p3']);
    const { manifest, items } = loadBuilt(r.dir);
    expect(manifest.kind).toBe('products');
    expect(manifest.index?.source).toBe('text');
    expect(manifest.licence.summary).toBe('CC0');
    expect(items.find((i) => i.id === 'p3')!.safety).toBe('unsafe');
    expect(items.find((i) => i.id === 'p2')!.tags.en).toEqual(['coat', 'rain']);
  }, 30_000);
});
