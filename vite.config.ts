import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// Vite 8 bundles with Rolldown: bundler options live under `build.rolldownOptions`, and chunk
// grouping is `output.codeSplitting.groups` (Rolldown's successor to `advancedChunks`; the
// Rollup-style `manualChunks` object form does not exist any more).
export default defineConfig({
  server: { port: 5173, strictPort: true },
  preview: { port: 4173 },
  worker: {
    // The batch runner (src/sim) runs in a module Web Worker; ES output allows code splitting.
    format: 'es',
  },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    // Phaser alone is ~1.2 MB minified (~360 kB gzipped) and does not tree-shake.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      input: {
        main: `${root}index.html`, // the game
        results: `${root}results.html`, // the results page (must not load Phaser)
        explorer: `${root}explorer.html`, // the outcome explorer (src/explorer; no Phaser)
      },
      output: {
        codeSplitting: {
          groups: [
            {
              // Phaser in its own long-cached chunk, loaded once, never pulled into results.
              name: 'phaser',
              test: /[\\/]node_modules[\\/]phaser[\\/]/,
              priority: 20,
            },
          ],
        },
      },
    },
  },
});
