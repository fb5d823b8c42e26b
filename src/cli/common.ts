/** What the command-line tools share: argument parsing, loading rules, printing errors. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CAPITALS, type Capital, type FigureChoice, type FigureChoices, type Rules, type Seats } from '../engine';
import { getBot, botNames } from '../ai';
import { loadLedgerFileSync } from '../ledger/node';
import { formatLedgerError, type Ledger } from '../ledger';
import { formatIssue, loadScenario, resolveScenario, type Scenario } from '../scenario';

export class UsageError extends Error {}

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

export function parseArgs(argv: string[], valued: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    if (valued.includes(name)) {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`--${name} needs a value`);
      flags.set(name, v);
    } else {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      flags.set(name, true);
    }
  }
  return { positional, flags };
}

export function loadLedger(): Ledger {
  const r = loadLedgerFileSync();
  if (!r.ok) throw new UsageError(`the figures ledger is invalid:\n${r.errors.map(formatLedgerError).join('\n')}`);
  return r.value;
}

/** A scenario argument is a file path, or the id of a built-in scenario in scenarios/. */
export function scenarioPath(arg: string): string {
  if (existsSync(arg)) return resolve(arg);
  const builtIn = resolve('scenarios', `${arg}.yaml`);
  if (existsSync(builtIn)) return builtIn;
  throw new UsageError(`no scenario file "${arg}" (and no built-in scenario with that id in scenarios/)`);
}

export interface Loaded {
  scenario: Scenario;
  hash: string;
  ledger: Ledger;
  path: string;
}

export function loadScenarioArg(arg: string): Loaded {
  const path = scenarioPath(arg);
  const ledger = loadLedger();
  const r = loadScenario(readFileSync(path, 'utf8'), path, ledger);
  if (!r.ok) throw new UsageError(r.errors.map(formatIssue).join('\n'));
  return { scenario: r.value.scenario, hash: r.value.hash, ledger, path };
}

export function rulesFor(loaded: Loaded, choices: FigureChoices): Rules {
  return resolveScenario(loaded.scenario, loaded.ledger, choices, loaded.hash);
}

/** Finds a built-in scenario by id (records name their scenario by id and hash). */
export function findScenarioById(id: string): Loaded {
  return loadScenarioArg(id);
}

export function parseFigureChoice(v: string | true | undefined): FigureChoices {
  if (v === undefined) return { default: 'central' };
  if (v === 'low' || v === 'central' || v === 'high') return { default: v as FigureChoice };
  throw new UsageError(`--figures must be low, central or high, got ${String(v)}`);
}

export function parseSeats(v: string | true | undefined): Seats {
  const seats = { pyongyang: 'historical', moscow: 'historical', kyiv: 'historical' } as Seats;
  if (v === undefined) return seats;
  if (v === true) throw new UsageError('--seats needs a value like pyongyang=historical,moscow=random');
  for (const part of v.split(',')) {
    const [seat, bot] = part.split('=');
    if (!seat || !bot || !(CAPITALS as readonly string[]).includes(seat))
      throw new UsageError(`--seats: "${part}" should be <capital>=<player>, capital one of ${CAPITALS.join(', ')}`);
    if (!getBot(bot)) throw new UsageError(`--seats: unknown computer player "${bot}"; known: ${botNames().join(', ')}`);
    seats[seat as Capital] = bot;
  }
  return seats;
}

export function positiveInt(v: string | true | undefined, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (v === true || !Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a whole number of 1 or more`);
  return n;
}

/** Runs a command's main, turning usage errors into a clear message and exit code 2. */
export async function run(main: () => Promise<number> | number): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n`);
      process.exitCode = 2;
    } else throw e;
  }
}
