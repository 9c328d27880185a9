import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The applicant web app: src/web, built into dist/web, which the server serves when it exists.
const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

/** Below this, a compressed copy saves less than its headers and a second file cost. */
const COMPRESS_ABOVE = 1024;
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/;

/**
 * Writes `name.br` and `name.gz` beside every compressible file of the build, at the strongest levels: they are
 * made once and served many times (the server picks one by the request's Accept-Encoding).
 */
function precompress(): Plugin {
  return {
    name: 'shenbao-precompress',
    apply: 'build',
    async closeBundle() {
      const files = (await readdir(outDir, { recursive: true })).filter((name) => COMPRESSIBLE.test(name));
      await Promise.all(
        files.map(async (name) => {
          const path = join(outDir, name);
          const bytes = await readFile(path);
          if (bytes.length <= COMPRESS_ABOVE) return;
          const [br, gz] = await Promise.all([
            promisify(brotliCompress)(bytes, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
              },
            }),
            promisify(gzip)(bytes, { level: constants.Z_BEST_COMPRESSION }),
          ]);
          await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
        }),
      );
    },
  };
}

export default defineConfig({
  root: webRoot,
  plugins: [react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    rolldownOptions: {
      experimental: { chunkOptimization: { mergeCommonChunks: false } },
      output: {
        codeSplitting: {
          // ECharts comes with the dashboard only; it and its renderer are two chunks, each under Vite's 500 kB.
          groups: [
            { name: 'zrender', test: /node_modules[\\/]zrender[\\/]/, priority: 2 },
            { name: 'echarts', test: /node_modules[\\/]echarts[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
