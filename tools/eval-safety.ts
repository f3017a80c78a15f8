// Evaluates the safety guards on the labelled golden sets (tests/golden/safety/*.jsonl):
// precision / recall / F1 per language, recall per obfuscation type, false-positive rate on benign
// and near-miss text, time per message, and refusals of the shipped catalogs' titles and tags (benign
// by construction; tools/safety/false-positives.ts lists them). Prints a table; --write also writes RESULTS.md.
// Usage: npx tsx tools/eval-safety.ts [--write] [--misses] [--audit-dict /usr/share/dict/words]
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { createSafetyGuard } from '../src/core/safety/guard.ts';
import { createLexiconGuard } from '../src/core/safety/lexicon.ts';
import { createModelGuard } from '../src/core/safety/model.ts';
import { compileLexicon } from './safety/compile-lexicon.ts';
import { DROPPED } from './safety/curation.ts';
import { catalogNames, catalogTexts } from './safety/false-positives.ts';

const ROOT = join(import.meta.dirname, '..');
const GOLDEN = join(ROOT, 'tests/golden/safety');
const MODEL_DIR = join(ROOT, 'public/models/safety');
const TIMING_REPEATS = 20;

const RowSchema = z.object({
  id: z.string(),
  text: z.string(),
  lang: z.enum(['en', 'ko']),
  label: z.enum(['safe', 'unsafe']),
  kind: z.enum(['plain', 'obfuscated', 'benign', 'near-miss']),
  obfuscation: z.string().optional(),
});
type Row = z.infer<typeof RowSchema> & { set: 'tuning' | 'holdout' };

/** The labelled chat sets (benign*.jsonl and the blind sets are read separately). */
const GOLDEN_FILE = /^(en|ko|holdout-en|holdout-ko)\.jsonl$/;
const BLIND_FILE = /^blind2-(en|ko)\.jsonl$/;

export function loadGolden(dir = GOLDEN, file = GOLDEN_FILE): Row[] {
  const rows: Row[] = [];
  for (const f of readdirSync(dir).filter((n) => file.test(n)).sort()) {
    readFileSync(join(dir, f), 'utf8').split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      const r = RowSchema.safeParse(JSON.parse(line));
      if (!r.success) throw new Error(`${f}:${i + 1}: ${r.error.issues[0]?.message}`);
      rows.push({ ...r.data, set: f.startsWith('holdout') ? 'holdout' : 'tuning' });
    });
  }
  return rows;
}

type Classify = (text: string) => boolean;

interface Counts { tp: number; fp: number; fn: number; tn: number }
const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0, tn: 0 });
function tally(rows: Row[], pred: Map<string, boolean>): Counts {
  const c = zero();
  for (const r of rows) {
    const p = pred.get(r.id)!;
    if (r.label === 'unsafe') p ? c.tp++ : c.fn++;
    else p ? c.fp++ : c.tn++;
  }
  return c;
}
const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
const prf = (c: Counts): { p: number; r: number; f1: number } => {
  const p = c.tp / (c.tp + c.fp);
  const r = c.tp / (c.tp + c.fn);
  return { p, r, f1: (2 * p * r) / (p + r) };
};

function timeIt(rows: Row[], fn: Classify): { meanMs: number; p95Ms: number } {
  const samples: number[] = [];
  for (const r of rows) fn(r.text); // warm up
  for (let k = 0; k < TIMING_REPEATS; k++) {
    for (const r of rows) {
      const t0 = performance.now();
      fn(r.text);
      samples.push(performance.now() - t0);
    }
  }
  samples.sort((a, b) => a - b);
  return { meanMs: samples.reduce((a, b) => a + b, 0) / samples.length, p95Ms: samples[Math.floor(samples.length * 0.95)]! };
}

function evaluate(name: string, rows: Row[], fn: Classify, lines: string[], misses: boolean): void {
  const pred = new Map(rows.map((r) => [r.id, fn(r.text)] as const));
  lines.push(`### ${name}`, '');
  lines.push('| set | language | precision | recall (all unsafe) | F1 | recall plain | recall obfuscated | FPR benign | FPR near-miss | FPR benign+near-miss | n |');
  lines.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const [set, lang] of [['tuning', 'en'], ['tuning', 'ko'], ['holdout', 'en'], ['holdout', 'ko'], ['all', 'en'], ['all', 'ko'], ['all', 'all']] as const) {
    const rs = rows.filter((r) => (set === 'all' || r.set === set) && (lang === 'all' || r.lang === lang));
    const m = prf(tally(rs, pred));
    const rec = (kind: Row['kind']): string => {
      const c = tally(rs.filter((r) => r.kind === kind), pred);
      return `${f3(c.tp / (c.tp + c.fn))} (${c.tp}/${c.tp + c.fn})`;
    };
    const fpr = (kinds: Row['kind'][]): string => {
      const c = tally(rs.filter((r) => kinds.includes(r.kind)), pred);
      return `${f3(c.fp / (c.fp + c.tn))} (${c.fp}/${c.fp + c.tn})`;
    };
    lines.push(`| ${set} | ${lang} | ${f3(m.p)} | ${f3(m.r)} | ${f3(m.f1)} | ${rec('plain')} | ${rec('obfuscated')} | ${fpr(['benign'])} | ${fpr(['near-miss'])} | ${fpr(['benign', 'near-miss'])} | ${rs.length} |`);
  }
  lines.push('', 'Recall per obfuscation type (tuning + holdout sets):', '', '| obfuscation type | en recall | ko recall |', '| --- | --- | --- |');
  const types = [...new Set(rows.filter((r) => r.obfuscation).map((r) => r.obfuscation!))].sort();
  for (const t of types) {
    const cell = (lang: string): string => {
      const c = tally(rows.filter((r) => r.lang === lang && r.obfuscation === t), pred);
      return c.tp + c.fn ? `${f3(c.tp / (c.tp + c.fn))} (${c.tp}/${c.tp + c.fn})` : '-';
    };
    lines.push(`| ${t} | ${cell('en')} | ${cell('ko')} |`);
  }
  const tm = timeIt(rows, fn);
  lines.push('', `Time per message over ${rows.length} messages x ${TIMING_REPEATS}: mean ${tm.meanMs.toFixed(4)} ms, p95 ${tm.p95Ms.toFixed(4)} ms.`, '');
  if (misses) {
    for (const r of rows) {
      const p = pred.get(r.id)!;
      if (p !== (r.label === 'unsafe')) console.log(`  ${name} ${p ? 'FALSE POSITIVE' : 'miss'} ${r.id} [${r.kind}${r.obfuscation ? '/' + r.obfuscation : ''}] ${JSON.stringify(r.text)}`);
    }
  }
}

const args = process.argv.slice(2);
const load0 = loadavg()[0]!;
const rows = loadGolden();
const lexData = JSON.parse(readFileSync(join(MODEL_DIR, 'lexicon.json'), 'utf8')) as unknown;
const t0 = performance.now();
const lexicon = createLexiconGuard(lexData);
const lexBuildMs = performance.now() - t0;

const auditIdx = args.indexOf('--audit-dict');
if (auditIdx >= 0) {
  const path = args[auditIdx + 1] ?? '/usr/share/dict/words';
  const words = readFileSync(path, 'utf8').split('\n').filter(Boolean);
  const flagged = words.filter((w) => lexicon.check(w).verdict === 'unsafe');
  console.log(`${flagged.length} of ${words.length} dictionary words flagged:`);
  console.log(flagged.map((w) => `${w}(${lexicon.check(w).matches.map((m) => m.term).join('+')})`).join(' '));
  process.exit(0);
}

const t1 = performance.now();
const rawJson = (p: string): unknown => JSON.parse(readFileSync(join(ROOT, 'node_modules', p), 'utf8'));
compileLexicon({
  naughtyEn: rawJson('naughty-words/en.json') as string[],
  naughtyKo: rawJson('naughty-words/ko.json') as string[],
  badwordsKo: (rawJson('badwords-ko/src/badwords.ko.config.json') as { badWords: string[] }).badWords,
  versions: { naughtyWords: '', badwordsKo: '' },
});
const compileMs = performance.now() - t1;

const lines: string[] = [];
evaluate('Lexicon guard (always on)', rows, (t) => lexicon.check(t).verdict === 'unsafe', lines, args.includes('--misses'));
const modelPath = join(MODEL_DIR, 'model.json');
let modelNote = 'model.json not built: run `npx tsx tools/train-safety-model.ts`.';
const catalogRows: string[] = ['| catalog | titles and tags | lexicon | model alone | combined guard as shipped |', '| --- | ---: | ---: | ---: | ---: |'];
let shipped: Classify = (t) => lexicon.check(t).verdict === 'unsafe';
let modelAlone: Classify | undefined;
if (existsSync(modelPath)) {
  const weights = JSON.parse(readFileSync(modelPath, 'utf8')) as unknown;
  const model = createModelGuard(weights);
  modelAlone = (t) => model.score(t) >= model.threshold;
  evaluate(`Model guard alone (char n-gram logistic regression, threshold ${model.threshold}, role ${model.role})`, rows, modelAlone, lines, args.includes('--misses'));
  const combined = createSafetyGuard({ lexicon, model });
  shipped = (t) => combined.check(t).verdict === 'unsafe';
  const title = model.role === 'guard' ? 'Combined guard as shipped (lexicon, then model)' : 'Combined guard as shipped (lexicon only: the model is "measured-only" and refuses nothing)';
  evaluate(title, rows, shipped, lines, args.includes('--misses'));
  modelNote = `model.json: ${model.featureCount} hashed features, role ${model.role}, trained on ${model.trainedOn}.`;
}
const totals = [0, 0, 0, 0];
for (const catalog of catalogNames()) {
  const texts = catalogTexts(catalog, true);
  const counts = [texts.length, texts.filter((t) => lexicon.check(t).verdict === 'unsafe').length, modelAlone ? texts.filter(modelAlone).length : 0, texts.filter(shipped).length];
  counts.forEach((c, i) => (totals[i]! += c));
  catalogRows.push(`| ${catalog} | ${counts.join(' | ')} |`);
}
const pct = (n: number): string => `${n} (${((n / totals[0]!) * 100).toFixed(2)} %)`;
catalogRows.push(`| all | ${totals[0]} | ${pct(totals[1]!)} | ${pct(totals[2]!)} | ${pct(totals[3]!)} |`);
// Blind sets, written before the benign-sense mechanism (src/core/safety/senses.ts) and read only after it was frozen.
const blind = loadGolden(GOLDEN, BLIND_FILE);
if (blind.length) {
  lines.push('### Blind obfuscated-abuse sets (blind2-en.jsonl, blind2-ko.jsonl): combined guard as shipped', '');
  lines.push('| language | recall (all unsafe) | n |', '| --- | --- | --- |');
  for (const lang of ['en', 'ko', 'all'] as const) {
    const rs = blind.filter((r) => lang === 'all' || r.lang === lang);
    const hit = rs.filter((r) => shipped(r.text)).length;
    lines.push(`| ${lang} | ${f3(hit / rs.length)} (${hit}/${rs.length}) | ${rs.length} |`);
  }
  const missed = blind.filter((r) => !shipped(r.text));
  lines.push('', `Missed: ${missed.map((r) => `${r.id} [${r.obfuscation ?? r.kind}] ${JSON.stringify(r.text)}`).join('; ') || 'none'}.`, '');
}
lines.push('### Benign refusals on the shipped catalogs (public/models/catalogs/*/items.json titles and tags, all languages)', '', ...catalogRows, '');
const table = lines.join('\n');
console.log(table);
console.log(`lexicon: ${lexicon.termCount} entries, guard built in ${lexBuildMs.toFixed(1)} ms. ${modelNote}`);

if (args.includes('--write')) {
  const dropped = (['en', 'ko'] as const).map((lang) => {
    const entries = Object.entries(DROPPED[lang]);
    return `#### ${lang} (${entries.length})\n\n${entries.map(([e, why]) => `- \`${e}\`: ${why}`).join('\n')}`;
  });
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const md = `# Safety guards: measured results

Command: \`npx tsx tools/eval-safety.ts --write\`
Machine: shared 2-core VM (${cpu}), no GPU, Node ${process.version}; single-threaded; load average at the start of the run ${load0.toFixed(1)} (the VM is shared with other jobs, so times are upper bounds).
Date: 2026-11-30 (measured ${new Date().toISOString()}).
Golden sets: ${rows.length} hand-written chat messages (${rows.filter((r) => r.lang === 'en').length} en, ${rows.filter((r) => r.lang === 'ko').length} ko) in tests/golden/safety/*.jsonl, never used
for training (tools/train-safety-model.ts removes any generated sentence that normalises like a golden one and asserts none is left).
- "tuning" set (en.jsonl, ko.jsonl, ${rows.filter((r) => r.set === 'tuning').length} messages): written first; the lexicon's normaliser and curation were then
  iterated while looking at its misses (general fixes only, e.g. enclosed letters, compound jamo, elongation with a final),
  so its numbers are optimistic.
- "holdout" set (holdout-en.jsonl, holdout-ko.jsonl, ${rows.filter((r) => r.set === 'holdout').length} messages): written after the matcher was frozen; its misses
  were not used to change anything (the fairer estimate). Changed afterwards, for other reasons: label bugs in the
  allow/drop lists found by the model-training diagnostics (e.g. "raped", "coons" had been allowed by mistake) and the
  model's threshold policy; the holdout rows of the lexicon table were the same before and after.
Both were written by the same engineer who curated the lists, which still biases the near-miss results upward.
Targets: recall >= 0.95 on obfuscated unsafe, FPR <= 0.01 on benign, < 1 ms per message (lexicon); at most 0.1 % of the
shipped catalogs' titles and tags refused (issue 17, item 6).
Counts in brackets are hits/total. "near-miss" = benign text built around words that contain or look like a listed entry.

${table}
Lexicon: ${lexicon.termCount} entries, guard built from public/models/safety/lexicon.json in ${lexBuildMs.toFixed(1)} ms (once per worker; includes schema validation).
Building it at import time instead, from the raw lists in node_modules: compile ${compileMs.toFixed(1)} ms + guard as above; the shipped file is used
(one small file with its licence beside it; the raw lists are not bundled).
${modelNote}

## Known misses (holdout) and limits

- Dropped by policy, so not blocked by the lexicon: "nude", "xxx" (see the curation list below). The model does not catch them either.
- Not normalised: "v" for "u" ("fvck"), transposed letters ("pr0n"), a mask hiding all but one letter ("f***"),
  Korean typed on an English keyboard beyond the listed forms ("qudtls" = 병신), "77" for ㄲ.
- Word boundaries: splits inside a word with spaces ("fu ck") are not joined on purpose: "push it" / "pen is" would become
  false positives.
- Benign senses (src/core/safety/senses.ts, data from WordNet built by tools/safety/benign-senses.ts and embedded in
  lexicon.json): a plainly spelled hit is cleared inside a WordNet multi-word lemma ("pussy willow", "spotted dick"), next
  to a word of a benign sense in the same clause ("boner (a blunder)", "tits" near "bird"), as a verb before its object
  ("retard the spark"), as a listed first name before a possessive and a capitalised word ("Dick's Sporting Goods"),
  before ", Region" ("Intercourse, Pennsylvania"), and a Korean numeral entry before a counter ("십팔번"). A first version
  also cleared any hit next to a capitalised word ("Kick-Ass", "Dick Whittington"); the blind abuse set showed insults in
  title case passing that way ("Dick Face", "Pussy Boy", "Dick Pics": en recall 25/34), so that rule was removed (30/34,
  and 2 of the 869 benign items refused again: the two titles). Abuse that still passes: a listed word inside a WordNet
  expression or next to a word of its benign sense ("you're a dumb wild ass", "horny toad girls near me"), a verb-like
  insult ("retard the whole lot of you"). See the blind sets below.
- The model (char n-gram logistic regression) did not earn its place (issue 17, item 6). At the old threshold 0.982 it
  refused 35 catalog titles (27 movie titles such as "The Big Chill", "Jersey Girl", "Big"; 8 sticker names such as
  "shower", "thread", "beaver", "입") and added one golden-set hit over the lexicon (ko-088 "개새77ㅣ야"). Its threshold is now
  chosen so that at most 0.1 % of held-out benign sentences plus every catalog title and tag score above it (0.9966);
  there, its recall on entries never seen in training is 0.011 against the 0.1 a guard needs, so the build marks it
  "measured-only": it ships for measurement and the combined guard does not consult it. The LLM guard (when web-llm
  is up) is the second stage.
- Catalog titles that contain a listed word ("The Bank Dick", "Jackass Number Two", "Zack and Miri Make a Porno") are
  refused by the lexicon unless the app passes the catalog's titles as allowed phrases
  (\`createLexiconGuard(data, { allow: titles })\`; one-word titles such as "Dick" stay refused). The table above is
  without them. "M*A*S*H" was refused as "a(s)s": masks between single letters are now separators, not hidden letters.
- "꺼져" (get lost) is not listed alone because "불이 꺼져요" (the light goes out) is everyday Korean.

## Curation: entries dropped from the source lists and why

Dropped because they block everyday words (or are a preference, not abuse). Entries that normalise like a dropped
one are dropped too (listed by the build tool).

${dropped.join('\n\n')}
`;
  writeFileSync(join(GOLDEN, 'RESULTS.md'), md);
  console.log('wrote tests/golden/safety/RESULTS.md');
}
