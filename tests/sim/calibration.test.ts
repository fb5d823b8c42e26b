/**
 * Calibration: played by the historical computer players with central figures, the historical
 * scenario reproduces what the sources report (bands from the engine issue), as medians over
 * 200 seeds at the end of the turn whose month is named.
 */
import { describe, expect, it } from 'vitest';
import { runBatch, type BatchSummary } from '../../src/sim/batch';
import { builtInRules, HISTORICAL_SEATS } from '../helpers/rules';

let summary: BatchSummary | undefined;
function calibrated(): BatchSummary {
  summary ??= runBatch(builtInRules(), {
    runs: 200,
    seed: 'calibration',
    figureChoices: { default: 'central' },
    seats: HISTORICAL_SEATS,
  });
  return summary;
}

function medianIn(metric: string, month: string): number {
  const point = calibrated().timeline[metric]!.find((p) => p.date.startsWith(month));
  if (!point) throw new Error(`no turn in ${month}`);
  return point.p50;
}

describe('calibration against the sources (200 seeds, central figures)', () => {
  const bands: { metric: string; month: string; min: number; max: number; source: string }[] = [
    { metric: 'pyongyang.troopsSent', month: '2024-10', min: 1500, max: Infinity, source: 'about 1,500 arrived for training' },
    { metric: 'pyongyang.troopsSent', month: '2024-12', min: 10000, max: 12000, source: '10,000 to 12,000 soldiers' },
    { metric: 'pyongyang.killed', month: '2025-03', min: 3000, max: 6000, source: 'Ukraine reported at least 3,000 deaths' },
    { metric: 'pyongyang.captured', month: '2025-01', min: 1, max: 10, source: 'two taken alive in January 2025' },
    { metric: 'pyongyang.ammunitionShipped', month: '2024-10', min: 13000, max: Infinity, source: 'over 13,000 containers' },
    { metric: 'pyongyang.workersSent', month: '2024-12', min: 13000, max: Infinity, source: 'over 13,000 workers in 2024' },
  ];
  it.each(bands)('$metric in $month: $source', ({ metric, month, min, max }) => {
    const m = medianIn(metric, month);
    expect(m).toBeGreaterThanOrEqual(min);
    expect(m).toBeLessThanOrEqual(max);
  });

  it('ammunition shipped stays at or above 13,000 from the first turn on', () => {
    for (const p of calibrated().timeline['pyongyang.ammunitionShipped']!) expect(p.p50).toBeGreaterThanOrEqual(13000);
  });

  it('the figure choice moves the outcome: low figures send fewer soldiers than high', () => {
    const run = (c: 'low' | 'high') =>
      runBatch(builtInRules('historical-2024', { default: c }), { runs: 30, seed: 'fig', figureChoices: { default: c }, seats: HISTORICAL_SEATS });
    expect(run('low').metrics['pyongyang.troopsSent']!.p50).toBe(10000);
    expect(run('high').metrics['pyongyang.troopsSent']!.p50).toBe(12000);
  });
});
