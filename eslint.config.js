// @ts-check
// ESLint flat config (ESLint 9 + typescript-eslint 8).
//
// Besides the recommended rules this file enforces the architecture boundaries of DESIGN.md §2:
//  - src/engine is pure, deterministic and portable: no Phaser, DOM, zustand, immer, React, Node
//    built-ins, nothing from the rest of src/, no clock, no Math.random, no transcendental Math.
//  - src/ai bots are deterministic: no Math.random, no Date.
//  - src/results does not load Phaser.
// tests/lint/boundary.test.ts checks that each of these is actually reported.
import { builtinModules } from 'node:module';
import path from 'node:path';

import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ENGINE_DIR = path.join(import.meta.dirname, 'src', 'engine');

/** Every Node built-in by its bare name (fs, fs/promises, path, crypto...); `node:*` is a pattern below. */
const NODE_BUILTINS = [...new Set(builtinModules.filter((m) => !m.startsWith('_')))];

const ENGINE_FORBIDDEN_PACKAGES = [
  {
    group: ['phaser', 'phaser/**'],
    message: 'The engine must not depend on Phaser (rendering lives in src/game).',
  },
  {
    group: ['zustand', 'zustand/**'],
    message: 'The engine must not depend on the UI store (src/store).',
  },
  {
    group: ['immer', 'immer/**'],
    message:
      'The engine mutates plain drafts; immer belongs to src/store only (too slow for Monte Carlo).',
  },
  { group: ['react', 'react/**', 'react-dom', 'react-dom/**'], message: 'The engine has no UI.' },
  {
    group: ['fastify', 'fastify/**', '@fastify/**', 'better-sqlite3', 'playwright-core'],
    message: 'The engine must not depend on server or test infrastructure.',
  },
  {
    group: ['node:*'],
    message: 'The engine must run in browsers, workers and Node alike: no Node built-ins.',
  },
];

/** Local rule: a relative import/export/dynamic import from src/engine must stay inside src/engine. */
const noEscapeRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid relative module specifiers that resolve outside src/engine.' },
    schema: [],
    messages: {
      escape:
        "'{{source}}' resolves outside src/engine. The engine imports nothing from the rest of src/ (DESIGN.md §2).",
      dynamic:
        'Dynamic import()/require() is not allowed in src/engine: imports must be static and checkable.',
    },
  },
  /** @param {import('eslint').Rule.RuleContext} context */
  create(context) {
    const fileDir = path.dirname(context.filename);
    /** @param {import('estree').Node} node @param {unknown} value */
    const check = (node, value) => {
      if (typeof value !== 'string') return;
      const isRelative =
        value === '.' || value === '..' || value.startsWith('./') || value.startsWith('../');
      const isAbsolute =
        value.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(value) || value.startsWith('file:');
      const isSrcAlias = /^(~|@|#)?\/?src\//.test(value);
      if (isSrcAlias) {
        context.report({ node, messageId: 'escape', data: { source: value } });
        return;
      }
      if (!isRelative && !isAbsolute) return;
      const target =
        isAbsolute && !value.startsWith('file:')
          ? path.resolve(value)
          : path.resolve(fileDir, value);
      const rel = path.relative(ENGINE_DIR, target);
      if (
        value.startsWith('file:') ||
        rel === '..' ||
        rel.startsWith(`..${path.sep}`) ||
        path.isAbsolute(rel)
      ) {
        context.report({ node, messageId: 'escape', data: { source: value } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => context.report({ node, messageId: 'dynamic' }),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') {
          context.report({ node, messageId: 'dynamic' });
        }
      },
    };
  },
};

const boundaryPlugin = { meta: { name: 'boundary' }, rules: { 'no-escape': noEscapeRule } };

const NON_DETERMINISTIC_MATH = ['random'];
const TRANSCENDENTAL_MATH = [
  'sin',
  'cos',
  'tan',
  'asin',
  'acos',
  'atan',
  'atan2',
  'sinh',
  'cosh',
  'tanh',
  'asinh',
  'acosh',
  'atanh',
  'exp',
  'expm1',
  'log',
  'log2',
  'log10',
  'log1p',
  'cbrt',
  'hypot',
  'pow',
];

/** @param {string} property @param {string} message */
const mathBan = (property, message) => ({ object: 'Math', property, message });

const ENGINE_RESTRICTED_PROPERTIES = [
  ...NON_DETERMINISTIC_MATH.map((p) =>
    mathBan(p, 'Use the seeded alea generator whose state lives in GameState (DESIGN.md §2).'),
  ),
  ...TRANSCENDENTAL_MATH.map((p) =>
    mathBan(
      p,
      p === 'pow'
        ? 'Math.pow is banned: fractional powers differ between JS engines and break replay. Use `**` with an integer exponent, or integer arithmetic.'
        : `Math.${p} is not correctly rounded and differs between JS engines, which breaks replay. Use integer arithmetic or a lookup table.`,
    ),
  ),
];

const ENGINE_RESTRICTED_GLOBALS = [
  ...[
    'window',
    'document',
    'navigator',
    'localStorage',
    'sessionStorage',
    'indexedDB',
    'location',
  ].map((name) => ({
    name,
    message: 'The engine has no DOM: the view layer reads state and dispatches actions.',
  })),
  ...['Date', 'performance'].map((name) => ({
    name,
    message:
      'The engine has no clock: time is the turn counter in GameState (replay must be deterministic).',
  })),
  ...['setTimeout', 'setInterval', 'setImmediate', 'requestAnimationFrame', 'queueMicrotask'].map(
    (name) => ({
      name,
      message: 'The engine is synchronous and pure: no timers or scheduling.',
    }),
  ),
  ...['process', 'Buffer', 'global', '__dirname', '__filename'].map((name) => ({
    name,
    message: 'The engine must run in browsers, workers and Node alike: no Node globals.',
  })),
  ...['crypto', 'fetch', 'XMLHttpRequest', 'WebSocket', 'Worker'].map((name) => ({
    name,
    message: 'The engine does no I/O and draws no outside randomness.',
  })),
];

export default defineConfig(
  globalIgnores(['dist/', 'node_modules/', 'data/', 'coverage/', 'test-results/', '.vite/', '.scratch/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  // Plain JavaScript run by Node (configs, scripts).
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  // Browser code (TS files get no `no-undef`, but keep globals correct for any JS in src).
  {
    files: ['src/**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.browser } },
  },

  // ---------------------------------------------------------------- ENGINE BOUNDARY
  {
    files: ['src/engine/**/*.{ts,tsx,js,mjs,cjs,mts,cts}'],
    plugins: { boundary: boundaryPlugin },
    rules: {
      'boundary/no-escape': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.map((name) => ({
            name,
            message: 'The engine must run in browsers, workers and Node alike: no Node built-ins.',
          })),
          patterns: ENGINE_FORBIDDEN_PACKAGES,
        },
      ],
      'no-restricted-globals': ['error', ...ENGINE_RESTRICTED_GLOBALS],
      'no-restricted-properties': ['error', ...ENGINE_RESTRICTED_PROPERTIES],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date']",
          message: 'The engine has no clock: `new Date` is not deterministic.',
        },
        {
          selector: "BinaryExpression[operator='**'][right.type='Literal'][right.raw=/[.eE]/]",
          message:
            '`**` with a fractional exponent differs between JS engines: use an integer exponent.',
        },
        {
          selector: "AssignmentExpression[operator='**='][right.type='Literal'][right.raw=/[.eE]/]",
          message:
            '`**=` with a fractional exponent differs between JS engines: use an integer exponent.',
        },
        {
          selector: "MemberExpression[object.name='globalThis']",
          message: 'The engine must not reach into globalThis.',
        },
      ],
    },
  },

  // ---------------------------------------------------------------- AI: deterministic bots
  {
    files: ['src/ai/**/*.{ts,tsx,js,mjs,cjs,mts,cts}'],
    rules: {
      'no-restricted-globals': [
        'error',
        {
          name: 'Date',
          message: 'Bots must be deterministic: no clock. Use the game seed and turn counter.',
        },
      ],
      'no-restricted-properties': [
        'error',
        mathBan(
          'random',
          'Bots must be deterministic: draw from a seeded alea generator, not Math.random.',
        ),
        { object: 'Date', property: 'now', message: 'Bots must be deterministic: no clock.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date']",
          message: 'Bots must be deterministic: no clock.',
        },
      ],
    },
  },

  // ---------------------------------------------------------------- results page: no Phaser
  {
    files: ['src/results/**/*.{ts,tsx,js,mjs}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['phaser', 'phaser/**'],
              message: 'The results page does not load Phaser (DESIGN.md §2).',
            },
          ],
        },
      ],
    },
  },
);
