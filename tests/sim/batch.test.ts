import { describe, expect, it } from 'vitest';
import { runBatch } from '../../src/sim/batch';
import { QuantileSketch } from '../../src/sim/quantiles';
import { builtInRules, HISTORICAL_SEATS } from '../helpers/rules';

describe('batch runner', () => {
  it('same inputs give identical summaries', () => {
    const opts = { runs: 20, seed: 's', figureChoices: { default: 'central' as const }, seats: HISTORICAL_SEATS };
    expect(JSON.stringify(runBatch(builtInRules(), opts))).toBe(JSON.stringify(runBatch(builtInRules(), opts)));
  });

  it('percentiles are ordered and the timeline has one point per turn', () => {
    const s = runBatch(builtInRules(), { runs: 25, seed: 't', figureChoices: { default: 'central' }, seats: HISTORICAL_SEATS });
    for (const [id, m] of Object.entries(s.metrics)) {
      expect(m.p10, id).toBeLessThanOrEqual(m.p50);
      expect(m.p50, id).toBeLessThanOrEqual(m.p90);
    }
    expect(s.timeline['pyongyang.killed']!.map((p) => p.date)).toEqual([
      '2024-10-01', '2024-11-01', '2024-12-01', '2025-01-01', '2025-02-01', '2025-03-01',
      '2025-04-01', '2025-05-01', '2025-06-01', '2025-07-01', '2025-08-01', '2025-09-01',
    ]);
  });
});

describe('quantile sketch', () => {
  it('is exact below its capacity (nearest rank)', () => {
    const q = new QuantileSketch(100);
    for (let i = 1; i <= 10; i++) q.add(i);
    expect([q.quantile(0.1), q.quantile(0.5), q.quantile(0.9)]).toEqual([1, 5, 9]);
    expect(q.mean()).toBe(5.5);
  });

  it('stays close with bounded memory past its capacity', () => {
    const q = new QuantileSketch(256);
    for (let i = 0; i < 100000; i++) q.add((i * 7919) % 10000);
    expect(Math.abs(q.quantile(0.5) - 5000)).toBeLessThan(150);
    expect(Math.abs(q.quantile(0.9) - 9000)).toBeLessThan(150);
    expect(q.kept).toBeLessThanOrEqual(256 * 10);
  });
});
