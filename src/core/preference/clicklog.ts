/**
 * Click-log export for preference training: the app's search logs as JSONL, and the standard
 * "skip-above" pairs (Joachims 2002): a clicked item is preferred over every item shown above it
 * that was not clicked. Pure: runs in workers, Node tools and tests.
 */
import { z } from 'zod';

/** The fields of a stored search log that the export needs (src/store SearchLog is a superset). */
export interface SearchLogLike {
  query: string;
  catalogId: string;
  shown: readonly string[];
  clicked?: string | undefined;
  at: number;
}

/** One exported line. No user id: the file is meant to leave the device only if the user chooses. */
export const ClickLogRecordSchema = z
  .object({
    query: z.string().max(1000),
    catalogId: z.string().min(1),
    shown: z.array(z.string().min(1)).max(200),
    clicked: z.string().min(1).nullable(),
    at: z.number().finite(),
  })
  .strict();
export type ClickLogRecord = z.infer<typeof ClickLogRecordSchema>;

export interface PreferencePair {
  query: string;
  catalogId: string;
  preferred: string;
  rejected: string;
}

export class ClickLogParseError extends Error {
  override name = 'ClickLogParseError';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`click log line ${line}: ${message}`);
  }
}

export function toRecord(log: SearchLogLike): ClickLogRecord {
  return { query: log.query, catalogId: log.catalogId, shown: [...log.shown], clicked: log.clicked ?? null, at: log.at };
}

/** One JSON object per line, each ending with '\n'; an empty list gives ''. */
export function toJsonl(logs: readonly SearchLogLike[]): string {
  return logs.map((l) => JSON.stringify(toRecord(l)) + '\n').join('');
}

/** Parses an export; blank lines are skipped; the first bad line throws with its 1-based number. */
export function parseJsonl(text: string): ClickLogRecord[] {
  const out: ClickLogRecord[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (e) {
      throw new ClickLogParseError(i + 1, `not JSON (${(e as Error).message})`);
    }
    const r = ClickLogRecordSchema.safeParse(raw);
    if (!r.success) {
      const issues = r.error.issues.slice(0, 3).map((x) => `${x.path.join('.') || '(root)'}: ${x.message}`);
      throw new ClickLogParseError(i + 1, issues.join('; '));
    }
    if (r.data.clicked !== null && !r.data.shown.includes(r.data.clicked)) {
      throw new ClickLogParseError(i + 1, `clicked item "${r.data.clicked}" is not among the shown items`);
    }
    out.push(r.data);
  }
  return out;
}

/**
 * Skip-above pairs of one log: the clicked item over each item shown above it (not clicked).
 * No click, or a click on the first item, gives no pairs. Duplicate shown ids are paired once.
 */
export function clicksToPairs(log: SearchLogLike | ClickLogRecord): PreferencePair[] {
  const clicked = log.clicked;
  if (clicked === undefined || clicked === null) return [];
  const pos = log.shown.indexOf(clicked);
  if (pos < 0) return [];
  const seen = new Set<string>();
  const pairs: PreferencePair[] = [];
  for (const above of log.shown.slice(0, pos)) {
    if (above === clicked || seen.has(above)) continue;
    seen.add(above);
    pairs.push({ query: log.query, catalogId: log.catalogId, preferred: clicked, rejected: above });
  }
  return pairs;
}
