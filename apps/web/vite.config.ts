// The public web app: built into <repo>/dist/web, which the api serves at `/`.
// `npx vite --config apps/web/vite.config.ts` serves it in development with /api proxied to the api.
// Written as CommonJS on purpose: the repository's package.json is CommonJS, and Vite loads this
// file as such (ESM syntax here draws a deprecation warning on every build).
const repoRoot = `${__dirname}/../..`;
const api = { '/api': { target: 'http://localhost:3000', changeOrigin: false } };

/** @type {import('vite').UserConfig} */
module.exports = {
  root: __dirname,
  base: '/',
  publicDir: 'public',
  envPrefix: 'JIYN_WEB_',
  build: {
    outDir: `${repoRoot}/dist/web`,
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    assetsInlineLimit: 0,
  },
  server: { port: 5173, proxy: api, fs: { allow: [repoRoot] } },
  preview: { proxy: api },
};
