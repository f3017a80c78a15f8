// SHA256SUMS in a built catalog folder: one line per file the builder wrote (manifest, items, index,
// thumbnails, posters, videos, keyframes, licence), in the format of coreutils' sha256sum, so a site
// owner can verify a deployed copy with `sha256sum -c SHA256SUMS` on any host as well as with
// `catalog check`. The index has its own CRC in the manifest, but nothing else did: a thumbnail cut
// short by an upload, or an items.json edited by hand, passed the check before this file existed.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export const SUMS_FILE = 'SHA256SUMS';
/** `<64 hex>  <path>`: two spaces (text mode), as sha256sum writes it. */
const LINE = /^([0-9a-f]{64}) [ *](.+)$/;

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
  }
  return out.filter((f) => f !== SUMS_FILE).sort();
}

const sha256 = async (path: string): Promise<string> => createHash('sha256').update(await readFile(path)).digest('hex');

/** Writes SHA256SUMS for every file now in `dir` (call it last). */
export async function writeSums(dir: string): Promise<void> {
  const lines: string[] = [];
  for (const f of await filesUnder(dir)) lines.push(`${await sha256(join(dir, f))}  ${f}`);
  await writeFile(join(dir, SUMS_FILE), `${lines.join('\n')}\n`);
}

export interface SumsCheck {
  /** Files changed, missing, or a SHA256SUMS that cannot be read. */
  problems: string[];
  /** Files the builder did not write, or no SHA256SUMS at all. */
  notes: string[];
  /** Files whose content was verified. */
  verified: number;
}

/** Verifies `dir` against its SHA256SUMS. A folder without one (not made by the builder) is a note. */
export async function checkSums(dir: string): Promise<SumsCheck> {
  const problems: string[] = [];
  const notes: string[] = [];
  let text: string;
  try {
    text = await readFile(join(dir, SUMS_FILE), 'utf8');
  } catch {
    return { problems, notes: [`no ${SUMS_FILE} (a catalog not written by \`catalog build\`): file contents other than the index were not verified`], verified: 0 };
  }
  const listed = new Map<string, string>();
  text.split('\n').forEach((line, i) => {
    if (!line) return;
    const m = LINE.exec(line);
    if (!m) problems.push(`${SUMS_FILE}:${i + 1}: not a "<sha256>  <file>" line`);
    else listed.set(m[2]!, m[1]!);
  });
  let verified = 0;
  for (const [file, want] of listed) {
    let got: string;
    try {
      got = await sha256(join(dir, file));
    } catch {
      problems.push(`${file}: missing (listed in ${SUMS_FILE})`);
      continue;
    }
    if (got !== want) problems.push(`${file}: changed since the build (sha256 ${got.slice(0, 12)}…, ${SUMS_FILE} says ${want.slice(0, 12)}…): re-upload it, or rebuild the catalog`);
    else verified++;
  }
  const extra = (await filesUnder(dir)).filter((f) => !listed.has(f));
  if (extra.length > 0) notes.push(`${extra.length} file(s) the build did not write (first: ${extra[0]})`);
  return { problems, notes, verified };
}
