// bench/RESULTS-engagement.md is written by two benchmarks; each owns one marked section.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const RESULTS = join(import.meta.dirname, '../RESULTS-engagement.md');
const HEADER = '# Engagement: session vector, skips, fusion\n\nEvery number below is written by the command named with it.\n';
const SECTIONS = ['steering', 'fusion-check'] as const;

export function writeEngagementSection(name: (typeof SECTIONS)[number], body: string): void {
  const text = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : HEADER;
  const parts = new Map<string, string>();
  for (const s of SECTIONS) {
    const m = new RegExp(`<!-- ${s}:start -->\\n([\\s\\S]*?)<!-- ${s}:end -->`).exec(text);
    if (m) parts.set(s, m[1]!);
  }
  parts.set(name, body.endsWith('\n') ? body : `${body}\n`);
  writeFileSync(RESULTS, [HEADER, ...SECTIONS.filter((s) => parts.has(s)).map((s) => `<!-- ${s}:start -->\n${parts.get(s)}<!-- ${s}:end -->\n`)].join('\n'));
}
