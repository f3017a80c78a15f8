#!/usr/bin/env node
// The package's `private-recommender-catalog` command: runs tools/catalog/cli.ts through tsx (a
// devDependency of this package: install with dev dependencies, `npm ci`, to use it), so the builder
// stays TypeScript that imports the app's own schema, index format and safety code.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
let tsxCli;
try {
  tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
} catch {
  console.error('private-recommender-catalog needs tsx (a devDependency): run `npm ci` (or `npm install --include=dev`) first');
  process.exit(2);
}
const r = spawnSync(process.execPath, [tsxCli, join(here, 'cli.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
