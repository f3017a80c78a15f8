// The fold-in confirmation (npx tsx bench/u2i/foldin.ts --confirm): the 194 held-out users of the
// fold-in section, whose test targets have been seen, become tuning data (validation and test targets);
// the pick is then measured once on the other half of the eligible users, whose fold-in nobody has
// measured. The protocol below was committed before the first run (--protocol-only writes it alone).
import { SPLIT_SEED } from '../../tools/u2i/dataset.ts';
import { pairedBootstrapCi, type RankingMetrics } from '../../tools/u2i/metrics.ts';
import { machineLine, runTimeLine, writeResultsSection } from '../../tools/u2i/results.ts';
import { createRng } from '../../tools/u2i/random.ts';
import { DEFAULT_FOLD_IN } from '../../src/core/u2i/foldin.ts';
import { BPR, benchOn, data, eligible, fmt, heldOut, HOLD_OUT_SEED, isDefault, KNN, log, notHeldOut, NS, selectFoldIn, t0 } from './foldin-lib.ts';

const BOOTSTRAP = { resamples: 2000, seed: 7 };
const GOAL_NS = [5, 10, 20] as const;

const protocol = () => `## Fold-in confirmation: the pick on users nobody has evaluated

Protocol, written and committed before the run (\`npx tsx bench/u2i/foldin.ts --confirm\`; the results follow it).
Why: in the fold-in section, validation picked ials (unobserved 3, reg 0.1), which does not beat item-kNN on the
test targets of the ${heldOut.length} held-out users; bpr (1000 steps, lr 0.05, reg 0.003) does, but those test targets have
been seen, so switching because of them would be choosing on the test set. Here those users pick again, as tuning
data, and the pick is measured once on the users whose fold-in was never measured.

1. Selection set: the ${heldOut.length} held-out users of the fold-in section (seed ${HOLD_OUT_SEED}). Their test targets have been seen, so
   they are tuning data now. Fold-in model, likes and masking as in that section: BPR with the shipped settings on the
   test-train part of every other user; their first n positives in time order; the whole train part masked.
   Criterion: mean Recall@20 over n = ${NS.join(', ')} on the validation targets and on the test targets, the two means
   averaged (each of the 10 target-set x n cells weighs the same). Rows: the grids of the fold-in section, ials
   (unobserved 0.3, 1, 3, 10, 30 x reg 0.01, 0.03, 0.1, 0.3, 1) and bpr (100, 300, 1000 steps x lr 0.05, 0.2, 0.5 x
   reg 0.003, 0.01, 0.1); each solver's best grid row by this criterion is its plain pick, and that pick's variants
   are scored too (ials: unobserved x popularity^0.5, ^1; both: liked mean x 0.1, 0.3, 1, 3; dislikes: ials x 1,
   0.3, 0.1, bpr one row). Selected: the row with the highest criterion among the rows the product can run (all but
   the 'unobserved x popularity' rows: the worker computes the plain item Gramian); a tie goes to the earlier row.
   Runner-up solver: the highest such row of the other solver. If the selected row is not DEFAULT_FOLD_IN
   (src/core/u2i/foldin.ts), DEFAULT_FOLD_IN becomes the selected row, whatever the confirmation shows.
2. Confirmation set: the other ${notHeldOut.length} of the ${eligible.length} users with >= ${Math.max(...NS)} positives before their validation part (never
   evaluated; until now only training users of the fold-in model). Fold-in model: BPR with the shipped settings
   (dim ${BPR.dim}, ${BPR.epochs} epochs, lr ${BPR.learningRate} -> x${BPR.finalLearningRateFraction}, L2 ${BPR.reg}, seed ${BPR.seed}) on the test-train part of every user not in the confirmation set
   (the selection users included), cached in bench/out/. Split (seed ${SPLIT_SEED}), likes (their first n positives in
   time order), targets (the positives of their test part) and masking (their whole train part) as in the fold-in
   section. Baselines as there, built from the same users as this model: popularity; item-kNN (co-occurrence cosine,
   ${KNN.neighbours} neighbours, shrink ${KNN.shrink}, sum of similarities to the n likes); factor cosine on this model's item factors; upper
   bound: the BPR on every user's test-train part (the fold-in section's), their trained vector.
3. Report, confirmation set: per n = ${NS.join(', ')}, Recall@20 / NDCG@20 of every method, the selected fold-in and the
   runner-up solver included; paired bootstrap over users (${BOOTSTRAP.resamples.toLocaleString('en')} resamples, seed ${BOOTSTRAP.seed}), 95% interval of selected
   fold-in minus item-kNN, Recall@20 and NDCG@20, per n (then the runner-up's, same generator).
   Verdict: the goal "fold-in beats item-kNN from 5 likes on" is met when the point estimates of both Recall@20 and
   NDCG@20 of the selected fold-in are above item-kNN's at n = ${GOAL_NS.join(', ')}; otherwise not met. The intervals stand
   beside it (whether each lies above 0 is said).
4. One run. Whatever it shows is reported, a failure included; no setting (rows, criterion, models, split, seeds,
   verdict rule) is changed after it.
`;

export function confirm(): void {
  if (process.argv.includes('--protocol-only')) {
    writeResultsSection('foldin-confirm', `${protocol()}\nResults: not run yet.\n`);
    log('wrote the protocol of the fold-in confirmation section of bench/RESULTS-u2i.md');
    return;
  }
  log(`${eligible.length} eligible users: ${heldOut.length} for the selection, ${notHeldOut.length} for the confirmation`);

  // 1. Selection on the seen held-out users, validation and test targets both.
  const s = benchOn(heldOut, 'others');
  const sVal = s.phase(data.validation);
  const sTest = s.phase(data.test);
  const meanOf = (rs: RankingMetrics[], key: 'recall' | 'ndcg') => rs.reduce((a, r) => a + r[key], 0) / rs.length;
  const { tuning, chosen: top } = selectFoldIn((g) => {
    const v = NS.map((n) => s.evaluate(sVal, s.foldInScorer(sVal, n, g)));
    const t = NS.map((n) => s.evaluate(sTest, s.foldInScorer(sTest, n, g)));
    const row = { valRecall: meanOf(v, 'recall'), valNdcg: meanOf(v, 'ndcg'), testRecall: meanOf(t, 'recall'), testNdcg: meanOf(t, 'ndcg') };
    const out = { ...row, recall: (row.valRecall + row.testRecall) / 2, ndcg: (row.valNdcg + row.testNdcg) / 2 };
    log(`  selection ${g.label}: ${fmt(out.recall)} (validation ${fmt(row.valRecall)}, test ${fmt(row.testRecall)})`);
    return out;
  });
  const runnable = tuning.filter((t) => !t.popularityBeta).sort((a, b) => b.recall - a.recall);
  const selected = runnable[0]!;
  const runnerUp = runnable.find((t) => t.options.method !== selected.options.method)!;
  const sBase = (p: typeof sVal) => ({
    knn: meanOf(NS.map((n) => s.evaluate(p, s.knnScorer(p, n))), 'recall'),
    pop: s.evaluate(p, s.popularity).recall,
  });
  const [bVal, bTest] = [sBase(sVal), sBase(sTest)];
  log(`selected ${selected.label} (${fmt(selected.recall)}); runner-up ${runnerUp.label} (${fmt(runnerUp.recall)})${top !== selected ? `; top of every row ${top.label}` : ''}`);

  // 2. Confirmation, once.
  const c = benchOn(notHeldOut, 'confirm-others');
  const test = c.phase(data.test);
  const pop = c.evaluate(test, c.popularity);
  const upper = c.evaluate(test, c.upperBound);
  const rng = createRng(BOOTSTRAP.seed);
  const ci = (a: Float64Array, b: Float64Array) => pairedBootstrapCi(a, b, BOOTSTRAP.resamples, rng.next);
  const showCi = ([lo, hi]: [number, number]) => `[${fmt(lo)}, ${fmt(hi)}]${lo > 0 ? ' (above 0)' : hi < 0 ? ' (below 0)' : ' (includes 0)'}`;
  const rows: string[] = [];
  const ciLines: { selected: string[]; runnerUp: string[] } = { selected: [], runnerUp: [] };
  const beats = new Map<number, boolean>();
  for (const n of NS) {
    const k = c.evaluate(test, c.knnScorer(test, n));
    const fc = c.evaluate(test, c.factorCosineScorer(test, n));
    const [f, r] = [selected, runnerUp].map((t) => c.evaluate(test, c.foldInScorer(test, n, t)));
    const cell = (m: RankingMetrics) => `${fmt(m.recall)} / ${fmt(m.ndcg)}`;
    rows.push(`| ${n} | ${cell(pop)} | ${cell(k)} | ${cell(fc)} | ${cell(f!)} | ${cell(r!)} | ${cell(upper)} |`);
    beats.set(n, f!.recall > k.recall && f!.ndcg > k.ndcg);
    ciLines.selected.push(`- ${n} likes, selected - item-kNN: Recall@20 ${fmt(f!.recall - k.recall)} ${showCi(ci(f!.perUserRecall, k.perUserRecall))}, NDCG@20 ${fmt(f!.ndcg - k.ndcg)} ${showCi(ci(f!.perUserNdcg, k.perUserNdcg))}`);
    ciLines.runnerUp.push(`- ${n} likes, runner-up - item-kNN: Recall@20 ${fmt(r!.recall - k.recall)} ${showCi(ci(r!.perUserRecall, k.perUserRecall))}, NDCG@20 ${fmt(r!.ndcg - k.ndcg)} ${showCi(ci(r!.perUserNdcg, k.perUserNdcg))}`);
    log(`n=${n}: pop ${fmt(pop.recall)} knn ${fmt(k.recall)} / ${fmt(k.ndcg)} cos ${fmt(fc.recall)} selected ${fmt(f!.recall)} / ${fmt(f!.ndcg)} runner-up ${fmt(r!.recall)} upper ${fmt(upper.recall)}`);
  }
  const met = GOAL_NS.every((n) => beats.get(n));
  const users = test.relevant.filter((r, u) => r.some((i) => !test.seen[u]!.includes(i))).length;

  const results = `### Results

Command: \`npx tsx bench/u2i/foldin.ts --confirm\` (whole run: ${runTimeLine(t0)}; models cached in bench/out/). ${machineLine()}

Selection (${heldOut.length} users): selected **${selected.label}** (criterion ${fmt(selected.recall)}: validation ${fmt(selected.valRecall)}, test ${fmt(selected.testRecall)});
runner-up solver: ${runnerUp.label} (${fmt(runnerUp.recall)}: validation ${fmt(runnerUp.valRecall)}, test ${fmt(runnerUp.testRecall)})${top !== selected ? `; the top of every row, ${top.label} (${fmt(top.recall)}), needs the popularity-weighted Gramian` : ''}.
src/core/u2i/foldin.ts DEFAULT_FOLD_IN at this run ${isDefault(selected, DEFAULT_FOLD_IN) ? 'is' : 'is NOT'} the selected row.

Confirmation (${notHeldOut.length} users, ${users} with a test target), Recall@20 / NDCG@20:

| Likes | Popularity | Item-kNN (co-occurrence) | Factor cosine | Fold-in ${selected.label} (selected) | Fold-in ${runnerUp.label} (runner-up) | Trained vector (upper bound) |
| --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

Goal "fold-in beats item-kNN from 5 likes on" (point estimates of both Recall@20 and NDCG@20 above item-kNN at n = ${GOAL_NS.join(', ')}): **${met ? 'met' : 'not met'}**
(${GOAL_NS.map((n) => `n = ${n}: ${beats.get(n) ? 'both above' : 'not both above'}`).join('; ')}). Difference and paired bootstrap 95% interval:
${ciLines.selected.join('\n')}
${ciLines.runnerUp.join('\n')}

Selection table (${heldOut.length} users), mean over n of Recall@20 / NDCG@20 on the validation and the test targets; criterion: the
mean of the two Recall@20 (item-kNN: validation ${fmt(bVal.knn)}, test ${fmt(bTest.knn)}; popularity: ${fmt(bVal.pop)}, ${fmt(bTest.pop)}):

| Fold-in | Criterion | Validation Recall@20 | Test Recall@20 | Validation NDCG@20 | Test NDCG@20 |
| --- | --- | --- | --- | --- | --- |
${tuning.map((t) => `| ${t.label} | ${fmt(t.recall)} | ${fmt(t.valRecall)} | ${fmt(t.testRecall)} | ${fmt(t.valNdcg)} | ${fmt(t.testNdcg)} |`).join('\n')}
`;
  writeResultsSection('foldin-confirm', `${protocol()}\n${results}`);
  log('wrote the fold-in confirmation section of bench/RESULTS-u2i.md');
}
