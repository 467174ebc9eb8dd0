// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const LIBS = ['domain', 'persistence', 'jobs', 'esign', 'contracts', 'platform'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.tmp/**', '.dev-pki/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Each lib is reached only through its public index, `@jiyn/<lib>`.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@jiyn/*/*'], message: 'Import a lib through its public index: @jiyn/<lib>.' },
            {
              group: ['**/libs/*/src/**', ...LIBS.map((lib) => `**/${lib}/src/*`)],
              message: 'Import a lib through its public index: @jiyn/<lib>.',
            },
          ],
        },
      ],
    },
  },
  {
    // The domain is plain TypeScript: no framework, no database.
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['typeorm', 'pg', 'ioredis', 'bullmq'].map((name) => ({
            name,
            message: 'libs/domain does no I/O.',
          })),
          patterns: [
            {
              group: ['@nestjs/*', ...LIBS.filter((lib) => lib !== 'domain').map((lib) => `@jiyn/${lib}`)],
              message: 'libs/domain depends on nothing else.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: {
      globals: {
        module: 'writable',
        require: 'readonly',
        URL: 'readonly',
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        __dirname: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['apps/web/**/*.ts'],
    languageOptions: {
      globals: { window: 'readonly', document: 'readonly', fetch: 'readonly', setTimeout: 'readonly' },
    },
  },
);
