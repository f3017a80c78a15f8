// `npm start`: builds the demo if dist/ is missing or older than the sources, then serves it on
// localhost with no network needed, and prints the URL.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build, preview } from 'vite';

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = st.mtimeMs;
  for (const e of readdirSync(path)) t = Math.max(t, newest(join(path, e)));
  return t;
}

const root = process.cwd();
const builtAt = existsSync(join(root, 'dist', 'index.html')) ? statSync(join(root, 'dist', 'index.html')).mtimeMs : 0;
const sourcesAt = Math.max(...['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((p) => newest(join(root, p))));
if (builtAt < sourcesAt || process.argv.includes('--rebuild')) {
  console.log('Building the demo (about 5 s)…');
  process.env.NODE_ENV = 'production'; // what users get: Lit production mode, service worker
  await build({ logLevel: 'warn' });
}

const portArg = process.argv.find((a) => a.startsWith('--port='));
const port = portArg ? Number(portArg.slice('--port='.length)) : Number(process.env.PORT ?? 4173);
const server = await preview({ logLevel: 'warn', preview: { port, strictPort: false, host: process.env.HOST ?? '127.0.0.1', open: false } });
const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
console.log(`\nPrivate recommender is running at ${url}\nEverything runs in your browser; no network is needed. Ctrl+C to stop.\n`);
