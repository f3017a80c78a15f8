// The site owner's command: `npm run catalog -- build <input> --id <id> ...` and
// `npm run catalog -- check <folder>` (also `npx private-recommender-catalog ...` through bin.mjs).
// Parses flags, runs the step, maps failures to a message and an exit code: 0 done, 1 the input or
// catalog has problems (listed), 2 the command itself was wrong.
import { CATALOG_KINDS, type CatalogKind } from '../../src/core/catalog.ts';
import { QUANTISATIONS, type Quantisation } from '../../src/core/index/format.ts';
import { cliFlags } from '../cli.ts';
import { BuildError, buildCatalog } from './build.ts';
import { checkCatalog } from './check.ts';

const USAGE = `Usage:
  npm run catalog -- build <folder | items.csv | items.jsonl> --id <id> [--name "Shown name"]
        [--model clip-mini] [--models public/models] [--out public/models/catalogs]
        [--licence "CC BY 4.0"] [--language en] [--kind stickers|movies|videos|products]
        [--quantisation f32|f16|i8] [--work <cache folder>] [--replace]
  npm run catalog -- check <catalog folder> [--models public/models]
(installed as a package: npx private-recommender-catalog build|check …, the same options)`;

function usage(message?: string): never {
  if (message) console.error(`error: ${message}\n`);
  console.error(USAGE);
  process.exit(2);
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, target, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help' || argv.includes('--help')) {
    console.log(USAGE); // asked for: stdout, success
    return 0;
  }
  if (!command) usage();
  if (!target || target.startsWith('--')) usage(`${command} needs a path`);
  const flags = cliFlags(rest);
  if (command === 'check') {
    const r = await checkCatalog(target, { ...(flags.has('models') ? { modelsDir: flags.get('models')! } : {}) });
    for (const n of r.notes) console.log(`note: ${n}`);
    for (const p of r.problems) console.error(`problem: ${p}`);
    console.log(r.ok ? `${target}: OK (${r.itemCount} items)` : `${target}: ${r.problems.length} problem(s)`);
    return r.ok ? 0 : 1;
  }
  if (command !== 'build') usage(`unknown command "${command}"`);
  const id = flags.get('id');
  if (!id || id === 'true') usage('build needs --id <id> (lower-case letters, digits, dashes)');
  const kind = flags.get('kind');
  if (kind && !(CATALOG_KINDS as readonly string[]).includes(kind)) usage(`--kind must be one of ${CATALOG_KINDS.join(', ')}`);
  const q = flags.get('quantisation');
  if (q && !(QUANTISATIONS as readonly string[]).includes(q)) usage(`--quantisation must be one of ${QUANTISATIONS.join(', ')}`);
  const known = new Set(['id', 'name', 'model', 'models', 'out', 'licence', 'license', 'language', 'kind', 'quantisation', 'work', 'replace']);
  for (const k of flags.keys()) if (!known.has(k)) usage(`unknown option --${k}`);
  try {
    const r = await buildCatalog({
      input: target, id,
      ...(flags.has('name') ? { name: flags.get('name')! } : {}),
      ...(flags.has('model') ? { model: flags.get('model')! } : {}),
      ...(flags.has('models') ? { modelsDir: flags.get('models')! } : {}),
      ...(flags.has('out') ? { out: flags.get('out')! } : {}),
      ...(flags.has('work') ? { workDir: flags.get('work')! } : {}),
      ...(flags.get('licence') ?? flags.get('license') ? { licence: (flags.get('licence') ?? flags.get('license'))! } : {}),
      ...(flags.has('language') ? { language: flags.get('language')! } : {}),
      ...(kind ? { kind: kind as CatalogKind } : {}),
      ...(q ? { quantisation: q as Quantisation } : {}),
      replace: flags.get('replace') === 'true',
    });
    return r.written ? 0 : 1;
  } catch (err) {
    // Expected failures (BuildError, a missing ffmpeg, a model that is not there) are one sentence;
    // anything else is a bug in the builder, shown with its stack.
    if (err instanceof BuildError || (err instanceof Error && ['FfmpegError', 'ModelIdentityError'].includes(err.name))) {
      console.error(`error: ${err.message}`);
      return 1;
    }
    throw err;
  }
}

process.exitCode = await main(process.argv.slice(2));
