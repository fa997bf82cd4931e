// One flat config for the workspace. Boundaries are enforced here, not in review: browser code
// (web pages, kiosk, plugin web/kiosk parts) may not import the database, the services or any
// plugin's server part.
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const serverOnly = {
  patterns: [
    {
      group: ['@seoro/db', '@seoro/db/*', '@seoro/services', '@seoro/services/*', '@seoro/trpc'],
      message: 'Browser code must not import server packages; call the API instead.',
    },
    {
      group: ['@seoro/plugin-*/server', './server', '../server', '../../server'],
      allowTypeImports: true,
      message: "A plugin's ./server part is for the server only (type-only imports are fine).",
    },
  ],
};

export default ts.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/build/**',
      '**/.svelte-kit/**',
      '**/paraglide/**',
      '**/drizzle/**',
      '**/test-results/**',
      '**/playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  prettier,
  ...svelte.configs['flat/prettier'],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  {
    // Type-aware rules for code that is mostly asynchronous: a promise nobody awaits loses its
    // error, and a promise handed to a callback that expects nothing is never awaited at all.
    files: ['**/*.ts', '**/*.svelte'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      // A double cast silences the type checker entirely; say what the value is instead.
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "TSAsExpression > TSAsExpression.expression[typeAnnotation.type='TSUnknownKeyword']",
          message: '`as unknown as` hides type errors: narrow, validate or type the value instead.',
        },
      ],
    },
  },
  {
    // Tool configs and scripts sit outside the packages' tsconfig projects.
    files: ['**/*.config.ts', '**/*.config.js', '**/scripts/**', '**/*.js', '**/*.mjs'],
    ...ts.configs.disableTypeChecked,
  },
  {
    // Links go through paraglide's localizeHref (locale prefixes), not SvelteKit's resolve().
    files: ['apps/web/**', 'packages/plugins/*/src/web/**'],
    rules: { 'svelte/no-navigation-without-resolve': ['error', { ignoreLinks: true }] },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    files: [
      'apps/kiosk/src/**',
      'apps/web/src/**/*.svelte',
      'apps/web/src/routes/**/+page.ts',
      'apps/web/src/routes/**/+layout.ts',
      'apps/web/src/lib/**',
      'packages/plugins/*/src/web/**',
      'packages/plugins/*/src/kiosk/**',
      'packages/plugins/*/src/web.ts',
      'packages/plugins/*/src/kiosk.ts',
      'packages/ui/src/**',
    ],
    ignores: ['apps/web/src/lib/server/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', serverOnly] },
  },
);
