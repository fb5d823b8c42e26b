import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// Vite 8 bundles with Rolldown: bundler options live under `build.rolldownOptions`, and chunk
// grouping is `output.codeSplitting.groups` (Rolldown's successor to `advancedChunks`; the
// Rollup-style `manualChunks` object form does not exist any more).
/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every text file of the build, once, at the
 * highest levels (too slow per request, free at build time). The server sends them as they are
 * (@fastify/static `preCompressed`), so 30 machines on one school connection fetch the Phaser
 * chunk as about 300 kB instead of 1.4 MB. Files under 1 kB and images already compressed are
 * left alone.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'three-capitals-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    writeBundle(_options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|mjs|css|html|svg|json|txt|ya?ml)$/.test(fileName)) continue;
        const file = path.join(outDir, fileName);
        const raw = readFileSync(file);
        if (raw.length < 1024) continue;
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(raw, {
            params: {
              [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
              [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length,
            },
          }),
        );
        writeFileSync(`${file}.gz`, gzipSync(raw, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  plugins: [precompress()],
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
