import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built into dist/, which the Maven build packs as static resources of the gateway.
// `npm run dev` proxies the API to a gateway started with ./crm up.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 2000 },
  // the browser's Host is passed on (no changeOrigin): the gateway refuses a request whose Origin is not its own host
  server: {
    proxy: {
      // patterns, not prefixes: the prefix '/api' also took the app's own page /api-keys to the gateway
      '^/api/': { target: 'http://localhost:8080', changeOrigin: false },
      '^/ws/': { target: 'ws://localhost:8080', ws: true, changeOrigin: false },
    },
  },
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
});
