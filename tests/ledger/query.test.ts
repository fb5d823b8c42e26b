import { describe, expect, it } from 'vitest';

import {
  editDistance,
  figureIds,
  figureRange,
  figureValue,
  findDocument,
  findFigure,
  formatLedgerError,
  suggest,
  unknownIdMessage,
  type Ledger,
} from '../../src/ledger';
import { loadLedgerFileSync } from '../../src/ledger/node';

function loadReal(): Ledger {
  const result = loadLedgerFileSync();
  if (!result.ok) throw new Error(result.errors.map(formatLedgerError).join('\n'));
  return result.value;
}

describe('figureValue', () => {
  const ledger = loadReal();

  it.each([
    ['nk-troops-total', 'low', 10000],
    ['nk-troops-total', 'central', 11000],
    ['nk-troops-total', 'high', 12000],
    ['nk-troops-first-contingent', 'low', 1500],
    ['nk-troops-first-contingent', 'central', 1500],
    ['nk-troops-first-contingent', 'high', 1500],
    ['nk-ammo-containers', 'central', 13000],
    ['nk-captured-jan-2025', 'high', 2],
  ] as const)('%s (%s) = %d', (id, choice, expected) => {
    expect(figureValue(ledger, id, choice)).toBe(expected);
  });

  it('is undefined for an unknown id or a figure without a number', () => {
    expect(figureValue(ledger, 'no-such-figure', 'central')).toBeUndefined();
    expect(figureValue(ledger, 'uniform-video', 'central')).toBeUndefined();
  });

  it('finds figures and documents', () => {
    expect(findFigure(ledger, 'nk-troops-total')?.unit).toBe('soldiers');
    expect(findFigure(ledger, 'nope')).toBeUndefined();
    expect(findDocument(ledger, 'doc-pawns')?.file).toBe('000_862f46d614540fa4.txt');
    expect(figureIds(ledger)).toContain('combat-experience');
    expect(figureRange(findFigure(ledger, 'nk-troops-total')!)).toEqual({
      low: 10000,
      central: 11000,
      high: 12000,
    });
  });
});

describe('suggest', () => {
  const known = [
    'nk-troops-total',
    'nk-troops-first-contingent',
    'nk-ammo-containers',
    'doc-pawns',
  ];

  it.each([
    ['nk-troop-total', 'nk-troops-total'],
    ['nk-troops-totl', 'nk-troops-total'],
    ['NK-AMMO-CONTAINERS', 'nk-ammo-containers'],
    ['nk-ammo-container', 'nk-ammo-containers'],
    ['doc-pawn', 'doc-pawns'],
    ['something-else-entirely', undefined],
    ['nk-troops-total', undefined],
  ])('%s -> %s', (id, expected) => {
    expect(suggest(id, known)).toBe(expected);
  });

  it('builds "did you mean" messages', () => {
    expect(unknownIdMessage('figure', 'nk-troop-total', known)).toBe(
      'unknown figure "nk-troop-total"; did you mean "nk-troops-total"?',
    );
    expect(unknownIdMessage('figure', 'zzz', known)).toBe('unknown figure "zzz"');
  });

  it('computes edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});
