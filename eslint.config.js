// Lint, including the layer rules of ARCHITECTURE.md: shared is pure, renderer talks only to shared,
// db knows nothing of main or the UI, main sees storage only through db/port.ts, and only main/electron may touch Electron.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'url', 'util', 'stream', 'events'];
const restrict = (...groups) => ({
  'no-restricted-imports': ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }],
});
const ONLY_MAIN_ELECTRON = [['electron', '**/renderer/**'], 'Only main/electron/ may import Electron; services must run without it.'];
// The storage engine is chosen in one place (main/app.ts, the composition root; the tests' helpers); everything else
// in main/ sees only the port, so that the same services run on PostgreSQL.
const ONLY_THE_PORT = [['better-sqlite3', '**/db/sqlite/**', 'pg', 'pg-*'], 'main/ uses storage only through db/port.ts; only main/app.ts opens a store of an engine.'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: restrict([
      [...NODE_BUILTINS, 'electron', 'react', 'react-dom', 'slate', 'slate-*', 'better-sqlite3', '**/db/**', '**/main/**', '**/renderer/**'],
      'shared/ is pure TypeScript + zod: no Node, Electron, React, Slate or database imports.',
    ]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // TanStack Virtual is designed to be called on every render; the React Compiler hint is noise here.
      'react-hooks/incompatible-library': 'off',
      ...restrict([[...NODE_BUILTINS, 'electron', 'better-sqlite3', '**/db/**', '**/main/**'], 'renderer/ talks to the app only through shared/ and the API client.']),
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: restrict([['electron', 'react', 'react-dom', '**/main/**', '**/renderer/**'], 'db/ knows nothing of main/ or the UI.']),
  },
  {
    files: ['db/port.ts'],
    rules: restrict(
      [['electron', 'react', 'react-dom', '**/main/**', '**/renderer/**'], 'db/ knows nothing of main/ or the UI.'],
      [['better-sqlite3', 'pg', 'pg-*', './sqlite/**', './pg/**'], 'The port is the contract every engine implements: no driver and no adapter in it.'],
    ),
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**', 'main/app.ts', 'main/**/*.test.ts'],
    rules: restrict(ONLY_MAIN_ELECTRON, ONLY_THE_PORT),
  },
  {
    // The composition root opens the store; tests of main/ may check the SQLite engine itself (plans, schema versions).
    files: ['main/app.ts', 'main/**/*.test.ts'],
    ignores: ['main/electron/**'],
    rules: restrict(ONLY_MAIN_ELECTRON),
  },
  {
    files: ['main/electron/**/*.ts'],
    rules: restrict(ONLY_THE_PORT),
  },
  {
    files: ['scripts/**/*.js', 'bin/**/*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{ts,js}', 'bin/**/*.js'],
    rules: restrict([['electron'], 'Tests and tools must never import Electron (it would download its runtime).']),
  },
  {
    // Every spec's screens are watched for codes and English on Vietnamese screens (issue 20, item 11).
    files: ['test/e2e/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['electron'], message: 'Tests and tools must never import Electron (it would download its runtime).' }],
          paths: [{ name: '@playwright/test', importNames: ['test'], message: "Import test from './test': it watches every screen for codes and English (screenWords.ts)." }],
        },
      ],
    },
  },
);
