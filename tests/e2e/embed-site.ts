// A site owner's host, made the way docs/embed.md says, for the embed browser tests: the library build
// (vite.lib.config.ts, as `npm run build:lib`) and the shipped models copied under a sub-path, the
// catalogs built there by the catalog builder's CLI (a fresh catalogs/index.json that lists only them),
// the README's own example page, and a static server with no special headers. Nothing here reads
// dist/ or the demo page.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { servePlain } from './fixtures/plain-static-server.ts';

/** What the recommender needs from public/models: CLIP, the safety lists, the compact engine, knowledge. */
export const EMBED_MODELS = ['clip-mini', 'safety', 'compact-engine', 'knowledge'] as const;

export interface CatalogInput {
  /** A folder of images / videos, or a .csv / .jsonl of text items. */
  input: string;
  id: string;
  name: string;
  /** More CLI flags (--licence, --kind …). */
  flags?: string[];
}

export interface EmbedSite {
  /** Temporary folder holding everything (removed by close). */
  root: string;
  /** The folder served at the sub-path. */
  dir: string;
  /** The page's URL (the sub-path, ending in "/"). */
  url: string;
  origin: string;
  close(): Promise<void>;
}

function run(cmd: string, args: string[], what: string): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
}

/**
 * The page of the README's "Use it on your site" section, as written there: the test serves exactly
 * what a site owner copies.
 */
export function readmePage(): string {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## Use it on your site'));
  const html = /```html\n([\s\S]*?)```/.exec(section.slice(0, section.indexOf('\n## ', 3)))?.[1];
  if (!html) throw new Error('README.md: no ```html block in "Use it on your site"');
  return html;
}

/** Builds the library and the catalogs into `<tmp>/site<subPath>` and serves `<tmp>/site`. */
export async function buildEmbedSite(opts: { subPath: string; catalogs: CatalogInput[]; page?: string; files?: Record<string, string> }): Promise<EmbedSite> {
  const root = mkdtempSync(join(tmpdir(), 'embed-e2e-'));
  const dir = join(root, 'site', ...opts.subPath.split('/').filter(Boolean));
  run('npx', ['vite', 'build', '-c', 'vite.lib.config.ts', '--logLevel', 'warn', '--outDir', dir, '--emptyOutDir'], 'library build');
  for (const m of EMBED_MODELS) cpSync(join('public/models', m), join(dir, 'models', m), { recursive: true });
  for (const c of opts.catalogs) {
    run('npx', ['tsx', 'tools/catalog/cli.ts', 'build', c.input, '--id', c.id, '--name', c.name, '--models', 'public/models',
      '--out', join(dir, 'models', 'catalogs'), '--work', join(root, 'work', c.id), ...(c.flags ?? [])], `catalog build of ${c.id}`);
  }
  writeFileSync(join(dir, 'index.html'), opts.page ?? readmePage());
  for (const [name, text] of Object.entries(opts.files ?? {})) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const served = await servePlain(join(root, 'site'));
  const server: Server = served.server;
  return {
    root, dir, url: new URL(opts.subPath, served.url).href, origin: new URL(served.url).origin,
    async close() {
      await new Promise((r) => server.close(r));
      rmSync(root, { recursive: true, force: true });
    },
  };
}
