// Reads the rows of a sidecar (items.csv / items.jsonl) or a text-only catalog file written by a site
// owner, in whatever state it arrives: a spreadsheet's Latin-1 export, a UTF-16 file from Excel, a
// stray quote, a JSON line cut in half. Every row keeps the line it started on, and every defect
// becomes a Problem naming file and line; nothing here throws on bad content.
import { basename } from 'node:path';
import type { Problem } from './report.ts';

/** Columns a row may carry. `file` links a row to a media file in the folder; the rest is metadata. */
export const KNOWN_COLUMNS = Object.freeze([
  'id', 'title', 'tags', 'language', 'link', 'licence', 'file',
  // Accepted beside the documented ones: the US spelling, and fields the catalog schema has.
  'license', 'category', 'description', 'year', 'popularity',
] as const);
const KNOWN = new Set<string>(KNOWN_COLUMNS);

export interface RawRow {
  /** 1-based line the row starts on. */
  readonly line: number;
  readonly fields: Readonly<Record<string, string | readonly string[]>>;
}

export interface ReadRows {
  readonly rows: RawRow[];
  readonly problems: Problem[];
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Bytes -> text, line by line: a UTF-16 file (byte-order mark) is decoded and flagged; a line that is
 * not valid UTF-8 is named (the usual cause is a Latin-1 / Windows-1252 export) and left out.
 */
export function decodeText(bytes: Uint8Array, file: string): { lines: (string | null)[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const name = basename(file);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const le = bytes[0] === 0xff;
    problems.push({
      severity: 'warning', file: name, line: 1,
      message: `the file is UTF-16 (${le ? 'little' : 'big'}-endian byte-order mark); read as UTF-16, but save it as UTF-8`,
    });
    const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2));
    return { lines: text.split(/\r?\n/), problems };
  }
  const start = UTF8_BOM.every((b, i) => bytes[i] === b) ? 3 : 0;
  const strict = new TextDecoder('utf-8', { fatal: true });
  const lines: (string | null)[] = [];
  let from = start;
  for (let i = start; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    const raw = bytes.subarray(from, i > from && bytes[i - 1] === 0x0d ? i - 1 : i);
    try {
      lines.push(strict.decode(raw));
    } catch {
      const at = firstInvalidUtf8(raw);
      problems.push({
        severity: 'error', file: name, line: lines.length + 1,
        message: `not valid UTF-8 (byte 0x${raw[at]!.toString(16).padStart(2, '0')} at column ${at + 1}); the file looks like Latin-1 or Windows-1252: save it as UTF-8. Row skipped`,
      });
      lines.push(null);
    }
    from = i + 1;
  }
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return { lines, problems };
}

/** Offset of the first byte that breaks UTF-8 in a line known to be invalid. */
function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return 0;
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function readCsv(bytes: Uint8Array, file: string): ReadRows {
  const name = basename(file);
  const { lines, problems } = decodeText(bytes, file);
  const records: { line: number; cells: string[] }[] = [];
  let cur: { line: number; cells: string[] } | null = null;
  let cell = '';
  let quoted = false;
  let broken = false;
  for (let li = 0; li < lines.length; li++) {
    const text = lines[li];
    if (text === null || text === undefined) {
      // An undecodable line: drop whatever row it belongs to (its problem is already reported).
      if (cur) broken = true;
      if (!quoted) {
        cur = null;
        cell = '';
        broken = false;
      }
      continue;
    }
    if (!cur) {
      if (text.trim() === '') continue;
      cur = { line: li + 1, cells: [] };
      cell = '';
    } else {
      cell += '\n';
    }
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cell += ch;
      } else if (ch === '"' && cell.trim() === '') {
        quoted = true;
        cell = '';
      } else if (ch === ',') {
        cur.cells.push(cell.trim());
        cell = '';
      } else cell += ch;
    }
    if (quoted) continue; // the quoted field goes on over the next line
    cur.cells.push(cell.trim());
    if (broken) problems.push({ severity: 'error', file: name, line: cur.line, message: 'row spans a line that is not valid UTF-8. Row skipped' });
    else records.push(cur);
    cur = null;
    broken = false;
  }
  if (cur) problems.push({ severity: 'error', file: name, line: cur.line, message: 'a quoted field is never closed (a missing `"`). Rest of the file skipped' });
  if (records.length === 0) {
    if (problems.length === 0) problems.push({ severity: 'error', file: name, line: 1, message: 'the file has no header row' });
    return { rows: [], problems };
  }
  const [header, ...body] = records;
  const columns = header!.cells.map((c) => c.toLowerCase());
  warnUnknown(columns, name, header!.line, problems);
  if (!columns.includes('title') && !columns.includes('file')) {
    problems.push({ severity: 'error', file: name, line: header!.line, message: `the header (${columns.join(', ')}) has neither a "title" nor a "file" column` });
  }
  const rows: RawRow[] = [];
  for (const r of body) {
    if (r.cells.length > columns.length) {
      problems.push({ severity: 'warning', file: name, line: r.line, message: `${r.cells.length} fields, the header has ${columns.length}; extra fields ignored (a comma inside an unquoted title?)` });
    }
    const fields: Record<string, string | string[]> = {};
    columns.forEach((c, i) => {
      if (!KNOWN.has(c)) return;
      const v = r.cells[i] ?? '';
      fields[c] = c === 'tags' ? splitTags(v) : v;
    });
    rows.push({ line: r.line, fields });
  }
  return { rows, problems };
}

/** JSON Lines: one object per line; `tags` may be an array or a `;`-separated string. */
export function readJsonl(bytes: Uint8Array, file: string): ReadRows {
  const name = basename(file);
  const { lines, problems } = decodeText(bytes, file);
  const rows: RawRow[] = [];
  const unknown = new Set<string>();
  lines.forEach((text, i) => {
    if (text === null || text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      problems.push({ severity: 'error', file: name, line: i + 1, message: `not valid JSON (${err instanceof Error ? err.message : String(err)}). Row skipped` });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push({ severity: 'error', file: name, line: i + 1, message: 'expected a JSON object per line. Row skipped' });
      return;
    }
    const fields: Record<string, string | string[]> = {};
    for (const [k0, v] of Object.entries(value)) {
      const k = k0.toLowerCase();
      if (!KNOWN.has(k)) {
        if (!unknown.has(k)) problems.push({ severity: 'warning', file: name, line: i + 1, message: `unknown field "${k0}" ignored (known: ${KNOWN_COLUMNS.join(', ')})` });
        unknown.add(k);
        continue;
      }
      if (k === 'tags') fields[k] = Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string').map((t) => t.trim()).filter(Boolean) : splitTags(String(v ?? ''));
      else if (v !== null && v !== undefined) fields[k] = typeof v === 'string' ? v.trim() : String(v);
    }
    rows.push({ line: i + 1, fields });
  });
  return { rows, problems };
}

function warnUnknown(columns: readonly string[], file: string, line: number, problems: Problem[]): void {
  for (const c of columns) {
    if (!KNOWN.has(c)) problems.push({ severity: 'warning', file, line, message: `unknown column "${c}" ignored (known: ${KNOWN_COLUMNS.join(', ')})` });
  }
}

export function splitTags(v: string): string[] {
  return v.split(';').map((t) => t.trim()).filter(Boolean);
}

export function fieldText(row: RawRow, key: string): string {
  const v = row.fields[key];
  return typeof v === 'string' ? v : '';
}
