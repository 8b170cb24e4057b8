import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/** Absolute path of a file next to this config, without needing Node's type declarations. */
const here = (relative: string): string => decodeURIComponent(new URL(relative, import.meta.url).pathname);

const backend = 'http://localhost:8080';

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      // One entry per audience; each page routes internally with the URL hash.
      input: {
        login: here('./index.html'),
        agent: here('./agent/index.html'),
        portal: here('./portal/index.html'),
        wallboard: here('./wallboard/index.html'),
      },
      output: {
        codeSplitting: {
          groups: [
            { name: 'charts', test: /node_modules\/(echarts|zrender)\// },
            { name: 'vendor', test: /node_modules/ },
            { name: 'assist', test: /\/src\/(assist|webrtc)\// },
            { name: 'shared', test: /\/src\/(api|app|chat|i18n|realtime|tickets|ui)\// },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': backend,
      '/actuator': backend,
      '/ws': { target: backend, ws: true },
      '/signal': { target: backend, ws: true },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**', 'target/**'],
    restoreMocks: true,
    setupFiles: ['src/testing/setup.ts'],
  },
});
