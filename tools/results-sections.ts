// A results file that several commands write, each owning one marked section
// (<!-- name:start --> ... <!-- name:end -->) and leaving the others as they are.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export function writeMarkedSection(file: string, header: string, sections: readonly string[], name: string, body: string): void {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : header;
  const parts = new Map<string, string>();
  for (const s of sections) {
    const m = new RegExp(`<!-- ${s}:start -->\\n([\\s\\S]*?)<!-- ${s}:end -->`).exec(text);
    if (m) parts.set(s, m[1]!);
  }
  parts.set(name, body.endsWith('\n') ? body : `${body}\n`);
  writeFileSync(file, [header, ...sections.filter((s) => parts.has(s)).map((s) => `<!-- ${s}:start -->\n${parts.get(s)}<!-- ${s}:end -->\n`)].join('\n'));
}
