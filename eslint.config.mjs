// Lint for the whole project: typescript-eslint's type-aware rules over src and test.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The only files in src/ that may import `vscode`: the composition root and the adapters over the editor's API. */
const VSCODE_ADAPTERS = [
  'src/api.ts',
  'src/app/commandRouter.ts',
  'src/app/core.ts',
  'src/app/settingsStore.ts',
  'src/app/workbench.ts',
  'src/config.ts',
  'src/editor/activityInput.ts',
  'src/editor/idKey.ts',
  'src/extension.ts',
  'src/log.ts',
  'src/privacySettings.ts',
  'src/tracking/exclusionCheck.ts',
  'src/tracking/vscodeAdapter.ts',
  'src/ui/checkGraphCommand.ts',
  'src/ui/commands.ts',
  'src/ui/forgetCommands.ts',
  'src/ui/insights/cardPreview.ts',
  'src/ui/insights/exportTimesheet.ts',
  'src/ui/insights/host.ts',
  'src/ui/insights/panel.ts',
  'src/ui/insights/resolver.ts',
  'src/ui/openActivityHandler.ts',
  'src/ui/openDocument.ts',
  'src/ui/previewDocument.ts',
  'src/ui/privacyQuestions.ts',
  'src/ui/publishCommand.ts',
  'src/ui/publishedTree.ts',
  'src/ui/publishedView.ts',
  'src/ui/serviceFactsState.ts',
  'src/ui/settingsProblems.ts',
  'src/ui/signIn.ts',
  'src/ui/statusActions.ts',
  'src/ui/statusBar.ts',
  'src/ui/workspacePrivacy.ts',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      '.cache/**',
      'dist-vsix/**',
      'test-artifacts/**',
      'test/bench/floor-extension/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // The boundary: the editor API is reachable only from the adapter files listed below; every other file in src/
    // is pure and unit-tested without the editor. Adding a file to this list is a design decision, not a lint fix.
    files: ['src/**/*.ts'],
    ignores: VSCODE_ADAPTERS,
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'vscode', message: 'Only the adapter files listed in eslint.config.mjs may import vscode.' }] },
      ],
    },
  },
  {
    // Named imports only: esbuild copies a whole module namespace (vscode has about 200 exports) for `import * as`.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportNamespaceSpecifier', message: 'Import the names you use; a namespace import costs start-up time.' },
      ],
    },
  },
  {
    // Build and run scripts in plain JavaScript.
    files: ['**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: { projectService: false },
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: { ...tseslint.configs.disableTypeChecked.rules, '@typescript-eslint/no-require-imports': 'off' },
  },
);
