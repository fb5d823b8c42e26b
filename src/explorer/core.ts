/**
 * The outcome explorer's pure core: everything the Web Worker computes, with no DOM, no worker
 * API and no clock, so Node tests run exactly what the browser runs.
 *
 * - The main batch plays game i with seed `gameSeed(seed, i)` through `playGame` and summarises
 *   it with the same QuantileSketch, in the same order, as `runBatch`: for fixed figures
 *   (low/central/high) the summary is identical to `npm run simulate -- --json` (tests check it).
 *   It also keeps each game's final metrics (8 bytes x 42 metrics per game) for histograms.
 * - "sampled" figures: each game draws every ranged figure the scenario uses (low, central or
 *   high, one chance in three each), from alea seeded with the game's seed: the same game
 *   always gets the same draw, and its record carries the choices (FigureChoices.byFigure).
 * - Sensitivity: for each ranged figure, `runBatch` with that figure low, then high, the others
 *   central, on the same seeds; the change in each outcome's median is the tornado chart.
 *
 * The work is a sequence of small steps (`ExplorerRun.step`) so that the worker can report
 * progress and hear a cancel between them.
 */
import { countBins, type Histogram } from '../charts/bins';
import {
  METRIC_IDS,
  randomFrom,
  type FigureChoice,
  type FigureChoices,
  type Rules,
  type Seats,
} from '../engine';
import { figureRange, findFigure, type Ledger } from '../ledger';
import type { Result } from '../ledger/result';
import {
  findQuantities,
  loadScenario,
  resolveScenario,
  type Scenario,
  type ScenarioIssue,
} from '../scenario';
import { gameSeed, runBatch, type BatchSummary } from '../sim/batch';
import { playGame } from '../sim/play';
import { QuantileSketch } from '../sim/quantiles';

export type FiguresMode = FigureChoice | 'sampled';

export interface ExplorerInput {
  runs: number;
  seed: string;
  seats: Seats;
  figures: FiguresMode;
  /** Games per figure value for the sensitivity chart (0: no sensitivity chart). */
  sensitivityRuns: number;
  /** The viewer's own final metrics, marked on the distributions (see mine.ts). */
  mine?: Record<string, number>;
}

export interface RangedFigure {
  id: string;
  claim: string;
  unit: string;
  low: number;
  central: number;
  high: number;
}

export interface Prepared {
  scenario: Scenario;
  hash: string;
  ledger: Ledger;
  /** Figures the scenario uses whose low and high differ. */
  ranged: RangedFigure[];
}

/** Parses, validates and checks the scenario; lists the ranged figures it uses. */
export function prepare(
  text: string,
  fileName: string,
  ledger: Ledger,
): Result<Prepared, ScenarioIssue[]> {
  const r = loadScenario(text, fileName, ledger);
  if (!r.ok) return r;
  const ids: string[] = [];
  for (const q of findQuantities(r.value.scenario)) {
    const id = (q.quantity as { figure?: unknown }).figure;
    if (typeof id === 'string' && !ids.includes(id)) ids.push(id);
  }
  const ranged: RangedFigure[] = [];
  for (const id of ids) {
    const f = findFigure(ledger, id);
    const range = f ? figureRange(f) : undefined;
    if (!f || !range || range.low === range.high) continue;
    ranged.push({ id, claim: f.claim, unit: f.unit ?? '', ...range });
  }
  return { ok: true, value: { scenario: r.value.scenario, hash: r.value.hash, ledger, ranged } };
}

/** Rules for a set of figure choices, resolved once and reused (a game never mutates its rules). */
export class RulesCache {
  private cache = new Map<string, Rules>();
  constructor(
    private readonly prepared: Prepared,
    private readonly limit = 256,
  ) {}

  get(choices: FigureChoices): Rules {
    const key = JSON.stringify([choices.default, Object.entries(choices.byFigure ?? {}).sort()]);
    let rules = this.cache.get(key);
    if (!rules) {
      if (this.cache.size >= this.limit) this.cache.clear();
      rules = resolveScenario(
        this.prepared.scenario,
        this.prepared.ledger,
        choices,
        this.prepared.hash,
      );
      this.cache.set(key, rules);
    }
    return rules;
  }
}

/** Figure choices of game `index` in a batch with figures mode `mode`. */
export function gameFigures(
  mode: FiguresMode,
  ranged: readonly RangedFigure[],
  seed: string,
  index: number,
): FigureChoices {
  if (mode !== 'sampled') return { default: mode };
  const rnd = randomFrom(`${gameSeed(seed, index)}:figures`);
  const byFigure: Record<string, FigureChoice> = {};
  for (const f of ranged) {
    const r = rnd();
    byFigure[f.id] = r < 1 / 3 ? 'low' : r < 2 / 3 ? 'central' : 'high';
  }
  return { default: 'central', byFigure };
}

// Histograms are binned by the shared chart geometry (one binning for every chart).
export type { Histogram };
export const histogram = countBins;

export interface MineMark {
  value: number;
  /** Share of games below the viewer's value, and equal to it. */
  below: number;
  equal: number;
}

export interface SensitivityRow {
  figure: RangedFigure;
  /** Median of each outcome with this figure low, central (all central) and high. */
  low: Record<string, number>;
  central: Record<string, number>;
  high: Record<string, number>;
}

export interface ExplorerResult {
  scenario: { id: string; hash: string; title: string };
  input: ExplorerInput;
  /** Same shape (and, for fixed figures, same numbers) as runBatch / `simulate --json`. */
  summary: BatchSummary;
  histograms: Record<string, Histogram>;
  mine: Record<string, MineMark>;
  sensitivity: SensitivityRow[];
  ranged: RangedFigure[];
  /** Games played in the main batch (fewer than asked when cancelled). */
  completed: number;
}

export interface Progress {
  done: number;
  total: number;
  phase: 'batch' | 'sensitivity' | 'done';
}

function tenth(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * A batch in steps. `step(budget)` plays about `budget` games (a sensitivity step is one
 * runBatch call of `sensitivityRuns` games) and returns the progress; `result()` summarises
 * what has been played so far.
 */
export class ExplorerRun {
  private readonly cache: RulesCache;
  private readonly final = new Map<string, QuantileSketch>();
  private readonly perTurn = new Map<string, QuantileSketch[]>();
  private readonly dates: string[] = [];
  private readonly values: Record<string, Float64Array> = {};
  private played = 0;
  private readonly sensitivity: SensitivityRow[] = [];
  /** Sensitivity batches: central once, then low and high for each ranged figure. */
  private readonly sensJobs: { figure: RangedFigure | null; choice: FigureChoice }[] = [];
  private sensDone = 0;
  private centralMedians: Record<string, number> = {};

  constructor(
    private readonly prepared: Prepared,
    readonly input: ExplorerInput,
  ) {
    this.cache = new RulesCache(prepared);
    for (const id of METRIC_IDS) {
      this.final.set(id, new QuantileSketch());
      this.perTurn.set(id, []);
      this.values[id] = new Float64Array(input.runs);
    }
    if (input.sensitivityRuns > 0 && prepared.ranged.length > 0) {
      this.sensJobs.push({ figure: null, choice: 'central' });
      for (const f of prepared.ranged) {
        this.sensJobs.push({ figure: f, choice: 'low' });
        this.sensJobs.push({ figure: f, choice: 'high' });
      }
    }
  }

  get total(): number {
    return this.input.runs + this.sensJobs.length * this.input.sensitivityRuns;
  }

  progress(): Progress {
    const done = this.played + this.sensDone * this.input.sensitivityRuns;
    const phase =
      this.played < this.input.runs
        ? 'batch'
        : this.sensDone < this.sensJobs.length
          ? 'sensitivity'
          : 'done';
    return { done, total: this.total, phase };
  }

  get finished(): boolean {
    return this.progress().phase === 'done';
  }

  /** Plays the next game of the main batch; the same per-game work as runBatch. */
  private playOne(): void {
    const i = this.played;
    const { seed, seats, figures } = this.input;
    const figureChoices = gameFigures(figures, this.prepared.ranged, seed, i);
    const played = playGame(this.cache.get(figureChoices), {
      seed: gameSeed(seed, i),
      figureChoices,
      seats,
      keepLog: false,
    });
    for (const id of METRIC_IDS) {
      const v = played.state.metrics[id] ?? 0;
      this.final.get(id)!.add(v);
      this.values[id]![i] = v;
    }
    const points = played.state.history.slice(1);
    points.forEach((point, t) => {
      this.dates[t] ??= `${point.date}-01`;
      for (const id of METRIC_IDS) {
        const sketches = this.perTurn.get(id)!;
        (sketches[t] ??= new QuantileSketch()).add(point.metrics[id] ?? 0);
      }
    });
    this.played++;
  }

  private sensitivityJob(): void {
    const job = this.sensJobs[this.sensDone]!;
    const choices: FigureChoices = job.figure
      ? { default: 'central', byFigure: { [job.figure.id]: job.choice } }
      : { default: 'central' };
    const summary = runBatch(this.cache.get(choices), {
      runs: this.input.sensitivityRuns,
      seed: this.input.seed,
      figureChoices: choices,
      seats: this.input.seats,
    });
    const medians: Record<string, number> = {};
    for (const id of METRIC_IDS) medians[id] = summary.metrics[id]!.p50;
    if (!job.figure) this.centralMedians = medians;
    else if (job.choice === 'low')
      this.sensitivity.push({
        figure: job.figure,
        low: medians,
        central: this.centralMedians,
        high: {},
      });
    else this.sensitivity[this.sensitivity.length - 1]!.high = medians;
    this.sensDone++;
  }

  /** Does about `games` games of work; returns the progress after it. */
  step(games: number): Progress {
    let budget = games;
    while (budget > 0 && this.played < this.input.runs) {
      this.playOne();
      budget--;
    }
    while (budget > 0 && this.played >= this.input.runs && this.sensDone < this.sensJobs.length) {
      this.sensitivityJob();
      budget -= this.input.sensitivityRuns;
    }
    return this.progress();
  }

  /** Runs to the end (Node callers and tests). */
  runAll(): ExplorerResult {
    while (!this.finished) this.step(1000);
    return this.result();
  }

  result(): ExplorerResult {
    const metrics: BatchSummary['metrics'] = {};
    const timeline: BatchSummary['timeline'] = {};
    const histograms: Record<string, Histogram> = {};
    const mine: Record<string, MineMark> = {};
    const n = this.played;
    for (const id of METRIC_IDS) {
      const s = this.final.get(id)!;
      metrics[id] = {
        p10: s.quantile(0.1),
        p50: s.quantile(0.5),
        p90: s.quantile(0.9),
        mean: tenth(s.mean()),
      };
      timeline[id] = this.perTurn.get(id)!.map((q, t) => ({
        date: this.dates[t]!,
        p10: q.quantile(0.1),
        p50: q.quantile(0.5),
        p90: q.quantile(0.9),
      }));
      const values = this.values[id]!.subarray(0, n);
      histograms[id] = histogram(values);
      const v = this.input.mine?.[id];
      if (typeof v === 'number' && Number.isFinite(v) && n > 0) {
        let below = 0;
        let equal = 0;
        for (let i = 0; i < n; i++) {
          if (values[i]! < v) below++;
          else if (values[i] === v) equal++;
        }
        mine[id] = { value: v, below: below / n, equal: equal / n };
      }
    }
    const { scenario, hash } = this.prepared;
    return {
      scenario: { id: scenario.id, hash, title: scenario.title },
      input: this.input,
      summary: { scenario: { id: scenario.id, hash }, runs: n, metrics, timeline },
      histograms,
      mine,
      sensitivity: this.sensitivity.filter((r) => Object.keys(r.high).length > 0),
      ranged: this.prepared.ranged,
      completed: n,
    };
  }
}
