/**
 * Every label a person reads is words: document ids in the figures ledger become titles, item
 * keys in computer players' notes become names, and counts agree with their nouns.
 */
import { describe, expect, it } from 'vitest';

import { loadLedgerFileSync } from '../../src/ledger/node';
import { plural } from '../../src/ui/dom';
import { bundleText, describeAction as gameDescribeAction } from '../../src/ui/labels';
import { describeAction, describeOrderBy } from '../../src/ui/plain-words';
import { builtInRules } from '../helpers/rules';
import { itemKeysInWords, itemNoun } from '../../src/ui/metric-labels';
import { describeTurnReport } from '../../src/ui/reportText';
import { figureShortLabel, ledgerWords } from '../../src/ui/sourceCard';
import type { Action, TurnReport } from '../../src/engine/types';

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

describe('orders in words, the same in the game and on the results page', () => {
  const rules = builtInRules();
  const sector = rules.sectors[0]!;
  it('has sectors whose ids differ from their names (else the checks below prove nothing)', () => {
    expect(sector.name).not.toBe(sector.id);
  });

  it('names capitals, sectors and goods, never their keys', () => {
    const offer: Action = {
      type: 'offer',
      seat: 'kyiv',
      to: 'moscow',
      give: { prisoners: 3 },
      get: { pows: 6 },
      turns: 1,
    };
    expect(describeAction(rules, offer)).toBe(
      `Offer to ${rules.capitals.moscow.name}: give 3 ${itemNoun('prisoners')}, ask 6 ${itemNoun('pows')}, delivered over 1 turn.`,
    );
    const back: Action = {
      type: 'allocate',
      seat: 'kyiv',
      sector: sector.id,
      troops: -1500,
      drones: 0,
    };
    expect(describeAction(rules, back)).toBe(
      `Pull 1,500 troops back from ${sector.name} to the reserve.`,
    );
    const nk: Action = { type: 'assign', seat: 'moscow', sector: sector.id, count: 2000 };
    expect(describeAction(rules, nk)).toBe(`Send 2,000 North Korean soldiers to ${sector.name}.`);
    for (const a of [offer, back, nk]) {
      const text = describeAction(rules, a);
      expect(text).not.toContain(sector.id);
      expect(text).not.toMatch(/\bpows\b|\bkyiv\b|\bmoscow\b/);
    }
  });

  it('the results page lists the same sentence after the capital that gave the order', () => {
    const a: Action = { type: 'setPosture', seat: 'kyiv', posture: 'withdraw' };
    expect(describeOrderBy(rules, a)).toBe(
      `${rules.capitals.kyiv.name} — ${describeAction(rules, a)}`,
    );
    expect(describeAction(rules, a)).toBe('Pull back from the Kursk salient.');
    // The game's own list (src/ui/labels re-exports the same function).
    expect(gameDescribeAction).toBe(describeAction);
  });
});
