/**
 * Playtesting a scenario before class: many games with computer players, looking for what a
 * validator cannot see. Pure (no Node built-ins): `npm run playtest` wraps it, and a Web Worker
 * could run it too.
 *
 * Most games are played by the "historical" computer players in every seat (cycling the figure
 * choice low / central / high); a share (default a quarter) by the "random" players, which try
 * anything, legal or not. Findings:
 *  - hard problems (the command exits 1): a number that is not finite (NaN, Infinity) anywhere
 *    in a game's state or history; a game that stalls (does not end within
 *    turns × seats × 200 actions); a crash (an exception from the engine or a bot);
 *  - warnings: events that never fired; a capital that always or never wins; orders of the
 *    historical players that the engine refused (a policy that does not fit the scenario).
 *
 * Winning: a capital wins a game when its score (0-100) is the highest of the three at the end;
 * capitals tied for the highest score all win. (Scores are on each capital's own objectives,
 * so "wins" means "did best by its own measure".)
 */
import { getBot, type Bot } from '../ai';
import {
  applyInPlace,
  createGame,
  type Action,
  type Capital,
  type FigureChoice,
  type GameState,
} from '../engine';
import { resolveScenario } from './resolve';
import type { Ledger } from '../ledger/schema';
import type { Scenario } from './schema';
import { CAPITALS, FIGURE_CHOICES } from './vocab';

export interface PlaytestOptions {
  /** Number of games in all (default 200). */
  runs?: number;
  /** Seed of the batch: game i uses `${seed}-${i}` (default "1"). */
  seed?: string;
  /** Share of the games played by random players in every seat, 0-1 (default 0.25). */
  randomShare?: number;
  /** Called after each game; return false to stop early. */
  onProgress?: (done: number, total: number) => boolean | void;
  /** Stand-ins for the computer players (tests); default: the registered ones. */
  bots?: Partial<Record<BotKind, Bot>>;
}

export type BotKind = 'historical' | 'random';

export interface PlaytestFinding {
  /** error: a hard problem (non-finite number, stall, crash); warning: worth a look. */
  severity: 'error' | 'warning';
  kind: 'non-finite' | 'stall' | 'crash' | 'never-fired' | 'always-wins' | 'never-wins' | 'refused';
  message: string;
}

type ByKind = Record<BotKind, number>;

export interface PlaytestReport {
  scenario: { id: string; hash: string };
  seed: string;
  games: ByKind;
  /** Games each capital won (see the module comment), by kind of computer player. */
  wins: Record<Capital, ByKind>;
  /** Games in which each event fired, by kind of computer player. */
  eventsFired: Record<string, ByKind>;
  /** Orders of the historical players the engine refused: per seat, by `action: code`. */
  refused: Record<Capital, Record<string, { count: number; example: string }>>;
  findings: PlaytestFinding[];
  /** How many findings are hard problems. */
  hardProblems: number;
}

/** Actions a game may take before it counts as stalled: turns × seats × 200. */
export function actionBudget(scenario: Scenario): number {
  return scenario.calendar.turns * CAPITALS.length * 200;
}

/** Where a state holds a number that is not finite (first few paths), or []. */
export function nonFinitePaths(state: GameState, limit = 5): string[] {
  const out: string[] = [];
  const visit = (value: unknown, path: string): void => {
    if (out.length >= limit) return;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) out.push(`${path} is ${String(value)}`);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${path}[${i}]`));
    else for (const [k, v] of Object.entries(value)) visit(v, path === '' ? k : `${path}.${k}`);
  };
  const { rules: _rules, ...world } = state;
  visit(world, '');
  return out;
}

interface GameOutcome {
  state?: GameState;
  stalled: boolean;
  crash?: string;
  refused: { seat: Capital; key: string; message: string }[];
}

/** Plays one game with `bot` in every seat, within the action budget. */
function playOne(
  scenario: Scenario,
  ledger: Ledger,
  hash: string,
  seed: string,
  choice: FigureChoice,
  player: Bot | undefined,
): GameOutcome {
  const refused: GameOutcome['refused'] = [];
  let state: GameState;
  try {
    const rules = resolveScenario(scenario, ledger, { default: choice }, hash);
    state = createGame(rules, { seed, figureChoices: { default: choice } });
  } catch (e) {
    return { stalled: false, crash: `could not start the game: ${message(e)}`, refused };
  }
  if (player === undefined) return { stalled: false, crash: 'no such computer player', refused };
  const budget = actionBudget(scenario);
  let actions = 0;
  try {
    while (state.ctx.phase !== 'over') {
      if (actions >= budget) return { state, stalled: true, refused };
      const seat = state.ctx.seat;
      const turn = state.ctx.turn;
      const acting = () =>
        state.ctx.seat === seat && state.ctx.turn === turn && state.ctx.phase !== 'over';
      for (const a of player.decide(state, seat)) {
        if (!acting() || actions >= budget) break;
        actions++;
        const r = applyInPlace(state, a);
        if (!r.ok)
          refused.push({ seat, key: `${a.type}: ${r.error.code}`, message: r.error.message });
      }
      if (acting()) {
        actions++;
        const end: Action = { type: 'endTurn', seat };
        const r = applyInPlace(state, end);
        if (!r.ok) return { state, stalled: true, refused };
      }
    }
  } catch (e) {
    return { state, stalled: false, crash: message(e), refused };
  }
  return { state, stalled: false, refused };
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const zero = (): ByKind => ({ historical: 0, random: 0 });

/** Play `options.runs` games of `scenario` (validated, with its hash) and report what was found. */
export function playtest(
  scenario: Scenario,
  ledger: Ledger,
  hash: string,
  options: PlaytestOptions = {},
): PlaytestReport {
  const runs = options.runs ?? 200;
  const seed = options.seed ?? '1';
  const share = Math.min(1, Math.max(0, options.randomShare ?? 0.25));

  const games = zero();
  const wins = {} as Record<Capital, ByKind>;
  const refused = {} as PlaytestReport['refused'];
  for (const c of CAPITALS) {
    wins[c] = zero();
    refused[c] = {};
  }
  const eventsFired: Record<string, ByKind> = {};
  for (const e of scenario.events) eventsFired[e.id] = zero();
  const hard: PlaytestFinding[] = [];
  const budget = actionBudget(scenario);

  for (let i = 0; i < runs; i++) {
    // The random games are spread evenly through the batch (every 4th with a share of 0.25).
    const bot: BotKind =
      Math.floor((i + 1) * share + 1e-9) > Math.floor(i * share + 1e-9) ? 'random' : 'historical';
    const gameSeed = `${seed}-${i}`;
    const choice = FIGURE_CHOICES[[1, 0, 2][i % 3]!]!; // central, low, high, central...
    const played = playOne(
      scenario,
      ledger,
      hash,
      gameSeed,
      choice,
      options.bots?.[bot] ?? getBot(bot),
    );
    games[bot]++;
    const where = `game ${i} (${bot} players, seed "${gameSeed}", ${choice} figures)`;
    if (played.crash !== undefined) {
      hard.push({ severity: 'error', kind: 'crash', message: `${where} crashed: ${played.crash}` });
    }
    if (played.stalled) {
      hard.push({
        severity: 'error',
        kind: 'stall',
        message: `${where} stalled: it did not end within ${budget.toLocaleString('en-GB')} actions (turns × seats × 200), stuck on turn ${played.state?.ctx.turn ?? '?'}`,
      });
    }
    if (bot === 'historical') {
      for (const r of played.refused) {
        const entry = (refused[r.seat][r.key] ??= { count: 0, example: r.message });
        entry.count++;
      }
    }
    const state = played.state;
    if (state !== undefined) {
      const bad = nonFinitePaths(state);
      if (bad.length > 0) {
        hard.push({
          severity: 'error',
          kind: 'non-finite',
          message: `${where}: numbers that are not finite: ${bad.join('; ')}`,
        });
      }
      for (const id of state.firedEvents) {
        const fired = eventsFired[id];
        if (fired !== undefined) fired[bot]++;
      }
      if (state.ctx.phase === 'over') {
        const scores = CAPITALS.map((c) => state.metrics[`${c}.score`] ?? 0);
        const top = Math.max(...scores);
        CAPITALS.forEach((c, k) => {
          if (scores[k] === top) wins[c][bot]++;
        });
      }
    }
    if (options.onProgress?.(i + 1, runs) === false) break;
  }

  const findings: PlaytestFinding[] = [...hard.slice(0, 20)];
  if (hard.length > 20) {
    findings.push({
      severity: 'error',
      kind: hard[20]!.kind,
      message: `... and ${hard.length - 20} more hard problems`,
    });
  }
  const total = games.historical + games.random;
  const kinds = `${games.historical} with historical players, ${games.random} with random players`;
  for (const [id, fired] of Object.entries(eventsFired)) {
    if (fired.historical + fired.random === 0) {
      findings.push({
        severity: 'warning',
        kind: 'never-fired',
        message: `event "${id}" never fired in ${total} games (${kinds})`,
      });
    }
  }
  for (const c of CAPITALS) {
    const won = wins[c].historical + wins[c].random;
    if (total > 0 && won === total) {
      findings.push({
        severity: 'warning',
        kind: 'always-wins',
        message: `${c} always wins: it has the highest score in all ${total} games`,
      });
    } else if (total > 0 && won === 0) {
      findings.push({
        severity: 'warning',
        kind: 'never-wins',
        message: `${c} never wins: it never has the highest score (${total} games)`,
      });
    }
  }
  for (const c of CAPITALS) {
    const entries = Object.entries(refused[c]).sort((a, b) => b[1].count - a[1].count);
    if (entries.length === 0) continue;
    const n = entries.reduce((s, [, v]) => s + v.count, 0);
    const detail = entries
      .slice(0, 4)
      .map(([key, v]) => `${key} ×${v.count} (e.g. "${v.example}")`)
      .join('; ');
    findings.push({
      severity: 'warning',
      kind: 'refused',
      message: `the engine refused ${n} order${n === 1 ? '' : 's'} of the historical computer player for ${c}: ${detail}`,
    });
  }
  return {
    scenario: { id: scenario.id, hash },
    seed,
    games,
    wins,
    eventsFired,
    refused,
    findings,
    hardProblems: hard.length,
  };
}

/** The report as the command line prints it. */
export function formatPlaytest(report: PlaytestReport, fileName: string): string {
  const { games } = report;
  const total = games.historical + games.random;
  const pct = (n: number, of: number) => (of === 0 ? '-' : `${Math.round((100 * n) / of)}%`);
  const lines: string[] = [];
  lines.push(
    `playtest ${fileName} (${report.scenario.id}, ${report.scenario.hash}): ${total} games, ${games.historical} with historical players, ${games.random} with random players; seed "${report.seed}"`,
  );
  lines.push('');
  lines.push('wins (highest score of the three at the end; ties count for each):');
  for (const c of CAPITALS) {
    const w = report.wins[c];
    lines.push(
      `  ${c.padEnd(10)} ${pct(w.historical + w.random, total).padStart(5)}   historical ${pct(w.historical, games.historical).padStart(5)}   random ${pct(w.random, games.random).padStart(5)}`,
    );
  }
  lines.push('');
  lines.push('events (games in which each fired: historical / random):');
  for (const [id, f] of Object.entries(report.eventsFired)) {
    lines.push(
      `  ${id.padEnd(28)} ${pct(f.historical, games.historical).padStart(5)} / ${pct(f.random, games.random).padStart(5)}`,
    );
  }
  lines.push('');
  for (const f of report.findings) lines.push(`${f.severity}: ${f.message}`);
  const warnings = report.findings.filter((f) => f.severity === 'warning').length;
  const w = warnings > 0 ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : '';
  lines.push(
    report.hardProblems === 0
      ? `✓ ${fileName}: no hard problems in ${total} games (no non-finite numbers, stalls or crashes)${w}`
      : `✗ ${fileName}: ${report.hardProblems} hard problem${report.hardProblems === 1 ? '' : 's'} (non-finite numbers, stalls or crashes)${w}`,
  );
  return lines.join('\n');
}
