// Runs the app's text guard, exactly as shipped (createSafetyGuard over public/models/safety/lexicon.json and
// model.json, as tools/eval-safety.ts builds it), over the labelled benign set tests/golden/safety/benign.jsonl
// (ordinary English and Korean words and phrases, many with substrings of profanity: "Scunthorpe", "시발점")
// and prints the refusal rate, overall, per language and per category, with every refused item and why.
// Also reports the lexicon alone and the model alone (at its own threshold, whatever its role), so a
// threshold change can be judged against the issue's target: benign refusals at most 0.1%.
// Usage: npx tsx tools/safety/benign-check.ts [--set tests/golden/safety/benign-blind.jsonl | benign-blind2.jsonl] [--append]
// (--append writes the set's section of tests/golden/safety/RESULTS.md, replacing it when it is there already)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { createSafetyGuard } from '../../src/core/safety/guard.ts';
import { createLexiconGuard } from '../../src/core/safety/lexicon.ts';
import { createModelGuard } from '../../src/core/safety/model.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SET_ARG = process.argv.indexOf('--set');
const SET = join(ROOT, SET_ARG >= 0 ? process.argv[SET_ARG + 1]! : 'tests/golden/safety/benign.jsonl');
const SET_NAME = SET.slice(join(ROOT).length + 1);
/** One RESULTS.md section per set (replaced when the set is checked again). */
const HEADINGS: Record<string, string> = {
  'benign.jsonl': '## Benign set: ordinary English and Korean words and phrases (issue 17, item 6)',
  'benign-blind.jsonl': '## Blind benign set: written before the benign-sense mechanism, read after it was frozen (issue 17, item 6)',
  'benign-blind2.jsonl': '## Second blind benign set: written before the guard changes of 2026-11-30, read once after them (issue 17, item 6)',
};
const BASE = SET_NAME.slice(SET_NAME.lastIndexOf('/') + 1);
const DEFAULT_SET = BASE === 'benign.jsonl';
const MODEL_DIR = join(ROOT, 'public/models/safety');
const TARGET = 0.001;

const RowSchema = z.object({
  id: z.string(),
  text: z.string().min(1),
  lang: z.enum(['en', 'ko']),
  label: z.literal('safe'),
  kind: z.literal('benign'),
  category: z.string(),
});
type Row = z.infer<typeof RowSchema>;

export function loadBenign(path = SET): Row[] {
  const rows = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l, i) => {
    const r = RowSchema.safeParse(JSON.parse(l));
    if (!r.success) throw new Error(`benign.jsonl:${i + 1}: ${r.error.issues[0]?.message}`);
    return r.data;
  });
  const ids = new Set(rows.map((r) => r.id));
  if (ids.size !== rows.length) throw new Error('benign.jsonl: duplicate ids');
  return rows;
}

const pct = (k: number, n: number) => `${((100 * k) / n).toFixed(2)}%`;

function main(): void {
  const rows = loadBenign(SET);
  const lexicon = createLexiconGuard(JSON.parse(readFileSync(join(MODEL_DIR, 'lexicon.json'), 'utf8')) as unknown);
  const modelPath = join(MODEL_DIR, 'model.json');
  const model = existsSync(modelPath) ? createModelGuard(JSON.parse(readFileSync(modelPath, 'utf8')) as unknown) : undefined;
  const guard = createSafetyGuard({ lexicon, ...(model ? { model } : {}) });

  const verdicts = rows.map((r) => ({ row: r, v: guard.check(r.text), lexicon: lexicon.check(r.text).verdict === 'unsafe', model: model ? model.score(r.text) : null }));
  const refused = verdicts.filter((x) => x.v.verdict === 'unsafe');
  const lines: string[] = [];
  const say = (s = '') => {
    lines.push(s);
    console.log(s);
  };
  const langs = ['en', 'ko'] as const;
  const cats = [...new Set(rows.map((r) => r.category))];
  say(`Guard as shipped: lexicon (${lexicon.termCount} entries)${model ? ` then model (threshold ${model.threshold}, role ${model.role})` : ', no model.json'}.`);
  say('');
  say('| set | items | refused (guard as shipped) | rate | lexicon alone | model alone at its threshold |');
  say('| --- | ---: | ---: | ---: | ---: | ---: |');
  const row = (name: string, xs: typeof verdicts) => {
    const k = xs.filter((x) => x.v.verdict === 'unsafe').length;
    const lex = xs.filter((x) => x.lexicon).length;
    const mod = model ? xs.filter((x) => (x.model ?? 0) >= model.threshold).length : null;
    say(`| ${name} | ${xs.length} | ${k} | ${pct(k, xs.length)} | ${lex} (${pct(lex, xs.length)}) | ${mod === null ? '-' : `${mod} (${pct(mod, xs.length)})`} |`);
  };
  row('all', verdicts);
  for (const l of langs) row(l === 'en' ? 'English' : 'Korean', verdicts.filter((x) => x.row.lang === l));
  for (const l of langs) for (const c of cats) {
    const xs = verdicts.filter((x) => x.row.lang === l && x.row.category === c);
    if (xs.length) row(`${l} ${c}`, xs);
  }
  say('');
  const rate = refused.length / rows.length;
  say(`Benign refusal rate: ${refused.length} of ${rows.length} = ${pct(refused.length, rows.length)} (target at most ${pct(TARGET * rows.length, rows.length)}: ${rate <= TARGET ? 'met' : 'NOT met'}).`);
  if (refused.length) {
    say('');
    say('Refused:');
    for (const x of refused) {
      const why = x.v.by === 'lexicon' ? `lexicon: ${x.v.matches.map((m) => `"${m.term}"`).join(', ')} [${x.v.categories.join(', ')}]` : `model score ${x.v.modelScore?.toFixed(3)}`;
      say(`- ${x.row.id} [${x.row.category}] "${x.row.text}": ${why}`);
    }
  }
  const modelOnly = model ? verdicts.filter((x) => (x.model ?? 0) >= model.threshold) : [];
  if (model && modelOnly.length) {
    say('');
    say(`The model alone at its threshold ${model.threshold} (${model.role === 'guard' ? 'it refuses these' : 'role measured-only: it refuses none of these in the app'}):`);
    for (const x of modelOnly) say(`- ${x.row.id} [${x.row.category}] "${x.row.text}": score ${x.model!.toFixed(4)}`);
  }
  if (process.argv.includes('--append')) {
    const heading = HEADINGS[BASE] ?? `## Benign set ${BASE} (issue 17, item 6)`;
    const section = [
      '',
      heading,
      '',
      `Command: \`npx tsx tools/safety/benign-check.ts${DEFAULT_SET ? '' : ` --set ${SET_NAME}`} --append\`; set: \`${SET_NAME}\` (${rows.length} items, ${rows.filter((r) => r.lang === 'en').length} English and ${rows.filter((r) => r.lang === 'ko').length} Korean, hand-written in categories: places, food, film and book titles, brand-like names, words with substrings of profanity, everyday requests). Date: ${new Date().toISOString().slice(0, 10)}.`,
      '',
      ...lines,
      '',
    ].join('\n');
    const file = join(ROOT, 'tests/golden/safety/RESULTS.md');
    const text = readFileSync(file, 'utf8');
    // Replace this set's section (up to the next "## " heading) when it is there, else append it.
    const at = text.indexOf(`\n${heading}\n`);
    const next = at < 0 ? -1 : text.indexOf('\n## ', at + heading.length + 2);
    writeFileSync(file, at < 0 ? text + section : text.slice(0, at) + section + (next < 0 ? '' : text.slice(next)));
  }
}

main();
