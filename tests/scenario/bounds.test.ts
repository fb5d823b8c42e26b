// Numbers a scenario may hold (issue 9, item 9): every number finite and at most
// MAX_MAGNITUDE in size, so the model's sums stay finite and its counts exact. Values past 2^53,
// 1e308 and friends are refused with a message at the line that wrote them.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { loadLedgerFileSync } from '../../src/ledger/node';
import type { Ledger } from '../../src/ledger/schema';
import { validateScenarioText } from '../../src/scenario';
import { MAX_MAGNITUDE } from '../../src/scenario/schema';

const BASE = readFileSync(path.join('scenarios', 'historical-2024.yaml'), 'utf8');
let ledger: Ledger;
beforeAll(() => {
  const r = loadLedgerFileSync();
  if (!r.ok) throw new Error('ledger');
  ledger = r.value;
});

/** The base scenario with the first line matching `line` given another value. */
function withValue(line: RegExp, value: string): string {
  const m = line.exec(BASE);
  if (!m) throw new Error(`no line ${line}`);
  return BASE.replace(m[0], m[0].replace(m[1]!, value));
}

describe('number bounds', () => {
  it('the built-in scenario validates as it is', () => {
    expect(validateScenarioText(BASE, 'base.yaml', ledger).ok).toBe(true);
  });

  it.each([
    ['income: {ammunition: 1e308}', /^ {6}ammunition: (1500)/m, '1e308'],
    ['a stock past 2^53', /^ {6}ammunition: (6000)/m, '9007199254740993'],
    ['a rate of 1e10', /^ {2}ammunitionPerThousand: (\d+)/m, '1e10'],
    ['a negative 1e300', /^ {2}ammunitionPerThousand: (\d+)/m, '-1e300'],
    ['infinity written in YAML', /^ {6}ammunition: (1500)/m, '.inf'],
  ])('refuses %s with a clear message', (_what, line, value) => {
    const r = validateScenarioText(withValue(line, value), 'big.yaml', ledger);
    expect(r.ok).toBe(false);
    expect(r.report).toMatch(/at most 1,000,000,000 in size|expected a number/);
    expect(r.report).not.toMatch(/Infinity|NaN|null/);
  });

  it('accepts a number at the bound and refuses one just past it', () => {
    const at = withValue(/^ {6}ammunition: (1500)/m, String(MAX_MAGNITUDE));
    expect(validateScenarioText(at, 'at.yaml', ledger).ok).toBe(true);
    const past = withValue(/^ {6}ammunition: (1500)/m, String(MAX_MAGNITUDE + 1));
    expect(validateScenarioText(past, 'past.yaml', ledger).ok).toBe(false);
  });
});
