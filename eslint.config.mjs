import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/apps/*/src/**', '../../*/src/**'],
              message: 'Apps never import each other: go through libs/contracts.',
            },
          ],
        },
      ],
    },
  },
  {
    // The platform is plumbing: it carries commands, events and errors, and knows no domain.
    files: ['libs/platform/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@app/contracts',
              message: 'The platform imports only the wire types of @app/contracts/common/….',
            },
          ],
          patterns: [
            {
              group: ['@app/contracts/*', '!@app/contracts/common'],
              message: 'The platform imports only the wire types of @app/contracts/common/….',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests boot the apps in-process, so they may import app modules.
    files: ['test/**/*.ts', '**/*.spec.ts', '**/test/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        fetch: 'readonly',
        AbortSignal: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
      },
    },
  },
);
