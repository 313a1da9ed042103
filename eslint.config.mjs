// Lint for the whole project: typescript-eslint's type-aware rules over src and test.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
    // Pure core: the editor API is reachable only through the adapters.
    files: [
      'src/tracking/engine*.ts',
      'src/activity/**/*.ts',
      'src/graph/**/*.ts',
      'src/outbox/core*.ts',
      'src/text/**/*.ts',
      'src/git/**/*.ts',
      'src/insights/**/*.ts',
      'src/webview/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Pure core modules must not import vscode.' }] }],
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
    // The publishing service is unit-tested without the editor: its editor-side inputs are injected.
    files: ['src/app/publishing.ts', 'src/app/emitter.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Pure core modules must not import vscode.' }] }],
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
