import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The applicant web app: src/web, built into dist/web, which the server serves when it exists.
const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: {
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
