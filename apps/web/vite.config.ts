import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

// The public web app: built into <repo>/dist/web, which the api serves at `/`.
// `npx vite --config apps/web/vite.config.ts` serves it in development with /api proxied to the api.
export default defineConfig({
  root: webRoot,
  base: '/',
  publicDir: 'public',
  envPrefix: 'JIYN_WEB_',
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    assetsInlineLimit: 0,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
    fs: { allow: [repoRoot] },
  },
  preview: {
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
