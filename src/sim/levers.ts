/**
 * The lever grid: for each capital and each setting of each of its levers, with every other
 * lever and every other seat historical, the capital's mean score and the war's human cost
 * (all deaths on every side) over the same seeds. It shows what each score rewards, lever by
 * lever; `npm run levers` prints it and docs/ai.md keeps the measured table.
 */
import { HISTORICAL, LEVER_SETTINGS, PLAIN_STYLE, planOrders, type Bot, type Plans } from '../ai';
import { CAPITALS, type Capital, type Rules, type Seats } from '../engine';
import { gameSeed } from './batch';
import { playGame } from './play';

export interface LeverRow {
  capital: Capital;
  lever: string;
  setting: string;
  /** Mean of `<capital>.score` at game end. */
  score: number;
  /** Mean of all deaths on every side (`human.allKilled`) at game end. */
  killed: number;
}

const HISTORICAL_SEATS: Seats = { pyongyang: 'historical', moscow: 'historical', kyiv: 'historical' };

function tenth(n: number): number {
  return Math.round(n * 10) / 10;
}

/** How a setting reads in the table: null means the scenario's historical policy. */
export function settingText(value: unknown): string {
  return value === null ? 'historical' : String(value);
}

/** A computer player that follows fixed plans (its own seat's plan; answers at plain values). */
export function planBot(plans: Plans): Bot {
  return { name: 'historical', tradeStyle: () => PLAIN_STYLE, decide: (state, seat) => planOrders(state, seat, plans) };
}

export interface GridOptions {
  runs: number;
  seed: string;
  capitals?: readonly Capital[];
  onRow?: (row: LeverRow) => void;
}

export function leverGrid(rules: Rules, options: GridOptions): LeverRow[] {
  const rows: LeverRow[] = [];
  for (const capital of options.capitals ?? CAPITALS) {
    const settings = LEVER_SETTINGS[capital] as Record<string, readonly unknown[]>;
    for (const lever of Object.keys(settings)) {
      for (const value of settings[lever]!) {
        const plans: Plans = { ...HISTORICAL, [capital]: { ...HISTORICAL[capital], [lever]: value } };
        const bot = planBot(plans);
        let score = 0;
        let killed = 0;
        for (let i = 0; i < options.runs; i++) {
          const { state } = playGame(rules, {
            seed: gameSeed(options.seed, i),
            seats: HISTORICAL_SEATS,
            keepLog: false,
            bots: { [capital]: bot },
          });
          score += state.metrics[`${capital}.score`] ?? 0;
          killed += state.metrics['human.allKilled'] ?? 0;
        }
        const row: LeverRow = {
          capital,
          lever,
          setting: settingText(value),
          score: tenth(score / options.runs),
          killed: Math.round(killed / options.runs),
        };
        rows.push(row);
        options.onRow?.(row);
      }
    }
  }
  return rows;
}

/** The best row of the grid for each capital (highest mean score; the first of equals). */
export function bestRows(rows: readonly LeverRow[]): Partial<Record<Capital, LeverRow>> {
  const best: Partial<Record<Capital, LeverRow>> = {};
  for (const r of rows) if (!best[r.capital] || r.score > best[r.capital]!.score) best[r.capital] = r;
  return best;
}
