// How much the shipped model's text tower tells text items apart (issue 16: "text-only catalogs are
// searched by words, the knowledge layer, and the text tower"). Real text no one here wrote: the
// packages installed on this Debian machine (/var/lib/dpkg/status), each an item embedded from its
// long description, as `catalog build` embeds a text item that has a `description` (textOf in
// tools/catalog/embed-items.ts). Queries: each package's one-line synopsis, whose own item is the
// right answer; and random letter strings, whose best match is noise. Prints a table. Then the same
// packages go through `catalog build` (title: the synopsis, description: the long description) and
// the "no match" floor the builder measured and wrote to the manifest is printed, with its queries
// by kind (tools/catalog/no-match-floor.ts).
//
//   npx tsx bench/catalog/text-tower.ts [--items 300] [--nonsense 100] [--model clip-mini]
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rng } from '../../src/core/random.ts';
import { cliFlags } from '../../tools/cli.ts';
import { buildCatalog } from '../../tools/catalog/build.ts';
import { createClipEncoder } from '../../tools/catalog/encoder.ts';

const flags = cliFlags(process.argv.slice(2));
const ITEMS = Number(flags.get('items') ?? 300);
const NONSENSE = Number(flags.get('nonsense') ?? 100);
const MODEL = flags.get('model') ?? 'clip-mini';
/** Long descriptions shorter than this say too little to be an item's text. */
const MIN_DESCRIPTION_CHARS = 80;
/** As the builder keeps a description (tools/catalog/input.ts). */
const MAX_DESCRIPTION_CHARS = 1024;
const K = 10;

interface Pkg { name: string; synopsis: string; description: string }

function packages(status: string): Pkg[] {
  const out: Pkg[] = [];
  for (const block of status.split('\n\n')) {
    const name = /^Package: (.+)$/m.exec(block)?.[1];
    const d = /^Description: (.+)\n((?: .*\n?)*)/m.exec(block);
    if (!name || !d) continue;
    const description = d[2]!.split('\n').map((l) => l.trim()).filter((l) => l && l !== '.').join(' ');
    if (description.length >= MIN_DESCRIPTION_CHARS) out.push({ name, synopsis: d[1]!.trim(), description: description.slice(0, MAX_DESCRIPTION_CHARS) });
  }
  // One item per synopsis: library packages often share theirs ("… (development files)").
  const seen = new Set<string>();
  return out.filter((p) => !seen.has(p.synopsis.toLowerCase()) && seen.add(p.synopsis.toLowerCase())).sort((a, b) => a.name.localeCompare(b.name));
}

const dot = (a: Float32Array, b: Float32Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};
const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

const all = packages(await readFile('/var/lib/dpkg/status', 'utf8'));
const rand = rng(20261130);
const pool = [...all];
const items: Pkg[] = [];
while (items.length < Math.min(ITEMS, pool.length)) items.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]!);
const letters = 'abcdefghijklmnopqrstuvwxyz';
const nonsense = Array.from({ length: NONSENSE }, () => Array.from({ length: 5 + Math.floor(rand() * 6) }, () => letters[Math.floor(rand() * 26)]).join(''));

const enc = await createClipEncoder('public/models', MODEL);
const embed = async (texts: string[]): Promise<Float32Array[]> => {
  const out: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += 64) out.push(...(await enc.embedTexts(texts.slice(i, i + 64))));
  return out;
};
const itemVecs = await embed(items.map((p) => p.description));
const queryVecs = await embed(items.map((p) => p.synopsis));
const noiseVecs = await embed(nonsense);

let at1 = 0;
let atK = 0;
const ownCos: number[] = [];
const bestReal: number[] = [];
queryVecs.forEach((q, i) => {
  const scores = itemVecs.map((v) => dot(q, v));
  const own = scores[i]!;
  const rank = scores.filter((s) => s > own).length;
  if (rank < 1) at1++;
  if (rank < K) atK++;
  ownCos.push(own);
  bestReal.push(Math.max(...scores));
});
const bestNoise = noiseVecs.map((q) => Math.max(...itemVecs.map((v) => dot(q, v))));
const floor = pct(bestNoise, 0.95);
const n = items.length;

console.log(`model ${enc.modelId}; ${n} Debian packages (of ${all.length} with a long description), ${NONSENSE} random-letter queries\n`);
console.log('| figure | value |');
console.log('|---|---|');
console.log(`| synopsis -> own package, top 1 | ${at1}/${n} (${((100 * at1) / n).toFixed(1)}%; chance ${(100 / n).toFixed(1)}%) |`);
console.log(`| synopsis -> own package, top ${K} | ${atK}/${n} (${((100 * atK) / n).toFixed(1)}%; chance ${((100 * K) / n).toFixed(1)}%) |`);
console.log(`| cosine, synopsis to its own package, p5 / p50 / p95 | ${pct(ownCos, 0.05).toFixed(3)} / ${pct(ownCos, 0.5).toFixed(3)} / ${pct(ownCos, 0.95).toFixed(3)} |`);
console.log(`| best cosine of a synopsis, p5 / p50 / p95 | ${pct(bestReal, 0.05).toFixed(3)} / ${pct(bestReal, 0.5).toFixed(3)} / ${pct(bestReal, 0.95).toFixed(3)} |`);
console.log(`| best cosine of random letters, p5 / p50 / p95 | ${pct(bestNoise, 0.05).toFixed(3)} / ${pct(bestNoise, 0.5).toFixed(3)} / ${floor.toFixed(3)} |`);
console.log(`| synopses whose own package clears a floor above 95% of the random letters (${floor.toFixed(3)}) | ${ownCos.filter((c) => c >= floor).length}/${n} |`);

// The builder's own floor on the same packages.
const tmp = await mkdtemp(join(tmpdir(), 'text-tower-'));
try {
  const file = join(tmp, 'packages.jsonl');
  await writeFile(file, items.map((p) => JSON.stringify({ id: p.name, title: p.synopsis, description: p.description, licence: 'Debian package descriptions' })).join('\n'));
  const built = await buildCatalog({ input: file, id: 'packages', model: MODEL, modelsDir: 'public/models', out: join(tmp, 'catalogs'), workDir: join(tmp, 'work'), quiet: true, log: () => undefined, logProblem: () => undefined });
  const m = built.noMatch!;
  const s = m.floor.separation!;
  const cut = m.floor.cosine;
  console.log(`\n\`catalog build\` of the same ${n} packages (title: synopsis; embedded from the description): manifest index.noMatchFloor\n`);
  console.log('| queries (builder, seeded) | n | best cosine p5 / p50 / p95 | at or above the floor |');
  console.log('|---|---|---|---|');
  for (const kind of [...new Set(m.scores.map((x) => x.kind))]) {
    const xs = m.scores.filter((x) => x.kind === kind).map((x) => x.best);
    console.log(`| ${kind === 'real' ? 'real: a title word of a random item' : kind} | ${xs.length} | ${pct(xs, 0.05).toFixed(3)} / ${pct(xs, 0.5).toFixed(3)} / ${pct(xs, 0.95).toFixed(3)} | ${xs.filter((x) => x >= cut).length} |`);
  }
  console.log(`\nfloor ${cut} (${m.floor.modelId}); real queries above it ${(100 * s.realAbove).toFixed(1)}%, own item in top 10 and above it ${(100 * s.realFound).toFixed(1)}%; synopses whose own package clears it ${ownCos.filter((c) => c >= cut).length}/${n}; verdict: ${m.belowNoise ? 'below noise' : 'above noise'}; build ${built.seconds.toFixed(1)} s`);
} finally {
  await rm(tmp, { recursive: true, force: true });
}
