// What the site owner handed over, turned into a list of item specs: a folder of images and videos
// (metadata from the file names, or from a sidecar items.csv / items.jsonl), or one CSV / JSONL file
// of text-only items. Every row and file that cannot become an item is a Problem with its file and
// line, and is left out; the rest go on. Nothing here decodes media or embeds anything.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import { type MediaKind, mediaKindOf } from './media.ts';
import { fieldText, type RawRow, readCsv, readJsonl } from './records.ts';
import type { Problem } from './report.ts';

export interface ItemSpec {
  id: string;
  title: string;
  tags: string[];
  language: string;
  category: string;
  link?: string;
  licence?: string;
  description?: string;
  year?: number;
  popularity?: number;
  media?: { kind: MediaKind; path: string; rel: string };
  /** Where the item came from, for messages: the file, and the row's line when there is one. */
  origin: { file: string; line?: number };
}

export interface InputRead {
  mode: 'folder' | 'text';
  specs: ItemSpec[];
  problems: Problem[];
}

const SIDECARS = ['items.csv', 'items.jsonl'] as const;
/** Files a catalog folder commonly holds beside its media: not reported as unknown. */
const QUIET_FILES = new Set(['license', 'license.md', 'license.txt', 'licence.md', 'readme.md', 'readme.txt', '.ds_store', 'thumbs.db']);
const MAX_ID_CHARS = 64;
const MAX_TITLE_CHARS = 256;
const MAX_TAG_CHARS = 64;
const MAX_TAGS = 64;
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const DEFAULT_CATEGORY = 'general';

/** "coffee-cup_2.png" -> "coffee cup"; "IceCream.jpg" -> "ice cream". */
export function humanise(fileName: string): string {
  const stem = basename(fileName, extname(fileName));
  const words = stem
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[-_.\s+]+/)
    .filter(Boolean);
  while (words.length > 1 && /^\d+$/.test(words[words.length - 1]!)) words.pop();
  return words.join(' ').toLowerCase() || stem;
}

/** A stable id from a path or title: lower-case letters, digits and dashes, at most 64 characters. */
export function slugId(text: string): string {
  const s = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  if (s.length <= MAX_ID_CHARS && s.length > 0) return s;
  const h = createHash('sha256').update(text).digest('hex').slice(0, 8);
  return `${s.slice(0, MAX_ID_CHARS - 9)}-${h}`;
}

async function listFiles(root: string, dir = root, out: string[] = []): Promise<string[]> {
  for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) await listFiles(root, p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

interface Defaults {
  language: string;
}

/** Reads the input path: a folder (media + optional sidecar) or a .csv / .jsonl of text items. */
export async function readInput(input: string, defaults: Defaults): Promise<InputRead> {
  const s = await stat(input).catch(() => null);
  if (!s) throw new InputError(`${input}: no such file or folder`);
  if (s.isDirectory()) return readFolder(input, defaults);
  const ext = extname(input).toLowerCase();
  if (ext !== '.csv' && ext !== '.jsonl') throw new InputError(`${input}: expected a folder, a .csv or a .jsonl file`);
  const read = ext === '.csv' ? readCsv : readJsonl;
  const { rows, problems } = read(await readFile(input), input);
  const specs = rowsToSpecs(rows, basename(input), defaults, problems, null);
  return { mode: 'text', specs, problems };
}

export class InputError extends Error {
  override readonly name = 'InputError';
}

async function readFolder(root: string, defaults: Defaults): Promise<InputRead> {
  const problems: Problem[] = [];
  const files = await listFiles(root);
  const rel = (p: string): string => relative(root, p).split(sep).join('/');
  const media = new Map<string, { kind: MediaKind; path: string }>();
  for (const f of files) {
    const r = rel(f);
    const kind = mediaKindOf(f);
    if (kind) media.set(r, { kind, path: f });
    else if (!(SIDECARS as readonly string[]).includes(r) && !QUIET_FILES.has(basename(f).toLowerCase())) {
      problems.push({ severity: 'warning', file: r, message: `not an image or video this builder reads (${extname(f) || 'no extension'}); ignored` });
    }
  }
  const present = SIDECARS.filter((n) => files.some((f) => rel(f) === n));
  if (present.length > 1) problems.push({ severity: 'warning', file: present[1]!, message: `both ${present.join(' and ')} exist; only ${present[0]} is read` });
  const specs: ItemSpec[] = [];
  const claimed = new Set<string>();
  if (present[0]) {
    const sidecar = present[0];
    const read = sidecar === 'items.csv' ? readCsv : readJsonl;
    const { rows, problems: rowProblems } = read(await readFile(join(root, sidecar)), sidecar);
    problems.push(...rowProblems);
    specs.push(...rowsToSpecs(rows, sidecar, defaults, problems, { media, claimed }));
  }
  // Files no row claimed: metadata from the file name, the folders around it become tags and category.
  const taken = new Set(specs.map((s) => s.id));
  for (const [r, m] of media) {
    if (claimed.has(r)) continue;
    const folders = r.split('/').slice(0, -1);
    let id = slugId(r.replace(/\.[^.]+$/, ''));
    if (taken.has(id)) id = slugId(`${id}-${extname(r).slice(1)}`);
    taken.add(id);
    specs.push({
      id, title: humanise(r).slice(0, MAX_TITLE_CHARS), tags: folders.map((f) => humanise(f)).filter((t) => t.length <= MAX_TAG_CHARS),
      language: defaults.language, category: folders[0] ? slugId(folders[0]) : DEFAULT_CATEGORY,
      media: { ...m, rel: r }, origin: { file: r },
    });
  }
  return { mode: 'folder', specs, problems };
}

interface FolderContext {
  media: ReadonlyMap<string, { kind: MediaKind; path: string }>;
  /** Media files a row spoke for, good or bad: a bad row's file is not re-added under its file name. */
  claimed: Set<string>;
}

function rowsToSpecs(rows: readonly RawRow[], file: string, defaults: Defaults, problems: Problem[], folder: FolderContext | null): ItemSpec[] {
  const specs: ItemSpec[] = [];
  const firstLineOfId = new Map<string, number>();
  let leftOut = '';
  const err = (line: number, message: string) => problems.push({ severity: 'error', file, line, message: `${message}. Row skipped${leftOut}` });
  const warn = (line: number, message: string) => problems.push({ severity: 'warning', file, line, message });
  for (const row of rows) {
    const line = row.line;
    let mediaRef: ItemSpec['media'];
    const fileField = fieldText(row, 'file');
    leftOut = folder && fileField ? ` (${fileField} left out)` : '';
    if (folder) {
      const byFile = fileField ? folder.media.get(fileField.replace(/^\.\//, '')) : undefined;
      const byId = !fileField && fieldText(row, 'id') ? [...folder.media.keys()].find((k) => k.replace(/\.[^.]+$/, '') === fieldText(row, 'id')) : undefined;
      const ref = fileField ? fileField.replace(/^\.\//, '') : byId;
      if (ref) folder.claimed.add(ref);
      if (fileField && !byFile) {
        err(line, mediaKindOf(fileField) ? `file "${fileField}" is not in the folder` : `file "${fileField}" is not an image or video this builder reads`);
        continue;
      }
      if (!ref) {
        err(line, 'no "file" given and no file named after the id; a row in a media folder needs its file');
        continue;
      }
      const m = byFile ?? folder.media.get(ref)!;
      mediaRef = { kind: m.kind, path: m.path, rel: ref };
    }
    const title = fieldText(row, 'title');
    if (!title) {
      err(line, `no title${fileField ? ` for "${fileField}"` : ''}`);
      continue;
    }
    let id = fieldText(row, 'id');
    if (id) {
      if (id.length > MAX_ID_CHARS) {
        err(line, `id "${id.slice(0, 20)}…" is longer than ${MAX_ID_CHARS} characters`);
        continue;
      }
      const first = firstLineOfId.get(id);
      if (first !== undefined) {
        err(line, `duplicate id "${id}" (first used on line ${first})`);
        continue;
      }
    } else {
      // A media row's id comes from its file (stable when the title changes); a text row's from its title.
      id = slugId(mediaRef ? mediaRef.rel.replace(/\.[^.]+$/, '') : title);
      if (firstLineOfId.has(id)) id = slugId(`${id}-${line}`);
    }
    firstLineOfId.set(id, line);
    let language = fieldText(row, 'language') || defaults.language;
    if (!LANGUAGE_TAG.test(language)) {
      warn(line, `language "${language}" is not a language tag like "en" or "pt-BR"; using "${defaults.language}"`);
      language = defaults.language;
    }
    const rawTags = (row.fields.tags as readonly string[] | undefined) ?? [];
    const tags = rawTags.filter((t) => t.length <= MAX_TAG_CHARS);
    if (tags.length < rawTags.length) warn(line, `${rawTags.length - tags.length} tag(s) longer than ${MAX_TAG_CHARS} characters dropped`);
    if (tags.length > MAX_TAGS) warn(line, `${tags.length} tags, only the first ${MAX_TAGS} kept`);
    if (title.length > MAX_TITLE_CHARS) warn(line, `title cut to ${MAX_TITLE_CHARS} characters`);
    const spec: ItemSpec = {
      id, title: title.slice(0, MAX_TITLE_CHARS), tags: [...new Set(tags)].slice(0, MAX_TAGS), language,
      category: slugId(fieldText(row, 'category') || (mediaRef?.rel.includes('/') ? mediaRef.rel.split('/')[0]! : DEFAULT_CATEGORY)),
      origin: { file, line },
    };
    if (mediaRef) spec.media = mediaRef;
    const link = fieldText(row, 'link');
    if (link) {
      if (/^https?:\/\//i.test(link)) spec.link = link;
      else warn(line, `link "${link.slice(0, 60)}" is not an http(s) address; dropped`);
    }
    const licence = fieldText(row, 'licence') || fieldText(row, 'license');
    if (licence) spec.licence = licence;
    const description = fieldText(row, 'description');
    if (description) spec.description = description.slice(0, 1024);
    const year = fieldText(row, 'year');
    if (year) {
      if (/^-?\d{1,4}$/.test(year)) spec.year = Number(year);
      else warn(line, `year "${year}" is not a whole number; dropped`);
    }
    const pop = fieldText(row, 'popularity');
    if (pop) {
      const p = Number(pop);
      if (p >= 0 && p <= 1) spec.popularity = p;
      else warn(line, `popularity "${pop}" is not a number from 0 to 1; dropped`);
    }
    specs.push(spec);
  }
  return specs;
}
