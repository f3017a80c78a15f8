import { defineConfig } from 'vite';

// The embeddable recommender, built beside the demo: one ES module, dist-lib/private-recommender.js,
// that defines <private-recommender> and exports createRecommender (src/embed/index.ts). The workers,
// the ONNX runtime's wasm and the lazily loaded chunks are separate files in dist-lib/assets/, found
// through `new URL(…, import.meta.url)`: relative to the module, so dist-lib/ works from any path.
// A site copies dist-lib/ and the models folder to its host (docs/embed.md).
//
// Library output without `build.lib`: in library mode Vite inlines every asset as base64 whatever
// `assetsInlineLimit` says, which would put the ONNX runtime's 27 MB wasm into two scripts. An entry
// module with its exports preserved is the same library, with the wasm as a file the browser caches.
export default defineConfig({
  base: './',
  publicDir: false, // the models are the site's to copy (large, and the catalogs are its own)
  build: {
    outDir: 'dist-lib',
    target: 'es2022',
    sourcemap: true,
    // onnxruntime-web's wasm and the transformers.js bundle are large by nature; they load lazily in a worker.
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      input: { 'private-recommender': 'src/embed/index.ts' },
      preserveEntrySignatures: 'strict', // keep createRecommender and the types' runtime side exported
      output: { format: 'es', entryFileNames: '[name].js' },
      checks: { bundlerTimings: false },
    },
  },
  worker: {
    format: 'es',
    // web-llm in a chunk of its own, loaded only when the site serves language-model files (models/llm/).
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'web-llm', test: /[\\/]@mlc-ai[\\/]web-llm[\\/]/ }] } } },
  },
});
