// The jest transform: swc for our TypeScript, and for the ES-module-only packages under
// node_modules (NestJS 12 and some of its dependencies), which jest's CommonJS loader cannot load
// on Node 20. Node runs those packages natively (require(esm)); only the tests need this.
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { createTransformer } = require('@swc/jest');

const typeCache = new Map();

function packageTypeOf(file) {
  let dir = dirname(file);
  const seen = [];
  while (dir !== dirname(dir)) {
    if (typeCache.has(dir)) break;
    seen.push(dir);
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      let type = 'commonjs';
      try {
        const parsed = JSON.parse(readFileSync(manifest, 'utf8'));
        if (parsed.type) type = parsed.type;
        else if (!parsed.name && !parsed.version) {
          dir = dirname(dir);
          continue; // a nested package.json with no type says nothing; look further up
        }
      } catch {}
      typeCache.set(dir, type);
      break;
    }
    dir = dirname(dir);
  }
  const type = typeCache.get(dir) ?? 'commonjs';
  for (const d of seen) typeCache.set(d, type);
  return type;
}

function isEsm(file, source) {
  if (file.endsWith('.mjs')) return true;
  if (file.endsWith('.cjs')) return false;
  return packageTypeOf(file) === 'module' && /^\s*(import|export)\s/m.test(source);
}

module.exports = {
  createTransformer(options) {
    const swc = createTransformer(options);
    return {
      ...swc,
      process(source, file, config) {
        if (file.includes('/node_modules/') && !isEsm(file, source)) return { code: source };
        return swc.process(source, file, config);
      },
      getCacheKey(source, file, config) {
        return (
          swc.getCacheKey(source, file, config) +
          (file.includes('/node_modules/') && !isEsm(file, source) ? ':raw' : ':swc')
        );
      },
    };
  },
};
