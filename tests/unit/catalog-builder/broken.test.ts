// The builder fed a folder of broken files (issue 16's second proof): a truncated PNG, a text file
// named .jpg, an empty file, a text file named .mp4, a duplicate id and a row without a title in
// items.csv, a Latin-1 row, an unknown column. Each is reported with its file (and line), the build
// does not crash, and nothing is written when every item is bad; with one good icon beside them,
// only that icon is written. A WebM cut short mid-upload (which ffmpeg decodes without an error up to
// the cut) is skipped as truncated, beside the whole one.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildCatalog } from '../../../tools/catalog/build.ts';
import { ffmpegAvailable, generateClip } from '../../../tools/video/ffmpeg.ts';
import { formatProblem } from '../../../tools/catalog/report.ts';
import { common, HAVE_ICONS, ICON_DIR, loadBuilt, removeTempDirs, tempDir } from './fixtures.ts';

const TIMEOUT_MS = 30_000;
const HAVE_FFMPEG = await ffmpegAvailable();

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
    expect(r.cacheMisses).toBe(0); // the summary's "embedded now" counts no broken file
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

  test.skipIf(!HAVE_FFMPEG)('a WebM cut short is skipped as truncated; the whole one is kept', async () => {
    const root = tempDir('broken-video');
    const input = join(root, 'input');
    mkdirSync(input, { recursive: true });
    const whole = join(input, 'trophy.webm');
    await generateClip({
      width: 96, height: 96, fps: 12, bitrateKbps: 120,
      segments: [{ kind: 'moving', seconds: 4, background: '0xffffff', overlay: join(ICON_DIR, 'trophy-gold.png'), overlaySize: 48 }],
    }, whole);
    const bytes = readFileSync(whole);
    writeFileSync(join(input, 'trophy-cut.webm'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const r = await buildCatalog({ ...common(root), input, id: 'clips' });
    expect(r.skipped.map(formatProblem)).toEqual([expect.stringMatching(/^error: trophy-cut\.webm: video is truncated \(its frames end at \d\.\d s of the 4\.0 s its header states\)\. Item "trophy-cut" skipped$/)]);
    expect(r.written).toBe(true);
    const { items } = loadBuilt(r.dir);
    expect(items.map((i) => [i.id, i.duration])).toEqual([['trophy', 4]]);
  }, TIMEOUT_MS);
});
