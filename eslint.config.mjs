import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importFencesPlugin } from './scripts/eslintImportFences.mjs';

/** Node builtins that do I/O or run processes: core turns text into data and does neither. */
const impureBuiltins = [
  'fs',
  'fs/promises',
  'child_process',
  'worker_threads',
  'net',
  'http',
  'https',
].flatMap((name) => [name, `node:${name}`]);

/** The folders of src/ that are not a DVC concept: shared layers every feature may import directly. */
const sharedLayers = [
  'core',
  'cli',
  'repository',
  'ui',
  'config',
  'log',
  'lifecycle',
  'trust',
  'webviewShell',
];
const featureFolders = [
  'ci',
  'cli-report',
  'data',
  'execution',
  'experiments',
  'history',
  'metrics',
  'pipeline',
  'plots',
  'remotes',
  'report',
  'setup',
];

// Fence (c): a concept's public face is its index.ts, and DVC and git are the repository's (src/repository).
export const featureFolderFences = [
  {
    files: [`src/{${featureFolders.join(',')}}/**/*.ts`],
    rules: {
      'dvc-lens/import-fence': [
        'error',
        {
          entryThroughIndex: { parent: 'src', exceptFolders: sharedLayers.map((name) => `src/${name}`) },
          reachOnlyThrough: [{ folder: 'src/cli', gateways: ['src/repository'] }],
          reason:
            'A feature folder is entered through its index.ts and reaches DVC and git through the repository.',
        },
      ],
    },
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-test/**',
      'node_modules/**',
      'examples/**',
      'test-results/**',
      '.vscode-test/**',
      'scripts/*.mjs',
      'eslint.config.mjs',
    ],
  },
  { plugins: { 'dvc-lens': importFencesPlugin } },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Processes are spawned only through src/cli/runner.ts, with argument arrays.
    files: ['src/**/*.ts'],
    ignores: ['src/cli/runner.ts', 'src/cli/processTree.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['child_process', 'node:child_process', 'execa'] }],
    },
  },
  {
    // The core layer turns text and JSON into plain data: it must not know the editor or the CLI.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['vscode', 'execa', 'simple-git', 'child_process', 'node:child_process'],
          patterns: ['**/cli/**', '**/cli', '**/repository/**', '**/repository'],
        },
      ],
    },
  },
  {
    // Fence (a): core is pure TypeScript; it imports only core, pure npm packages and pure node builtins.
    files: ['src/core/**/*.ts'],
    rules: {
      'dvc-lens/import-fence': [
        'error',
        {
          allowFolders: ['src/core'],
          denyPackages: ['vscode', 'execa', 'simple-git', ...impureBuiltins],
          reason: 'src/core knows no editor, no feature, no CLI: move the shared type into src/core instead.',
        },
      ],
    },
  },
  {
    // Fence (b): webview code runs in the page; it shares only core's types and its own code.
    files: ['webview/**/*.ts'],
    rules: {
      'dvc-lens/import-fence': [
        'error',
        {
          allowFolders: ['src/core', 'webview'],
          denyPackages: ['vscode'],
          reason: 'The page imports only src/core (the protocols and data types) and webview/.',
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  ...featureFolderFences,
);
