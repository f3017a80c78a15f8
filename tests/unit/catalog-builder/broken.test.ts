// The builder fed a folder of broken files (issue 16's second proof): a truncated PNG, a text file
// named .jpg, an empty file, a text file named .mp4, a duplicate id and a row without a title in
// items.csv, a Latin-1 row, an unknown column. Each is reported with its file (and line), the build
// does not crash, and nothing is written when every item is bad; with one good icon beside them,
// only that icon is written.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildCatalog } from '../../../tools/catalog/build.ts';
import { formatProblem } from '../../../tools/catalog/report.ts';
import { common, HAVE_ICONS, ICON_DIR, loadBuilt, removeTempDirs, tempDir } from './fixtures.ts';

const TIMEOUT_MS = 30_000;

function brokenFolder(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const png = readFileSync(join(ICON_DIR, 'face-smile.png'));
  writeFileSync(join(dir, 'truncated.png'), png.subarray(0, Math.floor(png.length / 2)));
  writeFileSync(join(dir, 'holiday.jpg'), 'this is a text file, not a JPEG\n');
  writeFileSync(join(dir, 'empty.png'), '');
  writeFileSync(join(dir, 'trailer.mp4'), 'not a video either\n');
  copyFileSync(join(ICON_DIR, 'face-sad.png'), join(dir, 'sad.png'));
  const csv = [
    'id,title,tags,file,colour',
    'smile,Smiling face,face;happy,truncated.png,yellow',
    'smile,Another smile,,sad.png,',
    'nameless,,tag,empty.png,',
  ].join('\n');
  // A row saved from a Latin-1 spreadsheet: "Café" with é as the single byte 0xE9.
  writeFileSync(join(dir, 'items.csv'), Buffer.concat([Buffer.from(`${csv}\n`), Buffer.from([...Buffer.from('cafe,Caf'), 0xe9, ...Buffer.from(',,holiday.jpg,\n')])]));
  return dir;
}

afterAll(removeTempDirs);
describe.skipIf(!HAVE_ICONS)('a folder of broken files', () => {
  test('every problem is named with its file and line, and nothing is written', async () => {
    const root = tempDir('broken');
    const input = brokenFolder(join(root, 'input'));
    const printed: string[] = [];
    const r = await buildCatalog({ ...common(root), input, id: 'broken', logProblem: (l) => printed.push(l), log: (l) => printed.push(l) });
    expect(r.written).toBe(false);
    expect(r.itemCount).toBe(0);
    expect(existsSync(join(root, 'catalogs', 'broken'))).toBe(false);
    expect(existsSync(join(root, 'catalogs', 'index.json'))).toBe(false);

    const report = r.skipped.map(formatProblem).join('\n');
    expect(report).toMatch(/items\.csv:3: duplicate id "smile" \(first used on line 2\).*sad\.png left out/);
    expect(report).toMatch(/items\.csv:4: no title for "empty\.png"/);
    expect(report).toMatch(/items\.csv:5: not valid UTF-8 \(byte 0xe9 at column 9\).*Latin-1/);
    expect(report).toMatch(/truncated\.png: image is truncated or corrupt/);
    expect(report).toMatch(/holiday\.jpg: not a readable image/); // its row was the Latin-1 one, so it came in by file name
    expect(report).toMatch(/trailer\.mp4: (not a readable video|.*ffmpeg)/);
    expect(r.warnings.map(formatProblem).join('\n')).toMatch(/items\.csv:1: unknown column "colour" ignored/);
    expect(printed.join('\n')).toMatch(/NOT written: no item could be built/);
  }, TIMEOUT_MS);

  test('with one good file beside them, only the good one is written', async () => {
    const root = tempDir('broken-one-good');
    const input = brokenFolder(join(root, 'input'));
    copyFileSync(join(ICON_DIR, 'accessories-calculator.png'), join(input, 'calculator.png'));
    const r = await buildCatalog({ ...common(root), input, id: 'mixed' });
    expect(r.written).toBe(true);
    const { items } = loadBuilt(r.dir);
    expect(items.map((i) => i.id)).toEqual(['calculator']);
    expect(r.skipped.length).toBeGreaterThanOrEqual(6);
  }, TIMEOUT_MS);
});
