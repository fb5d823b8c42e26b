/**
 * What a scenario makes impossible (src/scenario/reach.ts and its checks): events whose
 * condition can never hold, objectives out of reach, policies that need levers the capital does
 * not have. Bounds are generous: the real scenarios get no such warning.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { loadLedgerFileSync } from '../../src/ledger/node';
import { formatIssue, loadScenario, parseScenario } from '../../src/scenario';
import { Reach } from '../../src/scenario/reach';
import { LEDGER, lineOf, SMALL_YAML, withLine } from './fixtures';

const report = (text: string) => {
  const r = loadScenario(text, 's.yaml', LEDGER);
  return { ok: r.ok, lines: r.ok ? r.value.warnings.map(formatIssue) : r.errors.map(formatIssue) };
};

describe('Reach: bounds of the metrics', () => {
  it('follows stocks, income, routes and levers in the historical scenario', () => {
    const ledger = loadLedgerFileSync();
    if (!ledger.ok) throw new Error('ledger');
    const text = readFileSync(
      path.join(import.meta.dirname, '..', '..', 'scenarios', 'historical-2024.yaml'),
      'utf8',
    );
    const s = parseScenario(text, 'h.yaml');
    if (!s.ok) throw new Error('historical');
    const reach = new Reach(s.value, ledger.value);
    expect(reach.bound('pyongyang.troopsSent')).toMatchObject({ lo: 0, hi: 12000 }); // nk-troops-total, high
    expect(reach.bound('pyongyang.ammunitionShipped')).toMatchObject({
      lo: 13000,
      hi: 13000 + 6000 + 1500 * 12,
    });
    expect(reach.bound('pyongyang.nuclearTech').hi).toBe(3);
    expect(reach.bound('pyongyang.returned')).toMatchObject({ lo: 0, hi: 12000 });
    expect(reach.bound('kyiv.kurskHeld')).toMatchObject({ lo: 0, hi: 100 });
    expect(reach.bound('moscow.losses').hi).toBe(Infinity);
  });
});

describe('events that can never fire', () => {
  it('a metric the scenario cannot move that far', () => {
    const text = withLine(
      'condition: { type: all',
      "    condition: { type: metric, metric: pyongyang.nuclearTech, op: '>=', value: 3 }",
    );
    expect(report(text)).toEqual({
      ok: true,
      lines: [
        `s.yaml:${lineOf('condition: { type: all')}:16 events[1].condition: warning: this event can never fire: it needs pyongyang.nuclearTech >= 3, but pyongyang.nuclearTech can reach at most 2 in this scenario (no more tech.nuclear than exists in the game)`,
      ],
    });
  });

  it('a metric that never falls below where it starts', () => {
    const text = withLine(
      'condition: { type: all',
      "    condition: { type: metric, metric: pyongyang.ammunitionShipped, op: '<', value: 100 }",
    );
    expect(report(text).lines).toEqual([
      `s.yaml:${lineOf('condition: { type: all')}:16 events[1].condition: warning: this event can never fire: it needs pyongyang.ammunitionShipped < 100, but pyongyang.ammunitionShipped is never below 13,000 in this scenario`,
    ]);
  });

  it('"any" of conditions none of which can hold; a chance of 0; a lever nobody moves', () => {
    let text = withLine(
      'condition: { type: all',
      '    condition: { type: any, of: [{ type: chance, probability: 0 }, { type: lever, capital: kyiv, lever: posture, equals: withdraw }] }',
    );
    expect(report(text).lines).toEqual([
      `s.yaml:${lineOf('condition: { type: all')}:16 events[1].condition: warning: this event can never fire: none of its conditions can hold: its probability is 0; it needs posture = "withdraw", but posture stays "hold": kyiv has no posture lever and no event moves it`,
    ]);
    // An event that moves the lever makes it possible.
    text = text.replace(
      '      - { type: adjust, target: moscow.scrutiny, by: 5 }',
      '      - { type: adjust, target: moscow.scrutiny, by: 5 }\n      - { type: lever, capital: kyiv, lever: posture, value: withdraw }',
    );
    expect(report(text).lines).toEqual([]);
  });

  it('a figure threshold counts with every low/central/high choice', () => {
    // Pyongyang's pool is troops-range (10,000 / 11,000 / 12,000): 11,000 can be reached with
    // the central or high figures, 12,500 with none.
    const possible = withLine(
      'condition: { type: all',
      "    condition: { type: metric, metric: pyongyang.troopsSent, op: '>=', value: { figure: troops-range } }",
    );
    expect(report(possible).lines).toEqual([]);
    const impossible = withLine(
      'condition: { type: all',
      "    condition: { type: metric, metric: pyongyang.troopsSent, op: '>=', value: { figure: troops-range, scale: 1.25 } }",
    );
    expect(report(impossible).lines).toEqual([
      `s.yaml:${lineOf('condition: { type: all')}:16 events[1].condition: warning: this event can never fire: it needs pyongyang.troopsSent >= 12,500, but pyongyang.troopsSent can reach at most 12,000 in this scenario (no more soldiers than Pyongyang's pool)`,
    ]);
  });
});

describe('objectives', () => {
  it('"min" objectives that can never earn anything, or always earn everything', () => {
    let text = withLine(
      '- { metric: moscow.kurskControl',
      '    - { metric: pyongyang.ammunitionShipped, weight: 1, direction: min, scale: 5000 }',
    );
    text = withLine(
      '- { metric: kyiv.kurskHeld',
      '    - { metric: human.returned, weight: 1, direction: min, scale: 10 }',
      text,
    );
    expect(report(text).lines).toEqual([
      `s.yaml:${lineOf('- { metric: moscow.kurskControl')}:80 scoring.moscow[0].scale: warning: this objective can never earn anything: pyongyang.ammunitionShipped is already at least 13,000, the value that earns no marks (scale 5,000)`,
      `s.yaml:${lineOf('- { metric: kyiv.kurskHeld')}:17 scoring.kyiv[0].metric: warning: this objective always earns full marks: human.returned stays at 0 in this scenario (Pyongyang has no recall lever)`,
    ]);
  });
});

describe('policies that need levers the capital does not have', () => {
  it('says which order will be refused, and why', () => {
    let text = SMALL_YAML.replace(
      '    levers: [allocate, targeting, publicise, evidence]',
      '    levers: [allocate]',
    );
    text = text.replace('withdrawFrom: null', "withdrawFrom: '2024-12'");
    const at = lineOf('kyiv: { targetNorthKoreansFrom', text);
    expect(report(text).lines).toEqual([
      `s.yaml:${at}:37 policies.historical.kyiv.targetNorthKoreansFrom: warning: the computer player for kyiv targets North Korean units, but kyiv has no targeting lever in this scenario (capitals.kyiv.levers): its orders will be refused`,
      `s.yaml:${at}:59 policies.historical.kyiv.publicise: warning: the computer player for kyiv publicises prisoners, but kyiv has no publicise lever in this scenario (capitals.kyiv.levers): its orders will be refused`,
      `s.yaml:${at}:82 policies.historical.kyiv.releaseEvidence: warning: the computer player for kyiv releases evidence, but kyiv has no evidence lever in this scenario (capitals.kyiv.levers): its orders will be refused`,
      `s.yaml:${at}:102 policies.historical.kyiv.withdrawFrom: warning: the computer player for kyiv withdraws from the salient, but kyiv has no posture lever in this scenario (capitals.kyiv.levers): its orders will be refused`,
    ]);
  });
});
