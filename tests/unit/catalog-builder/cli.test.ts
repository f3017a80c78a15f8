// The package's `private-recommender-catalog` command as a site owner runs it: npm links the bin into
// their project's node_modules/.bin, and they call it from their own folder. Through such a link, from
// another working directory: --help succeeds, a wrong command is a usage error (exit 2), a build writes
// the catalog where --out says and lists it, `check` passes it (exit 0) and fails it once a thumbnail is
// cut short (exit 1, the file named), and a folder of broken files exits 1 with nothing written.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { copyIcons, HAVE_ICONS, ICON_DIR, removeTempDirs, tempDir } from './fixtures.ts';

const TIMEOUT_MS = 60_000;
const MODELS = resolve('public/models');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };
const [BIN_NAME, BIN_PATH] = Object.entries(pkg.bin)[0]!;

/** A site owner's project with the bin linked the way npm links it. */
function siteWithBin(): { site: string; run: (...args: string[]) => { status: number | null; stdout: string; stderr: string } } {
  const site = tempDir('cli-site');
  mkdirSync(join(site, 'node_modules', '.bin'), { recursive: true });
  const link = join(site, 'node_modules', '.bin', BIN_NAME);
  symlinkSync(resolve(BIN_PATH), link);
  return { site, run: (...args) => spawnSync(link, args, { cwd: site, encoding: 'utf8' }) };
}

afterAll(removeTempDirs);
describe.skipIf(!HAVE_ICONS)(`the ${BIN_NAME} command`, () => {
  const { site, run } = siteWithBin();

  test('--help prints the usage and succeeds; a wrong command is a usage error', () => {
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage:\n.*catalog -- build <folder \| items\.csv \| items\.jsonl> --id <id>/);
    expect(help.stdout).toContain(BIN_NAME);
    const wrong = run('frobnicate', 'x');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/error: unknown command "frobnicate"/);
  }, TIMEOUT_MS);

  test('build, check, and check after a thumbnail was cut short on the host', () => {
    copyIcons(join(site, 'pictures'), ['face-smile', 'go-home', 'mail-send']);
    const built = run('build', 'pictures', '--id', 'shop', '--models', MODELS, '--out', 'models/catalogs', '--work', 'work');
    expect(built.status, built.stderr).toBe(0);
    expect(built.stdout).toMatch(/catalog "shop" written to .*models\/catalogs\/shop\n\s+items\s+3/);
    expect(JSON.parse(readFileSync(join(site, 'models', 'catalogs', 'index.json'), 'utf8')).catalogs.map((c: { id: string }) => c.id)).toEqual(['shop']);

    const ok = run('check', 'models/catalogs/shop', '--models', MODELS);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/models\/catalogs\/shop: OK \(3 items\)/);

    const thumb = join(site, 'models', 'catalogs', 'shop', 'thumbs', 'go-home.webp');
    writeFileSync(thumb, readFileSync(thumb).subarray(0, 40));
    const bad = run('check', 'models/catalogs/shop', '--models', MODELS);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/problem: thumbs\/go-home\.webp: changed since the build/);
  }, TIMEOUT_MS);

  test('a folder of broken files: each named, exit 1, nothing written', () => {
    const broken = join(site, 'broken');
    mkdirSync(broken);
    const png = readFileSync(join(ICON_DIR, 'face-smile.png'));
    writeFileSync(join(broken, 'half.png'), png.subarray(0, png.length >> 1));
    writeFileSync(join(broken, 'photo.jpg'), 'not a picture\n');
    const r = run('build', 'broken', '--id', 'broken', '--models', MODELS, '--out', 'out', '--work', 'work-broken');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/error: half\.png: image is truncated or corrupt/);
    expect(r.stderr).toMatch(/error: photo\.jpg: not a readable image/);
    expect(r.stdout).toMatch(/NOT written: no item could be built/);
    expect(existsSync(join(site, 'out', 'broken'))).toBe(false);
  }, TIMEOUT_MS);
});
