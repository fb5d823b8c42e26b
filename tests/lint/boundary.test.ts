// The architecture boundaries of DESIGN.md §2 are enforced by eslint.config.js. This checks that
// each forbidden thing is actually reported (and that ordinary engine code is clean), by linting
// small snippets as if they lived at the given paths.
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const cwd = fileURLToPath(new URL('../..', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd });
});

async function lint(filePath: string, code: string): Promise<ESLint.LintResult> {
  const [result] = await eslint.lintText(code, { filePath });
  if (!result) throw new Error('ESLint returned no result');
  return result;
}

const ENGINE = 'src/engine/foo.ts';
const ENGINE_SUB = 'src/engine/combat/resolve.ts';
const AI = 'src/ai/greedy.ts';

type Case = [name: string, file: string, code: string, rule: string];

const forbidden: Case[] = [
  // packages the engine must not need
  ['phaser', ENGINE, "import Phaser from 'phaser';\nexport { Phaser };", 'no-restricted-imports'],
  [
    'zustand',
    ENGINE,
    "import { create } from 'zustand';\nexport { create };",
    'no-restricted-imports',
  ],
  [
    'zustand/vanilla',
    ENGINE,
    "export { createStore } from 'zustand/vanilla';",
    'no-restricted-imports',
  ],
  [
    'immer',
    ENGINE,
    "import { produce } from 'immer';\nexport { produce };",
    'no-restricted-imports',
  ],
  ['react', ENGINE, "import React from 'react';\nexport { React };", 'no-restricted-imports'],
  // Node built-ins, with and without the node: prefix
  ...[
    'fs',
    'fs/promises',
    'path',
    'crypto',
    'os',
    'child_process',
    'worker_threads',
    'url',
    'util',
  ].map((mod): Case => [
    mod,
    ENGINE,
    `import * as m from '${mod}';\nexport { m };`,
    'no-restricted-imports',
  ]),
  ...['node:fs', 'node:crypto', 'node:path'].map((mod): Case => [
    mod,
    ENGINE,
    `import * as m from '${mod}';\nexport { m };`,
    'no-restricted-imports',
  ]),
  // relative imports that leave src/engine
  [
    '../ledger/load',
    ENGINE,
    "import x from '../ledger/load';\nexport { x };",
    'boundary/no-escape',
  ],
  ['../../x', ENGINE, "import x from '../../x';\nexport { x };", 'boundary/no-escape'],
  ['..', ENGINE, "import x from '..';\nexport { x };", 'boundary/no-escape'],
  ['./../store', ENGINE, "import x from './../store';\nexport { x };", 'boundary/no-escape'],
  ['./a/../../ui', ENGINE, "import x from './a/../../ui';\nexport { x };", 'boundary/no-escape'],
  [
    '../../ledger from a subfolder',
    ENGINE_SUB,
    "import x from '../../ledger';\nexport { x };",
    'boundary/no-escape',
  ],
  ['re-export from outside', ENGINE, "export * from '../scenario/schema';", 'boundary/no-escape'],
  [
    'named re-export from outside',
    ENGINE,
    "export { a } from '../scenario/schema';",
    'boundary/no-escape',
  ],
  [
    'type import from outside',
    ENGINE,
    "import type { T } from '../store';\nexport type U = T;",
    'boundary/no-escape',
  ],
  ['dynamic import', ENGINE, "export const m = () => import('./combat');", 'boundary/no-escape'],
  // globals
  ['window', ENGINE, 'export const w = window.innerWidth;', 'no-restricted-globals'],
  ['document', ENGINE, 'export const d = document.title;', 'no-restricted-globals'],
  ['localStorage', ENGINE, "export const s = localStorage.getItem('k');", 'no-restricted-globals'],
  ['Date.now', ENGINE, 'export const t = Date.now();', 'no-restricted-globals'],
  ['new Date', ENGINE, 'export const t = new Date();', 'no-restricted-syntax'],
  ['performance', ENGINE, 'export const t = performance.now();', 'no-restricted-globals'],
  ['process', ENGINE, 'export const e = process.env;', 'no-restricted-globals'],
  ['setTimeout', ENGINE, 'setTimeout(() => {}, 1);', 'no-restricted-globals'],
  ['globalThis', ENGINE, 'export const r = globalThis.Math.floor(1);', 'no-restricted-syntax'],
  // non-deterministic and non-portable Math
  ['Math.random', ENGINE, 'export const r = Math.random();', 'no-restricted-properties'],
  [
    'Math.random destructured',
    ENGINE,
    'const { random } = Math;\nexport const r = random();',
    'no-restricted-properties',
  ],
  ...[
    'sin',
    'cos',
    'tan',
    'exp',
    'log',
    'log2',
    'log10',
    'log1p',
    'expm1',
    'atan',
    'atan2',
    'asin',
    'acos',
    'sinh',
    'cosh',
    'tanh',
    'asinh',
    'acosh',
    'atanh',
    'cbrt',
    'hypot',
    'pow',
  ].map((fn): Case => [
    `Math.${fn}`,
    ENGINE,
    `export const v = Math.${fn}(2, 3);`,
    'no-restricted-properties',
  ]),
  ['** with a fractional exponent', ENGINE, 'export const v = 2 ** 0.5;', 'no-restricted-syntax'],
  [
    '**= with a fractional exponent',
    ENGINE,
    'let v = 2;\nv **= 1.5;\nexport { v };',
    'no-restricted-syntax',
  ],
  // bots are deterministic
  ['Math.random in src/ai', AI, 'export const r = Math.random();', 'no-restricted-properties'],
  ['Date.now in src/ai', AI, 'export const t = Date.now();', 'no-restricted-globals'],
  ['new Date in src/ai', AI, 'export const t = new Date();', 'no-restricted-syntax'],
  // the results page does not load Phaser
  [
    'phaser in src/results',
    'src/results/main.ts',
    "import Phaser from 'phaser';\nexport { Phaser };",
    'no-restricted-imports',
  ],
];

const allowed: [name: string, file: string, code: string][] = [
  [
    'ordinary engine code',
    ENGINE,
    [
      "import alea from 'seedrandom/lib/alea';",
      "import { resolveBattle } from './combat';",
      "import type { GameState } from './types';",
      "export * from './actions';",
      'export function step(state: GameState, seed: string): number {',
      '  const rng = alea(seed, { state: true });',
      '  const n = Math.floor(rng() * 10) + Math.max(1, 2) + Math.abs(-3) + Math.sqrt(16);',
      '  return resolveBattle(state) + n + 2 ** 10 + Math.imul(3, 4) + Math.round(1.5);',
      '}',
    ].join('\n'),
  ],
  [
    'sibling import from a subfolder',
    ENGINE_SUB,
    "import { rules } from '../rules';\nimport { dice } from './dice';\nexport const both = [rules, dice];",
  ],
  [
    'transcendental Math outside the engine',
    'src/game/scenes/Map.ts',
    'export const a = Math.sin(1) + Math.random();',
  ],
  [
    'Phaser and the DOM in src/game',
    'src/game/main.ts',
    "import Phaser from 'phaser';\nexport const w = [Phaser, window.innerWidth];",
  ],
  [
    'Node built-ins in src/server',
    'src/server/x.ts',
    "import { readFileSync } from 'node:fs';\nexport { readFileSync };",
  ],
  ['transcendental Math in src/ai', AI, 'export const v = Math.log(2);'],
];

describe('engine boundary lint rules', () => {
  it.each(forbidden)('reports %s (%s)', async (_name, file, code, rule) => {
    const result = await lint(file, code);
    const rules = result.messages.map((m) => m.ruleId);
    expect(rules).toContain(rule);
    expect(result.messages.find((m) => m.ruleId === rule)?.severity).toBe(2);
  });

  it.each(allowed)('accepts %s (%s)', async (_name, file, code) => {
    const result = await lint(file, code);
    expect(result.messages).toEqual([]);
  });
});
