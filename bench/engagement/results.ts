// bench/RESULTS-engagement.md is written by three benchmarks; each owns one marked section.
import { join } from 'node:path';
import { writeMarkedSection } from '../../tools/results-sections.ts';

const RESULTS = join(import.meta.dirname, '../RESULTS-engagement.md');
const HEADER = '# Engagement: session vector, skips, fusion\n\nEvery number below is written by the command named with it.\n';
const SECTIONS = ['steering', 'fusion-check', 'word-space'] as const;

export function writeEngagementSection(name: (typeof SECTIONS)[number], body: string): void {
  writeMarkedSection(RESULTS, HEADER, SECTIONS, name, body);
}
