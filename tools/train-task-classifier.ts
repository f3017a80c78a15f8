// Trains the compact engine's task classifier (multinomial logistic regression, src/core/extract/
// task-classifier.ts) on the "train" split of tests/golden/extraction/tasks.jsonl, reports accuracy
// on the held-out "test" split (never trained on), and writes the weights as JSON.
// Run: npx tsx tools/train-task-classifier.ts [--out public/models/compact-engine/task-classifier.json]
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseCatalogManifest } from '../src/core/catalog.ts';
import { extractSignals } from '../src/core/extract/extractor.ts';
import { buildGazetteer, parsePlaceList, type Gazetteer, type GazetteerItem } from '../src/core/extract/gazetteer.ts';
import { createTaskClassifier, trainTaskClassifier, type TaskModel } from '../src/core/extract/task-classifier.ts';
import { TASKS } from '../src/core/intent.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const TaskExampleSchema = z
  .object({ text: z.string().min(1), lang: z.enum(['en', 'ko']), task: z.enum(TASKS), split: z.enum(['train', 'test']) })
  .strict();
export type TaskExample = z.infer<typeof TaskExampleSchema>;

export async function readJsonl<T>(path: string, schema: z.ZodType<T>): Promise<T[]> {
  const lines = (await readFile(path, 'utf8')).split('\n').filter((l) => l.trim().length > 0);
  return lines.map((line, i) => {
    const r = schema.safeParse(JSON.parse(line));
    if (!r.success) throw new Error(`${path}:${i + 1}: ${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}`);
    return r.data;
  });
}

/** The sticker catalog's gazetteer, as the app builds it at load time. */
export async function loadStickerGazetteer(): Promise<Gazetteer> {
  const dir = join(root, 'public/models/catalogs/stickers');
  const manifest = parseCatalogManifest(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')));
  const items = JSON.parse(await readFile(join(dir, manifest.items), 'utf8')) as GazetteerItem[];
  const places = parsePlaceList(JSON.parse(await readFile(join(root, 'public/models/compact-engine/places.json'), 'utf8')));
  return buildGazetteer({ items, categoryLabels: manifest.categoryLabels, places });
}

export function accuracy(model: TaskModel, gazetteer: Gazetteer, examples: readonly { text: string; task: string }[]): number {
  const classifier = createTaskClassifier(model);
  let correct = 0;
  for (const ex of examples) if (classifier.predict(extractSignals(ex.text, gazetteer).features).task === ex.task) correct++;
  return examples.length ? correct / examples.length : 0;
}

async function main() {
  const outArg = process.argv.indexOf('--out');
  const out = outArg > 0 ? process.argv[outArg + 1]! : join(root, 'public/models/compact-engine/task-classifier.json');
  const gazetteer = await loadStickerGazetteer();
  const all = await readJsonl(join(root, 'tests/golden/extraction/tasks.jsonl'), TaskExampleSchema);
  const train = all.filter((e) => e.split === 'train');
  const test = all.filter((e) => e.split === 'test');
  const t0 = performance.now();
  const examples = train.map((e) => ({ features: extractSignals(e.text, gazetteer).features, task: e.task }));
  const model = trainTaskClassifier(examples);
  const trainMs = performance.now() - t0;
  const trainAcc = accuracy(model, gazetteer, train);
  const testAcc = accuracy(model, gazetteer, test);
  const shipped: TaskModel = {
    ...model,
    training: {
      data: 'tests/golden/extraction/tasks.jsonl (split=train)',
      trainExamples: train.length,
      heldOutExamples: test.length,
      trainAccuracy: Math.round(trainAcc * 1000) / 1000,
      heldOutAccuracy: Math.round(testAcc * 1000) / 1000,
      command: 'npx tsx tools/train-task-classifier.ts',
    },
  };
  await writeFile(out, JSON.stringify(shipped) + '\n');
  console.log(`train ${train.length} (en ${train.filter((e) => e.lang === 'en').length}, ko ${train.filter((e) => e.lang === 'ko').length}), held-out ${test.length}`);
  console.log(`features ${model.features.length}, trained in ${trainMs.toFixed(0)} ms`);
  console.log(`accuracy: train ${(trainAcc * 100).toFixed(1)}%, held-out ${(testAcc * 100).toFixed(1)}%`);
  console.log(`wrote ${out}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
