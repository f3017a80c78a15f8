// `catalog check <folder>`: validates a deployed catalog folder the way the app will read it, before
// a visitor's browser finds out: manifest and items against the app's schema, the index file's
// checksum and header, the model id in the index vs the manifest vs the shipped model's
// identity.json (and the model the "no match" floor was measured for), counts, every thumbnail, poster
// and video the items point at, and every file's content against the SHA256SUMS the builder wrote
// (checksums.ts). Returns the list of problems; the CLI exits non-zero when it is not empty.
import { access, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import {
  type CatalogManifest, parseCatalogItems, parseCatalogList, parseCatalogManifest, VideoKeyframesSchema,
} from '../../src/core/catalog.ts';
import { decodeIndex, fileChecksum } from '../../src/core/index/format.ts';
import { checkSums } from './checksums.ts';

export interface CheckOptions {
  /** Where the model folders are (default: two levels up from the catalog, i.e. public/models). */
  modelsDir?: string;
}

export interface CheckResult {
  ok: boolean;
  problems: string[];
  /** Non-fatal notes (an item without a vector, the catalog missing from index.json). */
  notes: string[];
  itemCount: number;
}

const msg = (err: unknown): string => (err instanceof Error ? err.message : String(err));
const exists = (p: string): Promise<boolean> => access(p).then(() => true, () => false);

export async function checkCatalog(folder: string, opts: CheckOptions = {}): Promise<CheckResult> {
  const dir = resolve(folder);
  const problems: string[] = [];
  const notes: string[] = [];
  const done = (itemCount = 0): CheckResult => ({ ok: problems.length === 0, problems, notes, itemCount });

  let manifest: CatalogManifest;
  try {
    manifest = parseCatalogManifest(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')));
  } catch (err) {
    problems.push(`manifest.json: ${msg(err)}`);
    return done();
  }
  if (manifest.id !== basename(dir)) notes.push(`manifest id "${manifest.id}" differs from the folder name "${basename(dir)}"`);

  let items: ReturnType<typeof parseCatalogItems> = [];
  try {
    items = parseCatalogItems(JSON.parse(await readFile(join(dir, manifest.items), 'utf8')), manifest);
  } catch (err) {
    problems.push(`${manifest.items}: ${msg(err)}`);
  }

  for (const it of items) {
    for (const [field, rel] of [['image', it.image], ['video', it.video]] as const) {
      if (rel && !(await exists(join(dir, rel)))) problems.push(`item "${it.id}": ${field} ${rel} is missing`);
    }
  }
  if (!(await exists(join(dir, manifest.licence.file)))) problems.push(`licence file ${manifest.licence.file} is missing`);

  const info = manifest.index;
  if (!info) notes.push('no embedding index: the catalog is searched by words only');
  else {
    const modelsDir = resolve(opts.modelsDir ?? join(dir, '..', '..'));
    const modelName = info.modelId.split('@')[0]!;
    const floor = info.noMatchFloor;
    if (!floor) notes.push('no "no match" floor in the manifest: phrases the catalog\'s words do not know get its nearest items as matches (rebuild with `catalog build` to measure one)');
    else if (floor.modelId !== info.modelId) problems.push(`manifest.json: the "no match" floor was measured for "${floor.modelId}", the index was built by "${info.modelId}": the app ignores it (rebuild the catalog)`);
    try {
      const shipped = (JSON.parse(await readFile(join(modelsDir, modelName, 'identity.json'), 'utf8')) as { modelId?: string }).modelId;
      if (shipped !== info.modelId) {
        problems.push(`model id mismatch: the manifest's index was built by "${info.modelId}", the shipped model ${modelName}/identity.json is "${shipped}": the app will refuse this index (rebuild the catalog)`);
      }
    } catch {
      problems.push(`cannot read ${join(modelsDir, modelName, 'identity.json')}: the model "${modelName}" the index was built with is not shipped beside the catalog (use --models to point at it)`);
    }
    let bytes: Uint8Array | undefined;
    try {
      bytes = new Uint8Array(await readFile(join(dir, info.file)));
    } catch (err) {
      problems.push(`${info.file}: ${msg(err)}`);
    }
    if (bytes) {
      if (bytes.length !== info.sizeBytes) problems.push(`${info.file}: ${bytes.length} bytes, the manifest says ${info.sizeBytes}`);
      const crc = fileChecksum(bytes).toString(16).padStart(8, '0');
      if (crc !== info.checksum.toLowerCase()) problems.push(`${info.file}: checksum ${crc}, the manifest says ${info.checksum} (the file is corrupt or was replaced)`);
      try {
        const decoded = decodeIndex(bytes, { expectedDim: info.dim, expectedModelId: info.modelId });
        const ids = Array.from({ length: decoded.header.count }, (_, r) => new TextDecoder().decode(decoded.ids.blob.subarray(decoded.ids.offsets[r]!, decoded.ids.offsets[r + 1]!)));
        const known = new Set(items.map((i) => i.id));
        const stray = ids.filter((id) => !known.has(id));
        if (items.length > 0 && stray.length > 0) problems.push(`${info.file}: ${stray.length} vector(s) for ids not in the items (first: "${stray[0]}")`);
        const withVector = new Set(ids);
        const missing = items.filter((i) => !withVector.has(i.id));
        if (missing.length > 0) notes.push(`${missing.length} item(s) have no vector and are found by words only (first: "${missing[0]!.id}")`);
      } catch (err) {
        problems.push(`${info.file}: ${msg(err)}`);
      }
    }
  }

  if (manifest.keyframes) {
    try {
      const kf = VideoKeyframesSchema.parse(JSON.parse(await readFile(join(dir, manifest.keyframes), 'utf8')));
      if (info && kf.modelId !== info.modelId) problems.push(`${manifest.keyframes}: keyframes from "${kf.modelId}", the index from "${info.modelId}"`);
    } catch (err) {
      problems.push(`${manifest.keyframes}: ${msg(err).split('\n')[0]}`);
    }
  }

  // Content of every file the build wrote; a file already reported above is not reported twice.
  const sums = await checkSums(dir);
  const reported = (file: string) => problems.some((p) => p.startsWith(`${file}:`) || p.includes(` ${file} is missing`));
  problems.push(...sums.problems.filter((p) => !reported(p.slice(0, p.indexOf(':')))));
  notes.push(...sums.notes);

  const listPath = join(dirname(dir), 'index.json');
  try {
    const list = parseCatalogList(JSON.parse(await readFile(listPath, 'utf8')));
    const entry = list.catalogs.find((c) => c.id === manifest.id);
    if (!entry) notes.push(`not listed in ${listPath}: the app will not offer it`);
    else if (entry.manifest !== `${basename(dir)}/manifest.json`) problems.push(`${listPath} points "${manifest.id}" at ${entry.manifest}, not ${basename(dir)}/manifest.json`);
  } catch (err) {
    if (await stat(listPath).then(() => true, () => false)) problems.push(`${listPath}: ${msg(err)}`);
    else notes.push(`no ${listPath} beside the catalog: the app will not find it`);
  }
  return done(items.length);
}
