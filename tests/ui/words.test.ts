/**
 * Every label a person reads is words: document ids in the figures ledger become titles, item
 * keys in computer players' notes become names, and counts agree with their nouns.
 */
import { describe, expect, it } from 'vitest';

import { loadLedgerFileSync } from '../../src/ledger/node';
import { plural } from '../../src/ui/dom';
import { bundleText } from '../../src/ui/labels';
import { itemKeysInWords, itemNoun } from '../../src/ui/metric-labels';
import { describeTurnReport } from '../../src/ui/reportText';
import { figureShortLabel, ledgerWords } from '../../src/ui/sourceCard';
import type { TurnReport } from '../../src/engine/types';

const loaded = loadLedgerFileSync();
if (!loaded.ok) throw new Error('the figures ledger does not load');
const ledger = loaded.value;

describe('words, not ids', () => {
  it('document ids in the ledger’s text read as the documents’ titles', () => {
    expect(ledgerWords(ledger, 'Satellite imagery cited by doc-pawns [3]')).toBe(
      'Satellite imagery cited by “They thought they were fighting Americans” [3]',
    );
    expect(ledgerWords(ledger, 'Author of doc-uniform-video')).toBe(
      'Author of “North Korean Troops Allegedly Seen in Russia”',
    );
    expect(ledgerWords(ledger, 'cited by doc-nonesuch')).toBe('cited by a source document');
    expect(ledgerWords(ledger, 'What they said is in deception-fighting-americans.')).toMatch(
      /^What they said is in the figure “[A-Z][^”]+”\.$/,
    );
    expect(ledgerWords(ledger, 'a well-kept, low-cost plan')).toBe('a well-kept, low-cost plan');
    // No figure's source button label or "who claims it" keeps a document id.
    for (const f of ledger.figures) {
      expect(figureShortLabel(ledger, f)).not.toMatch(/doc-/);
      expect(ledgerWords(ledger, f.claimedBy)).not.toMatch(/doc-/);
      expect(ledgerWords(ledger, f.notes ?? '')).not.toMatch(/doc-/);
      for (const g of ledger.figures)
        expect(ledgerWords(ledger, f.notes ?? '')).not.toContain(g.id);
    }
  });

  it('item keys become names, keeping the UN’s capitals', () => {
    expect(itemNoun('tech.nuclear')).toBe('nuclear technology');
    expect(itemNoun('unCover')).toBe('UN Security Council cover');
    expect(itemNoun('currency')).toBe('hard currency');
    expect(bundleText({ 'tech.nuclear': 3, unCover: 1 })).toBe(
      '3 nuclear technology, 1 UN Security Council cover',
    );
    expect(itemKeysInWords('Moscow values 3 tech.nuclear above 1 unCover, 20 droneOperators')).toBe(
      'Moscow values 3 nuclear technology above 1 UN Security Council cover, 20 drone operators',
    );
    expect(itemKeysInWords('troops for oil')).toBe('troops for oil');
  });

  it('one point, two points', () => {
    expect(plural(1, 'point')).toBe('1 point');
    expect(plural(-1, 'point')).toBe('-1 point');
    expect(plural(2, 'point')).toBe('2 points');
    const report = {
      turn: 1,
      date: '2024-11',
      deliveries: [],
      sectors: ['a', 'b'].map((sector, i) => ({
        sector,
        controlBefore: 50,
        controlAfter: i === 0 ? 51 : 48,
        northKorean: { killed: 0, wounded: 0, captured: 0 },
        russian: { killed: 0, wounded: 0 },
        ukrainian: { killed: 0, wounded: 0 },
      })),
    } as unknown as TurnReport;
    const text = describeTurnReport(report, (id) => `Sector ${id.toUpperCase()}`);
    expect(text).toContain('Russia gained 1 point');
    expect(text).not.toContain('1 points');
    expect(text).toContain('Ukraine regained 2 points');
  });
});
