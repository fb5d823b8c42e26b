/**
 * Calibration from outputs: played by the historical computer players with central figures, the
 * historical scenario must reproduce what the sources report about what the model COMPUTES
 * (deaths, captures, when the soldiers reach the front, who holds Kursk), not what it is given
 * (soldiers, shells and workers sent are inputs, so they are not checked here). Medians over 200
 * seeds at the end of the turn whose month is named; each band cites its ledger figure and is as
 * narrow as the source allows (docs/calibration.md explains each).
 */
import { describe, expect, it } from 'vitest';
import { figureValue } from '../../src/ledger';
import { loadLedgerFileSync } from '../../src/ledger/node';
import { runBatch, type BatchSummary } from '../../src/sim/batch';
import { builtInRules, HISTORICAL_SEATS } from '../helpers/rules';

const ledger = loadLedgerFileSync();
if (!ledger.ok) throw new Error('ledger invalid');
const reported = (id: string): number => {
  const v = figureValue(ledger.value, id, 'central');
  if (v === undefined) throw new Error(`no value for ${id}`);
  return v;
};

let summary: BatchSummary | undefined;
function calibrated(): BatchSummary {
  summary ??= runBatch(builtInRules(), { runs: 200, seed: 'calibration', figureChoices: { default: 'central' }, seats: HISTORICAL_SEATS });
  return summary;
}

function medianIn(metric: string, month: string): number {
  const point = calibrated().timeline[metric]!.find((p) => p.date.startsWith(month));
  if (!point) throw new Error(`no turn in ${month}`);
  return point.p50;
}

describe('calibration against the sources (outputs only, 200 seeds, central figures)', () => {
  it('deaths: at least the 3,000 Ukraine reported by March 2025, and not half as many again (nk-deaths-ukraine-report)', () => {
    const floor = reported('nk-deaths-ukraine-report');
    const m = medianIn('pyongyang.killed', '2025-03');
    expect(m).toBeGreaterThanOrEqual(floor);
    expect(m).toBeLessThanOrEqual(floor * 1.5);
    // The floor is not already passed months before the report.
    expect(medianIn('pyongyang.killed', '2024-12')).toBeLessThan(floor);
  });

  it('captures: two taken alive in January 2025, none before December (nk-captured-jan-2025)', () => {
    const two = reported('nk-captured-jan-2025');
    const jan = medianIn('pyongyang.captured', '2025-01');
    expect(jan).toBeGreaterThanOrEqual(two - 1);
    expect(jan).toBeLessThanOrEqual(two + 1);
    expect(medianIn('pyongyang.captured', '2024-11')).toBe(0);
  });

  it('dates: the first soldiers train before they fight, and are in the line by January 2025 (nk-troops-first-contingent, nk-captured-jan-2025, nk-kursk-frontline-feb-2025)', () => {
    expect(medianIn('pyongyang.atFront', '2024-10')).toBe(0);
    expect(medianIn('pyongyang.atFront', '2025-01')).toBeGreaterThan(0);
    expect(medianIn('pyongyang.atFront', '2025-02')).toBeGreaterThan(0);
  });

  it('control: the ground Ukraine hoped to bargain with is being lost by early 2025 (kursk-negotiating-leverage)', () => {
    const held = (month: string) => medianIn('kyiv.kurskHeld', month);
    expect(held('2025-03')).toBeLessThan(held('2024-10') - 5);
    // ...but not gone: the region is still "a battleground" in the early-2025 article.
    expect(held('2025-03')).toBeGreaterThan(20);
  });

  it('every capture puts a family at risk, whatever Kyiv does with the prisoner (family-punishment-on-capture)', () => {
    const m = calibrated().metrics;
    expect(m['human.familiesAtRisk']!.p50).toBe(m['human.captured']!.p50);
  });

  it('the figure choice moves the outputs: high figures (more soldiers) give more deaths than low', () => {
    const run = (c: 'low' | 'high') =>
      runBatch(builtInRules('historical-2024', { default: c }), { runs: 30, seed: 'fig', figureChoices: { default: c }, seats: HISTORICAL_SEATS });
    expect(run('high').metrics['pyongyang.killed']!.p50).toBeGreaterThan(run('low').metrics['pyongyang.killed']!.p50);
  });
});
