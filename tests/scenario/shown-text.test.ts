// Scenario texts are shown to students and on the public index: each passes the shown-text
// rule (src/text/shown-text.ts), in any language.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { loadLedgerFileSync } from '../../src/ledger/node';
import type { Ledger } from '../../src/ledger/schema';
import { validateScenarioText } from '../../src/scenario';

const BASE = readFileSync(path.join('scenarios', 'historical-2024.yaml'), 'utf8');
const TITLE = /^title: .*$/m;
let ledger: Ledger;
beforeAll(() => {
  const r = loadLedgerFileSync();
  if (!r.ok) throw new Error('ledger');
  ledger = r.value;
});

describe('shown text in scenarios', () => {
  it.each([
    [
      'a right-to-left override in the title',
      '"Kursk \\u202Eelbats\\u202C 2024"',
      /direction-changing/,
    ],
    ['a Hangul filler as the title', '"\\u3164"', /blank space/],
    ['a zero-width space in the title', '"Kursk\\u200B 2024"', /invisible/],
  ])('refuses %s, at its line', (_what, title, message) => {
    const r = validateScenarioText(BASE.replace(TITLE, `title: ${title}`), 'x.yaml', ledger);
    expect(r.ok).toBe(false);
    const line = BASE.slice(0, BASE.search(TITLE)).split('\n').length;
    expect(r.report).toMatch(new RegExp(`x\\.yaml:${line}:\\d+ title: `));
    expect(r.report).toMatch(message);
  });

  it.each([
    ['Korean', '"쿠르스크 배치, 2024-2025"'],
    ['Ukrainian', '"Курська операція, 2024-2025"'],
    ['an emoji sequence', '"Kursk 🇺🇦 👨‍👩‍👧"'],
  ])('accepts a title in %s', (_what, title) => {
    const r = validateScenarioText(BASE.replace(TITLE, `title: ${title}`), 'x.yaml', ledger);
    expect(r.report).toMatch(/valid/);
    expect(r.ok).toBe(true);
  });
});
