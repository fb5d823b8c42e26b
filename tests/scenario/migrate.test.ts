/**
 * The format-version migration chain (src/scenario/migrate.ts): older files keep loading, to the
 * same scenario, with messages that point at the file as written; newer ones are refused.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { loadLedgerFileSync } from '../../src/ledger/node';
import type { Ledger } from '../../src/ledger/schema';
import {
  FORMAT_VERSION,
  formatIssue,
  loadScenario,
  migrateScenario,
  migrations,
  OLDEST_FORMAT_VERSION,
  validateScenarioText,
} from '../../src/scenario';

const ROOT = path.join(import.meta.dirname, '..', '..');
const V0 = path.join(ROOT, 'tests', 'fixtures', 'scenarios', 'old', 'historical-v0.yaml');
const HISTORICAL = path.join(ROOT, 'scenarios', 'historical-2024.yaml');

let ledger: Ledger;
beforeAll(() => {
  const r = loadLedgerFileSync();
  if (!r.ok) throw new Error('the figures ledger does not load');
  ledger = r.value;
});

const UPGRADED =
  'warning: this file is written in the older format version 0; it was upgraded to version 1 while reading ("objectives" is now called "scoring", and the calendar "{startMonth, months}" is now "{start, turnMonths: 1, turns}"). Update the file and write "formatVersion: 1" to keep it current';

describe('the migration chain', () => {
  it('has a step for every version from the oldest readable one to the current one', () => {
    expect(FORMAT_VERSION).toBe(1);
    for (let v = OLDEST_FORMAT_VERSION; v < FORMAT_VERSION; v++) {
      expect(migrations[v], `migrations[${v}]`).toBeDefined();
      expect(migrations[v]!.summary.length).toBeGreaterThan(10);
    }
    expect(migrations[FORMAT_VERSION]).toBeUndefined();
  });

  it('a version-0 file (the historical scenario in the draft format) loads to the same scenario and hash', () => {
    const old = loadScenario(readFileSync(V0, 'utf8'), 'historical-v0.yaml', ledger);
    const current = loadScenario(readFileSync(HISTORICAL, 'utf8'), 'historical-2024.yaml', ledger);
    expect(old.ok && current.ok).toBe(true);
    if (!old.ok || !current.ok) return;
    expect(old.value.scenario).toEqual(current.value.scenario);
    expect(old.value.hash).toBe(current.value.hash);
    expect(old.value.warnings.map(formatIssue)).toEqual([
      `historical-v0.yaml:11:16 formatVersion: ${UPGRADED}`,
    ]);
  });

  it('says so in the validator report, and the file stays valid', () => {
    const r = validateScenarioText(readFileSync(V0, 'utf8'), 'historical-v0.yaml', ledger);
    expect(r.ok).toBe(true);
    expect(r.report.split('\n').at(-1)).toBe('✓ historical-v0.yaml: valid (1 warning)');
  });

  it('points messages about an upgraded file at the old names, where the file wrote them', () => {
    const text = readFileSync(V0, 'utf8')
      .replace('  months: 12\n', '  months: twelve\n')
      .replace(
        '    - { metric: kyiv.kurskHeld, weight: 3, direction: max, scale: 100 }',
        '    - { metric: kyiv.kurskHold, weight: 3, direction: max, scale: 100 }',
      );
    const lines = text.split('\n');
    const monthsLine = lines.findIndex((l) => l.startsWith('  months:')) + 1;
    const kyivLine = lines.findIndex((l) => l.includes('kyiv.kurskHold')) + 1;
    const schemaErrors = loadScenario(text, 'v0.yaml', ledger);
    expect(schemaErrors.ok).toBe(false);
    if (schemaErrors.ok) return;
    expect(schemaErrors.errors.map(formatIssue)).toEqual([
      `v0.yaml:11:16 formatVersion: ${UPGRADED}`,
      `v0.yaml:${monthsLine}:11 calendar.months: expected a whole number, got "twelve"`,
    ]);
    const meaning = loadScenario(text.replace('months: twelve', 'months: 12'), 'v0.yaml', ledger);
    expect(meaning.ok).toBe(false);
    if (meaning.ok) return;
    expect(meaning.errors.map(formatIssue)).toEqual([
      `v0.yaml:11:16 formatVersion: ${UPGRADED}`,
      `v0.yaml:${kyivLine}:17 objectives.kyiv[0].metric: unknown metric "kyiv.kurskHold" — did you mean "kyiv.kurskHeld"?`,
    ]);
  });

  it('does not change the data it is given', () => {
    const doc = {
      formatVersion: 0,
      calendar: { startMonth: '2024-10', months: 3 },
      objectives: { kyiv: [] },
    };
    const copy = structuredClone(doc);
    const out = migrateScenario(doc);
    expect(doc).toEqual(copy);
    expect(out.kind).toBe('migrated');
    if (out.kind !== 'migrated') return;
    expect(out.doc).toEqual({
      formatVersion: 1,
      calendar: { start: '2024-10', turns: 3, turnMonths: 1 },
      scoring: { kyiv: [] },
    });
    expect(out.pathBack(['scoring', 'kyiv', 0])).toEqual(['objectives', 'kyiv', 0]);
    expect(out.pathBack(['calendar', 'turns'])).toEqual(['calendar', 'months']);
    expect(out.pathBack(['sectors', 0])).toEqual(['sectors', 0]);
  });

  it('leaves the current version, and data without a usable version, to the schema', () => {
    for (const data of [
      { formatVersion: 1 },
      {},
      { formatVersion: '1' },
      { formatVersion: 0.5 },
      [],
      null,
      'text',
    ])
      expect(migrateScenario(data).kind).toBe('as-is');
  });

  it('refuses a version newer than this build reads, and a negative one, with a clear message', () => {
    const base = readFileSync(HISTORICAL, 'utf8');
    const at = base.split('\n').findIndex((l) => l.startsWith('formatVersion:')) + 1;
    const newer = validateScenarioText(
      base.replace('formatVersion: 1\n', 'formatVersion: 2\n'),
      'new.yaml',
      ledger,
    );
    expect(newer.report.split('\n')).toEqual([
      `new.yaml:${at}:16 formatVersion: this file is written in format version 2, which is newer than this version of Three Capitals can read (format versions 0 to 1): update Three Capitals, or ask the scenario's author for a version-1 file`,
      '✗ new.yaml: 1 error',
    ]);
    const negative = validateScenarioText(
      base.replace('formatVersion: 1\n', 'formatVersion: -1\n'),
      'neg.yaml',
      ledger,
    );
    expect(negative.report.split('\n')).toEqual([
      `neg.yaml:${at}:16 formatVersion: unknown format version -1: format versions start at 0; a new file starts with "formatVersion: 1"`,
      '✗ neg.yaml: 1 error',
    ]);
  });
});
