// Lint for the whole project: typescript-eslint's type-aware rules over src and test.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import regexpPlugin from 'eslint-plugin-regexp';

/**
 * A file in src/ that uses the editor's API says so in its name: `*.vscode.ts`. Every other file is pure and runs in
 * the unit tests without the editor; dependency-cruiser (.dependency-cruiser.cjs) keeps pure files from importing an
 * editor-bound one, so the name holds for everything a file reaches.
 */
const EDITOR_BOUND = 'src/**/*.vscode.ts';

/** The one file that reads and writes the extension's settings and listens for their changes. */
const SETTINGS_READER = 'src/platform/settings.vscode.ts';

const ONE_SETTINGS_READER = {
  selector: "MemberExpression[object.name='workspace'][property.name=/^(getConfiguration|onDidChangeConfiguration)$/]",
  message: 'Read, write and watch settings through src/platform/settings.vscode.ts.',
};

const NO_NAMESPACE_IMPORT = {
  selector: 'ImportNamespaceSpecifier',
  message: 'Import the names you use; a namespace import costs start-up time.',
};

/** The one file that calls the editor's text surfaces. */
const SHOWN_TEXT_SINKS = 'src/platform/show.vscode.ts';

/** Every editor API that shows text to a person, and the translator that builds it: only through src/platform/show.vscode.ts. */
const SHOWN_TEXT_BOUNDARY = [
  {
    selector:
      "MemberExpression[object.name='window'][property.name=/^(showInformationMessage|showWarningMessage|showErrorMessage|showQuickPick|showInputBox|createQuickPick|createInputBox|withProgress|setStatusBarMessage|createStatusBarItem|showSaveDialog|showOpenDialog|createWebviewPanel)$/]",
    message: 'Show text through src/platform/show.vscode.ts, which takes only Shown text (src/text/shown.ts).',
  },
  {
    selector: "MemberExpression[object.name='l10n'][property.name='t']",
    message: 'Use say() from src/text/shown.ts: it localizes and makes every argument safe to show.',
  },
  {
    selector: 'NewExpression[callee.name=/^(TreeItem|MarkdownString)$/]',
    message: 'Build tree items and markdown with treeItem() / markdownOf() from src/platform/show.vscode.ts.',
  },
  {
    selector:
      "AssignmentExpression > MemberExpression.left[property.name=/^(message|tooltip|placeholder|prompt)$/][object.type!='ThisExpression']",
    message: 'Set what an editor surface shows through src/platform/show.vscode.ts.',
  },
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
    // A function a reader can hold in mind at once.
    files: ['src/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }] },
  },
  {
    // The boundary: the editor's API is imported only by files named for it (*.vscode.ts).
    files: ['src/**/*.ts'],
    ignores: [EDITOR_BOUND],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'vscode', message: 'Only a file named *.vscode.ts may import vscode: name it so, or keep it pure.' }] },
      ],
    },
  },
  {
    // Named imports only: esbuild copies a whole module namespace (vscode has about 200 exports) for `import * as`.
    // And one way to show text: the editor's surfaces are called only from src/platform/show.vscode.ts, which takes `Shown` text
    // (src/text/shown.ts), so no outside value reaches a person without being redacted, made inert and capped.
    // And one settings reader (src/platform/settings.vscode.ts).
    files: ['src/**/*.ts'],
    ignores: [SHOWN_TEXT_SINKS, SETTINGS_READER],
    rules: {
      'no-restricted-syntax': ['error', NO_NAMESPACE_IMPORT, ONE_SETTINGS_READER, ...SHOWN_TEXT_BOUNDARY],
    },
  },
  {
    files: [SHOWN_TEXT_SINKS],
    rules: { 'no-restricted-syntax': ['error', NO_NAMESPACE_IMPORT, ONE_SETTINGS_READER] },
  },
  {
    files: [SETTINGS_READER],
    rules: { 'no-restricted-syntax': ['error', NO_NAMESPACE_IMPORT, ...SHOWN_TEXT_BOUNDARY] },
  },
  {
    // Regular expressions in src/ run over text from outside (settings, file names, Graph's answers): each must match
    // in time linear in its input, so that none can block the extension host. The plugin's recommended rules, with
    // the two linear-time rules reporting every potential case, not only certain ones (a sticky pattern is tried at
    // one position only, so it cannot move); its purely stylistic rules (how a class or escape is spelled) are off.
    files: ['src/**/*.ts'],
    plugins: regexpPlugin.configs['flat/recommended'].plugins,
    rules: {
      ...regexpPlugin.configs['flat/recommended'].rules,
      'regexp/no-super-linear-backtracking': ['error', { report: 'potential' }],
      'regexp/no-super-linear-move': ['error', { report: 'potential', ignorePartial: false }],
      'regexp/control-character-escape': 'off',
      'regexp/negation': 'off',
      'regexp/no-unused-capturing-group': 'off',
      'regexp/no-useless-character-class': 'off',
      'regexp/prefer-d': 'off',
      'regexp/prefer-w': 'off',
      'regexp/use-ignore-case': 'off',
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
