import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ExplorerRun,
  gameFigures,
  histogram,
  prepare,
  type ExplorerInput,
  type Prepared,
} from '../../src/explorer/core';
import { METRIC_IDS, type Seats } from '../../src/engine';
import { loadLedgerFileSync } from '../../src/ledger/node';
import { runBatch } from '../../src/sim/batch';
import { playGame } from '../../src/sim/play';
import { builtInRules, HISTORICAL_SEATS } from '../helpers/rules';

const ledger = (() => {
  const r = loadLedgerFileSync();
  if (!r.ok) throw new Error('ledger invalid');
  return r.value;
})();
const path = resolve('scenarios', 'historical-2024.yaml');
const text = readFileSync(path, 'utf8');
const prepared: Prepared = (() => {
  const r = prepare(text, 'historical-2024.yaml', ledger);
  if (!r.ok) throw new Error('scenario invalid');
  return r.value;
})();

function input(over: Partial<ExplorerInput> = {}): ExplorerInput {
  return {
    runs: 40,
    seed: 'x',
    seats: HISTORICAL_SEATS as Seats,
    figures: 'central',
    sensitivityRuns: 0,
    ...over,
  };
}

describe('the explorer core gives the numbers of npm run simulate', () => {
  it('fixed figures: the same summary as runBatch, for several inputs', () => {
    const cases: Partial<ExplorerInput>[] = [
      { figures: 'central' },
      { figures: 'low', seed: 'lo', runs: 30 },
      {
        figures: 'high',
        seats: { pyongyang: 'opportunist', moscow: 'hawk', kyiv: 'dove' },
        runs: 25,
      },
    ];
    for (const c of cases) {
      const inp = input(c);
      const mine = new ExplorerRun(prepared, inp).runAll();
      const rules = builtInRules('historical-2024', {
        default: inp.figures as 'low' | 'central' | 'high',
      });
      const batch = runBatch(rules, {
        runs: inp.runs,
        seed: inp.seed,
        figureChoices: { default: inp.figures as 'low' },
        seats: inp.seats,
      });
      expect(mine.summary).toEqual(batch);
      expect(JSON.stringify(mine.summary)).toBe(JSON.stringify(batch));
    }
  });

  it('matches `npm run simulate -- --json` byte for byte', { timeout: 60_000 }, () => {
    const seats = 'pyongyang=opportunist,moscow=historical,kyiv=hawk';
    const out = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/simulate.ts',
        'historical-2024',
        '--runs',
        '60',
        '--seed',
        'cli',
        '--figures',
        'high',
        '--seats',
        seats,
        '--json',
      ],
      { encoding: 'utf8' },
    );
    const r = new ExplorerRun(
      prepared,
      input({
        runs: 60,
        seed: 'cli',
        figures: 'high',
        seats: { pyongyang: 'opportunist', moscow: 'historical', kyiv: 'hawk' },
      }),
    ).runAll();
    expect(`${JSON.stringify(r.summary)}\n`).toBe(out);
  });

  it('running in small steps (as the worker does) gives the same result as one go', () => {
    const a = new ExplorerRun(prepared, input({ sensitivityRuns: 10 })).runAll();
    const job = new ExplorerRun(prepared, input({ sensitivityRuns: 10 }));
    let steps = 0;
    while (!job.finished) {
      const p = job.step(3);
      expect(p.done).toBeLessThanOrEqual(p.total);
      steps++;
    }
    expect(steps).toBeGreaterThan(10);
    expect(job.result()).toEqual(a);
  });

  it('a cancelled run summarises the games played so far', () => {
    const job = new ExplorerRun(prepared, input({ runs: 50 }));
    job.step(12);
    const r = job.result();
    expect(r.completed).toBe(12);
    expect(r.summary.runs).toBe(12);
    expect(r.histograms['pyongyang.killed']!.counts.reduce((a, b) => a + b, 0)).toBe(12);
    const first12 = runBatch(builtInRules(), {
      runs: 12,
      seed: 'x',
      figureChoices: { default: 'central' },
      seats: HISTORICAL_SEATS,
    });
    expect(r.summary).toEqual(first12);
  });
});

describe('figures', () => {
  it('finds the ranged figures the scenario uses', () => {
    expect(prepared.ranged.map((f) => f.id)).toContain('nk-troops-total');
    for (const f of prepared.ranged) expect(f.low).toBeLessThan(f.high);
  });

  it('sampled: each game draws every ranged figure, deterministically from its seed', () => {
    const draws = Array.from({ length: 60 }, (_, i) =>
      gameFigures('sampled', prepared.ranged, 's', i),
    );
    expect(draws).toEqual(
      Array.from({ length: 60 }, (_, i) => gameFigures('sampled', prepared.ranged, 's', i)),
    );
    const seen = new Set(draws.map((d) => d.byFigure!['nk-troops-total']));
    expect(seen).toEqual(new Set(['low', 'central', 'high']));
    expect(gameFigures('high', prepared.ranged, 's', 3)).toEqual({ default: 'high' });
  });

  it('sampled: every game is the game playGame plays with that draw', () => {
    const inp = input({ figures: 'sampled', runs: 20, seed: 'smp' });
    const r = new ExplorerRun(prepared, inp).runAll();
    const sent: number[] = [];
    for (let i = 0; i < 20; i++) {
      const choices = gameFigures('sampled', prepared.ranged, 'smp', i);
      const p = playGame(builtInRules('historical-2024', choices), {
        seed: `smp-${i}`,
        figureChoices: choices,
        seats: HISTORICAL_SEATS,
      });
      sent.push(p.state.metrics['pyongyang.troopsSent']!);
    }
    // The soldiers sent follow the drawn total (10,000 / 11,000 / 12,000): a spread, not one value.
    expect(new Set(sent).size).toBeGreaterThan(1);
    expect(r.histograms['pyongyang.troopsSent']!.min).toBe(Math.min(...sent));
    expect(r.histograms['pyongyang.troopsSent']!.max).toBe(Math.max(...sent));
    expect(new ExplorerRun(prepared, inp).runAll()).toEqual(r);
  });

  it('sensitivity: medians at low and high from runBatch, the others central', () => {
    const r = new ExplorerRun(
      prepared,
      input({ runs: 5, sensitivityRuns: 30, seed: 'sens' }),
    ).runAll();
    const row = r.sensitivity.find((s) => s.figure.id === 'nk-troops-total')!;
    const low = runBatch(
      builtInRules('historical-2024', {
        default: 'central',
        byFigure: { 'nk-troops-total': 'low' },
      }),
      {
        runs: 30,
        seed: 'sens',
        figureChoices: { default: 'central', byFigure: { 'nk-troops-total': 'low' } },
        seats: HISTORICAL_SEATS,
      },
    );
    const central = runBatch(builtInRules(), {
      runs: 30,
      seed: 'sens',
      figureChoices: { default: 'central' },
      seats: HISTORICAL_SEATS,
    });
    for (const id of METRIC_IDS) {
      expect(row.low[id]).toBe(low.metrics[id]!.p50);
      expect(row.central[id]).toBe(central.metrics[id]!.p50);
    }
    expect(row.low['pyongyang.troopsSent']).toBe(10000);
    expect(row.high['pyongyang.troopsSent']).toBe(12000);
  });
});

describe('histograms and your game', () => {
  it('bins cover every value with a nice width', () => {
    const h = histogram([0, 1, 1, 2, 5, 9, 10]);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(7);
    expect(h.start).toBeLessThanOrEqual(0);
    expect(h.start + h.counts.length * h.width).toBeGreaterThan(10);
    expect(Number.isInteger(h.width)).toBe(true);
    const f = histogram([0.12, 0.5, 0.77]);
    expect(f.width).toBeLessThan(1);
    expect(histogram([7, 7, 7]).counts).toEqual([3]);
    expect(histogram([]).counts).toEqual([]);
  });

  it('marks your game with the share of games below it', () => {
    const r = new ExplorerRun(
      prepared,
      input({ mine: { 'pyongyang.killed': 5000, 'moscow.score': 1e9, 'no.such': 3 } }),
    ).runAll();
    const killed = r.mine['pyongyang.killed']!;
    expect(killed.value).toBe(5000);
    expect(killed.below).toBeGreaterThanOrEqual(0);
    expect(killed.below + killed.equal).toBeLessThanOrEqual(1);
    expect(r.mine['moscow.score']!.below).toBe(1);
    expect(r.mine['no.such']).toBeUndefined();
  });
});
