import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const kbnRuntimeImports = {
  group: ['@kbn/*'],
  allowTypeImports: true,
  message:
    "Runtime @kbn/* imports belong in the entry files (server/index.ts, public/index.ts); use 'import type' and take services from the plugin contracts.",
};

export default tseslint.config(
  { ignores: ['node_modules/', '.cache/', 'build/', 'target/', 'coverage/'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      eqeqeq: 'error',
      'no-console': 'error',
    },
  },
  {
    files: ['common/**/*.{ts,tsx}', 'server/**/*.{ts,tsx}', 'public/**/*.{ts,tsx}'],
    ignores: ['server/index.ts', 'public/index.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [kbnRuntimeImports] }],
    },
  },
  {
    files: ['public/**/*.{ts,tsx}', 'common/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/server', 'node:*'],
              message: 'The browser bundle cannot load server or Node code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'scripts/**/*'],
    rules: { 'no-console': 'off' },
  },
  {
    // Declarations copy Kibana's own signatures, `any` and `{}` included.
    files: ['typings/**/*.d.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-empty-object-type': 'off',
      '@typescript-eslint/no-unused-vars': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  }
);
