// Lets mocha (and node) load TypeScript directly: each .ts file is transformed by esbuild when required.
// Used by the unit tier so it needs no build step and shares no output folder.
const { transformSync } = require('esbuild');
const fs = require('node:fs');

require.extensions['.ts'] = function loadTs(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    loader: 'ts',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    sourcefile: filename,
  });
  module._compile(code, filename);
};
