import { defineConfig } from 'vite';

// A static site: relative base so dist/ can be hosted under any path (or opened from a file server),
// ES-module workers (comlink + transformers.js need module workers).
export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    sourcemap: true,
    // onnxruntime-web's wasm and the transformers.js bundle are large by nature; they load lazily in a worker.
    chunkSizeWarningLimit: 4096,
    // The timing report is noise on a 2-core machine where copying public/models dominates.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  worker: {
    format: 'es',
  },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
});
