/** Loads built-in scenarios as engine rules, once per test file. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FigureChoices, Rules } from '../../src/engine';
import { loadLedgerFileSync } from '../../src/ledger/node';
import { loadScenario, resolveScenario, formatIssue } from '../../src/scenario';

const cache = new Map<string, Rules>();

export function builtInRules(id = 'historical-2024', choices: FigureChoices = { default: 'central' }): Rules {
  const key = `${id}:${JSON.stringify(choices)}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const ledger = loadLedgerFileSync();
  if (!ledger.ok) throw new Error('ledger invalid');
  const path = resolve('scenarios', `${id}.yaml`);
  const r = loadScenario(readFileSync(path, 'utf8'), path, ledger.value);
  if (!r.ok) throw new Error(r.errors.map(formatIssue).join('\n'));
  const rules = resolveScenario(r.value.scenario, ledger.value, choices, r.value.hash);
  cache.set(key, rules);
  return rules;
}

export const HISTORICAL_SEATS = { pyongyang: 'historical', moscow: 'historical', kyiv: 'historical' };
