// What the catalog builder tells the person running it: every problem with the file and line it came
// from, a progress bar while it works (stderr, redrawn only on a terminal; plain periodic lines in a
// CI log), and the summary table at the end. Kept apart so the build reads as a list of steps.

export type Severity = 'error' | 'warning';

/** One defect in the input. `error`: the item (or row) was skipped; `warning`: kept, with a note. */
export interface Problem {
  readonly severity: Severity;
  /** The input file, relative to the input folder (or the input file's name). */
  readonly file: string;
  /** 1-based line in a CSV / JSONL file, when the problem is a row. */
  readonly line?: number;
  readonly message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.severity === 'error' ? 'error' : 'warning'}: ${p.file}${p.line !== undefined ? `:${p.line}` : ''}: ${p.message}`;
}

/** Plain lines at most this often when stderr is not a terminal. */
const PLAIN_PROGRESS_EVERY_MS = 5_000;
const BAR_WIDTH = 30;
/** Runs shorter than this show no progress at all. */
const QUIET_BELOW_ITEMS = 1;

export interface Progress {
  tick(done: number, note?: string): void;
  end(): void;
}

export function createProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr, quiet = false): Progress {
  const t0 = performance.now();
  let lastPlain = t0;
  let drawn = false;
  const silent = quiet || total < QUIET_BELOW_ITEMS;
  return {
    tick(done, note) {
      if (silent) return;
      const now = performance.now();
      const rate = done / Math.max(1e-3, (now - t0) / 1000);
      const eta = rate > 0 ? (total - done) / rate : 0;
      const tail = `${done}/${total} ${label}, ${rate.toFixed(rate < 10 ? 1 : 0)}/s, ${fmtSeconds(eta)} left${note ? `, ${note}` : ''}`;
      if (stream.isTTY) {
        const bar = '#'.repeat(Math.round((done / Math.max(1, total)) * BAR_WIDTH)).padEnd(BAR_WIDTH, '.');
        stream.write(`\r[${bar}] ${tail}\x1b[K`);
        drawn = true;
      } else if (now - lastPlain >= PLAIN_PROGRESS_EVERY_MS || done === total) {
        stream.write(`progress: ${tail}\n`);
        lastPlain = now;
      }
    },
    end() {
      if (drawn) stream.write('\n');
    },
  };
}

export function fmtSeconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}

export function fmtBytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 ** 2).toFixed(1)} MiB`;
}

/** A two-column table: label, value. */
export function table(rows: readonly (readonly [string, string])[]): string {
  const w = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `  ${k.padEnd(w)}  ${v}`).join('\n');
}
