import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { SECURITY_HEADERS, SW_HEADERS_SCRIPT, serviceWorkerHeadersScript } from './tools/csp.ts';

/**
 * The site's security headers (tools/csp.ts) on every response of `vite preview` (`npm start`, the e2e
 * server), and the script that makes the service worker add them to what it serves.
 */
function securityHeaders(): Plugin {
  return {
    name: 'security-headers',
    configurePreviewServer(server) {
      // Registered before Vite's own middlewares: static files, the SPA fallback and 404s alike.
      server.middlewares.use((_req, res, next) => {
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
        next();
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: SW_HEADERS_SCRIPT, source: serviceWorkerHeadersScript() });
    },
  };
}

// A static site: relative base so dist/ can be hosted under any path, ES-module workers (comlink +
// transformers.js need module workers), and a service worker that precaches everything the demo
// needs, so after one visit it works with no network at all.
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
    // web-llm in a chunk of its own name, so the service worker can leave it out of the precache: it is
    // loaded only when this site serves language-model files (public/models/llm/).
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'web-llm', test: /[\\/]@mlc-ai[\\/]web-llm[\\/]/ }] } } },
  },
  plugins: [
    securityHeaders(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: null, // registered in src/main.ts, which reports offline readiness in the status bar
      manifest: {
        name: 'Private recommender',
        short_name: 'Recommender',
        description: 'A conversational recommender that runs entirely in your browser.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f6f7f9',
        theme_color: '#2f6fde',
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        // Adds the CSP (tools/csp.ts) to every response the service worker serves; see securityHeaders().
        importScripts: [SW_HEADERS_SCRIPT],
        // The shell, the ONNX runtime (its .mjs: the WASM device's glue), catalogs, images, models and indexes: the demo works offline.
        globPatterns: ['**/*.{html,js,mjs,css,wasm,json,png,webp,webm,svg,onnx,bin,idx,md}'],
        // Not precached: per-user vectors (one is fetched for the chosen user), the CLIP vision tower (the
        // shipped indexes are built offline; the page needs it only when the user adds a video, 2.6 MB gzip)
        // and web-llm (only with model files). They are cached at runtime when first used.
        // video-pool: the temporal pooling model is used by the catalog tool only (see tools/build-video-catalog.ts).
        // models/llm: web-llm keeps its weights in its own Cache Storage when it loads them (hundreds of MB).
        globIgnores: ['**/*.map', '**/users/**', '**/vision_model*.onnx', '**/web-llm-*.js', '**/video-pool/**', '**/models/llm/**'],
        runtimeCaching: [
          {
            urlPattern: ({ url }) => /\/users\/[^/]+\.bin$|vision_model[^/]*\.onnx$|\/web-llm-[^/]+\.js$/.test(url.pathname),
            handler: 'CacheFirst',
            options: { cacheName: 'on-demand', expiration: { maxEntries: 64 } },
          },
        ],
        maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
});
