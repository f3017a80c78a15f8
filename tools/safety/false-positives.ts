// Measures the safety guards' false positives on ordinary text the app ships: every catalog's item
// titles (all languages; with --tags, tags too). Each catalog text is benign by construction, so
// every refusal is a false positive. Prints, per catalog, how many texts each guard component
// refuses (the lexicon; the lexicon given the catalog's titles as allowed phrases, as the app can
// pass them; the model alone; the combined guard as shipped, and its refusals that only the model
// made) and lists them.
// Usage: npx tsx tools/safety/false-positives.ts [--tags] [--threshold 0.99] [--quiet]
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createSafetyGuard } from '../../src/core/safety/guard.ts';
import { createLexiconGuard } from '../../src/core/safety/lexicon.ts';
import { createModelGuard } from '../../src/core/safety/model.ts';

const ROOT = join(import.meta.dirname, '../..');
const CATALOGS = join(ROOT, 'public/models/catalogs');
const MODEL_DIR = join(ROOT, 'public/models/safety');

interface CatalogItemText {
  title: string;
  titles?: Record<string, string>;
  tags?: Record<string, string[]>;
}

/** The distinct texts of one catalog the guard may see: titles in every language, optionally tags. */
export function catalogTexts(catalog: string, withTags: boolean): string[] {
  const items = JSON.parse(readFileSync(join(CATALOGS, catalog, 'items.json'), 'utf8')) as CatalogItemText[];
  const out = new Set<string>();
  for (const it of items) {
    out.add(it.title);
    for (const t of Object.values(it.titles ?? {})) out.add(t);
    if (withTags) for (const tags of Object.values(it.tags ?? {})) for (const t of tags) out.add(t);
  }
  return [...out];
}

export function catalogNames(): string[] {
  return readdirSync(CATALOGS, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(CATALOGS, d.name, 'items.json')))
    .map((d) => d.name)
    .sort();
}

function main(): void {
  const args = process.argv.slice(2);
  const withTags = args.includes('--tags');
  const quiet = args.includes('--quiet');
  const tIdx = args.indexOf('--threshold');
  const lexicon = createLexiconGuard(JSON.parse(readFileSync(join(MODEL_DIR, 'lexicon.json'), 'utf8')));
  const modelPath = join(MODEL_DIR, 'model.json');
  const model = existsSync(modelPath) ? createModelGuard(JSON.parse(readFileSync(modelPath, 'utf8'))) : undefined;
  const threshold = tIdx >= 0 ? Number(args[tIdx + 1]) : (model?.threshold ?? 1);
  // As shipped, unless a threshold is forced (which also consults a "measured-only" model).
  const combined = createSafetyGuard({ lexicon, ...(model ? { model } : {}), ...(tIdx >= 0 ? { modelThreshold: threshold } : {}) });
  console.log(`texts: catalog titles${withTags ? ' and tags' : ''}; model ${model ? `threshold ${threshold}, role ${model.role}${tIdx >= 0 ? ' (threshold forced: consulted)' : ''}` : 'absent'}`);
  const lexData = JSON.parse(readFileSync(join(MODEL_DIR, 'lexicon.json'), 'utf8')) as unknown;
  console.log('| catalog | texts | lexicon | lexicon, titles allowed | model alone | combined | combined, by the model only |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const listed: string[] = [];
  let total = 0;
  let refusedTotal = 0;
  for (const catalog of catalogNames()) {
    const texts = catalogTexts(catalog, withTags);
    const withTitles = createLexiconGuard(lexData, { allow: catalogTexts(catalog, false) });
    const byLexiconWithTitles = texts.filter((t) => withTitles.check(t).verdict === 'unsafe');
    const byLexicon: string[] = [];
    const byModelAlone: string[] = [];
    const byCombined: string[] = [];
    const byModelInCombined: string[] = [];
    for (const text of texts) {
      const lex = lexicon.check(text);
      if (lex.verdict === 'unsafe') byLexicon.push(`${JSON.stringify(text)} (lexicon: ${lex.matches.map((m) => m.term).join(', ')})`);
      if (model) {
        const s = model.score(text);
        if (s >= threshold) byModelAlone.push(`${JSON.stringify(text)} (model alone: ${s.toFixed(3)})`);
      }
      const v = combined.check(text);
      if (v.verdict === 'unsafe') {
        byCombined.push(text);
        if (v.by === 'model') byModelInCombined.push(`${JSON.stringify(text)} (model: ${v.modelScore?.toFixed(3)})`);
      }
    }
    total += texts.length;
    refusedTotal += byCombined.length;
    console.log(`| ${catalog} | ${texts.length} | ${byLexicon.length} | ${byLexiconWithTitles.length} | ${byModelAlone.length} | ${byCombined.length} | ${byModelInCombined.length} |`);
    listed.push(`## ${catalog}`, ...byLexicon.map((x) => `  ${x}`), ...byModelInCombined.map((x) => `  ${x}`));
    if (byLexiconWithTitles.length) listed.push(`  lexicon, titles allowed (${byLexiconWithTitles.length}): ${byLexiconWithTitles.map((t) => JSON.stringify(t)).join(', ')}`);
    if (byModelAlone.length) listed.push(`  model alone (${byModelAlone.length}): ${byModelAlone.join('; ')}`);
  }
  console.log(`| all | ${total} | | | | ${refusedTotal} (${((refusedTotal / total) * 100).toFixed(2)} %) | |`);
  if (!quiet) console.log(['', ...listed].join('\n'));
}

if (process.argv[1] && import.meta.filename === process.argv[1]) main();
