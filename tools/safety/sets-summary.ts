// One summary of the app's text guard, exactly as shipped (createSafetyGuard over public/models/safety/lexicon.json
// and model.json, as tools/eval-safety.ts builds it), over every labelled safety set in tests/golden/safety:
// benign refusals per benign set and language, and unsafe recall (plain / obfuscated) per unsafe set and language,
// plus the shipped catalogs' titles and tags. Counts only on the screen: it never prints which items of a set were
// missed or refused, so it can be run on a blind set without reading its misses (benign-check.ts lists them).
// --save FILE writes every item's verdict (id -> refused) to FILE, to compare two versions line by line later
// (--compare FILE prints, for the older sets and the catalogs only, the items whose verdict changed).
// tools/eval-safety.ts prints the same counts beside BEFORE_2026_11_30 (the guard before the changes of that day).
// Usage: npx tsx tools/safety/sets-summary.ts [--save /tmp/before.json] [--compare /tmp/before.json]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSafetyGuard } from '../../src/core/safety/guard.ts';
import { createLexiconGuard } from '../../src/core/safety/lexicon.ts';
import { createModelGuard } from '../../src/core/safety/model.ts';
import { catalogNames, catalogTexts } from './false-positives.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const GOLDEN = join(ROOT, 'tests/golden/safety');
const MODEL_DIR = join(ROOT, 'public/models/safety');

interface Row {
  id: string;
  text: string;
  lang: 'en' | 'ko';
  label: 'safe' | 'unsafe';
  kind: string;
}

/** Sets written on 2026-11-30 before the guard changes of that day; --compare does not list their items. */
export const NEW_BLIND_SETS = ['benign-blind2.jsonl', 'blind3-en.jsonl', 'blind3-ko.jsonl'];
export const BENIGN_SETS = ['benign.jsonl', 'benign-blind.jsonl', 'benign-blind2.jsonl'];
export const UNSAFE_SETS: [string, string[]][] = [
  ['tuning (en, ko)', ['en.jsonl', 'ko.jsonl']],
  ['holdout', ['holdout-en.jsonl', 'holdout-ko.jsonl']],
  ['blind2', ['blind2-en.jsonl', 'blind2-ko.jsonl']],
  ['blind3', ['blind3-en.jsonl', 'blind3-ko.jsonl']],
];

/** [hits, total] */
export type Count = [number, number];
export interface Summary {
  /** set -> language -> refused benign items */
  benign: Record<string, Record<'en' | 'ko', Count>>;
  /** set -> language -> plain / obfuscated recall and the files' own benign + near-miss rows refused */
  unsafe: Record<string, Record<'en' | 'ko', { plain: Count; obfuscated: Count; safeRefused: Count }>>;
  catalog: Count;
  /** every verdict: `${file}:${id}` or `catalog:${name}:${text}` -> refused */
  verdicts: Record<string, boolean>;
}

/**
 * The guard's state before the changes of 2026-11-30 (src/core/safety as committed, lexicon.json built from it),
 * measured with this tool on 2026-11-30 on the shared 2-core VM, once, before any of them was made; the new blind
 * sets (NEW_BLIND_SETS) were written before that run.
 */
export const BEFORE_2026_11_30: Omit<Summary, 'verdicts'> = {
  benign: {
    'benign.jsonl': { en: [2, 449], ko: [0, 420] },
    'benign-blind.jsonl': { en: [19, 137], ko: [9, 134] },
    'benign-blind2.jsonl': { en: [23, 185], ko: [13, 175] },
  },
  unsafe: {
    'tuning (en, ko)': { en: { plain: [42, 42], obfuscated: [72, 72], safeRefused: [0, 90] }, ko: { plain: [41, 42], obfuscated: [49, 50], safeRefused: [0, 90] } },
    holdout: { en: { plain: [10, 12], obfuscated: [19, 22], safeRefused: [0, 30] }, ko: { plain: [12, 12], obfuscated: [17, 18], safeRefused: [0, 30] } },
    blind2: { en: { plain: [2, 2], obfuscated: [28, 32], safeRefused: [0, 0] }, ko: { plain: [2, 2], obfuscated: [23, 28], safeRefused: [0, 0] } },
    blind3: { en: { plain: [18, 20], obfuscated: [27, 28], safeRefused: [0, 0] }, ko: { plain: [18, 20], obfuscated: [19, 27], safeRefused: [0, 0] } },
  },
  catalog: [11, 14925],
};

const load = (f: string): Row[] =>
  existsSync(join(GOLDEN, f))
    ? readFileSync(join(GOLDEN, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Row)
    : [];

/** Counts for a guard (`refused(text)`) over every set and the catalogs. */
export function summarize(refused: (text: string) => boolean): Summary {
  const verdicts: Record<string, boolean> = {};
  const judge = (key: string, text: string): boolean => (verdicts[key] ??= refused(text));
  const out: Summary = { benign: {}, unsafe: {}, catalog: [0, 0], verdicts };
  for (const f of BENIGN_SETS) {
    const rows = load(f);
    if (!rows.length) continue;
    const cell = (lang: 'en' | 'ko'): Count => {
      const rs = rows.filter((r) => r.lang === lang);
      return [rs.filter((r) => judge(`${f}:${r.id}`, r.text)).length, rs.length];
    };
    out.benign[f] = { en: cell('en'), ko: cell('ko') };
  }
  for (const [name, files] of UNSAFE_SETS) {
    const rows = files.flatMap((f) => load(f).map((r) => ({ ...r, f })));
    if (!rows.length) continue;
    const per = (lang: 'en' | 'ko') => {
      const rs = rows.filter((r) => r.lang === lang);
      const hit = (xs: typeof rs): Count => [xs.filter((r) => judge(`${r.f}:${r.id}`, r.text)).length, xs.length];
      const unsafe = rs.filter((r) => r.label === 'unsafe');
      return { plain: hit(unsafe.filter((r) => r.kind === 'plain')), obfuscated: hit(unsafe.filter((r) => r.kind === 'obfuscated')), safeRefused: hit(rs.filter((r) => r.label === 'safe')) };
    };
    out.unsafe[name] = { en: per('en'), ko: per('ko') };
  }
  for (const c of catalogNames()) {
    for (const t of catalogTexts(c, true)) {
      out.catalog[1]++;
      if (judge(`catalog:${c}:${t}`, t)) out.catalog[0]++;
    }
  }
  return out;
}

export const frac = ([k, n]: Count): string => `${k}/${n}${n ? ` (${((100 * k) / n).toFixed(2)}%)` : ''}`;

/** The shipped guard, as tools/eval-safety.ts and benign-check.ts build it. */
export function shippedGuard(): (text: string) => boolean {
  const lexicon = createLexiconGuard(JSON.parse(readFileSync(join(MODEL_DIR, 'lexicon.json'), 'utf8')) as unknown);
  const modelPath = join(MODEL_DIR, 'model.json');
  const model = existsSync(modelPath) ? createModelGuard(JSON.parse(readFileSync(modelPath, 'utf8')) as unknown) : undefined;
  const guard = createSafetyGuard({ lexicon, ...(model ? { model } : {}) });
  return (t) => guard.check(t).verdict === 'unsafe';
}

function main(): void {
  const args = process.argv.slice(2);
  const s = summarize(shippedGuard());
  console.log('Benign sets (refused / items):');
  console.log('| set | en | ko |');
  console.log('| --- | ---: | ---: |');
  for (const [f, v] of Object.entries(s.benign)) console.log(`| ${f} | ${frac(v.en)} | ${frac(v.ko)} |`);
  console.log('');
  console.log("Unsafe sets (recall: caught / unsafe items; the tuning and holdout files' benign and near-miss rows: refused / items):");
  console.log('| set | language | plain | obfuscated | benign + near-miss refused |');
  console.log('| --- | --- | ---: | ---: | ---: |');
  for (const [name, v] of Object.entries(s.unsafe)) {
    for (const lang of ['en', 'ko'] as const) console.log(`| ${name} | ${lang} | ${frac(v[lang].plain)} | ${frac(v[lang].obfuscated)} | ${v[lang].safeRefused[1] ? frac(v[lang].safeRefused) : '-'} |`);
  }
  console.log('');
  console.log(`Catalog titles and tags refused: ${frac(s.catalog)}`);
  const saveAt = args.indexOf('--save');
  if (saveAt >= 0) writeFileSync(args[saveAt + 1]!, JSON.stringify(s.verdicts));
  const cmpAt = args.indexOf('--compare');
  if (cmpAt >= 0) {
    const before = JSON.parse(readFileSync(args[cmpAt + 1]!, 'utf8')) as Record<string, boolean>;
    const changed = Object.keys(s.verdicts).filter((k) => k in before && before[k] !== s.verdicts[k]);
    const hidden = changed.filter((k) => NEW_BLIND_SETS.some((f) => k.startsWith(`${f}:`)));
    console.log('');
    console.log(`Verdicts changed since the saved run (older sets and catalogs; ${hidden.length} changes in the new blind sets not listed):`);
    for (const k of changed) if (!hidden.includes(k)) console.log(`- ${k}: ${before[k] ? 'refused' : 'passed'} -> ${s.verdicts[k] ? 'refused' : 'passed'}`);
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) main();
