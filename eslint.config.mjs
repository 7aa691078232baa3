// @ts-check
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import eslint from '@eslint/js';
import prettierConfig from 'eslint-config-prettier';
import astro from 'eslint-plugin-astro';
import { importX } from 'eslint-plugin-import-x';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // Build output, caches, generated Astro types, and the bench's plain comparison site (its own
  // small project, built from a copy).
  globalIgnores([
    '**/.astro/',
    '**/dist/',
    'bench/.work/',
    'bench/baseline/',
    'tests/.output/',
    'test-results/',
    'data/',
  ]),

  // Node.js globals everywhere; the scripts served as they are to the browser get the browser's.
  { languageOptions: { globals: { ...globals.nodeBuiltin } } },
  { files: ['public/**/*.js'], languageOptions: { globals: { ...globals.browser } } },

  eslint.configs.recommended,

  // TypeScript rules that use type information, through the project's tsconfig.
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: dirname(fileURLToPath(import.meta.url)),
      },
    },
  },
  // No typed rules in JavaScript files (as in Starlight): the browser scripts are type-checked
  // with `// @ts-check` by `astro check`, and the config files only wire things together.
  { files: ['**/*.js', '**/*.mjs'], extends: [tseslint.configs.disableTypeChecked] },

  // Astro components: the plugin's recommended rules. Typed rules are off there because the
  // TypeScript project service does not read .astro files; `astro check` type-checks them.
  astro.configs.recommended,
  { files: ['**/*.astro'], extends: [tseslint.configs.disableTypeChecked] },

  // Every bare import must be declared in package.json: a dependency the code only reaches
  // through another package's dependencies breaks when that package drops it.
  {
    plugins: { 'import-x': importX },
    settings: {
      // Astro's virtual modules and the `@/` path alias are not npm packages.
      'import-x/core-modules': ['astro:content', 'astro:assets', 'astro:env', 'astro:middleware'],
      'import-x/internal-regex': '^@/',
    },
    rules: {
      'import-x/no-extraneous-dependencies': [
        'error',
        {
          // Tests, benches, scripts and config files run from a full checkout; the site, the
          // admin and the publishing server must build and run with production dependencies only.
          devDependencies: [
            'tests/**',
            'bench/**',
            'scripts/**',
            'eslint.config.mjs',
            'vitest.config.ts',
          ],
          includeTypes: true,
        },
      ],
    },
  },

  // Formatting is prettier's job.
  prettierConfig,

  // Tweaks in all files.
  {
    rules: {
      // Unused names starting with `_` are deliberate (an ignored argument or tuple slot).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          ignoreRestSiblings: true,
          destructuredArrayIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          argsIgnorePattern: '^_',
        },
      ],
    },
  },

  // Fastify sends what an async handler or hook resolves to; a plain function would have to call
  // `reply.send` or `done` instead, so async handlers without `await` are the documented style.
  {
    files: ['src/server/app.ts', 'src/server/releases/plugin.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },

  // The browser scripts are served exactly as written, with no build step: their `catch (e)`
  // bindings stay rather than change the shipped files.
  {
    files: ['public/**/*.js'],
    rules: { '@typescript-eslint/no-unused-vars': ['error', { caughtErrors: 'none' }] },
  },

  // Tests.
  {
    files: ['tests/**/*.ts'],
    rules: {
      // Tests read JSON (API answers, generated files, browser results) and assert on its shape
      // with `expect`: a wrong shape fails the test, so typing every parsed value adds nothing.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Test, hook and fixture callbacks are all written async, whether or not they await yet.
      '@typescript-eslint/require-await': 'off',
      // A vitest fixture names what it depends on by destructuring its first argument; one that
      // depends on nothing must still write `{}`.
      'no-empty-pattern': 'off',
      // As in Starlight: passing `expect`-style and DOM methods around needs another plugin to
      // be checked properly.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
