// bench/RESULTS-u2i.md is written by two tools; each owns one marked section and leaves the rest.
import { cpus } from 'node:os';
import { join } from 'node:path';
import { writeMarkedSection } from '../results-sections.ts';

const RESULTS = join(import.meta.dirname, '../../bench/RESULTS-u2i.md');
const HEADER = '# U2I, fusion and on-device updates on MovieLens\n\nEvery number below is written by the command named with it.\n';
/** Sections in file order; 'foldin' and 'foldin-confirm' are written by bench/u2i/foldin.ts (the latter with --confirm). */
const SECTIONS = ['training', 'fusion', 'replay', 'foldin', 'foldin-confirm'] as const;
export type ResultsSection = (typeof SECTIONS)[number];

export function machineLine(): string {
  const c = cpus();
  return `Machine: ${c.length}-core shared VM (${c[0]?.model.trim() ?? 'unknown CPU'}), no GPU, Node ${process.version}, single-threaded. Date: ${new Date().toISOString().slice(0, 10)}.`;
}

/** Wall and CPU seconds since the process started: on a shared machine the two differ a lot. */
export function runTimeLine(startMs: number): string {
  const cpu = process.cpuUsage();
  return `wall ${((Date.now() - startMs) / 1000).toFixed(0)} s, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s`;
}

export function writeResultsSection(name: ResultsSection, body: string): void {
  writeMarkedSection(RESULTS, HEADER, SECTIONS, name, body);
}
