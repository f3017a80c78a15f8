// Runs every test (unit in Node, end-to-end in Debian's headless Chromium) and prints the plain
// closing line CI reads: "N passed, N failed". Exits non-zero on any failure or when no test ran.
// Extra arguments go to vitest (e.g. `npm test -- --project unit`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface JsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numTotalTests: number;
  success: boolean;
}

const dir = mkdtempSync(join(tmpdir(), 'pr-tests-'));
const out = join(dir, 'report.json');
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...process.argv.slice(2)];
const run = spawnSync('npx', args, { stdio: 'inherit', env: process.env });

let report: JsonReport | null = null;
try {
  report = JSON.parse(readFileSync(out, 'utf8')) as JsonReport;
} catch {
  report = null;
}
rmSync(dir, { recursive: true, force: true });

if (!report) {
  console.log('0 passed, 1 failed');
  console.error(`vitest produced no report (exit ${run.status ?? run.signal})`);
  process.exit(1);
}
// A file that fails to load counts as a failure even though it holds no counted test.
const failed = report.numFailedTests + (report.success || report.numFailedTests > 0 ? 0 : 1);
const skipped = report.numPendingTests + report.numTodoTests;
console.log(`${report.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
if (failed > 0 || run.status !== 0 || report.numPassedTests === 0) process.exit(1);
