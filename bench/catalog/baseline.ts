// The "old" side of an old-vs-new benchmark run in one process: a copy of this working tree's src/
// in which the files of one change are put back as they were at a git revision. Everything else
// (other people's work in progress included) is the same on both sides, so the two differ only by
// the change being measured. The copy lives in .cache/ (ignored by git, outside the type-checked
// folders); modules are imported from it like any other (node_modules resolve from the repository root).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The files of the catalog-at-scale change (issue 16): lexical index, delivery, catalog validation. */
export const CHANGED_FILES = ['src/core/lexical.ts', 'src/core/lexical-postings.ts', 'src/core/delivery.ts', 'src/core/catalog.ts'] as const;

/** The commit these files are compared against by default: the tree before the change. */
export const DEFAULT_BASELINE = '4e430bf';

/** Copies src/ to .cache/baseline-<rev>/src with `files` as at `rev` (absent there: removed); returns its root. */
export function materialiseBaseline(rev: string, files: readonly string[] = CHANGED_FILES): string {
  const root = resolve('.cache', `baseline-${rev}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  cpSync('src', join(root, 'src'), { recursive: true });
  for (const f of files) {
    let text: string | null;
    try {
      text = execFileSync('git', ['show', `${rev}:${f}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      text = null;
    }
    const at = join(root, f);
    if (text === null) rmSync(at, { force: true });
    else {
      mkdirSync(dirname(at), { recursive: true });
      writeFileSync(at, text);
    }
  }
  return root;
}

/** Imports a module of the baseline copy by its path in the repository ("src/core/catalog.ts"). */
export function importFrom<T>(root: string, path: string): Promise<T> {
  return import(pathToFileURL(join(root, path)).href) as Promise<T>;
}
