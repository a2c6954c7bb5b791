import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'web/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'http', 'child_process'], message: 'src/core does no I/O.' },
            {
              group: [
                '**/store/**',
                '**/api/**',
                '**/cli/**',
                '**/ingest/**',
                'kysely',
                'fastify',
                'commander',
              ],
              message: 'src/core depends on nothing outside it.',
            },
          ],
        },
      ],
    },
  },
  {
    // threads/ is a leaf every layer may import (how a worker thread loads its program), so it imports none of them.
    files: ['src/threads/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../**'], message: 'src/threads imports nothing of the project.' }] },
      ],
    },
  },
  {
    // The registry is the write side: it never depends on a driver (ingest, the API, the CLI, a web app).
    files: ['src/registry/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/ingest/**', '**/api/**', '**/cli/**', '**/web/**'],
              message: 'src/registry is imported by the drivers, never the other way round.',
            },
          ],
        },
      ],
    },
  },
  {
    // Only the registry (and the store itself) writes registry tables: src/store/writes/ holds every such write.
    files: ['src/**/*.ts'],
    ignores: ['src/core/**', 'src/registry/**', 'src/store/**', 'src/threads/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/store/writes/**'],
              message: 'write through src/registry (its versioned-write step), not the write repositories.',
            },
          ],
        },
      ],
    },
  },
);
