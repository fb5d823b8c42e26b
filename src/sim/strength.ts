/**
 * How strong is a computer player? For each capital, play the same seeds twice: once with the
 * player in that seat, once with the historical policy there (the other seats historical both
 * times), and compare that capital's score seed by seed. Used by `npm run strength` and by
 * tests/ai/strength.test.ts. Seeds are named as the lever grid's (`npm run levers -- --seed
 * strength` plays the same games), so its rows and the players can be compared seed for seed.
 * Timing is optional and injected (`now`), so this module reads no clock itself.
 */
import { getBot, type Bot } from '../ai';
import { CAPITALS, type Capital, type FigureChoices, type Rules, type Seats } from '../engine';
import { gameSeed } from './batch';
import { playGame } from './play';

export interface StrengthOptions {
  rules: Rules;
  /** Seeds per capital. */
  seeds: number;
  /** Game i plays seed `${seed}-${i}` (gameSeed, as the lever grid and the batch runner): default `strength`. */
  seed?: string;
  /** Players to measure, by name (e.g. search:hard). */
  players: string[];
  /** The player they are compared with, in the same seat on the same seed (default historical). */
  baseline?: string;
  capitals?: readonly Capital[];
  figureChoices?: FigureChoices;
  /** A clock in milliseconds, to report time per decision (e.g. performance.now). */
  now?: () => number;
  /** Called after each measured game. */
  onProgress?: (done: number, total: number) => void;
}

export interface StrengthRow {
  capital: Capital;
  player: string;
  baseline: string;
  games: number;
  /** Mean score of the capital with the player in its seat, and with the baseline. */
  mean: number;
  baselineMean: number;
  /** Share of seeds on which the player's score beats the baseline's, ties, losses. */
  winRate: number;
  tieRate: number;
  lossRate: number;
  /** Mean and worst milliseconds per decision of the player (NaN without a clock). */
  msPerDecision: number;
  maxMsPerDecision: number;
  decisions: number;
}

/**
 * Plays one game with the game's own driver (playGame: computer seats answer offers within the
 * month, as in the lever grid and in play); returns the final state and the time `timed`'s
 * seat spent deciding.
 */
function play(
  rules: Rules,
  seed: string,
  seats: Seats,
  figureChoices: FigureChoices,
  timed: Capital | null,
  now?: () => number,
) {
  let ms = 0;
  let max = 0;
  let decisions = 0;
  const bots: Partial<Record<Capital, Bot>> = {};
  if (timed) {
    const bot = getBot(seats[timed])!;
    bots[timed] = {
      ...bot,
      decide(state, seat) {
        const t0 = now ? now() : 0;
        const orders = bot.decide(state, seat);
        decisions++;
        if (now) {
          const dt = now() - t0;
          ms += dt;
          if (dt > max) max = dt;
        }
        return orders;
      },
    };
  }
  const { state } = playGame(rules, { seed, seats, figureChoices, keepLog: false, bots });
  return { state, ms, max, decisions };
}

export function measureStrength(options: StrengthOptions): StrengthRow[] {
  const baseline = options.baseline ?? 'historical';
  const capitals = options.capitals ?? CAPITALS;
  const seed = options.seed ?? 'strength';
  const figures = options.figureChoices ?? { default: 'central' };
  for (const name of [baseline, ...options.players])
    if (!getBot(name)) throw new Error(`no computer player called "${name}"`);
  const baseSeats = { pyongyang: baseline, moscow: baseline, kyiv: baseline } as Seats;
  // The baseline game of a seed is the same for every capital: play it once.
  const base: Record<Capital, number>[] = [];
  for (let i = 0; i < options.seeds; i++) {
    const m = play(options.rules, gameSeed(seed, i), baseSeats, figures, null).state.metrics;
    base.push({
      pyongyang: m['pyongyang.score'] ?? 0,
      moscow: m['moscow.score'] ?? 0,
      kyiv: m['kyiv.score'] ?? 0,
    });
  }
  const rows: StrengthRow[] = [];
  const total = capitals.length * options.players.length * options.seeds;
  let done = 0;
  for (const player of options.players) {
    for (const capital of capitals) {
      let sum = 0;
      let baseSum = 0;
      let wins = 0;
      let ties = 0;
      let ms = 0;
      let max = 0;
      let decisions = 0;
      for (let i = 0; i < options.seeds; i++) {
        const seats = { ...baseSeats, [capital]: player };
        const r = play(options.rules, gameSeed(seed, i), seats, figures, capital, options.now);
        const s = r.state.metrics[`${capital}.score`] ?? 0;
        const b = base[i]![capital];
        sum += s;
        baseSum += b;
        if (s > b) wins++;
        else if (s === b) ties++;
        ms += r.ms;
        max = Math.max(max, r.max);
        decisions += r.decisions;
        options.onProgress?.(++done, total);
      }
      const n = Math.max(1, options.seeds);
      rows.push({
        capital,
        player,
        baseline,
        games: options.seeds,
        mean: sum / n,
        baselineMean: baseSum / n,
        winRate: wins / n,
        tieRate: ties / n,
        lossRate: (options.seeds - wins - ties) / n,
        msPerDecision: options.now ? ms / Math.max(1, decisions) : NaN,
        maxMsPerDecision: options.now ? max : NaN,
        decisions,
      });
    }
  }
  return rows;
}

/** A Markdown table of strength rows (docs/ai.md quotes one). */
export function strengthTable(rows: StrengthRow[]): string {
  const f1 = (n: number) => n.toFixed(1);
  const pct = (n: number) => `${Math.round(n * 100)}%`;
  const lines = [
    '| capital | player | games | mean score | historical mean | wins | ties | losses | ms/decision (mean / max) |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const r of rows)
    lines.push(
      `| ${r.capital} | ${r.player} | ${r.games} | ${f1(r.mean)} | ${f1(r.baselineMean)} | ${pct(r.winRate)} | ${pct(r.tieRate)} | ${pct(r.lossRate)} | ${Number.isNaN(r.msPerDecision) ? '–' : `${f1(r.msPerDecision)} / ${f1(r.maxMsPerDecision)}`} |`,
    );
  return lines.join('\n');
}
