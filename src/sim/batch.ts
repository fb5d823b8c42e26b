/**
 * The batch runner: many games with computer players, summarised as percentiles at game end
 * and at the end of every turn. The same function runs in the CLI (`npm run simulate`) and in
 * the browser's Web Worker, so both give the same numbers for the same inputs.
 */
import { METRIC_IDS, type FigureChoices, type GameRecord, type Rules, type Seats } from '../engine';
import { playGame, recordOf } from './play';
import { QuantileSketch } from './quantiles';

export interface BatchOptions {
  runs: number;
  seed: string;
  figureChoices: FigureChoices;
  seats: Seats;
  /** Called with each game's record (for --records); omit to keep memory flat. */
  onRecord?: (index: number, record: GameRecord) => void;
  /** Called after each game, e.g. for a progress bar; return false to stop early. */
  onProgress?: (done: number, total: number) => boolean | void;
}

export interface Percentiles {
  p10: number;
  p50: number;
  p90: number;
  mean: number;
}

export interface BatchSummary {
  scenario: { id: string; hash: string };
  runs: number;
  metrics: Record<string, Percentiles>;
  timeline: Record<string, { date: string; p10: number; p50: number; p90: number }[]>;
}

/** Seed of game `i` in a batch: every game differs, the batch is reproducible. */
export function gameSeed(seed: string, i: number): string {
  return `${seed}-${i}`;
}

function tenth(n: number): number {
  return Math.round(n * 10) / 10;
}

export function runBatch(rules: Rules, options: BatchOptions): BatchSummary {
  const final = new Map<string, QuantileSketch>();
  const perTurn = new Map<string, QuantileSketch[]>();
  const dates: string[] = [];
  for (const id of METRIC_IDS) {
    final.set(id, new QuantileSketch());
    perTurn.set(id, []);
  }
  let runs = 0;
  for (let i = 0; i < options.runs; i++) {
    const played = playGame(rules, {
      seed: gameSeed(options.seed, i),
      figureChoices: options.figureChoices,
      seats: options.seats,
      keepLog: options.onRecord !== undefined,
    });
    runs++;
    for (const id of METRIC_IDS) final.get(id)!.add(played.state.metrics[id] ?? 0);
    const points = played.state.history.slice(1);
    points.forEach((point, t) => {
      dates[t] ??= `${point.date}-01`;
      for (const id of METRIC_IDS) {
        const sketches = perTurn.get(id)!;
        (sketches[t] ??= new QuantileSketch()).add(point.metrics[id] ?? 0);
      }
    });
    options.onRecord?.(i, recordOf(played, options.seats));
    if (options.onProgress?.(i + 1, options.runs) === false) break;
  }
  const metrics: BatchSummary['metrics'] = {};
  const timeline: BatchSummary['timeline'] = {};
  for (const id of METRIC_IDS) {
    const s = final.get(id)!;
    metrics[id] = { p10: s.quantile(0.1), p50: s.quantile(0.5), p90: s.quantile(0.9), mean: tenth(s.mean()) };
    timeline[id] = perTurn.get(id)!.map((q, t) => ({
      date: dates[t]!,
      p10: q.quantile(0.1),
      p50: q.quantile(0.5),
      p90: q.quantile(0.9),
    }));
  }
  return { scenario: { id: rules.scenarioId, hash: rules.scenarioHash }, runs, metrics, timeline };
}
