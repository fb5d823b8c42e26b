/**
 * docs/scenarios.md: its FIELD REFERENCE is the one rendered from the schema's descriptions, its
 * format-version table covers the migration chain, and the tutorial's scenario is valid.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { loadLedgerFileSync } from '../../src/ledger/node';
import { FORMAT_VERSION, OLDEST_FORMAT_VERSION, validateScenarioText } from '../../src/scenario';
import {
  BEGIN_MARKER,
  END_MARKER,
  renderFieldReference,
  SCENARIOS_DOC_PATH,
  withFreshReference,
} from '../../src/scenario/render-reference';

const page = () => readFileSync(SCENARIOS_DOC_PATH, 'utf8');

describe('docs/scenarios.md', () => {
  it('holds the field reference rendered from the schema (run: npx tsx src/scenario/render-reference.ts --write)', async () => {
    const committed = page();
    expect(committed).toContain(BEGIN_MARKER);
    expect(committed).toContain(END_MARKER);
    expect(committed).toBe(await withFreshReference(committed));
  });

  it('the reference names every top-level field and every condition and effect type', () => {
    const reference = renderFieldReference();
    for (const field of ['formatVersion', 'calendar', 'capitals', 'events', 'scoring', 'policies'])
      expect(reference).toContain(`| \`${field}\` |`);
    for (const type of ['always', 'metric', 'lever', 'flag', 'chance', 'all', 'any', 'not'])
      expect(reference).toContain(`##### Condition \`type: ${type}\``);
    for (const type of ['adjust', 'stock', 'intel', 'flag', 'lever'])
      expect(reference).toContain(`##### Effect \`type: ${type}\``);
    // Every row has a meaning: no empty last cell.
    for (const row of reference.split('\n').filter((l) => l.startsWith('| `')))
      expect(row, row).not.toMatch(/\|\s*\|$/);
  });

  it('lists every format version the migration chain reads', () => {
    const text = page();
    const section = text.slice(text.indexOf('## Format versions'), text.indexOf(BEGIN_MARKER));
    for (let v = OLDEST_FORMAT_VERSION; v <= FORMAT_VERSION; v++)
      expect(section).toMatch(new RegExp(`\\n\\|\\s+${v} \\|`));
  });

  it("the tutorial's scenario is valid", () => {
    const ledger = loadLedgerFileSync();
    if (!ledger.ok) throw new Error('ledger');
    const file = path.join(
      import.meta.dirname,
      '..',
      'fixtures',
      'scenarios',
      'tutorial',
      'winter-2025.yaml',
    );
    const r = validateScenarioText(readFileSync(file, 'utf8'), 'winter-2025.yaml', ledger.value);
    expect(r.report).toBe('✓ winter-2025.yaml: valid');
  });
});
