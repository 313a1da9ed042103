// The module rules of src/, checked by dependency-cruiser in the static tier (`npm test`, `npm run deps`).
// Type-only imports count: a type that points back is still a cycle a reader has to hold in mind.
const { DIRECTIONS } = require('./scripts/moduleDirections.cjs');

/** One rule per folder: it imports from the other folders of src/ only in the directions scripts/moduleDirections.cjs
 * gives (and the src/ root only builds the container). */
const directionRules = Object.entries(DIRECTIONS).map(([folder, allowed]) => ({
  name: `directions:${folder}`,
  comment:
    `src/${folder}/ may import only from ${allowed.length ? allowed.map((f) => `src/${f}/`).join(', ') : 'itself'} ` +
    '(scripts/moduleDirections.cjs, drawn in the README). Move the code, or change the directions on purpose.',
  severity: 'error',
  from: { path: `^src/${folder}/` },
  to: { path: '^src/', pathNot: `^src/(${[folder, ...allowed].join('|')})/` },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...directionRules,
    {
      name: 'directions:(root)',
      comment: 'The src/ root holds the entry point only: it builds the container (src/app/) and logs its start.',
      severity: 'error',
      from: { path: '^src/[^/]+$' },
      to: { path: '^src/', pathNot: '^src/(app|platform|text)/' },
    },
    {
      name: 'no-cycles',
      comment: 'No module reaches itself again through its imports, type-only imports included.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'pure-stays-pure',
      comment:
        'A file whose name does not end in .vscode.ts is pure: it runs in the unit tests without the editor, so it ' +
        'may not import a file that uses the editor (named *.vscode.ts). Rename it, or move the editor part out.',
      severity: 'error',
      from: { path: '^src/', pathNot: '[.]vscode[.]ts$' },
      to: { path: '[.]vscode[.]ts$' },
    },
    {
      name: 'webview-stands-alone',
      comment:
        'The webviews run in the browser sandbox: they share only the pure message protocols and shapes of ' +
        'src/insights (and the pure review arithmetic of its timesheet) with the extension, never the extension host side.',
      severity: 'error',
      from: { path: '^src/webview/' },
      to: {
        path: '^src/',
        pathNot:
          '^src/(webview/|insights/(protocol|aggregate|timesheet/(reviewProtocol|review|rounding|totals|units|rows|choices))[.]ts$)',
      },
    },
    {
      name: 'product-not-tests',
      comment: 'The product never imports tests, their support code or the emulator.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|tools)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|out|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
