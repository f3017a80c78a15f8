// `catalog build`: input (folder or text file) -> a complete catalog folder the app can load, or
// nothing. Steps: check the model and any existing catalog, read the input, screen titles and tags
// with the app's safety lexicon, embed item by item through the work cache (resumable), write
// everything to a temporary folder with the index's calibrated "no match" floor in the manifest
// (no-match-floor.ts), validate it with the app's own schema, and only then swap it into place and
// list it in index.json. A failed or interrupted build leaves the old catalog as it was.
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type CatalogKind, type CatalogManifest, parseCatalogManifest } from '../../src/core/catalog.ts';
import type { Quantisation } from '../../src/core/index/format.ts';
import { createLexiconGuard } from '../../src/core/safety/lexicon.ts';
import { WorkCache } from './cache.ts';
import { createClipEncoder, modelIdentity } from './encoder.ts';
import { embedAll, type Embedded } from './embed-items.ts';
import { humanise, InputError, readInput } from './input.ts';
import { calibrateNoMatchFloor, type NoMatchCalibration, NO_MATCH_QUANTILE } from './no-match-floor.ts';
import { createProgress, fmtBytes, fmtSeconds, formatProblem, type Problem, table } from './report.ts';
import { listInIndex, writeCatalogFiles } from './write.ts';

export interface BuildOptions {
  input: string;
  id: string;
  name?: string;
  /** Model folder name under modelsDir (default clip-mini). */
  model?: string;
  modelsDir?: string;
  /** Folder holding the catalogs and index.json (default public/models/catalogs). */
  out?: string;
  /** Work cache (default node_modules/.cache/private-recommender-catalog/<id>). */
  workDir?: string;
  language?: string;
  /** Catalog-wide licence summary, written to the manifest and LICENSE.md. */
  licence?: string;
  kind?: CatalogKind;
  quantisation?: Quantisation;
  /** Rebuild even if the existing catalog's index came from another model. */
  replace?: boolean;
  /** No progress output (tests). */
  quiet?: boolean;
  /** Test hook: throw once this many items are done, as a kill would stop the build. */
  failAfterItems?: number;
  /** Where the summary and problems go (default: stdout / stderr). */
  log?: (line: string) => void;
  logProblem?: (line: string) => void;
}

export interface BuildResult {
  /** True when a catalog folder was written (or replaced). */
  written: boolean;
  dir: string;
  itemCount: number;
  counts: { image: number; video: number; text: number };
  /** Errors: rows and files left out. */
  skipped: Problem[];
  warnings: Problem[];
  unsafe: { id: string; title: string; terms: string[] }[];
  cacheHits: number;
  cacheMisses: number;
  /** The CLIP source's "no match" floor written to the manifest, and whether the index separates real words from noise. */
  noMatch?: NoMatchCalibration;
  seconds: number;
  sizeBytes: number;
  summary: string;
}

export class BuildError extends Error {
  override readonly name = 'BuildError';
}

/** Problems printed in full; the rest are counted and written to the work folder's report.txt. */
const MAX_PRINTED_PROBLEMS = 40;

export async function buildCatalog(opts: BuildOptions): Promise<BuildResult> {
  const t0 = performance.now();
  const log = opts.log ?? ((l: string) => console.log(l));
  const logProblem = opts.logProblem ?? ((l: string) => console.error(l));
  if (!/^[a-z0-9-]+$/.test(opts.id)) throw new BuildError(`--id "${opts.id}" must be lower-case letters, digits and dashes (it becomes a folder name and a URL)`);
  const model = opts.model ?? 'clip-mini';
  const modelsDir = resolve(opts.modelsDir ?? 'public/models');
  const out = resolve(opts.out ?? join(modelsDir, 'catalogs'));
  const dir = join(out, opts.id);
  const modelId = await modelIdentity(modelsDir, model).catch((err: Error) => {
    throw new BuildError(`${err.message}. Pass --models with the folder that holds ${model}/ (in this package: public/models)`);
  });
  for (const note of await clearLeftovers(out, opts.id, dir)) logProblem(`note: ${note}`);
  await refuseOtherModel(dir, modelId, opts.replace === true);

  let read;
  try {
    read = await readInput(resolve(opts.input), { language: opts.language ?? 'en' });
  } catch (err) {
    if (err instanceof InputError) throw new BuildError(err.message);
    throw err;
  }
  const problems = read.problems;

  const guard = createLexiconGuard(JSON.parse(await readFile(join(modelsDir, 'safety', 'lexicon.json'), 'utf8')));
  const unsafe: BuildResult['unsafe'] = [];
  for (const s of read.specs) {
    const terms = [s.title, ...s.tags].flatMap((t) => guard.check(t).matches.map((m) => m.term));
    if (terms.length > 0) unsafe.push({ id: s.id, title: s.title, terms: [...new Set(terms)] });
  }

  const workDir = resolve(opts.workDir ?? join('node_modules', '.cache', 'private-recommender-catalog', opts.id));
  const cache = await WorkCache.open(workDir, modelId);
  const encoder = await createClipEncoder(modelsDir, model);
  const progress = createProgress('items', read.specs.length, process.stderr, opts.quiet === true);
  let embedded: Embedded[];
  try {
    embedded = await embedAll(read.specs, {
      encoder, cache, problems,
      onBatch: (done) => {
        progress.tick(done);
        if (opts.failAfterItems !== undefined && done >= opts.failAfterItems) {
          throw new Error(`build interrupted after ${done} items (test hook)`);
        }
      },
    });
  } finally {
    progress.end();
    await cache.flush();
  }

  const unsafeIds = new Set(unsafe.map((u) => u.id));
  const counts = { image: 0, video: 0, text: 0 };
  for (const e of embedded) counts[e.spec.media?.kind ?? 'text']++;
  const skipped = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  let written = false;
  let sizeBytes = 0;
  let noMatch: NoMatchCalibration | undefined;
  if (embedded.length > 0) {
    const kind = opts.kind ?? (counts.video > 0 ? 'videos' : counts.image > 0 ? 'stickers' : 'products');
    const licenceSummary = opts.licence ?? licenceOf(embedded);
    if (!opts.licence && !embedded.some((e) => e.spec.licence)) {
      warnings.push({ severity: 'warning', file: '(catalog)', message: 'no licence given (--licence, or a licence column): LICENSE.md says it is not stated; you are responsible for the right to publish these files' });
    }
    const tmp = join(out, `.${opts.id}.building-${process.pid}`);
    await rm(tmp, { recursive: true, force: true });
    await mkdir(tmp, { recursive: true });
    try {
      const manifest: CatalogManifest = await writeCatalogFiles(tmp, {
        id: opts.id, name: opts.name ?? capitalise(humanise(opts.id)), kind, modelId, embedded, unsafeIds, licenceSummary,
        quantisation: opts.quantisation, cache,
        calibrate: async (c) => {
          noMatch = await calibrateNoMatchFloor({ ...c, embedTexts: (texts) => encoder.embedTexts(texts) });
          return noMatch?.floor;
        },
      });
      sizeBytes = await folderBytes(tmp);
      await swapInto(tmp, dir);
      await listInIndex(out, { id: opts.id, name: manifest.name, manifest: `${opts.id}/manifest.json` }).catch((err: Error) => {
        throw new BuildError(err.message);
      });
      written = true;
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }

  const seconds = (performance.now() - t0) / 1000;
  const sorted = [...skipped, ...warnings].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  const unsafeLines = unsafe.map((u) => `unsafe: ${u.id} "${u.title}" matched ${u.terms.join(', ')}`);
  await writeFile(join(workDir, 'report.txt'), `${[...sorted.map(formatProblem), ...unsafeLines].join('\n')}\n`).catch(() => undefined);
  for (const p of sorted.slice(0, MAX_PRINTED_PROBLEMS)) logProblem(formatProblem(p));
  if (sorted.length > MAX_PRINTED_PROBLEMS) logProblem(`... and ${sorted.length - MAX_PRINTED_PROBLEMS} more, all listed in ${join(workDir, 'report.txt')}`);
  for (const u of unsafe.slice(0, MAX_PRINTED_PROBLEMS)) logProblem(`unsafe: ${u.id} "${u.title}" matched ${u.terms.join(', ')}: labelled unsafe (kept in the catalog, never shown in the feed)`);
  if (unsafe.length > MAX_PRINTED_PROBLEMS) logProblem(`... and ${unsafe.length - MAX_PRINTED_PROBLEMS} more unsafe items, all listed in ${join(workDir, 'report.txt')}`);
  const summary = [
    written
      ? `catalog "${opts.id}" written to ${dir}`
      : `catalog "${opts.id}" NOT written: ${read.specs.length === 0 && skipped.length === 0 ? `${opts.input} holds no image, video or row to build from` : `no item could be built${skipped.length ? ' (see the errors above)' : ''}`}; ${dir} is unchanged`,
    table([
      ['items', String(embedded.length)],
      ['  images / videos / text', `${counts.image} / ${counts.video} / ${counts.text}`],
      ['skipped', `${skipped.length}${skipped.length ? ` (${reasonCounts(skipped)})` : ''}`],
      ['warnings', String(warnings.length)],
      ['unsafe flagged', String(unsafe.length)],
      ['embedded now / from cache', `${cache.misses} / ${cache.hits}`],
      ['model', modelId],
      ...floorRows(noMatch, counts.image + counts.video > 0),
      ['size', written ? fmtBytes(sizeBytes) : '-'],
      ['time', fmtSeconds(seconds)],
    ]),
  ].join('\n');
  log(summary);
  return {
    written, dir, itemCount: embedded.length, counts, skipped, warnings, unsafe, cacheHits: cache.hits, cacheMisses: cache.misses,
    ...(noMatch ? { noMatch } : {}), seconds, sizeBytes, summary,
  };
}

/** The summary's lines on the floor: its value, what real words score against it, and the verdict. */
function floorRows(m: NoMatchCalibration | undefined, pictures: boolean): [string, string][] {
  if (!m) return [];
  const s = m.floor.separation!;
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const tower = pictures ? 'picture search' : 'text tower';
  return [
    ['no-match floor', `${m.floor.cosine} (${Math.round(NO_MATCH_QUANTILE * 100)}th percentile of ${s.noMatchQueries} nonsense and unknown-word queries)`],
    ['  real words above it', `${pct(s.realAbove)} of ${s.realQueries}; own item found above it ${pct(s.realFound)} (median cosine real ${s.realMedian}, no-match ${s.noMatchMedian})`],
    [tower, m.belowNoise
      ? 'below noise on this catalog: real words clear the floor about as rarely as nonsense, so it adds next to nothing for phrases the catalog\'s words do not know (words and the knowledge layer still find items)'
      : 'above noise: a phrase the catalog\'s words do not know finds the items whose vectors clear the floor'],
  ];
}

/** An existing catalog whose index another model built is not silently replaced: the app's users have vectors in that space. */
async function refuseOtherModel(dir: string, modelId: string, replace: boolean): Promise<void> {
  let text: string;
  try {
    text = await readFile(join(dir, 'manifest.json'), 'utf8');
  } catch {
    return;
  }
  let existing: CatalogManifest;
  try {
    existing = parseCatalogManifest(JSON.parse(text));
  } catch {
    return; // a broken catalog is replaced
  }
  const theirs = existing.index?.modelId;
  if (theirs && theirs !== modelId && !replace) {
    throw new BuildError(`${dir} holds an index built by model "${theirs}"; this build embeds with "${modelId}". Refusing to mix two embedding spaces: rebuild with that model (--model ${theirs.split('@')[0]}), or pass --replace to rebuild the whole catalog with "${modelId}"`);
  }
}

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * What a build killed while writing leaves beside the catalogs: its temporary folder
 * (`.<id>.building-<pid>`, removed unless that build still runs) and, killed between the two renames
 * of swapInto, the previous catalog moved aside (`<id>.old-<pid>`: put back when nothing replaced it,
 * else removed). Without this they stayed, and were deployed with the catalogs. Returns what it did.
 */
async function clearLeftovers(out: string, id: string, dir: string): Promise<string[]> {
  const names = await readdir(out).catch(() => [] as string[]);
  const done: string[] = [];
  for (const name of names) {
    const m = new RegExp(`^(?:\\.${id}\\.building|${id}\\.old)-(\\d+)$`).exec(name);
    if (!m || isRunning(Number(m[1]))) continue;
    const path = join(out, name);
    if (name.startsWith('.') || (await stat(dir).then(() => true, () => false))) {
      await rm(path, { recursive: true, force: true });
      done.push(`removed ${path}, left by a build that was stopped`);
    } else {
      await rename(path, dir);
      done.push(`put back ${dir} from ${name}: a build was stopped while replacing it`);
    }
  }
  return done;
}

/** Renames the finished folder into place; the old catalog is moved aside first and removed last. */
async function swapInto(tmp: string, dir: string): Promise<void> {
  const old = `${dir}.old-${process.pid}`;
  const had = await stat(dir).then(() => true, () => false);
  if (had) await rename(dir, old);
  try {
    await rename(tmp, dir);
  } catch (err) {
    if (had) await rename(old, dir);
    throw err;
  }
  if (had) await rm(old, { recursive: true, force: true });
}

async function folderBytes(dir: string): Promise<number> {
  let n = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) n += (await stat(join(e.parentPath, e.name))).size;
  }
  return n;
}

function licenceOf(embedded: readonly Embedded[]): string {
  const licences = new Set(embedded.map((e) => e.spec.licence ?? ''));
  if (licences.size === 1 && !licences.has('')) return [...licences][0]!;
  if ([...licences].some(Boolean)) return 'Per item: see LICENSE.md';
  return 'Not stated by the catalog owner: see LICENSE.md';
}

function reasonCounts(skipped: readonly Problem[]): string {
  const files = new Set(skipped.map((p) => p.file));
  return `in ${files.size} file${files.size === 1 ? '' : 's'}`;
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
